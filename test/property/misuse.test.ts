/**
 * Misuse that TypeScript types cannot stop (`as any`, JSON-driven props,
 * Python callers): every case gives the library's own error, in its message
 * format, never a TypeError from inside cdktf.
 */
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import {
  ApiKeyConnection,
  Authorization,
  BasicConnection,
  Connection,
  HttpMethod,
  HttpParameter,
  OAuthConnection,
  SecretValue,
} from '../../src';
import { check, countCase, freshStack, MESSAGE_FORMAT, reportCounts } from './support/harness';

afterAll(() => reportCounts('misuse'));

const plain = (v: string) => SecretValue.unsafePlainText(v);
const grant = { grant_type: HttpParameter.fromString('client_credentials') };

/** Valid props of each construct, to vary one prop at a time. */
const CONSTRUCTS: Record<string, { make: (s: Construct, p: any) => unknown; props: () => Record<string, unknown> }> = {
  'ApiKeyConnection': {
    make: (s, p) => new ApiKeyConnection(s, 'Conn', p),
    props: () => ({ apiKeyName: 'x-api-key', apiKeyValue: plain('k') }),
  },
  'BasicConnection': {
    make: (s, p) => new BasicConnection(s, 'Conn', p),
    props: () => ({ username: 'u', password: plain('p') }),
  },
  'OAuthConnection': {
    make: (s, p) => new OAuthConnection(s, 'Conn', p),
    props: () => ({
      authorizationEndpoint: 'https://a.example/token',
      httpMethod: HttpMethod.POST,
      clientId: 'c',
      clientSecret: plain('s'),
      oauthBodyParameters: grant,
    }),
  },
  'Connection': {
    make: (s, p) => new Connection(s, 'Conn', p),
    props: () => ({ authorization: Authorization.basic('u', plain('p')) }),
  },
  'Connection with Authorization.oauth': {
    make: (s, p) => new Connection(s, 'Conn', {
      authorization: Authorization.oauth({
        authorizationEndpoint: p.authorizationEndpoint,
        httpMethod: p.httpMethod,
        clientId: p.clientId,
        clientSecret: p.clientSecret,
        bodyParameters: p.bodyParameters,
      } as any),
    }),
    props: () => ({
      authorizationEndpoint: 'https://a.example/token',
      httpMethod: HttpMethod.POST,
      clientId: 'c',
      clientSecret: plain('s'),
      bodyParameters: grant,
    }),
  },
};

const REQUIRED: Record<string, string[]> = {
  'ApiKeyConnection': ['apiKeyName', 'apiKeyValue'],
  'BasicConnection': ['username', 'password'],
  'OAuthConnection': ['authorizationEndpoint', 'httpMethod', 'clientId', 'clientSecret'],
  'Connection': ['authorization'],
  'Connection with Authorization.oauth': ['authorizationEndpoint', 'httpMethod', 'clientId', 'clientSecret'],
};

const STRING_PROPS: Record<string, string[]> = {
  'ApiKeyConnection': ['apiKeyName', 'connectionName', 'description', 'kmsKeyIdentifier', 'resourceConfigurationArn'],
  'BasicConnection': ['username'],
  'OAuthConnection': ['authorizationEndpoint', 'httpMethod', 'clientId'],
  'Connection with Authorization.oauth': ['authorizationEndpoint', 'httpMethod', 'clientId'],
};
const SECRET_PROPS: Record<string, string[]> = {
  'ApiKeyConnection': ['apiKeyValue'],
  'BasicConnection': ['password'],
  'OAuthConnection': ['clientSecret'],
  'Connection with Authorization.oauth': ['clientSecret'],
};
const MAP_PROPS: Record<string, string[]> = {
  'ApiKeyConnection': ['headerParameters', 'queryStringParameters', 'bodyParameters'],
  'OAuthConnection': ['oauthHeaderParameters', 'oauthQueryStringParameters', 'oauthBodyParameters'],
  'Connection with Authorization.oauth': ['bodyParameters'],
};

