import { CloudwatchEventConnection } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { TerraformVariable, Testing } from 'cdktf';
import { Authorization, Connection, HttpMethod, HttpParameter, OAuthConnection, OAuthConnectionProps, SecretValue } from '../src';
import { HAS_OAUTH_CONNECTIVITY } from './flavour';
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

describe('OAuthConnection with a private authorization endpoint', () => {
  const RESOURCE_CONFIGURATION = 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0';

  if (HAS_OAUTH_CONNECTIVITY) {
    test('writes auth_parameters.connectivity_parameters with a binding that has it', () => {
      const stack = newStack();
      new OAuthConnection(stack, 'Conn', { ...props(stack), authorizationEndpointResourceConfigurationArn: RESOURCE_CONFIGURATION });
      expect(connectionBlock(stack).auth_parameters.connectivity_parameters).toEqual({
        resource_parameters: { resource_configuration_arn: RESOURCE_CONFIGURATION },
      });
      expect(connectionBlock(stack).invocation_connectivity_parameters).toBeUndefined();
    });

    test('through Authorization.oauth() too', () => {
      const stack = newStack();
      new Connection(stack, 'Conn', {
        authorization: Authorization.oauth({
          authorizationEndpoint: 'https://auth.internal.example.com/token',
          httpMethod: HttpMethod.POST,
          clientId: 'id',
          clientSecret: SecretValue.ssmSecureString('/oauth/secret'),
          bodyParameters: { grant_type: HttpParameter.fromString('client_credentials') },
          authorizationEndpointResourceConfigurationArn: RESOURCE_CONFIGURATION,
        }),
      });
      expect(connectionBlock(stack).auth_parameters.connectivity_parameters.resource_parameters.resource_configuration_arn)
        .toBe(RESOURCE_CONFIGURATION);
    });
  } else {
    test('is refused, not dropped, with a binding that lacks it', () => {
      const stack = newStack();
      expect(() => new OAuthConnection(stack, 'Conn', { ...props(stack), authorizationEndpointResourceConfigurationArn: RESOURCE_CONFIGURATION }))
        .toThrow('`authorizationEndpointResourceConfigurationArn` needs the `connectivity_parameters` argument of the `auth_parameters` of ' +
          'aws_cloudwatch_event_connection, which the installed provider binding does not have (@cdktn/provider-aws 25.7 or later: ' +
          'AWS provider 6.66), got "arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfigur..." (87 characters) (at TestStack/Conn). ' +
          'Use the cdktn flavour (cdktn-eventbridge-connection ' +
          'with @cdktn/provider-aws 25.7 or later), or omit the option and use an authorization endpoint on the internet.');
    });
  }

  test('is checked against the resource configuration ARN pattern first, in every entry', () => {
    const stack = newStack();
    expect(() => new OAuthConnection(stack, 'Conn', { ...props(stack), authorizationEndpointResourceConfigurationArn: 'rcfg-0123456789abcdef0' }))
      .toThrow('`authorizationEndpointResourceConfigurationArn` must be a VPC Lattice resource configuration ARN ' +
        '(arn:<partition>:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-<17 characters>), got "rcfg-0123456789abcdef0" ' +
        '(at TestStack/Conn). Use the ARN of the aws_vpclattice_resource_configuration of the authorization endpoint.');
  });

  test('takes a token unjudged by the pattern', () => {
    const stack = newStack();
    const arn = new TerraformVariable(stack, 'rcfg', { type: 'string' }).stringValue;
    const make = () => new OAuthConnection(stack, 'Conn', { ...props(stack), authorizationEndpointResourceConfigurationArn: arn });
    if (HAS_OAUTH_CONNECTIVITY) {
      make();
      expect(connectionBlock(stack).auth_parameters.connectivity_parameters.resource_parameters.resource_configuration_arn).toBe('${var.rcfg}');
    } else {
      expect(make).toThrow('which the installed provider binding does not have');
    }
  });
});
