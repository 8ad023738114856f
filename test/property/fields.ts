/**
 * Every constrained field of the library, tied to its EventBridge model
 * shape: how to build a connection with only that field varied, the message
 * the library documents for it, and generators of valid and invalid values.
 */
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import {
  ApiKeyConnection,
  BasicConnection,
  Connection,
  HttpMethod,
  HttpParameter,
  OAuthConnection,
  SecretValue,
} from '../../src';
import {
  PRINTABLE_ASCII,
  codePoints,
  controlChars,
  fromPattern,
  shape,
  stringOf,
  withForbidden,
} from './support/model';

/** The documented rule texts (README / API docs), asserted verbatim. */
export const RULES = {
  name: 'must be 1-64 characters of A-Z a-z 0-9 . - _',
  description: 'must be at most 512 characters',
  auth: 'must be 1-512 characters with no control characters and no ":"',
  endpoint: "must be an https:// URL of 1-2048 characters (letters, digits, percent-escapes and -()_.!~*';/?:@&=+$,)",
  oauthMethod: 'must be one of GET, POST, PUT for an OAuth authorization endpoint',
  headerKey: "must be 1-512 HTTP token characters (A-Z a-z 0-9 ! # $ % & ' * + , - . ^ _ ` | ~)",
  headerValue: 'must be 1-512 printable ASCII characters',
  queryKey: 'must be 1-512 characters with no control characters',
  queryValue: 'must be 1-512 characters with no control characters other than line breaks',
  bodyKey: 'must not be empty',
  kms: 'must be a KMS key id, key ARN, alias name or alias ARN of 1-2048 characters of A-Z a-z 0-9 _ - / :',
  rcfg: 'must be a VPC Lattice resource configuration ARN (arn:<partition>:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-<17 characters>)',
  connectionArn: 'must be an EventBridge connection ARN (arn:<partition>:events:<region>:<account>:connection/<name>/<id>)',
  listSize: 'must have at most 100 entries',
};

export const CONN_ID = 'Conn';
export const CONN_PATH = `Stack/${CONN_ID}`;

const plain = (v: string) => SecretValue.unsafePlainText(v);

export function apiKeyConnection(scope: Construct, overrides: object = {}): Connection {
  return new ApiKeyConnection(scope, CONN_ID, { apiKeyName: 'x-api-key', apiKeyValue: plain('key'), ...overrides } as any);
}
export function basicConnection(scope: Construct, overrides: object = {}): Connection {
  return new BasicConnection(scope, CONN_ID, { username: 'user', password: plain('pass'), ...overrides } as any);
}
export function oauthConnection(scope: Construct, overrides: object = {}): Connection {
  return new OAuthConnection(scope, CONN_ID, {
    authorizationEndpoint: 'https://auth.example.com/oauth2/token',
    httpMethod: HttpMethod.POST,
    clientId: 'client',
    clientSecret: plain('secret'),
    oauthBodyParameters: { grant_type: HttpParameter.fromString('client_credentials') },
    ...overrides,
  } as any);
}

// Characters to fill long values with. Each includes non-ASCII letters and an
// astral emoji where the rule allows them: length is counted in code points.
const UNICODE = ['é', 'ß', '日', '😀'];
const ALNUM = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];
const NAME_CHARS = [...ALNUM, '.', '-', '_'];
const AUTH_CHARS = [...PRINTABLE_ASCII.filter((c) => c !== ':'), ...UNICODE];
const HEADER_KEY_CHARS = [...ALNUM, ...'!#$%&\'*+,-.^_`|~'];
const HEADER_VALUE_CHARS = PRINTABLE_ASCII;
const QUERY_KEY_CHARS = [...PRINTABLE_ASCII, ...UNICODE];
const QUERY_VALUE_CHARS = [...PRINTABLE_ASCII, ...UNICODE, '\n', '\r'];
const DESCRIPTION_CHARS = [...PRINTABLE_ASCII, ...UNICODE, '\t'];
const KMS_CHARS = [...ALNUM, '_', '-', '/', ':'];
const URL_CHARS = [...ALNUM, ...'-()_.!~*\';/?:@&=+$,'];

