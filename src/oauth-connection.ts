import { Construct } from 'constructs';
import { Authorization } from './authorization';
import { Connection, ConnectionOptions } from './connection';
import { HttpMethod } from './http-method';
import { HttpParameter } from './http-parameter';
import { withAuthorization } from './private/flat-props';
import { SecretValue } from './secret-value';

/**
 * Properties of an {@link OAuthConnection}.
 */
export interface OAuthConnectionProps extends ConnectionOptions {
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
   * Together with `oauthHeaderParameters` and `oauthQueryStringParameters`
   * they must hold at least one parameter (the Terraform provider requires a
   * non-empty `oauth_http_parameters` block). At most 100 entries.
   *
   * @default - none
   */
  readonly oauthBodyParameters?: { [key: string]: HttpParameter };

  /**
   * Header parameters sent to the authorization endpoint. At most 100 entries.
   *
   * @default - none
   */
  readonly oauthHeaderParameters?: { [key: string]: HttpParameter };

  /**
   * Query string parameters sent to the authorization endpoint. At most 100 entries.
   *
   * @default - none
   */
  readonly oauthQueryStringParameters?: { [key: string]: HttpParameter };

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
 * An EventBridge connection that authorizes with OAuth 2.0 client
 * credentials (`authorization_type = "OAUTH_CLIENT_CREDENTIALS"`).
 *
 * The `oauth*Parameters` props go to the authorization endpoint; the
 * `headerParameters`, `queryStringParameters` and `bodyParameters` props go
 * with every invocation of the API destination.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateConnectionOAuthRequestParameters.html
 */
export class OAuthConnection extends Connection {
  constructor(scope: Construct, id: string, props: OAuthConnectionProps) {
    super(scope, id, withAuthorization(props, (p) => Authorization.oauth({
      authorizationEndpoint: p.authorizationEndpoint,
      httpMethod: p.httpMethod,
      clientId: p.clientId,
      clientSecret: p.clientSecret,
      bodyParameters: p.oauthBodyParameters,
      headerParameters: p.oauthHeaderParameters,
      queryStringParameters: p.oauthQueryStringParameters,
      authorizationEndpointResourceConfigurationArn: p.authorizationEndpointResourceConfigurationArn,
    })));
  }

  /**
   * Messages name the OAuth parameter maps as this construct's props do (`oauthBodyParameters`).
   * @internal
   */
  protected get _parameterMapPrefix(): string {
    return 'oauth';
  }
}
