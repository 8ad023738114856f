/*
 * @every-node-line the benchmark's child processes run on the Node.js of the line under test
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { freshBuild, TARGET } from './flavour';

// Runs the benchmark (bench/run.js) in its quick form for this run's matrix entry
// (FLAVOUR): one process per figure, N = 10, no Python. Checks that it runs and prints the
// whole table; timings are not asserted (they depend on the machine and its load).

const ROOT = path.resolve(__dirname, '..');
const LIB_LABEL = path.relative(ROOT, path.join(freshBuild('lib'), 'index.js'));

test(`bench/run.js --quick prints the results table with every row (${TARGET.name})`, () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'run.js'), '--quick', '--no-fail', '--flavour', TARGET.name], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' },
    timeout: 300_000,
  });
  const output = `${r.stdout}\n${r.stderr}`;
  expect({ status: r.status, output }).toEqual({ status: 0, output: expect.any(String) });

  expect(r.stdout).toMatch(new RegExp(`^## ${TARGET.name}: ${TARGET.framework} \\S+ \\+ ${TARGET.providerPackage} `, 'm'));
  const rows = r.stdout.split('\n').filter((l) => l.startsWith('| '));
  const variants = rows.map((l) => l.split('|').slice(1, 3).map((c) => c.trim()).join(' / '));
  expect(variants).toEqual(expect.arrayContaining([
    `start-up / library (\`${LIB_LABEL}\`)`,
    'start-up / raw binding, deep import (baseline)',
    `start-up / provider index \`${TARGET.providerPackage}\``,
    // Each case also measures the raw bindings built as the library's L2 constructs build them.
    ...['shared reads', 'plain text', 'destinations + targets'].flatMap((kase) => [
      `synth N=10 ${kase} / library`,
      `synth N=10 ${kase} / raw binding (baseline)`,
      `synth N=10 ${kase} / raw binding in a wrapper construct`,
    ]),
  ]));
  // Every measured row has a number in each figure column.
  const measured = rows.filter((x) => /^\| (start-up|synth N=10 [a-z +]+) \| [^|]*(library|raw binding|provider index)/.test(x));
  expect(measured).toHaveLength(12);
  for (const l of measured) {
    const cells = l.split('|').slice(1, -1).map((c) => c.trim());
    expect(cells.slice(2, 8).every((c) => /^\d+(\.\d+)?x?$/.test(c))).toBe(true);
  }
  // The paired ratios (A / B of the same round): one row per comparison, 1 pair each: library vs
  // raw for the start-up, and for each case library vs raw, library vs wrapped raw and wrapped
  // raw vs raw.
  const pairedRows = rows.filter((l) => /^\| (start-up|synth N=10 [a-z +]+): (library|wrapped raw) vs /.test(l));
  expect(pairedRows.map((l) => l.split('|')[1].trim())).toEqual([
    'start-up: library vs deep import',
    'synth N=10 shared reads: library vs raw',
    'synth N=10 shared reads: library vs wrapped raw',
    'synth N=10 shared reads: wrapped raw vs raw',
    'synth N=10 plain text: library vs raw',
    'synth N=10 plain text: library vs wrapped raw',
    'synth N=10 plain text: wrapped raw vs raw',
    'synth N=10 destinations + targets: library vs raw',
    'synth N=10 destinations + targets: library vs wrapped raw',
    'synth N=10 destinations + targets: wrapped raw vs raw',
  ]);
  for (const l of pairedRows) {
    const cells = l.split('|').slice(1, -1).map((c) => c.trim());
    expect(cells.slice(1)).toEqual(['1', expect.stringMatching(/^\d+\.\d\dx$/), expect.stringMatching(/^\d+\.\d\dx$/),
      expect.stringMatching(/^\d+\.\d\dx$/)]);
  }
  // The budgets table, each with a verdict.
  const budgets = rows.filter((l) => /\| (PASS|FAIL) \|$/.test(l));
  expect(budgets.map((l) => l.split('|')[1].trim())).toEqual([
    'start-up: library wall time vs deep raw import',
    'synth N=10 shared reads: library wall time vs raw binding',
    'synth N=10 shared reads: library peak RSS vs raw binding',
    'synth N=10 shared reads: library wall time vs wrapped raw (the library\'s own work)',
  ]);
  expect(r.stdout).toMatch(/Output check: the library and the raw binding wrote the same/);
  expect(r.stdout).toMatch(/Binding check: the library and the raw baseline both loaded/);
  expect(r.stdout).toMatch(TARGET.name === 'cdktf'
    ? /Python section skipped: not requested/
    : /Python section skipped: the Python benchmark is cdktf-only/);
}, 300_000);
