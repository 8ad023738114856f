import { CloudwatchEventApiDestination } from '@cdktf/provider-aws/lib/cloudwatch-event-api-destination';
import { TerraformProvider } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IConnection } from './connection';
import { HttpMethod } from './http-parameter';
import { resourceNameFromArn } from './private/arns';
import { defaultPhysicalName } from './private/names';
import { checkInteger } from './private/numbers';
import {
  API_DESTINATION_ARN,
  API_DESTINATION_DESCRIPTION,
  API_DESTINATION_HTTP_METHODS,
  API_DESTINATION_NAME,
  HTTPS_ENDPOINT,
  RATE_LIMIT_PER_SECOND,
} from './private/rules';
import { checkString, fail } from './private/validation';

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
   * The ARN of the API destination.
   */
  public readonly apiDestinationArn: string;

  /**
   * The name of the API destination.
   */
  public readonly apiDestinationName: string;

  /**
   * The connection the API destination uses.
   */
  public readonly connection: IConnection;

  /**
   * The underlying `aws_cloudwatch_event_api_destination` resource (construct
   * id `Resource`), as an escape hatch.
   */
  public readonly resource: CloudwatchEventApiDestination;

  constructor(scope: Construct, id: string, props: ApiDestinationProps) {
    super(scope, id);
    if (props === null || typeof props !== 'object') {
      fail(this, 'props', 'must be an object', props, 'Pass the API destination\'s properties, with at least `connection` and `endpoint`.');
    }

    const connection = props.connection as unknown;
    if (connection === null || typeof connection !== 'object' || typeof (connection as IConnection).connectionArn !== 'string') {
      fail(this, 'connection', 'must be a connection (IConnection)', connection,
        'Pass a Connection, ApiKeyConnection, BasicConnection, OAuthConnection or an imported connection.');
    }

    const name = props.apiDestinationName ?? defaultPhysicalName(this);
    checkString(this, 'apiDestinationName', name, API_DESTINATION_NAME,
      'Use a name such as "my-destination", or omit `apiDestinationName` to get a generated one.');
    if (props.description !== undefined) {
      checkString(this, 'description', props.description, API_DESTINATION_DESCRIPTION, 'Shorten the description.');
    }
    checkString(this, 'endpoint', props.endpoint, HTTPS_ENDPOINT,
      'Use the full https:// URL of the endpoint, with `*` for path parameters.');
    const httpMethod = props.httpMethod ?? HttpMethod.POST;
    if (!API_DESTINATION_HTTP_METHODS.includes(httpMethod)) {
      fail(this, 'httpMethod', `must be one of ${API_DESTINATION_HTTP_METHODS.join(', ')}`, httpMethod,
        'Use a value of HttpMethod.');
    }
    if (props.rateLimitPerSecond !== undefined) {
      checkInteger(this, 'rateLimitPerSecond', props.rateLimitPerSecond, RATE_LIMIT_PER_SECOND,
        'Use a whole number of invocations per second, or omit it for the default of 300.');
    }

    this.resource = new CloudwatchEventApiDestination(this, 'Resource', {
      name,
      description: props.description,
      connectionArn: (connection as IConnection).connectionArn,
      invocationEndpoint: props.endpoint,
      httpMethod,
      invocationRateLimitPerSecond: props.rateLimitPerSecond,
      provider: props.provider,
    });

    this.connection = connection as IConnection;
    this.apiDestinationArn = this.resource.arn;
    this.apiDestinationName = this.resource.name;
  }
}

/** An API destination given by ARN. */
class ImportedApiDestination extends Construct implements IApiDestination {
  public readonly apiDestinationArn: string;
  public readonly apiDestinationName: string;

  constructor(scope: Construct, id: string, apiDestinationArn: string) {
    super(scope, id);
    checkString(this, 'apiDestinationArn', apiDestinationArn, API_DESTINATION_ARN,
      'Copy the ARN from the EventBridge console or `aws events describe-api-destination`.');
    this.apiDestinationArn = apiDestinationArn;
    this.apiDestinationName = resourceNameFromArn(apiDestinationArn);
  }
}