// Characters each rule forbids anywhere in a value.
const NON_ASCII = ['é', '日', '😀', '\u00a0'];
const NAME_FORBIDDEN = [' ', '/', ':', '@', '*', '+', '~', '\t', ...NON_ASCII];
const AUTH_FORBIDDEN = [':', ...controlChars('\t')];
const HEADER_KEY_FORBIDDEN = [...' "():;<=>?@[\\]{}/', ...controlChars(), ...NON_ASCII];
const HEADER_VALUE_FORBIDDEN = [...controlChars('\t'), ...NON_ASCII];
const QUERY_KEY_FORBIDDEN = controlChars();
const QUERY_VALUE_FORBIDDEN = controlChars('\n\r');
const KMS_FORBIDDEN = [' ', '.', '@', '*', '+', '=', '#', ...NON_ASCII];
const URL_FORBIDDEN = [' ', '"', '<', '>', '#', '{', '}', '|', '\\', '^', '`', '[', ']', ...NON_ASCII];
const ARN_FORBIDDEN = [' ', '@', '#', '*', '"', 'é'];

export interface Field {
  /** A label for reports: the property and where it is set. */
  readonly label: string;
  /** The property the message names, given the value. */
  readonly property: (value: string) => string;
  readonly rule: string;
  /** Whether the value is a secret: shown redacted. */
  readonly secret?: boolean;
  /** The construct path in the message. */
  readonly at?: string;
  /** How a non-secret value is shown: by default as JSON. */
  readonly build: (scope: Construct, value: any) => unknown;
  readonly valid: fc.Arbitrary<string>;
  readonly invalid: ReadonlyArray<readonly [string, fc.Arbitrary<string>]>;
  /** Hand-picked values at the bounds that must be accepted. */
  readonly boundaryValid: readonly string[];
  /** Hand-picked values just past the bounds that must be rejected. */
  readonly boundaryInvalid: readonly string[];
  /** Whether a token is a meaningful value (false for map keys that a token would shadow). */
  readonly tokens?: boolean;
}

const tooLong = (chars: readonly string[], max: number, prefix = '') =>
  stringOf(chars, max + 1 - codePoints(prefix), max + 40 - codePoints(prefix)).map((v) => prefix + v);
const exactly = (n: number, unit = 'a') => unit.repeat(n);

/** An AuthHeaderParameters(Sensitive) field. */
function authField(label: string, property: string, secret: boolean, build: (scope: Construct, v: string) => unknown): Field {
  const s = shape(secret ? 'AuthHeaderParametersSensitive' : 'AuthHeaderParameters');
  const valid = fc.oneof(fromPattern(s), stringOf(AUTH_CHARS, 1, s.max!));
  return {
    label,
    property: () => property,
    rule: RULES.auth,
    secret,
    build,
    valid,
    invalid: [
      ['too long', tooLong(AUTH_CHARS, s.max!)],
      ['empty', fc.constant('')],
      ['forbidden character', withForbidden(valid, AUTH_FORBIDDEN)],
      ['only tabs', stringOf(['\t'], 1, 5)],
    ],
    boundaryValid: [exactly(512), '😀'.repeat(512), 'x', ' \tx\t ', 'user@example.com'],
    boundaryInvalid: [exactly(513), '😀'.repeat(513), '', 'a:b', 'a\nb'],
  };
}

/** The six parameter maps, with the connection that takes each. */
export const MAPS = [
  { prop: 'headerParameters', kind: 'header', make: apiKeyConnection },
  { prop: 'queryStringParameters', kind: 'queryString', make: apiKeyConnection },
  { prop: 'bodyParameters', kind: 'body', make: apiKeyConnection },
  { prop: 'oauthHeaderParameters', kind: 'header', make: oauthConnection },
  { prop: 'oauthQueryStringParameters', kind: 'queryString', make: oauthConnection },
  { prop: 'oauthBodyParameters', kind: 'body', make: oauthConnection },
] as const;

