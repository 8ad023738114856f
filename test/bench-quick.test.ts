import { spawnSync } from 'child_process';
import * as path from 'path';

// Runs the benchmark (bench/run.js, issue 6) in its quick form: one process
// per figure, N = 10, no Python. Checks that it runs and prints the whole
// table; timings are not asserted (they depend on the machine and its load).

const ROOT = path.resolve(__dirname, '..');

test('bench/run.js --quick prints the results table with every row', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'run.js'), '--quick', '--no-fail'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' },
    timeout: 300_000,
  });
  const output = `${r.stdout}\n${r.stderr}`;
  expect({ status: r.status, output }).toEqual({ status: 0, output: expect.any(String) });

  const rows = r.stdout.split('\n').filter((l) => l.startsWith('| '));
  const variants = rows.map((l) => l.split('|').slice(1, 3).map((c) => c.trim()).join(' / '));
  expect(variants).toEqual(expect.arrayContaining([
    'start-up / library (`lib/index.js`)',
    'start-up / raw binding, deep import (baseline)',
    'start-up / provider index `@cdktf/provider-aws`',
    'synth N=10 / library',
    'synth N=10 / raw binding (baseline)',
  ]));
  // Every measured row has a number in each figure column.
  for (const l of rows.filter((x) => /^\| (start-up|synth N=\d+) \|/.test(x))) {
    const cells = l.split('|').slice(1, -1).map((c) => c.trim());
    expect(cells.slice(2, 8).every((c) => /^\d+(\.\d+)?x?$/.test(c))).toBe(true);
  }
  // The budgets table, each with a verdict.
  const budgets = rows.filter((l) => /\| (PASS|FAIL) \|$/.test(l));
  expect(budgets).toHaveLength(3);
  expect(r.stdout).toMatch(/Output check: the library and the raw binding wrote the same/);
  expect(r.stdout).toMatch(/Python section skipped: not requested/);
}, 300_000);
