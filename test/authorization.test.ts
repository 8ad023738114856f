import { Authorization, Connection, HttpMethod, HttpParameter, SecretValue } from '../src';
import { connectionBlock, newStack } from './util';

const oauthProps = {
  authorizationEndpoint: 'https://auth.example.com/oauth2/token',
  httpMethod: HttpMethod.POST,
  clientId: 'client',
  clientSecret: SecretValue.unsafePlainText('client-secret'),
  bodyParameters: { grant_type: HttpParameter.fromString('client_credentials') },
};

function bind(authorization: Authorization): any {
  const stack = newStack();
  new Connection(stack, 'Conn', { connectionName: 'conn', authorization });
  return connectionBlock(stack);
}

function bindError(authorization: Authorization): () => void {
  return () => new Connection(newStack(), 'Conn', { connectionName: 'conn', authorization });
}

describe('Authorization', () => {
  test('apiKey renders the api_key block only', () => {
    const block = bind(Authorization.apiKey('x-api-key', SecretValue.unsafePlainText('k')));
    expect(block.authorization_type).toBe('API_KEY');
    expect(block.auth_parameters).toEqual({ api_key: { key: 'x-api-key', value: 'k' } });
  });

  test('basic renders the basic block only', () => {
    const block = bind(Authorization.basic('user', SecretValue.unsafePlainText('p')));
    expect(block.authorization_type).toBe('BASIC');
    expect(block.auth_parameters).toEqual({ basic: { username: 'user', password: 'p' } });
  });

  test('oauth renders the oauth block with client parameters and OAuth HTTP parameters', () => {
    const block = bind(Authorization.oauth({
      ...oauthProps,
      headerParameters: { 'Content-Type': HttpParameter.fromString('application/x-www-form-urlencoded') },
      queryStringParameters: { audience: HttpParameter.fromSecret(SecretValue.unsafePlainText('aud')) },
    }));
    expect(block.authorization_type).toBe('OAUTH_CLIENT_CREDENTIALS');
    expect(block.auth_parameters).toEqual({
      oauth: {
        authorization_endpoint: 'https://auth.example.com/oauth2/token',
        http_method: 'POST',
        client_parameters: { client_id: 'client', client_secret: 'client-secret' },
        oauth_http_parameters: {
          body: [{ key: 'grant_type', value: 'client_credentials', is_value_secret: false }],
          header: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded', is_value_secret: false }],
          query_string: [{ key: 'audience', value: 'aud', is_value_secret: true }],
        },
      },
    });
  });

  test.each([HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT])('oauth accepts the %s method', (httpMethod) => {
    expect(bind(Authorization.oauth({ ...oauthProps, httpMethod })).auth_parameters.oauth.http_method).toBe(httpMethod);
  });

  test('the type of each factory is known before binding', () => {
    expect(Authorization.apiKey('k', SecretValue.unsafePlainText('v')).authorizationType).toBe('API_KEY');
    expect(Authorization.basic('u', SecretValue.unsafePlainText('p')).authorizationType).toBe('BASIC');
    expect(Authorization.oauth(oauthProps).authorizationType).toBe('OAUTH_CLIENT_CREDENTIALS');
  });

  test('accepts boundary lengths: 512-character key name and value', () => {
    const block = bind(Authorization.apiKey('k'.repeat(512), SecretValue.unsafePlainText('v'.repeat(512))));
    expect(block.auth_parameters.api_key.key).toHaveLength(512);
  });

  test('accepts a 2048-character authorization endpoint', () => {
    const endpoint = 'https://auth.example.com/' + 'a'.repeat(2048 - 'https://auth.example.com/'.length);
    expect(bind(Authorization.oauth({ ...oauthProps, authorizationEndpoint: endpoint })).auth_parameters.oauth.authorization_endpoint)
      .toHaveLength(2048);
  });

  const AUTH_RULE = 'must be 1-512 characters with no control characters and no ":"';
  const AUTH_FIX = 'Remove control characters and ":" and keep it within 512 characters.';
  test.each<[string, () => Authorization, string]>([
    ['an API key name with ":"', () => Authorization.apiKey('x:api', SecretValue.unsafePlainText('v')),
      `\`apiKeyName\` ${AUTH_RULE}, got "x:api" (at TestStack/Conn). ${AUTH_FIX}`],
    ['an empty API key name', () => Authorization.apiKey('', SecretValue.unsafePlainText('v')),
      `\`apiKeyName\` ${AUTH_RULE}, got "" (at TestStack/Conn). ${AUTH_FIX}`],
    ['an API key value of 513 characters', () => Authorization.apiKey('k', SecretValue.unsafePlainText('v'.repeat(513))),
      `\`apiKeyValue\` ${AUTH_RULE}, got a secret value of 513 characters (redacted) (at TestStack/Conn). ${AUTH_FIX}`],
    ['a username with a tab-only value', () => Authorization.basic('\u0007', SecretValue.unsafePlainText('p')),
      `\`username\` ${AUTH_RULE}, got "\\u0007" (at TestStack/Conn). ${AUTH_FIX}`],
    ['a password with ":"', () => Authorization.basic('u', SecretValue.unsafePlainText('pa:ss')),
      `\`password\` ${AUTH_RULE}, got a secret value of 5 characters (redacted) (at TestStack/Conn). ${AUTH_FIX}`],
    ['an empty password', () => Authorization.basic('u', SecretValue.unsafePlainText('')),
      `\`password\` ${AUTH_RULE}, got a secret value of 0 characters (redacted) (at TestStack/Conn). ${AUTH_FIX}`],
    ['a client id with a line break', () => Authorization.oauth({ ...oauthProps, clientId: 'a\nb' }),
      `\`clientId\` ${AUTH_RULE}, got "a\\nb" (at TestStack/Conn). ${AUTH_FIX}`],
    ['a client secret with ":"', () => Authorization.oauth({ ...oauthProps, clientSecret: SecretValue.unsafePlainText('s:s') }),
      `\`clientSecret\` ${AUTH_RULE}, got a secret value of 3 characters (redacted) (at TestStack/Conn). ${AUTH_FIX}`],
    ['an http authorization endpoint', () => Authorization.oauth({ ...oauthProps, authorizationEndpoint: 'http://auth.example.com/token' }),
      '`authorizationEndpoint` must be an https:// URL of 1-2048 characters (letters, digits, percent-escapes and -()_.!~*\';/?:@&=+$,), got "http://auth.example.com/token" (at TestStack/Conn). Use the https:// URL of the token endpoint, percent-encoding other characters.'],
    ['an authorization endpoint with a space', () => Authorization.oauth({ ...oauthProps, authorizationEndpoint: 'https://auth.example.com/a b' }),
      '`authorizationEndpoint` must be an https:// URL of 1-2048 characters (letters, digits, percent-escapes and -()_.!~*\';/?:@&=+$,), got "https://auth.example.com/a b" (at TestStack/Conn). Use the https:// URL of the token endpoint, percent-encoding other characters.'],
    ['the PATCH method for OAuth', () => Authorization.oauth({ ...oauthProps, httpMethod: HttpMethod.PATCH }),
      '`httpMethod` must be one of GET, POST, PUT for an OAuth authorization endpoint, got "PATCH" (at TestStack/Conn). Use HttpMethod.GET, HttpMethod.POST or HttpMethod.PUT.'],
    ['an OAuth authorization without any OAuth parameter', () => Authorization.oauth({ ...oauthProps, bodyParameters: {} }),
      '`bodyParameters` or `headerParameters` or `queryStringParameters` must hold at least one parameter for an OAuth connection (the Terraform provider requires a non-empty oauth_http_parameters block), got none (at TestStack/Conn). Add the parameter the token endpoint expects, for example bodyParameters: { grant_type: HttpParameter.fromString("client_credentials") }.'],
    ['a missing client id', () => Authorization.oauth({ ...oauthProps, clientId: undefined as any }),
      '`clientId` is required, got undefined (at TestStack/Conn). Pass a string for `clientId`.'],
    ['a plain string as the client secret', () => Authorization.oauth({ ...oauthProps, clientSecret: 'hunter2' as any }),
      '`clientSecret` must be a SecretValue, got a plain string (redacted) (at TestStack/Conn). Use SecretValue.secretsManager(), SecretValue.ssmSecureString(), SecretValue.fromTerraformVariable() or, for tests, SecretValue.unsafePlainText().'],
  ])('rejects %s', (_case, make, message) => {
    expect(bindError(make())).toThrow(message);
  });

  test('a rejected secret never appears in the error', () => {
    const error = (() => {
      try {
        bindError(Authorization.basic('u', SecretValue.unsafePlainText('hunter2:xyz')))();
      } catch (e) {
        return e as Error;
      }
      throw new Error('no error');
    })();
    expect(error.message).not.toContain('hunter2');
  });
});