/** Runs `f` and requires the library's error for `property`, in the message format, at Stack/Conn. */
function expectLibraryError(f: () => unknown, property?: string): string {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  const err = error as any;
  if (!err) throw new Error('expected a validation error, but construction succeeded');
  if (err.name !== 'ValidationError') {
    throw new Error(`expected the library's ValidationError, got ${err.constructor?.name}: ${err.message}`);
  }
  expect(err.message).toMatch(MESSAGE_FORMAT);
  expect(err.message).toContain('(at Stack/Conn). ');
  if (property !== undefined) expect(err.message.startsWith(`\`${property}`)).toBe(true);
  return err.message;
}

/** Values of the wrong type, as JSON or a careless caller gives them. */
const WRONG_TYPES: ReadonlyArray<readonly [string, unknown]> = [
  ['a number', 42],
  ['an array', ['a']],
  ['an object', { value: 'a' }],
  ['a boolean', true],
  ['null', null],
  ['a function', () => 'a'],
];

describe('missing props object', () => {
  test.each(Object.keys(CONSTRUCTS).filter((k) => !k.includes('with')).flatMap((k) => [[k, undefined], [k, null]] as const))(
    '%s with props %s', (name, props) => {
      expectLibraryError(() => CONSTRUCTS[name].make(freshStack(), props));
      countCase('missing props object');
    });

  test.each([[undefined], [null], [42]])('Authorization.oauth(%s)', (props) => {
    expectLibraryError(() => new Connection(freshStack(), 'Conn', { authorization: Authorization.oauth(props as any) }), 'authorizationEndpoint');
    countCase('missing props object');
  });
});

describe('missing required prop', () => {
  test.each(Object.entries(REQUIRED).flatMap(([c, props]) => props.map((p) => [c, p] as const)))('%s without %s', (c, prop) => {
    const props = CONSTRUCTS[c].props();
    delete props[prop];
    const message = expectLibraryError(() => CONSTRUCTS[c].make(freshStack(), props), prop);
    expect(message).toContain('got undefined');
    countCase('missing required prop');
  });
});

