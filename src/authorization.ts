import type { CloudwatchEventConnectionAuthParameters } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { HttpMethod } from './http-method';
import { HttpParameter } from './http-parameter';
import { binding } from './private/bindings';
import { countParameters, parameterMapProperty, renderHttpParameters } from './private/http-parameters';
import type { Placement } from './private/placement';
import { AUTH_HEADER, HTTPS_ENDPOINT, OAUTH_HTTP_METHODS, RESOURCE_CONFIGURATION_ARN } from './private/rules';
import { bindingHasArgument, Checker, described, withoutNulls } from './private/validation';
import { SecretValue } from './secret-value';

/**
 * Properties of {@link Authorization.oauth}: OAuth 2.0 client credentials.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateConnectionOAuthRequestParameters.html
 */
export interface OAuthAuthorizationProps {
  /**
   * The URL of the authorization server's token endpoint, where EventBridge
   * exchanges the client credentials for an access token.
   *
   * An `https://` URL of 1-2048 characters.
   */
  readonly authorizationEndpoint: string;

  /**
   * The HTTP method EventBridge uses to call the authorization endpoint:
   * `GET`, `POST` or `PUT`.
   */
  readonly httpMethod: HttpMethod;

  /**
   * The OAuth client ID: 1-512 characters, no control characters, no `:`.
   */
  readonly clientId: string;

  /**
   * The OAuth client secret: 1-512 characters, no control characters, no `:`.
   */
  readonly clientSecret: SecretValue;

  /**
   * Body parameters sent to the authorization endpoint.
   *
   * Together with `headerParameters` and `queryStringParameters` they must
   * hold at least one parameter (the Terraform provider requires a non-empty
   * `oauth_http_parameters` block). At most 100 entries.
   *
   * @default - none
   */
  readonly bodyParameters?: { [key: string]: HttpParameter };

  /**
   * Header parameters sent to the authorization endpoint. At most 100 entries.
   *
   * @default - none
   */
  readonly headerParameters?: { [key: string]: HttpParameter };

  /**
   * Query string parameters sent to the authorization endpoint. At most 100 entries.
   *
   * @default - none
   */
  readonly queryStringParameters?: { [key: string]: HttpParameter };

  /**
   * The ARN of the VPC Lattice resource configuration through which
   * EventBridge reaches a private authorization endpoint (an endpoint in a
   * VPC, not on the internet): `auth_parameters.connectivity_parameters`.
   *
   * Needs a provider binding with that argument: `@cdktn/provider-aws` 25.7
   * or later (AWS provider 6.66); the cdktf flavour's bindings
   * (`@cdktf/provider-aws` 20.x, 21.x) lack it, and the connection refuses
   * the option there rather than drop it.
   *
   * @default - a public authorization endpoint
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/connection-private.html
   */
  readonly authorizationEndpointResourceConfigurationArn?: string;
}

/**
 * What an authorization renders to.
 * @internal
 */
export interface AuthorizationConfig {
  /** `API_KEY`, `BASIC` or `OAUTH_CLIENT_CREDENTIALS`. */
  readonly authorizationType: string;
  /** The `auth_parameters` block without `invocation_http_parameters`. */
  readonly authParameters: CloudwatchEventConnectionAuthParameters;
}

/**
 * How EventBridge authorizes its requests to an HTTP endpoint: an API key,
 * basic authentication, or OAuth 2.0 client credentials.
 *
 * The authorization type written to Terraform (`authorization_type`) is
 * derived from the factory used, so the type and the parameters always agree.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-target-connection-auth.html
 */
export abstract class Authorization {
  /**
   * API key authorization: EventBridge sends the key in a header.
   *
   * @param apiKeyName the name of the header, for example `x-api-key`: 1-512 characters, no control characters, no `:`
   * @param apiKeyValue the key: 1-512 characters, no control characters, no `:`
   */
  public static apiKey(apiKeyName: string, apiKeyValue: SecretValue): Authorization {
    return new ApiKeyAuthorization(apiKeyName, apiKeyValue);
  }

  /**
   * Basic authentication: EventBridge sends the username and password in an
   * `Authorization: Basic` header.
   *
   * @param username 1-512 characters, no control characters, no `:`
   * @param password 1-512 characters, no control characters, no `:`
   */
  public static basic(username: string, password: SecretValue): Authorization {
    return new BasicAuthorization(username, password);
  }

  /**
   * OAuth 2.0 client credentials: EventBridge obtains an access token from
   * the authorization endpoint and sends it with each request.
   *
   * @param props the endpoint, client credentials and parameters
   */
  public static oauth(props: OAuthAuthorizationProps): Authorization {
    return new OAuthAuthorization(props);
  }

  /**
   * The EventBridge authorization type: `API_KEY`, `BASIC` or `OAUTH_CLIENT_CREDENTIALS`.
   */
  public abstract readonly authorizationType: string;

  /**
   * Validates the authorization and renders it in the connection's scope.
   * @internal
   */
  public abstract _bind(scope: Construct, context: AuthorizationBindContext): AuthorizationConfig;
}

/**
 * What a connection gives its authorization to bind with.
 * @internal
 */
export interface AuthorizationBindContext extends Placement {
  /**
   * Prefixes the names of the OAuth parameter maps in messages: OAuthConnection calls
   * `bodyParameters` `oauthBodyParameters`. Default: none.
   */
  readonly parameterMapPrefix?: string;
}

