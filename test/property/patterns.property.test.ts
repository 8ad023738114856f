/**
 * The library's compiled patterns against the model's own: the same
 * language (checked on generated short strings, where the model's pattern
 * is fast), and linear time on long hostile input (where the model's
 * pattern, run by JavaScript, backtracks exponentially).
 */
import * as fc from 'fast-check';
import { check, reportCounts } from './support/harness';
import { anchoredPattern, controlChars, shape } from './support/model';
import * as rules from '../../src/private/rules';
import { StringRule } from '../../src/private/validation';

afterAll(() => reportCounts('patterns'));

/** Library rule -> model shape; patterns the library adds to (https://) are left out. */
const PAIRS: ReadonlyArray<readonly [string, StringRule, string]> = [
  ['CONNECTION_NAME', rules.CONNECTION_NAME, 'ConnectionName'],
  ['AUTH_HEADER', rules.AUTH_HEADER, 'AuthHeaderParameters'],
  ['HEADER_KEY', rules.HEADER_KEY, 'HeaderKey'],
  ['HEADER_VALUE', rules.HEADER_VALUE, 'HeaderValueSensitive'],
  ['QUERY_KEY', rules.QUERY_KEY, 'QueryStringKey'],
  ['QUERY_VALUE', rules.QUERY_VALUE, 'QueryStringValueSensitive'],
  ['KMS_KEY_IDENTIFIER', rules.KMS_KEY_IDENTIFIER, 'KmsKeyIdentifier'],
  ['CONNECTION_ARN', rules.CONNECTION_ARN, 'ConnectionArn'],
];

// An alphabet dense in the characters the patterns care about.
const ALPHABET = [' ', '\t', '\n', '\r', '\x00', '\x1f', '\x7f', ':', 'a', 'Z', '0', '-', '.', '_', '/', ',', '"', 'é', '😀', '%', '!'];
const short = fc.oneof(
  fc.array(fc.constantFrom(...ALPHABET), { maxLength: 12 }).map((a) => a.join('')),
  fc.string({ maxLength: 12, unit: 'binary' }),
);

describe.each(PAIRS.map(([n, r, s]) => [n, r, s] as const))('%s', (name, rule, shapeName) => {
  const model = anchoredPattern(shape(shapeName));
  test(`accepts the same non-empty strings as the model's ${shapeName} pattern`, () => {
    check(`${name}: pattern equivalence`, short.filter((v) => v.length > 0), (v) => {
      expect([v, rule.pattern!.test(v)]).toEqual([v, model.test(v)]);
    }, 1000);
  });
});

/** Long inputs built to make a backtracking matcher explode: they fail only at the end. */
const HOSTILE = [
  'a '.repeat(1100) + ':',
  'a \t'.repeat(700) + '\x00',
  ' '.repeat(2100) + '\x01',
  'a'.repeat(2100) + '\x00',
  '%41'.repeat(700) + ' ',
  'https://' + 'a'.repeat(2100) + ' ',
  'arn:aws' + '-'.repeat(2000) + ':x',
  '\t'.repeat(2100),
  ...controlChars().map((c) => 'x '.repeat(1000) + c),
];

test('every rule decides long hostile input in linear time', () => {
  const all = Object.entries(rules).filter(([, r]) => (r as StringRule)?.pattern instanceof RegExp) as Array<[string, StringRule]>;
  for (const [name, rule] of all) {
    for (const input of HOSTILE) {
      const t = process.hrtime.bigint();
      rule.pattern!.test(input);
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (ms > 50) throw new Error(`${name} took ${ms.toFixed(0)} ms on a ${input.length}-character input: catastrophic backtracking`);
    }
  }
});
