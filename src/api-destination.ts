import type { CloudwatchEventApiDestination, CloudwatchEventApiDestinationConfig } from '@cdktf/provider-aws/lib/cloudwatch-event-api-destination';
import { TerraformProvider, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IConnection } from './connection';
import { HttpMethod } from './http-method';
import { PlacementOptions } from './placement';
import { adoptByName, moveFromAddress } from './private/adoption';
import { arnForPolicy, resourceNameFromArn } from './private/arns';
import { binding } from './private/bindings';
import { defaultPhysicalName } from './private/names';
import { Placement, placement, placementOf, requireSameRegion } from './private/placement';
import { invokeApiDestinationStatement } from './private/policies';
import {
  API_DESTINATION_ARN,
  API_DESTINATION_DESCRIPTION,
  API_DESTINATION_HTTP_METHODS,
  API_DESTINATION_NAME,
  HTTPS_ENDPOINT,
  RATE_LIMIT_PER_SECOND,
} from './private/rules';
import { Checker } from './private/validation';
import { RoleGrant } from './role-grant';

/**
 * An EventBridge API destination, created in this stack or imported.
 */
export interface IApiDestination extends IConstruct {
  /**
   * The ARN of the API destination.
   */
  readonly apiDestinationArn: string;

  /**
   * The name of the API destination.
   */
  readonly apiDestinationName: string;

  /**
   * The ARN of the API destination in the form IAM policies name it: without
   * the trailing `/<id>` (`arn:<partition>:events:<region>:<account>:api-destination/<name>`),
   * as CloudFormation's `ArnForPolicy` and aws-cdk's
   * `apiDestinationArnForPolicy`. A policy on it keeps working when the
   * destination is replaced under the same name. Built with Terraform's
   * `split`, `slice` and `join` when the ARN is a token.
   *
   * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridge.html#amazoneventbridge-resources-for-iam-policies
   */
  readonly apiDestinationArnForPolicy: string;

  /**
   * Where the API destination is (its provider and region): the default placement of the rule
   * targets that send to it.
   * @internal
   */
  readonly _placement?: Placement;

  /**
   * Allows the IAM role named `roleName` to invoke this API destination:
   * `events:InvokeApiDestination` on {@link IApiDestination.apiDestinationArnForPolicy},
   * and nothing else. For the role of an EventBridge Pipe or of a rule
   * target whose role you manage.
   *
   * Attaches an inline policy (`aws_iam_role_policy`, rendered by an
   * `aws_iam_policy_document`) in the API destination's scope, under an id
   * derived from the role name: granting again to the same role returns the
   * same grant.
   *
   * @param roleName the role's name (not its ARN), e.g. `role.name`
   */
  grantInvoke(roleName: string): RoleGrant;
}

/**
 * The attributes of an existing API destination, for
 * {@link ApiDestination.fromApiDestinationAttributes}.
 */
export interface ApiDestinationAttributes extends PlacementOptions {
  /**
   * The ARN of the API destination
   * (`arn:<partition>:events:<region>:<account>:api-destination/<name>/<id>`).
   */
  readonly apiDestinationArn: string;

  /**
   * The connection the API destination uses, as aws-cdk's
   * `ApiDestinationAttributes` take it. It is not kept on the imported
   * destination; it is used for two things: when both ARNs are literal, the
   * connection must be in the API destination's partition, region and
   * account, as EventBridge requires; and without `provider` and `region`,
   * the imported destination takes the connection's placement.
   *
   * @default - not known: no check, and the stack's default placement
   */
  readonly connection?: IConnection;
}

/**
 * Properties of an {@link ApiDestination}.
 */
export interface ApiDestinationProps extends PlacementOptions {
  /**
   * The connection that authorizes the requests EventBridge sends to the
   * endpoint, with its invocation HTTP parameters.
   */
  readonly connection: IConnection;

  /**
   * The URL EventBridge sends events to: an `https://` URL of 1-2048
   * characters. It may contain `*` wildcards in its path, filled in by the
   * target's `pathParameterValues`.
   *
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html
   */
  readonly endpoint: string;

  /**
   * The HTTP method EventBridge uses to call the endpoint.
   *
   * @default HttpMethod.POST
   */
  readonly httpMethod?: HttpMethod;

  /**
   * The most invocations per second EventBridge sends to the endpoint; an
   * integer of at least 1. Events above the rate are retried according to
   * the target's retry policy.
   *
   * @default - not set: EventBridge's and the Terraform provider's default, 300
   */
  readonly rateLimitPerSecond?: number;

  /**
   * The name of the API destination: 1-64 characters of A-Z a-z 0-9 . - _.
   *
   * Changing it replaces the API destination.
   *
   * @default - a name unique in the stack, derived from the stack name and the construct path
   */
  readonly apiDestinationName?: string;