function mapFields(): Field[] {
  const mapped: Field[] = [];
  for (const m of MAPS) {
    const withEntry = (scope: Construct, key: string, p: HttpParameter) => m.make(scope, { [m.prop]: { [key]: p } });
    const entry = (key: string) => `${m.prop}[${JSON.stringify(key)}]`;
    if (m.kind === 'header') {
      const k = shape('HeaderKey');
      const v = shape('HeaderValueSensitive');
      const validKey = fc.oneof(fromPattern(k, { min: 1 }), stringOf(HEADER_KEY_CHARS, 1, k.max!));
      const validValue = fc.oneof(fromPattern(v, { min: 1 }), stringOf(HEADER_VALUE_CHARS, 1, v.max!));
      mapped.push({
        label: `${m.prop} key`,
        property: () => m.prop,
        rule: RULES.headerKey,
        build: (scope, key) => withEntry(scope, key, HttpParameter.fromString('v')),
        valid: validKey,
        invalid: [
          ['too long', tooLong(HEADER_KEY_CHARS, k.max!)],
          ['empty', fc.constant('')],
          ['forbidden character', withForbidden(validKey, HEADER_KEY_FORBIDDEN)],
        ],
        boundaryValid: [exactly(512), 'X-Api-Key', "!#$%&'*+,-.^_`|~"],
        boundaryInvalid: [exactly(513), '', 'X Api', 'X:Api'],
      });
      for (const secret of [false, true]) {
        mapped.push({
          label: `${m.prop} value${secret ? ' (secret)' : ''}`,
          property: () => entry('K'),
          rule: RULES.headerValue,
          secret,
          build: (scope, value) => withEntry(scope, 'K',
            secret ? HttpParameter.fromSecret(plain(value)) : HttpParameter.fromString(value)),
          valid: validValue,
          invalid: [
            ['too long', tooLong(HEADER_VALUE_CHARS, v.max!)],
            ['empty', fc.constant('')],
            ['forbidden character', withForbidden(validValue, HEADER_VALUE_FORBIDDEN)],
          ],
          boundaryValid: [exactly(512), 'Bearer abc', ' \tx\t ', 'a:b'],
          boundaryInvalid: [exactly(513), '', 'a\nb', 'é'],
        });
      }
    } else if (m.kind === 'queryString') {
      const k = shape('QueryStringKey');
      const v = shape('QueryStringValueSensitive');
      const validKey = fc.oneof(fromPattern(k, { min: 1 }), stringOf(QUERY_KEY_CHARS, 1, k.max!));
      const validValue = fc.oneof(fromPattern(v, { min: 1 }), stringOf(QUERY_VALUE_CHARS, 1, v.max!));
      mapped.push({
        label: `${m.prop} key`,
        property: () => m.prop,
        rule: RULES.queryKey,
        build: (scope, key) => withEntry(scope, key, HttpParameter.fromString('v')),
        valid: validKey,
        invalid: [
          ['too long', tooLong(QUERY_KEY_CHARS, k.max!)],
          ['empty', fc.constant('')],
          ['forbidden character', withForbidden(validKey, QUERY_KEY_FORBIDDEN)],
        ],
        boundaryValid: [exactly(512), '😀'.repeat(512), 'scope', 'a b:c'],
        boundaryInvalid: [exactly(513), '', 'a\tb', 'a\nb'],
      });
      for (const secret of [false, true]) {
        mapped.push({
          label: `${m.prop} value${secret ? ' (secret)' : ''}`,
          property: () => entry('K'),
          rule: RULES.queryValue,
          secret,
          build: (scope, value) => withEntry(scope, 'K',
            secret ? HttpParameter.fromSecret(plain(value)) : HttpParameter.fromString(value)),
          valid: validValue,
          invalid: [
            ['too long', tooLong(QUERY_VALUE_CHARS, v.max!)],
            ['empty', fc.constant('')],
            ['forbidden character', withForbidden(validValue, QUERY_VALUE_FORBIDDEN)],
          ],
          boundaryValid: [exactly(512), '😀'.repeat(512), 'a\nb', 'a\r\nb'],
          boundaryInvalid: [exactly(513), '', 'a\tb', 'a\x00b'],
        });
      }
    } else {
      mapped.push({
        label: `${m.prop} key`,
        property: () => m.prop,
        rule: RULES.bodyKey,
        build: (scope, key) => withEntry(scope, key, HttpParameter.fromString('v')),
        valid: fc.string({ minLength: 1, maxLength: 600, unit: 'grapheme' }),
        invalid: [['empty', fc.constant('')]],
        boundaryValid: [exactly(5000), 'grant_type', ' '],
        boundaryInvalid: [''],
      });
    }
  }
  return mapped;
}

