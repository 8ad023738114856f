/**
 * Shared pieces of the property suite: a fixed seed and run count, a fresh
 * stack per case, the library's message format, and a record of how many
 * generated cases ran per field (printed after each file and written to
 * test-reports/property-cases-<file>.json).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import * as fc from 'fast-check';

/** Fixed seed: every run generates the same cases. Override with PROPERTY_SEED to explore. */
export const SEED = Number(process.env.PROPERTY_SEED ?? 20251005);
/** Generated cases per property. */
export const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

export const STACK_ID = 'Stack';

/**
 * A new app and stack, with no output directory written. Stack traces in
 * construct metadata are off: capturing one per resource is most of the cost
 * of a case (about 4 ms under ts-jest).
 */
export function freshStack(): TerraformStack {
  const app = new App({ outdir: path.join(os.tmpdir(), 'cdktf-property-unused'), skipValidation: true, stackTraces: false });
  return new TerraformStack(app, STACK_ID);
}

const counts = new Map<string, number>();

/** Runs a property with the suite's seed and run count, and counts the cases run under `label`. */
export function check<T>(label: string, arb: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns = NUM_RUNS): void {
  let ran = 0;
  fc.assert(
    fc.property(arb, (v) => {
      ran++;
      predicate(v);
    }),
    { seed: SEED, numRuns, endOnFailure: false },
  );
  counts.set(label, (counts.get(label) ?? 0) + ran);
}

/** Counts hand-written cases (boundaries, tokens) under `label`. */
export function countCase(label: string, n = 1): void {
  counts.set(label, (counts.get(label) ?? 0) + n);
}

/** Prints and records the per-field case counts of a test file. */
export function reportCounts(file: string): void {
  const rows = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce((n, [, c]) => n + c, 0);
  const text = rows.map(([k, c]) => `  ${k.padEnd(60)} ${c}`).join('\n');
  // eslint-disable-next-line no-console
  console.log(`${file}: generated/hand-written cases per field (seed ${SEED}, numRuns ${NUM_RUNS})\n${text}\n  total ${total}`);
  const dir = path.join(__dirname, '../../../test-reports');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `property-cases-${file}.json`),
    JSON.stringify({ seed: SEED, numRuns: NUM_RUNS, total, cases: Object.fromEntries(rows) }, null, 2));
}

/** How the library shows a non-secret string value in a message. */
export function shown(value: string): string {
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 60)}..." (${Array.from(value).length} characters)` : json;
}

/** How the library shows a secret string value in a message. */
export function shownSecret(value: string): string {
  const n = Array.from(value).length;
  return `a secret value of ${n} character${n === 1 ? '' : 's'} (redacted)`;
}

/** The message format: `` `prop` <rule>, got <value> (at <path>). <fix> ``. */
export const MESSAGE_FORMAT = /^`[^`]+` [\s\S]+, got [\s\S]+ \(at [^)]+\)\. \S[\s\S]*$/;

/** Runs `f`, which must throw the library's validation error; returns the error. */
export function rejection(f: () => unknown): Error & { constructPath: string; property: string } {
  try {
    f();
  } catch (e) {
    const err = e as any;
    if (!(err instanceof Error) || err.name !== 'ValidationError' || typeof err.constructPath !== 'string') {
      throw new Error(`expected the library's ValidationError, got ${err?.constructor?.name}: ${err?.message}`);
    }
    return err as any;
  }
  throw new Error('expected a validation error, but construction succeeded');
}

/**
 * Asserts the exact start of the message: property, rule, shown value and
 * construct path, followed by a non-empty fix sentence.
 */
export function expectMessage(err: Error, property: string, rule: string, got: string, at: string): void {
  const head = `\`${property}\` ${rule}, got ${got} (at ${at}). `;
  if (!err.message.startsWith(head) || err.message.length <= head.length || !MESSAGE_FORMAT.test(err.message)) {
    throw new Error(`message mismatch\n  expected to start with: ${head}\n  actual:                 ${err.message}`);
  }
}