  /**
   * A description of the API destination, up to 512 characters.
   *
   * @default - no description
   */
  readonly description?: string;
}

/**
 * An EventBridge API destination: an HTTPS endpoint, called with a
 * connection's authorization, that rules can send events to.
 *
 * Wraps the Terraform resource `aws_cloudwatch_event_api_destination`. Send a
 * rule's events to it with {@link ApiDestinationTarget}.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_event_api_destination
 */
export class ApiDestination extends Construct implements IApiDestination {
  /**
   * Imports an API destination by ARN. Its name is taken from the ARN (with
   * Terraform's `split` and `element` when the ARN is a token).
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param apiDestinationArn the API destination's ARN
   */
  public static fromApiDestinationArn(scope: Construct, id: string, apiDestinationArn: string): IApiDestination {
    return new ImportedApiDestination(scope, id, { apiDestinationArn });
  }

  /**
   * Imports an API destination from its ARN and, optionally, its connection.
   * Its name and ARN for policies are taken from the ARN.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param attrs the API destination's ARN, and optionally its connection
   */
  public static fromApiDestinationAttributes(scope: Construct, id: string, attrs: ApiDestinationAttributes): IApiDestination {
    return new ImportedApiDestination(scope, id, attrs);
  }

  /**
   * Checks the props of `destination` and returns the binding's config, or throws the library's
   * error: the whole of the constructor but the binding (see Connection's constructor for why).
   */
  private static checkedConfig(destination: ApiDestination, given: ApiDestinationProps) {
    const check: Checker = new Checker(destination);
    const props = check.props(given, 'Pass the API destination\'s properties, with at least `connection` and `endpoint`.');
    const connection = check.connection('connection', props.connection);
    const Resource = binding('CloudwatchEventApiDestination');
    const where = placement(check, props, Resource, { provider: 'the connection\'s', region: 'the connection\'s' },
      placementOf(connection));
    requireSameRegion(check, destination, where, props, connection, connection._placement, ['API destination', 'connection'],
      'EventBridge requires an API destination and its connection in one account and region');

    const name = props.apiDestinationName ?? defaultPhysicalName(destination);
    check.string('apiDestinationName', name, API_DESTINATION_NAME,
      'Use a name such as "my-destination", or omit `apiDestinationName` to get a generated one.');
    check.optionalString('description', props.description, API_DESTINATION_DESCRIPTION, 'Shorten the description.');
    check.string('endpoint', props.endpoint, HTTPS_ENDPOINT,
      'Use the full https:// URL of the endpoint, with `*` for path parameters.');
    const httpMethod = props.httpMethod ?? HttpMethod.POST;
    if (!API_DESTINATION_HTTP_METHODS.includes(httpMethod)) {
      check.fail('httpMethod', `must be one of ${API_DESTINATION_HTTP_METHODS.join(', ')}`, httpMethod,
        'Use a value of HttpMethod.');
    }
    if (props.rateLimitPerSecond !== undefined) {
      check.integer('rateLimitPerSecond', props.rateLimitPerSecond, RATE_LIMIT_PER_SECOND,
        'Use a whole number of invocations per second, or omit it for the default of 300.');
    }

    const config: CloudwatchEventApiDestinationConfig = {
      name,
      description: props.description,
      connectionArn: connection.connectionArn,
      invocationEndpoint: props.endpoint,
      httpMethod,
      invocationRateLimitPerSecond: props.rateLimitPerSecond,
      provider: where.provider,
      region: where.region,
    };
    return { Resource, config, connection, where };
  }

  /**
   * The connection the API destination uses.
   */
  public readonly connection: IConnection;

  /**
   * The underlying `aws_cloudwatch_event_api_destination` resource (construct
   * id `Resource`), as an escape hatch.
   */
  public readonly resource: CloudwatchEventApiDestination;

  // Attribute tokens are made on first read, as Connection's are (see there).
  #apiDestinationArn?: string;
  #apiDestinationName?: string;
  #apiDestinationArnForPolicy?: string;

  /**
   * The API destination's provider and region (see {@link IApiDestination._placement}).
   * @internal
   */
  public readonly _placement: Placement;

  constructor(scope: Construct, id: string, props: ApiDestinationProps) {
    super(scope, id);
    // The binding at the top of the constructor, as in Connection's (see there).
    const { Resource, config, connection, where } = ApiDestination.checkedConfig(this, props);
    this.resource = new Resource(this, 'Resource', config);
    this.connection = connection;
    this._placement = where;
  }

  /**
   * The ARN of the API destination.
   */
  public get apiDestinationArn(): string {
    return this.#apiDestinationArn ??= this.resource.arn;
  }