export function fields(): Field[] {
  const name = shape('ConnectionName');
  const description = shape('ConnectionDescription');
  const endpoint = shape('HttpsEndpoint');
  const kms = shape('KmsKeyIdentifier');
  const rcfg = shape('ResourceConfigurationArn');
  const carn = shape('ConnectionArn');
  const oauthMethods = shape('ConnectionOAuthHttpMethod').enum!;
  const allMethods = shape('ApiDestinationHttpMethod').enum!;

  const validName = fc.oneof(fromPattern(name), stringOf(NAME_CHARS, 1, name.max!));
  const validEndpoint = fc.oneof(
    fromPattern(endpoint, { prefix: 'https://' }),
    stringOf(URL_CHARS, 1, endpoint.max! - 8).map((v) => `https://${v}`),
  );
  const validKms = fc.oneof(fromPattern(kms, { min: 1 }), stringOf(KMS_CHARS, 1, kms.max!));
  const validRcfg = fromPattern(rcfg, { min: 1 });
  const validCarn = fromPattern(carn);
  const arnPrefix = 'arn:aws:events:us-east-1:123456789012:connection/';
  const rcfgExample = 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdefg';

  return [
    {
      label: 'connectionName',
      property: () => 'connectionName',
      rule: RULES.name,
      build: (scope, v) => apiKeyConnection(scope, { connectionName: v }),
      valid: validName,
      invalid: [
        ['too long', tooLong(NAME_CHARS, name.max!)],
        ['empty', fc.constant('')],
        ['forbidden character', withForbidden(validName, NAME_FORBIDDEN)],
      ],
      boundaryValid: [exactly(64), 'a', '.-_'],
      boundaryInvalid: [exactly(65), '', 'my connection', 'é'],
    },
    {
      label: 'description',
      property: () => 'description',
      rule: RULES.description,
      build: (scope, v) => apiKeyConnection(scope, { description: v }),
      valid: fc.oneof(fromPattern(description), stringOf(DESCRIPTION_CHARS, 0, description.max!)),
      invalid: [['too long', tooLong(DESCRIPTION_CHARS, description.max!)]],
      boundaryValid: [exactly(512), '😀'.repeat(512), ''],
      boundaryInvalid: [exactly(513), '😀'.repeat(513)],
    },
    authField('apiKeyName', 'apiKeyName', false, (scope, v) => apiKeyConnection(scope, { apiKeyName: v })),
    authField('apiKeyValue', 'apiKeyValue', true, (scope, v) => apiKeyConnection(scope, { apiKeyValue: plain(v) })),
    authField('username', 'username', false, (scope, v) => basicConnection(scope, { username: v })),
    authField('password', 'password', true, (scope, v) => basicConnection(scope, { password: plain(v) })),
    authField('clientId', 'clientId', false, (scope, v) => oauthConnection(scope, { clientId: v })),
    authField('clientSecret', 'clientSecret', true, (scope, v) => oauthConnection(scope, { clientSecret: plain(v) })),
    {
      label: 'authorizationEndpoint',
      property: () => 'authorizationEndpoint',
      rule: RULES.endpoint,
      build: (scope, v) => oauthConnection(scope, { authorizationEndpoint: v }),
      valid: validEndpoint,
      invalid: [
        ['too long', tooLong(URL_CHARS, endpoint.max!, 'https://')],
        ['empty', fc.constant('')],
        ['forbidden character', withForbidden(validEndpoint, URL_FORBIDDEN, 'https://'.length)],
        ['bad percent-escape', fc.tuple(validEndpoint, fc.constantFrom('%', '%g', '%1', '%zz', '%G0', '%1g'))
          .map(([u, bad]) => `${u}${bad}`)],
        ['not https', validEndpoint.chain((u) => fc.constantFrom(
          u.replace('https://', 'http://'), u.replace('https://', ''), u.replace('https://', 'HTTPS://'), u.replace('https://', 'ftp://')))],
      ],
      boundaryValid: [`https://${exactly(2040)}`, 'https://a', 'https://example.com/a%20b?x=1&y=2'],
      boundaryInvalid: [`https://${exactly(2041)}`, '', 'http://example.com', 'https://example.com/#frag', 'https://a b'],
    },
    {
      label: 'httpMethod',
      property: () => 'httpMethod',
      rule: RULES.oauthMethod,
      build: (scope, v) => oauthConnection(scope, { httpMethod: v }),
      valid: fc.constantFrom(...oauthMethods),
      invalid: [
        ['other HTTP method', fc.constantFrom(...allMethods.filter((x) => !oauthMethods.includes(x)))],
        ['wrong case', fc.constantFrom(...oauthMethods).chain((x) => fc.constantFrom(x.toLowerCase(), x[0] + x.slice(1).toLowerCase()))],
        ['arbitrary string', fc.string({ maxLength: 20 }).filter((x) => !oauthMethods.includes(x) && !x.includes('${'))],
      ],
      boundaryValid: ['GET', 'POST', 'PUT'],
      boundaryInvalid: ['PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'get', '', ' GET'],
    },
    {
      label: 'kmsKeyIdentifier',
      property: () => 'kmsKeyIdentifier',
      rule: RULES.kms,
      build: (scope, v) => apiKeyConnection(scope, { kmsKeyIdentifier: v }),
      valid: validKms,
      invalid: [
        ['too long', tooLong(KMS_CHARS, kms.max!)],
        // The model allows "" (min 0); the library refuses it: an empty key id is never meant.
        ['empty', fc.constant('')],
        ['forbidden character', withForbidden(validKms, KMS_FORBIDDEN)],
      ],
      boundaryValid: [exactly(2048), 'alias/my-key', '1234abcd-12ab-34cd-56ef-1234567890ab',
        'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
      boundaryInvalid: [exactly(2049), '', 'alias/my.key'],
    },
    {
      label: 'resourceConfigurationArn',
      property: () => 'resourceConfigurationArn',
      rule: RULES.rcfg,
      build: (scope, v) => apiKeyConnection(scope, { resourceConfigurationArn: v }),
      valid: validRcfg,
      invalid: [
        // The model allows "" (no connectivity); the library refuses it: omit the prop instead.
        ['empty', fc.constant('')],
        ['forbidden character', withForbidden(validRcfg, ARN_FORBIDDEN)],
        ['wrong id length', fc.tuple(validRcfg, fc.constantFrom('', 'ab')).map(([a, extra]) => extra ? a + extra : a.slice(0, -1))],
        ['upper-case id', validRcfg.map((a) => a.replace(/rcfg-(.)/, (_, c) => `rcfg-${/[a-z]/.test(c) ? c.toUpperCase() : 'Q'}`))],
        ['wrong service', validRcfg.map((a) => a.replace(':vpc-lattice:', ':events:'))],
        ['11-digit account', validRcfg.map((a) => a.replace(/:(\d{12}):/, (_, d) => `:${d.slice(1)}:`))],
        ['too long', fc.constant(`${rcfgExample}${exactly(2049 - rcfgExample.length)}`)],
      ],
      boundaryValid: [rcfgExample],
      boundaryInvalid: ['', `${rcfgExample}x`, rcfgExample.replace('rcfg-', 'rcfg_')],
    },
    {
      label: 'connectionArn (imported)',
      property: () => 'connectionArn',
      rule: RULES.connectionArn,
      at: 'Stack/Imported',
      build: (scope, v) => Connection.fromConnectionArn(scope, 'Imported', v),
      valid: validCarn,
      invalid: [
        ['empty', fc.constant('')],
        ['forbidden character', withForbidden(validCarn, ARN_FORBIDDEN)],
        ['wrong service', validCarn.map((a) => a.replace(':events:', ':sqs:'))],
        ['api destination', validCarn.map((a) => a.replace(':connection/', ':api-destination/'))],
        ['missing id', validCarn.map((a) => a.slice(0, a.lastIndexOf('/')))],
        ['too long', stringOf(NAME_CHARS, 1601 - arnPrefix.length - 2, 1700 - arnPrefix.length).map((n) => `${arnPrefix}${n}/x`)],
      ],
      boundaryValid: [`${arnPrefix}${exactly(1600 - arnPrefix.length - 2)}/x`, `${arnPrefix}my-conn/0123abcd-0123`],
      boundaryInvalid: [`${arnPrefix}${exactly(1601 - arnPrefix.length - 2)}/x`, '', `${arnPrefix}my-conn`],
    },
    ...mapFields(),
  ];
}
