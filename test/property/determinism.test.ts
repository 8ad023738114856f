/**
 * Determinism: byte-identical output across runs and processes, and names
 * and ids that do not move when unrelated constructs are added.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { check, countCase, reportCounts } from './support/harness';
import { buildProgram } from './support/program';
import { defaultPhysicalName } from '../../src/private/names';
import { TARGET } from '../flavour';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeFor } = require('../../scripts/flavours');
const REGISTER_FLAVOUR = path.join(__dirname, '..', '..', 'scripts', 'register-flavour.js');

afterAll(() => reportCounts('determinism'));

const synth = (options = {}) => Testing.synth(buildProgram(Testing.app(), options));

test('the same program synthesizes byte-identical JSON in one process', () => {
  const first = synth();
  for (let i = 0; i < 5; i++) expect(synth()).toBe(first);
  countCase('in-process repeats', 5);
});

test('Testing.fullSynth writes byte-identical cdk.tf.json on repeated runs', () => {
  const read = () => {
    const out = Testing.fullSynth(buildProgram(Testing.app()));
    return fs.readFileSync(path.join(out, 'stacks', 'determinism', 'cdk.tf.json'), 'utf8');
  };
  const first = read();
  expect(read()).toBe(first);
  countCase('fullSynth repeats', 2);
});

test('two separate node processes synthesize byte-identical JSON, equal to this process', () => {
  // In the matrix entry of this run (FLAVOUR): its Node, and its packages for `cdktf` and the provider.
  const run = () => execFileSync(nodeFor(TARGET), ['-r', 'ts-node/register/transpile-only', '-r', REGISTER_FLAVOUR,
    path.join(__dirname, 'support/synth-main.ts')], {
    cwd: path.join(__dirname, '../..'),
    env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '../tsconfig.json'), JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const a = run();
  const b = run();
  expect(a).toBe(b);
  expect(a).toBe(synth());
  countCase('separate processes', 2);
}, 120_000);

describe('names and ids do not move when unrelated constructs are added', () => {
  test.each([
    ['before', { before: true }],
    ['after', { after: true }],
    ['before and after', { before: true, after: true }],
  ])('%s', (_, options) => {
    const base = JSON.parse(synth());
    const extended = JSON.parse(synth(options));
    // Every resource and data source of the base program, under the same
    // logical id and with the same body: default connection names and the
    // ids of the data sources that read secrets included.
    for (const block of ['resource', 'data', 'variable', 'provider']) {
      for (const [type, entries] of Object.entries<any>(base[block] ?? {})) {
        for (const [id, body] of Object.entries<any>(entries)) {
          expect([block, type, id, extended[block]?.[type]?.[id]]).toEqual([block, type, id, body]);
        }
      }
    }
    const names = Object.values<any>(base.resource.aws_cloudwatch_event_connection).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['determinism-ApiKey', 'determinism-OAuth', 'determinism-West']));
    countCase('stability with unrelated constructs');
  });
});

describe('default connection names', () => {
  // Construct ids dense in the characters that the name keeps, drops and joins with.
  const id = fc.oneof(fc.stringMatching(/^[ab-]{1,3}$/), fc.stringMatching(/^[ab\-_. é]{1,4}$/))
    .filter((s) => s.trim().length > 0);
  const pathArb = fc.array(id, { minLength: 1, maxLength: 3 });

  function nameOf(stack: TerraformStack, p: string[]): string {
    let scope: Construct = stack;
    for (const part of p.slice(0, -1)) scope = (scope.node.tryFindChild(part) as Construct) ?? new Construct(scope, part);
    return defaultPhysicalName(new Construct(scope, p[p.length - 1]));
  }

  test('are valid connection names', () => {
    check('default name: valid', fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9\-_]{0,30}$/), fc.array(
      fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes('/') && s.trim() === s && s.length > 0), { minLength: 1, maxLength: 5 })),
    ([stackId, p]) => {
      const stack = new TerraformStack(new App({ skipValidation: true, stackTraces: false }), stackId);
      let name: string;
      try {
        name = nameOf(stack, p);
      } catch (e) {
        // constructs refuses some ids (e.g. duplicates among siblings): not a case.
        return;
      }
      expect(name).toMatch(/^[.\-_A-Za-z0-9]{1,64}$/);
    });
  });

  /** Two paths with the same ids joined by "-": the same tokens, split into construct ids differently. */
  const group = (tokens: string[], cuts: boolean[]) => tokens.slice(1).reduce(
    (parts, t, i) => (cuts[i] ? [...parts, t] : [...parts.slice(0, -1), `${parts[parts.length - 1]}-${t}`]), [tokens[0]]);
  const sameJoin = fc.array(fc.stringMatching(/^[ab_.]{1,2}$/), { minLength: 2, maxLength: 5 }).chain((tokens) => {
    const cuts = fc.array(fc.boolean(), { minLength: tokens.length - 1, maxLength: tokens.length - 1 });
    return fc.tuple(cuts, cuts).map(([c1, c2]) => [group(tokens, c1), group(tokens, c2)] as [string[], string[]]);
  });

  test('differ for different construct paths in one stack', () => {
    check('default name: unique', fc.oneof(fc.tuple(pathArb, pathArb), sameJoin).filter(([a, b]) => a.join('/') !== b.join('/')), ([a, b]) => {
      const stack = new TerraformStack(new App({ skipValidation: true, stackTraces: false }), 'S');
      let na: string; let nb: string;
      try {
        na = nameOf(stack, a);
        nb = nameOf(stack, b);
      } catch {
        return; // one path is a prefix of the other and collides as a construct id: not a case.
      }
      if (na === nb) throw new Error(`paths ${JSON.stringify(a)} and ${JSON.stringify(b)} both get the name ${na}`);
    }, 1000);
  });

  test('the documented collision cases get distinct names', () => {
    const stack = new TerraformStack(new App({ skipValidation: true }), 'S');
    const names = [['a-b'], ['a', 'b'], ['a-b', 'c'], ['a', 'b-c'], ['x', 'y', 'z'], ['x-y', 'z']].map((p) => nameOf(stack, p));
    expect(new Set(names).size).toBe(names.length);
    countCase('default name: unique', names.length);
  });
});