describe('wrong types', () => {
  const cases = Object.entries(STRING_PROPS).flatMap(([c, props]) => props.flatMap((p) => WRONG_TYPES.map(([t, v]) => [c, p, t, v] as const)));
  test.each(cases)('%s: %s given %s', (c, prop, _t, value) => {
    // An optional prop given null is treated as absent or refused; never a crash.
    const optional = !(REQUIRED[c] ?? []).includes(prop);
    const build = () => CONSTRUCTS[c].make(freshStack(), { ...CONSTRUCTS[c].props(), [prop]: value });
    if (optional && value === null) {
      try {
        build();
      } catch (e) {
        expectLibraryError(() => { throw e; }, prop);
      }
    } else {
      expectLibraryError(build, prop);
    }
    countCase('wrong type (string props)');
  });

  test('generated JSON values that are not strings are refused for every string prop', () => {
    const nonString = fc.jsonValue().filter((v) => typeof v !== 'string' && v !== null);
    for (const [c, props] of Object.entries(STRING_PROPS)) {
      for (const prop of props) {
        check(`wrong type (generated JSON): ${c}.${prop}`, nonString, (value) => {
          expectLibraryError(() => CONSTRUCTS[c].make(freshStack(), { ...CONSTRUCTS[c].props(), [prop]: value }), prop);
        }, 50);
      }
    }
  });

  test.each(Object.entries(MAP_PROPS).flatMap(([c, props]) => props.flatMap((p) =>
    [...WRONG_TYPES.filter(([t]) => t !== 'an object' && t !== 'null'), ['a string', 'value'] as const].map(([t, v]) => [c, p, t, v] as const))))(
    '%s: parameter map %s given %s', (c, prop, _t, value) => {
      expectLibraryError(() => CONSTRUCTS[c].make(freshStack(), { ...CONSTRUCTS[c].props(), [prop]: value }), prop);
      countCase('wrong type (maps)');
    });

  test.each(Object.entries(MAP_PROPS).flatMap(([c, props]) => props.flatMap((p) => [
    ['a raw string', 'value'], ['a number', 1], ['null', null], ['an object', { value: 'v', isValueSecret: false }],
    ['a SecretValue', plain('v')], ['undefined', undefined],
  ].map(([t, v]) => [c, p, t, v] as const))))('%s: an entry of %s given %s', (c, prop, _t, value) => {
    expectLibraryError(() => CONSTRUCTS[c].make(freshStack(), { ...CONSTRUCTS[c].props(), [prop]: { K: value } }), `${prop}["K"]`);
    countCase('wrong type (map entries)');
  });

  test.each(Object.entries(MAP_PROPS).flatMap(([c, props]) => props.flatMap((p) => [
    ['fromString of a number', () => HttpParameter.fromString(5 as any)],
    ['fromString of null', () => HttpParameter.fromString(null as any)],
    ['fromSecret of a string', () => HttpParameter.fromSecret('secret' as any)],
    ['fromSecret of an object', () => HttpParameter.fromSecret({ value: 'secret' } as any)],
    ['fromSecret of undefined', () => HttpParameter.fromSecret(undefined as any)],
  ].map(([t, v]) => [c, p, t, v] as const))))('%s: %s given HttpParameter.%s', (c, prop, _t, make) => {
    expectLibraryError(() => CONSTRUCTS[c].make(freshStack(), { ...CONSTRUCTS[c].props(), [prop]: { K: (make as () => HttpParameter)() } }), `${prop}["K"]`);
    countCase('wrong type (HttpParameter factories)');
  });

  test.each(Object.entries(SECRET_PROPS).flatMap(([c, props]) => props.flatMap((p) => [
    ['a plain string', 'secret'],
    ['a number', 1234],
    ['an object with a value', { value: 'secret' }],
    ['a SecretValue-like object', { isPlainText: true, toString: () => 'x', _resolve: () => 'x' }],
    ['an HttpParameter', HttpParameter.fromString('x')],
    ['null', null],
  ].map(([t, v]) => [c, p, t, v] as const))))('%s: %s given %s', (c, prop, _t, value) => {
    const message = expectLibraryError(() => CONSTRUCTS[c].make(freshStack(), { ...CONSTRUCTS[c].props(), [prop]: value }), prop);
    expect(message).not.toContain('secret"');
    countCase('wrong type (secrets)');
  });

  test.each([
    ['unsafePlainText(undefined)', () => SecretValue.unsafePlainText(undefined as any)],
    ['unsafePlainText(5)', () => SecretValue.unsafePlainText(5 as any)],
    ['fromToken(undefined)', () => SecretValue.fromToken(undefined as any)],
    ['fromToken({})', () => SecretValue.fromToken({} as any)],
    ['fromTerraformVariable(undefined)', () => SecretValue.fromTerraformVariable(undefined as any)],
    ['fromTerraformVariable({})', () => SecretValue.fromTerraformVariable({ sensitive: true, stringValue: 'x' } as any)],
    ['secretsManager(undefined)', () => SecretValue.secretsManager(undefined as any)],
    ['secretsManager(5)', () => SecretValue.secretsManager(5 as any)],
    ['secretsManager("")', () => SecretValue.secretsManager('')],
    ['secretsManager with null options', () => SecretValue.secretsManager('x', null as any)],
    ['secretsManager with jsonField 5', () => SecretValue.secretsManager('x', { jsonField: 5 as any })],
    ['secretsManager with versionStage and versionId', () => SecretValue.secretsManager('x', { versionStage: 'A', versionId: 'b' })],
    ['ssmSecureString(undefined)', () => SecretValue.ssmSecureString(undefined as any)],
    ['ssmSecureString([])', () => SecretValue.ssmSecureString([] as any)],
  ])('a SecretValue made from bad input: %s', (_, make) => {
    const stack = freshStack();
    let value: SecretValue;
    try {
      value = make();
    } catch (e) {
      // Refusing at the factory is fine too, if it is the library's error.
      expect((e as Error).name).not.toBe('TypeError');
      countCase('bad SecretValue input');
      return;
    }
    try {
      new ApiKeyConnection(stack, 'Conn', { apiKeyName: 'k', apiKeyValue: value });
    } catch (e) {
      expectLibraryError(() => { throw e; }, 'apiKeyValue');
      countCase('bad SecretValue input');
      return;
    }
    // Accepted: only the null options case, which means "no options".
    expect(_).toBe('secretsManager with null options');
    countCase('bad SecretValue input');
  });
});

