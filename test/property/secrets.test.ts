/**
 * Secret hygiene: a secret never shows in synthesized JSON (unless given as
 * plain text, deliberately), in an error, in an annotation, or in the string
 * or JSON form of the library's objects.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { MAPS } from './fields';
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
import { newStack as newTestStack } from '../util';
import { countCase, rejection, reportCounts, shownSecret } from './support/harness';

afterAll(() => reportCounts('secrets'));

const SOURCES = ['unsafePlainText', 'secretsManager', 'ssmSecureString', 'fromTerraformVariable', 'fromToken'] as const;
type Source = typeof SOURCES[number];

/** A distinctive literal per field and source. */
const literal = (field: string, source: string) => `Zq7-${field.replace(/[^A-Za-z]/g, '')}-${source}-S3CRET-x9`;

/**
 * A SecretValue of the given source whose real value is `secret`. Only the
 * plain-text source holds the literal in the program; the others stand for
 * it (the literal is what Secrets Manager, SSM, the -var flag or the other
 * resource would hold), and must render as references.
 */
function secretOf(scope: Construct, source: Source, secret: string): SecretValue {
  switch (source) {
    case 'unsafePlainText': return SecretValue.unsafePlainText(secret);
    case 'secretsManager': return SecretValue.secretsManager('prod/partner', { jsonField: 'token' });
    case 'ssmSecureString': return SecretValue.ssmSecureString('/prod/partner/token');
    case 'fromTerraformVariable':
      return SecretValue.fromTerraformVariable(new TerraformVariable(scope, `var_${scope.node.children.length}`, { type: 'string', sensitive: true }));
    case 'fromToken': return SecretValue.fromToken(new DataAwsCallerIdentity(scope, `token_${scope.node.children.length}`).userId);
  }
}

interface SecretField {
  readonly label: string;
  readonly property: string;
  /** Builds a connection whose only secret is `value` in this field. */
  readonly build: (scope: Construct, value: SecretValue, extra?: object) => Connection;
  /** Whether the field has a rule a literal can break (body values have none). */
  readonly ruled: boolean;
}

const SECRET_FIELDS: SecretField[] = [
  {
    label: 'apiKeyValue',
    property: 'apiKeyValue',
    ruled: true,
    build: (s, v, extra = {}) => new ApiKeyConnection(s, 'Conn', { apiKeyName: 'x-api-key', apiKeyValue: v, ...extra }),
  },
  {
    label: 'password',
    property: 'password',
    ruled: true,
    build: (s, v, extra = {}) => new BasicConnection(s, 'Conn', { username: 'user', password: v, ...extra }),
  },
  {
    label: 'clientSecret',
    property: 'clientSecret',
    ruled: true,
    build: (s, v, extra = {}) => new OAuthConnection(s, 'Conn', {
      authorizationEndpoint: 'https://auth.example.com/token',
      httpMethod: HttpMethod.POST,
      clientId: 'client',
      clientSecret: v,
      oauthBodyParameters: { grant_type: HttpParameter.fromString('client_credentials') },
      ...extra,
    }),
  },
  ...MAPS.map((m): SecretField => ({
    label: `${m.prop} secret`,
    property: `${m.prop}["K"]`,
    ruled: m.kind !== 'body',
    build: (s, v, extra = {}) => {
      // The connection's own secret is a reference, so the only literal is the parameter's.
      const conn = m.prop.startsWith('oauth')
        ? new OAuthConnection(s, 'Conn', {
          authorizationEndpoint: 'https://auth.example.com/token',
          httpMethod: HttpMethod.POST,
          clientId: 'client',
          clientSecret: SecretValue.ssmSecureString('/other'),
          [m.prop]: { K: HttpParameter.fromSecret(v) },
          ...extra,
        } as any)
        : new ApiKeyConnection(s, 'Conn', {
          apiKeyName: 'x-api-key', apiKeyValue: SecretValue.ssmSecureString('/other'), [m.prop]: { K: HttpParameter.fromSecret(v) }, ...extra,
        });
      return conn;
    },
  })),
];

const newStack = (): TerraformStack => newTestStack('Stack');

/** Every annotation (warning, error, info) in the tree, as `[path] message`. */
function annotations(scope: Construct): string[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => String(m.type).startsWith('@cdktf/'))
    .map((m) => `[${c.node.path}] ${m.type} ${String(m.data)}`));
}

/** Every string form of an object: toString, JSON (or the error JSON gives). */
function stringForms(o: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(o) ?? '';
  } catch (e) {
    json = (e as Error).message;
  }
  return `${String(o)}\n${json}`;
}

