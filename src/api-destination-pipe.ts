import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { PipesPipe, PipesPipeSourceParametersFilterCriteriaFilter } from '@cdktf/provider-aws/lib/pipes-pipe';
import { IResolvable, TerraformIterator, TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import { IApiDestination } from './api-destination';
import { PipeSource } from './pipe-source';
import { PlacementOptions } from './placement';
import { adoptByName, moveFromAddress } from './private/adoption';
import { arnField } from './private/arns';
import { binding } from './private/bindings';
import { renderApiDestinationHttpParameters } from './private/http-parameters';
import { defaultPhysicalName } from './private/names';
import { placement, placementOf, requireSameRegion } from './private/placement';
import { createServiceRole, invokeApiDestinationStatement } from './private/policies';
import {
  MAX_PIPE_FILTERS,
  PIPE_DESCRIPTION,
  PIPE_FILTER_PATTERN,
  PIPE_INPUT_TEMPLATE,
  PIPE_NAME,
  ROLE_ARN,
} from './private/rules';
import { Checker, described, withoutNulls } from './private/validation';

/**
 * Whether a pipe runs.
 */
export enum PipeDesiredState {
  /** The pipe reads its source and calls its target. */
  RUNNING = 'RUNNING',
  /** The pipe exists but reads nothing. */
  STOPPED = 'STOPPED',
}

/**
 * An enrichment step: each batch is sent to an API destination first and
 * its response, instead of the batch, goes on to the target.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/pipes-enrichment.html
 */
export interface PipeApiDestinationEnrichment {
  /**
   * The API destination called to enrich each batch.
   */
  readonly apiDestination: IApiDestination;

  /**
   * The body sent to the enrichment instead of the batch: at most 8192
   * characters, with `<$.path>` placeholders for values of each event.
   *
   * @default - the batch is sent as it is
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-input-transformation.html
   */
  readonly inputTemplate?: string;

  /**
   * Headers sent with each request, in addition to the connection's. Values
   * may be JSON paths into the event (`$.body.id`). Not secret.
   *
   * @default - none
   */
  readonly headerParameters?: { [key: string]: string };

  /**
   * Values for the `*` wildcards of the API destination's endpoint, in
   * order. Each may be a JSON path into the event.
   *
   * @default - none
   */
  readonly pathParameterValues?: string[];

  /**
   * Query string parameters sent with each request, in addition to the
   * connection's. Values may be JSON paths into the event. Not secret.
   *
   * @default - none
   */
  readonly queryStringParameters?: { [key: string]: string };
}

/**
 * Properties of an {@link ApiDestinationPipe}.
 */
export interface ApiDestinationPipeProps extends PlacementOptions {
  /**
   * What the pipe reads: `PipeSource.sqsQueue()`, `PipeSource.kinesisStream()`
   * or `PipeSource.dynamoDbStream()`.
   */
  readonly source: PipeSource;

  /**
   * The API destination each event (or batch) is sent to.
   */
  readonly apiDestination: IApiDestination;

  /**
   * The pipe's name: 1-64 characters of A-Z a-z 0-9 . - _.
   *
   * @default - a unique name derived from the stack name and the construct path
   */
  readonly pipeName?: string;

  /**
   * A description of the pipe: at most 512 characters.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Whether the pipe runs.
   *
   * @default PipeDesiredState.RUNNING
   */
  readonly desiredState?: PipeDesiredState;

  /**
   * Event patterns as JSON text (at most 5, each at most 4096 characters):
   * only the events that match one of them go on, e.g.
   * `JSON.stringify({ body: { type: ['order.placed'] } })`. For an SQS
   * source a message's JSON body is matched under `body`.
   *
   * @default - every event goes on
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-filtering.html
   */
  readonly filters?: string[];

  /**
   * Calls an API destination on each batch before the target and sends its
   * response on.
   *
   * @default - no enrichment
   */
  readonly enrichment?: PipeApiDestinationEnrichment;

  /**
   * The body sent to the API destination instead of the event: at most
   * 8192 characters, with `<$.path>` placeholders for values of the event.
   *
   * @default - the event (or the enrichment's response) is sent as it is
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-input-transformation.html
   */
  readonly inputTemplate?: string;

  /**
   * Headers sent with each request, in addition to the connection's; the
   * connection's win on conflict. Values may be JSON paths into the event
   * (`$.body.id`). Not secret: put secret headers on the connection.
   *
   * @default - none
   */
  readonly headerParameters?: { [key: string]: string };

  /**
   * Values for the `*` wildcards of the API destination's endpoint, in
   * order. Each may be a JSON path into the event.
   *
   * @default - none
   */
  readonly pathParameterValues?: string[];

  /**
   * Query string parameters sent with each request, in addition to the
   * connection's. Values may be JSON paths into the event. Not secret.
   *
   * @default - none
   */
  readonly queryStringParameters?: { [key: string]: string };

  /**
   * The ARN of an IAM role the pipe assumes. It must trust
   * `pipes.amazonaws.com`, allow reading the source and allow
   * `events:InvokeApiDestination` on the API destination (and on the
   * enrichment's).
   *
   * @default - a role is created, with exactly that trust and those permissions
   */
  readonly roleArn?: string;
}

/**
 * An EventBridge pipe from a source (an SQS queue, a Kinesis data stream or
 * a DynamoDB stream) to an API destination, with optional filters, an
 * optional enrichment through another API destination, and an input
 * template.
 *
 * Creates an `aws_pipes_pipe` (construct id `Resource`) and, unless
 * `roleArn` is given, its `aws_iam_role` (construct id `Role`) trusting
 * `pipes.amazonaws.com` for the API destination's account, with an inline
 * policy that allows exactly: the source's read actions on the source,
 * `sqs:SendMessage` on the source's dead-letter queue if it has one, and
 * `events:InvokeApiDestination` on the API destination (and the
 * enrichment's).
 *
 * A pipe whose target is an API destination has no dead-letter queue for
 * failed calls: the service offers none (a stream source's
 * `deadLetterQueueArn` receives the records of the batches that failed for
 * good; an SQS source keeps failed messages in the queue, and the queue's
 * own redrive policy applies).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/pipes_pipe
 */
export class ApiDestinationPipe extends Construct {
  /**
   * The ARN of the role the pipe assumes: the created role's, or the given
   * `roleArn`.
   */
  public readonly roleArn: string;

  /**
   * The created role (construct id `Role`).
   *
   * @default - undefined when `roleArn` was given
   */
  public readonly role?: IamRole;

  /**
   * The underlying `aws_pipes_pipe` resource (construct id `Resource`), as
   * an escape hatch.
   */
  public readonly resource: PipesPipe;

  // What adoptExisting() builds the import ID from.
  readonly #identity: { readonly name: string; readonly region?: string };
  // The resource's references, read when first asked for (as the other constructs do): each
  // reference cdktf makes records a stack trace.
  #pipeName?: string;
  #pipeArn?: string;

  constructor(scope: Construct, id: string, props: ApiDestinationPipeProps) {
    super(scope, id);
    const check: Checker = new Checker(this);
    props = check.props(props, 'Pass the pipe\'s properties, with at least `source` and `apiDestination`.');

    const destination = check.apiDestination('apiDestination', props.apiDestination);
    const Resource = binding('PipesPipe');
    const inherited = destination._placement;
    const where = placement(check, props, Resource, { provider: 'the API destination\'s', region: 'the API destination\'s' },
      placementOf(destination));
    requireSameRegion(check, this, where, props, destination, inherited, ['pipe', 'API destination'],
      'a pipe calls only an API destination in its own account and region');

    const source = props.source as unknown;
    if (source === null || typeof source !== 'object' || typeof (source as PipeSource)._bind !== 'function') {
      check.fail('source', 'must be made with PipeSource.sqsQueue(), PipeSource.kinesisStream() or PipeSource.dynamoDbStream()',
        source, 'Pass a PipeSource, e.g. PipeSource.sqsQueue(queue.arn).');
    }
    const bound = (source as PipeSource)._bind(check);

    const pipeName = props.pipeName ?? defaultPhysicalName(this);
    check.string('pipeName', pipeName, PIPE_NAME, 'Use a name such as "orders-to-partner", or omit `pipeName` to get a generated one.');
    check.optionalString('description', props.description, PIPE_DESCRIPTION, 'Shorten the description to 512 characters.');
    const desiredState = props.desiredState;
    if (desiredState !== undefined && !Object.values<string>(PipeDesiredState).includes(desiredState)) {
      check.fail('desiredState', `must be one of ${Object.values(PipeDesiredState).join(', ')}`, desiredState,
        'Use a value of PipeDesiredState, or omit it.');
    }
    const filters = renderFilters(check, props.filters);
    const enrichment = renderEnrichment(check, this, props.enrichment, where);
    check.optionalString('inputTemplate', props.inputTemplate, PIPE_INPUT_TEMPLATE, 'Shorten the template to 8192 characters.');
    const httpParameters = renderApiDestinationHttpParameters(check, props);

    let rolePolicy: IamRolePolicy | undefined;
    if (props.roleArn !== undefined) {
      check.string('roleArn', props.roleArn, ROLE_ARN, 'Pass the role\'s ARN, or omit `roleArn` to get a role created.');
      this.roleArn = props.roleArn;
    } else {
      const destinations = enrichment ? [destination, enrichment.destination] : [destination];
      const created = createServiceRole(this, {
        servicePrincipal: 'pipes.amazonaws.com',
        sourceAccount: arnField(destination.apiDestinationArn, 4),
        description: `EventBridge Pipes reads a source and invokes an API destination for ${this.node.path}`,
        statements: [...bound.statements, invokeApiDestinationStatement(...destinations)],
        policyName: 'read-source-invoke-api-destination',
        provider: where.provider,
      });
      this.role = created.role;
      this.roleArn = created.role.arn;
      rolePolicy = created.policy;
    }

    const sourceParameters = filters === undefined ? bound.sourceParameters
      : { ...bound.sourceParameters, filterCriteria: { filter: filterBlocks(filters) } };
    this.resource = new Resource(this, 'Resource', {
      name: pipeName,
      description: props.description,
      desiredState,
      roleArn: this.roleArn,
      source: (source as PipeSource).sourceArn,
      sourceParameters: Object.keys(sourceParameters).length > 0 ? sourceParameters : undefined,
      enrichment: enrichment?.destination.apiDestinationArn,
      enrichmentParameters: enrichment?.parameters,
      target: destination.apiDestinationArn,
      targetParameters: props.inputTemplate === undefined && httpParameters === undefined ? undefined
        : { inputTemplate: props.inputTemplate, httpParameters },
      provider: where.provider,
      region: where.region,
      // The service checks the role's permissions when the pipe starts: attach them first.
      dependsOn: rolePolicy === undefined ? undefined : [rolePolicy],
    });
    this.#identity = { name: pipeName, region: where.region };
  }

  /**
   * The pipe's name.
   */
  public get pipeName(): string {
    return this.#pipeName ??= this.resource.name;
  }

  /**
   * The pipe's ARN.
   */
  public get pipeArn(): string {
    return this.#pipeArn ??= this.resource.arn;
  }

  /**
   * Adopts a pipe that exists outside Terraform: writes a Terraform `import`
   * block (Terraform 1.5 or later) that reads it into this construct's
   * `aws_pipes_pipe` at the next plan and apply, instead of creating a new
   * one. Only the pipe is adopted: the role it uses is created unless
   * `roleArn` is given, so pass the existing pipe's role as `roleArn` to keep it.
   *
   * @param importId the pipe's name, as `terraform import` takes it
   * @default - the pipe's name (and `@<region>` when the pipe has a `region`)
   * @see https://developer.hashicorp.com/terraform/language/import
   */
  public adoptExisting(importId?: string): void {
    adoptByName(this, this.resource, importId, this.#identity.name, this.#identity.region, 'pipe', 'pipeName');
  }

  /**
   * Takes over a pipe that this Terraform state holds at another address,
   * e.g. one created with the raw `PipesPipe` binding, without replacing it:
   * writes a Terraform `moved` block from that address to this construct's
   * `aws_pipes_pipe`. The role is not moved: pass the old pipe's role as
   * `roleArn` (or move the role with `pipe.role.moveFromId(...)`).
   *
   * @param resourceAddress the old address, e.g. `aws_pipes_pipe.orders`
   * @see https://developer.hashicorp.com/terraform/language/modules/develop/refactoring
   */
  public moveFrom(resourceAddress: string): void {
    moveFromAddress(this, this.resource, resourceAddress);
  }

  /**
   * The role the pipe assumes (construct id `Role`), trusting `pipes.amazonaws.com` on behalf
   * of the API destination's account, with an inline policy (construct ids `PolicyDocument` and
   * `Policy`, name `read-source-invoke-api-destination`).
   */
}

function renderFilters(check: Checker, filters: string[] | undefined): string[] | undefined {
  const list = check.stringList('filters', filters, PIPE_FILTER_PATTERN,
    'Pass an event pattern as JSON text of at most 4096 characters, e.g. JSON.stringify({ body: { type: ["order.placed"] } }).');
  if (list === undefined || Token.isUnresolved(list)) return list;
  if (list.length > MAX_PIPE_FILTERS) {
    check.fail('filters', `must have at most ${MAX_PIPE_FILTERS} entries`, described(`${list.length} entries`),
      'Combine the patterns: one pattern can match several values of a field.');
  }
  list.forEach((pattern, i) => {
    if (Token.isUnresolved(pattern)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(pattern);
    } catch {
      parsed = undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      check.fail(`filters[${i}]`, 'must be an event pattern: a JSON object', pattern,
        'Pass JSON text of an object, e.g. JSON.stringify({ body: { type: ["order.placed"] } }).');
    }
  });
  return list;
}

/** One `filter` block per pattern; for a list that is a token, a dynamic block over it. */
function filterBlocks(patterns: string[]): PipesPipeSourceParametersFilterCriteriaFilter[] | IResolvable {
  if (!Token.isUnresolved(patterns)) return patterns.map((pattern) => ({ pattern }));
  const each = TerraformIterator.fromList(patterns);
  return each.dynamic({ pattern: each.value });
}

function renderEnrichment(check: Checker, scope: Construct, given: PipeApiDestinationEnrichment | undefined,
  where: { readonly provider?: TerraformProvider; readonly region?: string }) {
  if (given === undefined) return undefined;
  const enrichment = check.props(given, 'Pass { apiDestination, inputTemplate?, headerParameters?, ... }.', 'enrichment');
  const destination = check.apiDestination('enrichment.apiDestination', enrichment.apiDestination);
  requireSameRegion(check, scope, where, {}, destination, destination._placement, ['pipe', 'enrichment API destination'],
    'a pipe calls only an API destination in its own account and region');
  check.optionalString('enrichment.inputTemplate', enrichment.inputTemplate, PIPE_INPUT_TEMPLATE,
    'Shorten the template to 8192 characters.');
  const httpParameters = renderApiDestinationHttpParameters(check, withoutNulls(enrichment), 'enrichment.');
  return {
    destination,
    parameters: enrichment.inputTemplate === undefined && httpParameters === undefined ? undefined
      : { inputTemplate: enrichment.inputTemplate, httpParameters },
  };
}