describe('authorization not made by the factories', () => {
  class Fake {
    public readonly authorizationType = 'API_KEY';
    public _bind() {
      return { authorizationType: 'API_KEY', authParameters: {} };
    }
  }
  test.each([
    ['a plain object', { authorizationType: 'API_KEY', authParameters: { apiKey: { key: 'k', value: 'v' } } }],
    ['an object with _bind', new Fake()],
    ['Object.create(Authorization.prototype)', Object.create(Authorization.prototype)],
    ['a string', 'API_KEY'],
    ['a number', 1],
    ['an array', [Authorization.basic('u', plain('p'))]],
    ['an HttpParameter', HttpParameter.fromString('x')],
    ['a SecretValue', plain('x')],
    ['null', null],
  ])('%s', (_, authorization) => {
    expectLibraryError(() => new Connection(freshStack(), 'Conn', { authorization: authorization as any }), 'authorization');
    countCase('authorization-like objects');
  });

  test.each([
    ['apiKey(5, secret)', () => Authorization.apiKey(5 as any, plain('v')), 'apiKeyName'],
    ['apiKey(name, "raw")', () => Authorization.apiKey('k', 'raw' as any), 'apiKeyValue'],
    ['basic(undefined, secret)', () => Authorization.basic(undefined as any, plain('v')), 'username'],
    ['basic(user, undefined)', () => Authorization.basic('u', undefined as any), 'password'],
    ['oauth with httpMethod 5', () => Authorization.oauth({
      authorizationEndpoint: 'https://a.example/t', httpMethod: 5 as any, clientId: 'c', clientSecret: plain('s'), bodyParameters: grant,
    }), 'httpMethod'],
    ['oauth with no parameters', () => Authorization.oauth({
      authorizationEndpoint: 'https://a.example/t', httpMethod: HttpMethod.GET, clientId: 'c', clientSecret: plain('s'),
    }), 'bodyParameters'],
  ])('factory given %s', (_, make, prop) => {
    expectLibraryError(() => new Connection(freshStack(), 'Conn', { authorization: make() }), prop);
    countCase('authorization factories misused');
  });
});

describe('other props', () => {
  test.each([
    ['a string', 'aws'],
    ['a number', 1],
    ['a plain object', { fqn: 'aws', alias: 'west' }],
    ['a construct that is not a provider', (s: TerraformStack) => new Construct(s, 'NotAProvider')],
  ])('provider given %s', (_, value) => {
    const stack = freshStack();
    const provider = typeof value === 'function' ? (value as (s: TerraformStack) => unknown)(stack) : value;
    expectLibraryError(() => new ApiKeyConnection(stack, 'Conn', {
      apiKeyName: 'k', apiKeyValue: SecretValue.secretsManager('x'), provider: provider as any,
    }), 'provider');
    countCase('provider of the wrong type');
  });

  test.each([
    ['fromConnectionArn(undefined)', (s: Construct) => Connection.fromConnectionArn(s, 'Conn', undefined as any), 'connectionArn'],
    ['fromConnectionArn(5)', (s: Construct) => Connection.fromConnectionArn(s, 'Conn', 5 as any), 'connectionArn'],
    ['fromConnectionAttributes(undefined)', (s: Construct) => Connection.fromConnectionAttributes(s, 'Conn', undefined as any), 'attrs'],
    ['fromConnectionAttributes({})', (s: Construct) => Connection.fromConnectionAttributes(s, 'Conn', {} as any), 'connectionArn'],
    ['fromConnectionAttributes with a numeric name', (s: Construct) => Connection.fromConnectionAttributes(s, 'Conn', {
      connectionArn: 'arn:aws:events:us-east-1:123456789012:connection/a/b', connectionName: 5 as any,
    }), 'connectionName'],
    ['fromConnectionName(null)', (s: Construct) => Connection.fromConnectionName(s, 'Conn', null as any), 'connectionName'],
    ['fromConnectionName([])', (s: Construct) => Connection.fromConnectionName(s, 'Conn', [] as any), 'connectionName'],
  ])('%s', (_, make, prop) => {
    expectLibraryError(() => make(freshStack()), prop);
    countCase('imports misused');
  });
});