/** Every file under a directory, concatenated. */
function readTree(dir: string): string {
  return fs.readdirSync(dir, { withFileTypes: true }).map((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? readTree(p) : fs.readFileSync(p, 'utf8');
  }).join('\n');
}

describe.each(SECRET_FIELDS.map((f) => [f.label, f] as const))('%s', (label, field) => {
  test.each(SOURCES.map((s) => [s]))('from %s: the secret shows only where it must', (source) => {
    const secret = literal(label, source);
    const stack = newStack();
    const value = secretOf(stack, source, secret);
    const conn = field.build(stack, value);
    const json = Testing.synth(stack);
    const full = readTree(Testing.fullSynth(stack));
    const parsed = JSON.parse(json);
    const resource = Object.values(parsed.resource.aws_cloudwatch_event_connection)[0] as any;
    const rendered = JSON.stringify(resource.auth_parameters);

    if (source === 'unsafePlainText') {
      // Deliberately in cdk.tf.json: that is what "unsafe" says.
      expect(rendered).toContain(secret);
    } else {
      expect(json).not.toContain(secret);
      expect(full).not.toContain(secret);
      const reference = {
        secretsManager: /\$\{jsondecode\(data\.aws_secretsmanager_secret_version\.[^.]+\.secret_string\)\.token\}/,
        ssmSecureString: /\$\{data\.aws_ssm_parameter\.[^.]+\.value\}/,
        fromTerraformVariable: /\$\{var\.[^}]+\}/,
        fromToken: /\$\{data\.aws_caller_identity\.[^.]+\.user_id\}/,
      }[source];
      expect(rendered).toMatch(reference);
    }
    if (field.property.includes('[')) {
      expect(rendered).toMatch(/"is_value_secret":true/);
    }
    if (source === 'ssmSecureString') {
      expect(Object.values(parsed.data.aws_ssm_parameter).every((d: any) => d.with_decryption === true)).toBe(true);
    }

    // Annotations, and the string forms of every object that holds the secret.
    expect(annotations(stack).join('\n')).not.toContain(secret);
    const param = HttpParameter.fromSecret(value);
    const auth = Authorization.apiKey('x-api-key', value);
    const oauth = Authorization.oauth({
      authorizationEndpoint: 'https://a.example/t',
      httpMethod: HttpMethod.POST,
      clientId: 'c',
      clientSecret: value,
      headerParameters: { K: param },
    });
    for (const o of [value, param, auth, oauth, conn]) {
      expect(stringForms(o)).not.toContain(secret);
    }
    countCase(`${label}: sources`);
  });

  if (field.ruled) {
    test.each([
      ['contains ":"', (s: string) => `${s}:${s}`],
      ['is 513 characters', (s: string) => s.padEnd(513, s)],
      ['has a control character', (s: string) => `${s}\u0001`],
      ['is empty', () => ''],
    ])('a plain-text secret that %s is refused without being echoed', (what, make) => {
      // ":" is allowed in HTTP parameter values: only the auth parameters refuse it.
      if (what.includes(':') && field.property.includes('[')) return;
      const secret = make(literal(label, 'rule'));
      const stack = newStack();
      const err = rejection(() => field.build(stack, SecretValue.unsafePlainText(secret)));
      expect(err.message).toContain(`\`${field.property}\` `);
      expect(err.message).toContain(`, got ${shownSecret(secret)} (at Stack/Conn). `);
      if (secret.length > 0) {
        expect(err.message).not.toContain(literal(label, 'rule'));
        expect(err.message).not.toContain('S3CRET');
      }
      expect(annotations(stack).join('\n')).not.toContain('S3CRET');
      countCase(`${label}: rule breaks`);
    });
  }
});

describe('errors raised after a secret is resolved', () => {
  test.each(SECRET_FIELDS.map((f) => [f.label, f] as const))('%s: an invalid kmsKeyIdentifier error does not echo it', (label, field) => {
    for (const source of SOURCES) {
      const secret = literal(label, source);
      const stack = newStack();
      // kmsKeyIdentifier is checked after the secret is resolved and rendered.
      const err = rejection(() => field.build(stack, secretOf(stack, source, secret), { kmsKeyIdentifier: 'not a key' }));
      expect(err.message).toMatch(/^`kmsKeyIdentifier` /);
      expect(err.message).not.toContain(secret);
      expect(annotations(stack).join('\n')).not.toContain(secret);
      countCase(`${label}: later errors`);
    }
  });
});