  /**
   * The name of the API destination.
   */
  public get apiDestinationName(): string {
    return this.#apiDestinationName ??= this.resource.name;
  }

  /**
   * The ARN of the API destination without the trailing `/<id>`, for IAM
   * policies (see {@link IApiDestination.apiDestinationArnForPolicy}).
   */
  public get apiDestinationArnForPolicy(): string {
    return this.#apiDestinationArnForPolicy ??= arnForPolicy(this.apiDestinationArn);
  }

  /**
   * Allows the IAM role named `roleName` to invoke this API destination
   * (see {@link IApiDestination.grantInvoke}).
   *
   * @param roleName the role's name (not its ARN), e.g. `role.name`
   */
  public grantInvoke(roleName: string): RoleGrant {
    return grantInvoke(this, roleName, this._placement.provider);
  }

  /**
   * Adopts an API destination that exists outside Terraform: writes a
   * Terraform `import` block (Terraform 1.5 or later) that reads it into this
   * construct's resource at the next plan and apply, instead of creating a new
   * one. Describe the destination as it is; a difference shows as an in-place
   * update, or as a replacement for the name.
   *
   * @param importId the API destination's name, as `terraform import` takes it
   * @default - the construct's API destination name (and `@<region>` when it has a `region`)
   * @see https://developer.hashicorp.com/terraform/language/import
   */
  public adoptExisting(importId?: string): void {
    adoptByName(this, this.resource, importId, this.resource.nameInput, this._placement.region, 'API destination', 'apiDestinationName');
  }


  /**
   * Takes over an API destination that this Terraform state holds at another
   * address, e.g. one created with the raw `CloudwatchEventApiDestination`
   * binding, without destroying it: writes a Terraform `moved` block from that
   * address to this construct's resource.
   *
   * @param resourceAddress the old address, e.g.
   * `aws_cloudwatch_event_api_destination.orders`
   * @see https://developer.hashicorp.com/terraform/language/modules/develop/refactoring
   */
  public moveFrom(resourceAddress: string): void {
    moveFromAddress(this, this.resource, resourceAddress);
  }
}

/** An API destination given by ARN, and optionally its connection. */
class ImportedApiDestination extends Construct implements IApiDestination {
  public readonly apiDestinationArn: string;
  public readonly apiDestinationName: string;
  public readonly apiDestinationArnForPolicy: string;
  public readonly _placement?: Placement;

  constructor(scope: Construct, id: string, given: ApiDestinationAttributes) {
    super(scope, id);
    const check: Checker = new Checker(this);
    const attrs = check.props(given, 'Pass at least `apiDestinationArn`.', 'attrs');
    check.string('apiDestinationArn', attrs.apiDestinationArn, API_DESTINATION_ARN,
      'Copy the ARN from the EventBridge console or `aws events describe-api-destination`.');
    if (attrs.connection !== undefined) {
      const connection = check.connection('connection', attrs.connection, true);
      checkSameLocation(check, attrs.apiDestinationArn, connection.connectionArn);
    }
    // Where it is, when the attributes say so (else its connection's, where that is known).
    this._placement = attrs.provider === undefined && attrs.region === undefined ? attrs.connection?._placement
      : placement(check, attrs, binding('CloudwatchEventApiDestination'),
        { provider: 'the stack\'s default AWS provider', region: 'the provider\'s' });
    this.apiDestinationArn = attrs.apiDestinationArn;
    this.apiDestinationName = resourceNameFromArn(attrs.apiDestinationArn);
    this.apiDestinationArnForPolicy = arnForPolicy(attrs.apiDestinationArn);
  }

  public grantInvoke(roleName: string): RoleGrant {
    return grantInvoke(this, roleName, this._placement?.provider);
  }
}

/** An API destination uses a connection of its own partition, region and account. */
function checkSameLocation(check: Checker, apiDestinationArn: string, connectionArn: string): void {
  if (Token.isUnresolved(apiDestinationArn) || Token.isUnresolved(connectionArn)) return;
  const where = (arn: string) => arn.split(':').slice(0, 5).join(':');
  if (where(apiDestinationArn) !== where(connectionArn)) {
    check.fail('connection', `must be in the API destination's partition, region and account (${where(apiDestinationArn)})`,
      connectionArn, 'Pass the connection the API destination uses: EventBridge requires it in the same account and region.');
  }
}

/** `events:InvokeApiDestination` on the destination's ARN for policies, as aws-cdk's grantInvokeApiDestination. */
function grantInvoke(destination: Construct & IApiDestination, roleName: string, provider: TerraformProvider | undefined): RoleGrant {
  return RoleGrant._grant(destination, 'InvokeGrant', roleName, () => [invokeApiDestinationStatement(destination)], provider);
}