const AUTH_FIX = 'Remove control characters and ":" and keep it within 512 characters.';

class ApiKeyAuthorization extends Authorization {
  public readonly authorizationType = 'API_KEY';

  constructor(private readonly apiKeyName: string, private readonly apiKeyValue: SecretValue) {
    super();
  }

  public _bind(scope: Construct, target: AuthorizationBindContext): AuthorizationConfig {
    new Checker(scope).string('apiKeyName', this.apiKeyName, AUTH_HEADER, AUTH_FIX);
    const value = SecretValue._resolveProp(scope, this.apiKeyValue, AUTH_HEADER, AUTH_FIX, { ...target, property: 'apiKeyValue' });
    return {
      authorizationType: this.authorizationType,
      authParameters: { apiKey: { key: this.apiKeyName, value } },
    };
  }
}

class BasicAuthorization extends Authorization {
  public readonly authorizationType = 'BASIC';

  constructor(private readonly username: string, private readonly password: SecretValue) {
    super();
  }

  public _bind(scope: Construct, target: AuthorizationBindContext): AuthorizationConfig {
    new Checker(scope).string('username', this.username, AUTH_HEADER, AUTH_FIX);
    const password = SecretValue._resolveProp(scope, this.password, AUTH_HEADER, AUTH_FIX, { ...target, property: 'password' });
    return {
      authorizationType: this.authorizationType,
      authParameters: { basic: { username: this.username, password } },
    };
  }
}

class OAuthAuthorization extends Authorization {
  public readonly authorizationType = 'OAUTH_CLIENT_CREDENTIALS';

  constructor(private readonly props: OAuthAuthorizationProps) {
    super();
  }

  public _bind(scope: Construct, context: AuthorizationBindContext): AuthorizationConfig {
    const check: Checker = new Checker(scope);
    const { parameterMapPrefix, ...target } = context;
    // A missing props object (possible from Python or JSON) reports the first missing prop by name;
    // an optional prop given as null is not given.
    const props = withoutNulls((this.props !== null && typeof this.props === 'object' ? this.props : {}) as OAuthAuthorizationProps);
    check.string('authorizationEndpoint', props.authorizationEndpoint, HTTPS_ENDPOINT,
      'Use the https:// URL of the token endpoint, percent-encoding other characters.');
    if (!Token.isUnresolved(props.httpMethod) && !OAUTH_HTTP_METHODS.includes(props.httpMethod)) {
      check.fail('httpMethod', `must be one of ${OAUTH_HTTP_METHODS.join(', ')} for an OAuth authorization endpoint`,
        props.httpMethod, 'Use HttpMethod.GET, HttpMethod.POST or HttpMethod.PUT.');
    }
    check.string('clientId', props.clientId, AUTH_HEADER, AUTH_FIX);
    const clientSecret = SecretValue._resolveProp(scope, props.clientSecret, AUTH_HEADER, AUTH_FIX, { ...target, property: 'clientSecret' });

    const [body, header, queryString] = (['body', 'header', 'queryString'] as const)
      .map((kind) => parameterMapProperty(kind, parameterMapPrefix));
    const count = countParameters(props.bodyParameters) + countParameters(props.headerParameters)
      + countParameters(props.queryStringParameters);
    if (count === 0) {
      check.fail(body,
        `or \`${header}\` or \`${queryString}\` must hold at least one parameter for an OAuth connection ` +
        '(the Terraform provider requires a non-empty oauth_http_parameters block)',
        described('none'),
        `Add the parameter the token endpoint expects, for example ${body}: ` +
        '{ grant_type: HttpParameter.fromString("client_credentials") }.');
    }
    const oauthHttpParameters = renderHttpParameters(scope, {
      body: props.bodyParameters,
      header: props.headerParameters,
      queryString: props.queryStringParameters,
    }, target, parameterMapPrefix) ?? {};

    const resourceConfigurationArn = props.authorizationEndpointResourceConfigurationArn;
    check.optionalString('authorizationEndpointResourceConfigurationArn', resourceConfigurationArn, RESOURCE_CONFIGURATION_ARN,
      'Use the ARN of the aws_vpclattice_resource_configuration of the authorization endpoint.');
    if (resourceConfigurationArn !== undefined && !bindingHasArgument(binding('CloudwatchEventConnectionAuthParameters'), 'connectivityParameters')) {
      check.fail('authorizationEndpointResourceConfigurationArn',
        'needs the `connectivity_parameters` argument of the `auth_parameters` of aws_cloudwatch_event_connection, which the ' +
        'installed provider binding does not have (@cdktn/provider-aws 25.7 or later: AWS provider 6.66)',
        resourceConfigurationArn,
        'Use the cdktn flavour (cdktn-eventbridge-connection with @cdktn/provider-aws 25.7 or later), or omit the option ' +
        'and use an authorization endpoint on the internet.');
    }

    return {
      authorizationType: this.authorizationType,
      authParameters: {
        oauth: {
          authorizationEndpoint: props.authorizationEndpoint,
          httpMethod: props.httpMethod,
          clientParameters: { clientId: props.clientId, clientSecret },
          oauthHttpParameters,
        },
        ...(resourceConfigurationArn === undefined ? {} : {
          // Not in every binding's types: checked above against the installed one.
          connectivityParameters: { resourceParameters: { resourceConfigurationArn } },
        } as object),
      },
    };
  }
}