describe('SecretValue.unsafePlainText warnings', () => {
  const warnings = (scope: Construct) => annotations(scope).filter((a) => a.includes('@cdktf/warn'));

  test('warn exactly once per construct and property, naming both', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'Stack');
    const shared = SecretValue.unsafePlainText('Zq7-shared-S3CRET');
    for (const id of ['A', 'B']) {
      new ApiKeyConnection(stack, id, {
        apiKeyName: 'x-api-key',
        apiKeyValue: shared,
        headerParameters: { K1: HttpParameter.fromSecret(shared), K2: HttpParameter.fromSecret(shared) },
        bodyParameters: { K1: HttpParameter.fromSecret(shared) },
      });
    }
    Testing.synth(stack);
    Testing.synth(stack);
    const w = warnings(stack);
    const expected = ['A', 'B'].flatMap((id) => ['apiKeyValue', 'headerParameters["K1"]', 'headerParameters["K2"]', 'bodyParameters["K1"]']
      .map((p) => [id, p] as const));
    expect(w).toHaveLength(expected.length);
    for (const [id, p] of expected) {
      expect(w.filter((a) => a.startsWith(`[Stack/${id}] `) && a.includes(`\`${p}\``))).toHaveLength(1);
    }
    expect(w.join('\n')).not.toContain('S3CRET');
    countCase('unsafePlainText: warnings', expected.length);
  });

  test('no other source warns', () => {
    for (const source of SOURCES.filter((s) => s !== 'unsafePlainText')) {
      const stack = newStack();
      new ApiKeyConnection(stack, 'Conn', { apiKeyName: 'k', apiKeyValue: secretOf(stack, source, 'x') });
      expect(warnings(stack)).toEqual([]);
      countCase('unsafePlainText: warnings');
    }
  });
});

describe('SecretValue.fromTerraformVariable', () => {
  test.each([
    ['unset', {}],
    ['false', { sensitive: false }],
  ])('refuses a variable with sensitive %s', (shownAs, options) => {
    for (const field of SECRET_FIELDS) {
      const stack = newStack();
      const variable = new TerraformVariable(stack, 'plain_var', { type: 'string', ...options });
      const err = rejection(() => field.build(stack, SecretValue.fromTerraformVariable(variable)));
      expect(err.message).toBe(
        `\`${field.property}\` must come from a Terraform variable declared with \`sensitive: true\`, ` +
        `got variable "Stack/plain_var" with sensitive ${shownAs} (at Stack/Conn). ` +
        'Declare the variable with `sensitive: true` so that Terraform redacts it in plans and output.');
      countCase('fromTerraformVariable: non-sensitive refused');
    }
  });
});

describe('misplaced secrets are not echoed', () => {
  const SECRET = 'Zq7-misplaced-S3CRET';
  test.each([
    ['a plain string as apiKeyValue', (s: Construct) => new ApiKeyConnection(s, 'Conn', { apiKeyName: 'k', apiKeyValue: SECRET as any })],
    ['a plain string to HttpParameter.fromSecret', (s: Construct) => new ApiKeyConnection(s, 'Conn', {
      apiKeyName: 'k', apiKeyValue: SecretValue.ssmSecureString('/x'), headerParameters: { K: HttpParameter.fromSecret(SECRET as any) },
    })],
    ['a plain string to fromTerraformVariable', (s: Construct) => new ApiKeyConnection(s, 'Conn', {
      apiKeyName: 'k', apiKeyValue: SecretValue.fromTerraformVariable(SECRET as any),
    })],
    ['a literal to fromToken', (s: Construct) => new ApiKeyConnection(s, 'Conn', { apiKeyName: 'k', apiKeyValue: SecretValue.fromToken(SECRET) })],
    ['a number to unsafePlainText', (s: Construct) => new ApiKeyConnection(s, 'Conn', {
      apiKeyName: 'k', apiKeyValue: SecretValue.unsafePlainText(731946285 as any),
    })],
    ['a number to fromToken', (s: Construct) => new BasicConnection(s, 'Conn', { username: 'u', password: SecretValue.fromToken(731946285 as any) })],
  ])('%s', (_, build) => {
    const stack = newStack();
    const err = rejection(() => build(stack));
    expect(err.message).not.toContain(SECRET);
    expect(err.message).not.toContain('731946285');
    expect(err.message).toContain('(redacted)');
    expect(err.message).toMatch(/\(at Stack\/Conn\)\. \S/);
    countCase('misplaced secrets');
  });
});

test('an App with the default outdir is not needed for these checks', () => {
  // Guard: Testing.app() writes to a temporary directory, never to the repository.
  expect(Testing.app().outdir).not.toContain(process.cwd());
  void App;
});
