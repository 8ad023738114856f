import type { CloudwatchEventApiDestination } from '@cdktf/provider-aws/lib/cloudwatch-event-api-destination';
import { TerraformProvider } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IConnection } from './connection';
import { HttpMethod } from './http-method';
import { resourceNameFromArn } from './private/arns';
import { binding } from './private/bindings';
import { defaultPhysicalName } from './private/names';
import {
  API_DESTINATION_ARN,
  API_DESTINATION_DESCRIPTION,
  API_DESTINATION_HTTP_METHODS,
  API_DESTINATION_NAME,
  HTTPS_ENDPOINT,
  RATE_LIMIT_PER_SECOND,
} from './private/rules';
import { Checker } from './private/validation';

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
}

/**
 * Properties of an {@link ApiDestination}.
 */
export interface ApiDestinationProps {
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

  /**
   * The AWS provider to create the API destination with, for example a
   * second `AwsProvider` for another region. It must be the provider (the
   * region) of the connection.
   *
   * @default - the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
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
    return new ImportedApiDestination(scope, id, apiDestinationArn);
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

  constructor(scope: Construct, id: string, given: ApiDestinationProps) {
    super(scope, id);
    const check: Checker = new Checker(this);
    const props = check.props(given, 'Pass the API destination\'s properties, with at least `connection` and `endpoint`.');
    const connection = check.connection('connection', props.connection);

    const name = props.apiDestinationName ?? defaultPhysicalName(this);
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

    this.resource = new (binding('CloudwatchEventApiDestination'))(this, 'Resource', {
      name,
      description: props.description,
      connectionArn: connection.connectionArn,
      invocationEndpoint: props.endpoint,
      httpMethod,
      invocationRateLimitPerSecond: props.rateLimitPerSecond,
      provider: props.provider,
    });

    this.connection = connection;
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
}

/** An API destination given by ARN. */
class ImportedApiDestination extends Construct implements IApiDestination {
  public readonly apiDestinationArn: string;
  public readonly apiDestinationName: string;

  constructor(scope: Construct, id: string, apiDestinationArn: string) {
    super(scope, id);
    new Checker(this).string('apiDestinationArn', apiDestinationArn, API_DESTINATION_ARN,
      'Copy the ARN from the EventBridge console or `aws events describe-api-destination`.');
    this.apiDestinationArn = apiDestinationArn;
    this.apiDestinationName = resourceNameFromArn(apiDestinationArn);
  }
}
