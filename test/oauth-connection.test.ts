import { CloudwatchEventConnection } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { TerraformVariable, Testing } from 'cdktf';
import { HttpMethod, HttpParameter, OAuthConnection, OAuthConnectionProps, SecretValue } from '../src';
import { connectionBlock, newStack } from './util';

const props = (stack: any): OAuthConnectionProps => ({
  connectionName: 'salesforce',
  authorizationEndpoint: 'https://login.salesforce.com/services/oauth2/token',
  httpMethod: HttpMethod.POST,
  clientId: 'client-id',
  clientSecret: SecretValue.fromTerraformVariable(new TerraformVariable(stack, 'client_secret', { type: 'string', sensitive: true })),
  oauthBodyParameters: { grant_type: HttpParameter.fromString('client_credentials') },
});

describe('OAuthConnection', () => {
  test('creates an OAUTH_CLIENT_CREDENTIALS connection from flat props', () => {
    const stack = newStack();
    new OAuthConnection(stack, 'Conn', props(stack));
    expect(Testing.synth(stack)).toHaveResourceWithProperties(CloudwatchEventConnection, {
      name: 'salesforce',
      authorization_type: 'OAUTH_CLIENT_CREDENTIALS',
      auth_parameters: {
        oauth: {
          authorization_endpoint: 'https://login.salesforce.com/services/oauth2/token',
          http_method: 'POST',
          client_parameters: { client_id: 'client-id', client_secret: '${var.client_secret}' },
          oauth_http_parameters: { body: [{ key: 'grant_type', value: 'client_credentials', is_value_secret: false }] },
        },
      },
    });
  });

  test('keeps OAuth parameters and invocation parameters apart', () => {
    const stack = newStack();
    new OAuthConnection(stack, 'Conn', {
      ...props(stack),
      oauthHeaderParameters: { 'X-Oauth': HttpParameter.fromString('to-token-endpoint') },
      headerParameters: { 'X-Invoke': HttpParameter.fromString('to-api-destination') },
    });
    const auth = connectionBlock(stack).auth_parameters;
    expect(auth.oauth.oauth_http_parameters.header).toEqual([{ key: 'X-Oauth', value: 'to-token-endpoint', is_value_secret: false }]);
    expect(auth.invocation_http_parameters.header).toEqual([{ key: 'X-Invoke', value: 'to-api-destination', is_value_secret: false }]);
  });

  test('accepts a query string parameter alone as the OAuth parameter', () => {
    const stack = newStack();
    new OAuthConnection(stack, 'Conn', {
      ...props(stack),
      oauthBodyParameters: undefined,
      oauthQueryStringParameters: { scope: HttpParameter.fromString('api') },
    });
    expect(connectionBlock(stack).auth_parameters.oauth.oauth_http_parameters).toEqual({
      query_string: [{ key: 'scope', value: 'api', is_value_secret: false }],
    });
  });

  test.each<[string, (stack: any) => any, string]>([
    ['no OAuth parameter, naming the flat props', (stack) => ({ ...props(stack), oauthBodyParameters: undefined }),
      '`oauthBodyParameters` or `oauthHeaderParameters` or `oauthQueryStringParameters` must hold at least one parameter for an OAuth connection (the Terraform provider requires a non-empty oauth_http_parameters block), got none (at TestStack/Conn). Add the parameter the token endpoint expects, for example oauthBodyParameters: { grant_type: HttpParameter.fromString("client_credentials") }.'],
    ['a bad OAuth header key, naming the flat prop', (stack) => ({ ...props(stack), oauthHeaderParameters: { 'a b': HttpParameter.fromString('v') } }),
      '`oauthHeaderParameters` must be 1-512 HTTP token characters (A-Z a-z 0-9 ! # $ % & \' * + , - . ^ _ ` | ~), got "a b" (at TestStack/Conn). Use a valid HTTP header name such as "X-Api-Key".'],
    ['the DELETE method', (stack) => ({ ...props(stack), httpMethod: HttpMethod.DELETE }),
      '`httpMethod` must be one of GET, POST, PUT for an OAuth authorization endpoint, got "DELETE" (at TestStack/Conn). Use HttpMethod.GET, HttpMethod.POST or HttpMethod.PUT.'],
  ])('rejects %s', (_case, make, message) => {
    const stack = newStack();
    expect(() => new OAuthConnection(stack, 'Conn', make(stack))).toThrow(message);
  });
});
