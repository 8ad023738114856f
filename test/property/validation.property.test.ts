/**
 * Property-based checks of every constrained field against the EventBridge
 * API model: generated valid values are accepted, generated invalid ones are
 * rejected with the documented message, bounds are exact, tokens pass.
 */
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import * as fc from 'fast-check';
import { CONN_PATH, Field, MAPS, RULES, apiKeyConnection, fields, oauthConnection } from './fields';
import { HttpParameter, SecretValue } from '../../src';
import { check, countCase, expectMessage, freshStack, rejection, reportCounts, shown, shownSecret } from './support/harness';
import { listMax } from './support/model';

const FIELDS = fields();

afterAll(() => reportCounts('validation'));

function got(field: Field, value: string): string {
  return field.secret ? shownSecret(value) : shown(value);
}

describe.each(FIELDS.map((f) => [f.label, f] as const))('%s', (label, field) => {
  test('generated valid values are accepted', () => {
    check(`${label}: valid`, field.valid, (value) => {
      field.build(freshStack(), value);
    });
  });

  for (const [kind, arb] of field.invalid) {
    test(`generated invalid values (${kind}) are rejected with the documented message`, () => {
      check(`${label}: invalid (${kind})`, arb, (value) => {
        const err = rejection(() => field.build(freshStack(), value));
        expectMessage(err, field.property(value), field.rule, got(field, value), field.at ?? CONN_PATH);
        if (field.secret && value.length >= 3) expect(err.message).not.toContain(value);
      });
    });
  }

  test('values at the bounds are accepted, and synthesize as given', () => {
    for (const value of field.boundaryValid) {
      const stack = freshStack();
      field.build(stack, value);
      const json = Testing.synth(stack);
      if (!field.label.includes('imported')) expect(json).toContain(JSON.stringify(value).slice(1, -1));
      countCase(`${label}: boundary`);
    }
  });

  test('values just past the bounds are rejected', () => {
    for (const value of field.boundaryInvalid) {
      const err = rejection(() => field.build(freshStack(), value));
      expectMessage(err, field.property(value), field.rule, got(field, value), field.at ?? CONN_PATH);
      countCase(`${label}: boundary`);
    }
  });

  test('unresolved tokens are accepted', () => {
    for (const [kind, make] of TOKENS) {
      const stack = freshStack();
      const token = make(stack);
      expect(() => field.build(stack, token)).not.toThrow();
      expect(() => Testing.synth(stack)).not.toThrow();
      countCase(`${label}: token`);
      void kind;
    }
  });
});

/** Tokens of every kind a user may pass where a string is expected. */
const TOKENS: ReadonlyArray<readonly [string, (stack: TerraformStack) => string]> = [
  ['variable', (s) => Token.asString(new TerraformVariable(s, 'v', { type: 'string' }).value)],
  ['variable stringValue', (s) => new TerraformVariable(s, 'v', { type: 'string' }).stringValue],
  ['resource attribute', (s) => {
    new AwsProvider(s, 'aws', { region: 'us-east-1' });
    return new DataAwsCallerIdentity(s, 'me').accountId;
  }],
  ['Fn call', (s) => Fn.lower(new TerraformVariable(s, 'v', { type: 'string' }).stringValue)],
  ['Fn.join of literals', () => Fn.join('', ['a', 'b'])],
  ['token inside a literal', (s) => `prefix-${new TerraformVariable(s, 'v', { type: 'string' }).stringValue}`],
];

describe('secret values given as tokens', () => {
  const cases = [
    ['apiKeyValue', (stack: TerraformStack, v: SecretValue) => apiKeyConnection(stack, { apiKeyValue: v })],
    ['clientSecret', (stack: TerraformStack, v: SecretValue) => oauthConnection(stack, { clientSecret: v })],
    ...MAPS.map((m) => [`${m.prop} secret value`,
      (stack: TerraformStack, v: SecretValue) => m.make(stack, { [m.prop]: { K: HttpParameter.fromSecret(v) } })] as const),
  ] as const;
  test.each(cases)('%s: SecretValue.fromToken and unsafePlainText of a token are accepted', (label, build) => {
    for (const [, make] of TOKENS) {
      for (const wrap of [SecretValue.fromToken, SecretValue.unsafePlainText]) {
        const stack = freshStack();
        build(stack, wrap(make(stack)));
        expect(() => Testing.synth(stack)).not.toThrow();
        countCase(`${label}: token`);
      }
    }
  });
});

describe('parameter list sizes', () => {
  const max = {
    header: listMax('ConnectionHeaderParametersList'),
    queryString: listMax('ConnectionQueryStringParametersList'),
    body: listMax('ConnectionBodyParametersList'),
  };

  const mapOf = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, HttpParameter.fromString('v')]));

  describe.each(MAPS.map((m) => [m.prop, m] as const))('%s', (prop, m) => {
    test('the model says 100', () => expect(max[m.kind]).toBe(100));

    test('generated sizes up to the maximum are accepted', () => {
      check(`${prop}: size valid`, fc.integer({ min: 1, max: max[m.kind] }), (n) => {
        m.make(freshStack(), { [prop]: mapOf(n) });
      }, 50);
    });

    test('generated sizes above the maximum are rejected', () => {
      check(`${prop}: size invalid`, fc.integer({ min: max[m.kind] + 1, max: 3 * max[m.kind] }), (n) => {
        const err = rejection(() => m.make(freshStack(), { [prop]: mapOf(n) }));
        expectMessage(err, prop, RULES.listSize, `${n} entries`, CONN_PATH);
      }, 50);
    });

    test('exactly 100 entries are accepted and synthesized; 101 are rejected', () => {
      const stack = freshStack();
      m.make(stack, { [prop]: mapOf(100) });
      const json = JSON.parse(Testing.synth(stack));
      const conn = Object.values(json.resource.aws_cloudwatch_event_connection)[0] as any;
      const http = m.prop.startsWith('oauth')
        ? conn.auth_parameters.oauth.oauth_http_parameters
        : conn.auth_parameters.invocation_http_parameters;
      const block = { header: 'header', queryString: 'query_string', body: 'body' }[m.kind];
      expect(http[block]).toHaveLength(100);
      const err = rejection(() => m.make(freshStack(), { [prop]: mapOf(101) }));
      expectMessage(err, prop, RULES.listSize, '101 entries', CONN_PATH);
      countCase(`${prop}: size boundary`, 2);
    });
  });
});
