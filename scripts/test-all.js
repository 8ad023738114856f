#!/usr/bin/env node
/*
 * `npm run test:all` (README command 2, what CI runs): builds what the suites need and runs
 * every suite of every matrix entry, one after the other, whatever happened to the ones before.
 *
 *   node scripts/test-all.js            every step below
 *   node scripts/test-all.js --list     the steps, what each needs and where its report goes
 *
 * A step that fails does not stop the run. A step whose prerequisite failed is not run and is
 * counted as failed ("not run: needs ..."), so a broken build shows as the suites it blocked,
 * not as silence. At the end it prints one table (suite, result, passed, failed, skipped,
 * seconds, report), names every failure, says how long the whole run took, and closes with
 * one line `N passed, N failed, N skipped` over every test of every suite. Exit status: 0 when
 * every step passed (a suite that prints `SKIPPED: <reason>`, such as the deployment suite
 * without Terraform, passes with its reason in the table), 1 otherwise.
 *
 * Counts come from each suite's JUnit report under test-reports/ (cleared at the start, so no
 * report is left from an earlier run). A suite that exits non-zero with no failed test in its
 * report (a crash, a collection error, no report at all) counts one failure.
 */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { TARGETS, NODE_LINES, NEWEST_NODE, NODE_SUITE } = require('./flavours');

const ROOT = path.resolve(__dirname, '..');
const REPORTS = path.join(ROOT, 'test-reports');

/**
 * The run, in order: the build steps, then every suite of every matrix entry (TARGETS in
 * scripts/flavours.js: jest, pytest where the entry has a wheel, the deployment suite), jest of
 * each flavour on the Node.js lines of NODE_LINES, eslint, actionlint on the GitHub workflows,
 * the consumer projects and the release rehearsal. `setup` steps build what suites need;
 * `report` is the suite's JUnit file (relative to test-reports/); `needs` names earlier steps
 * that must have passed.
 */
function steps() {
  const entries = Object.entries(TARGETS);
  const buildOf = (task) => task === 'compile' ? [] : [{
    name: task,
    setup: true,
    cmd: `npx projen ${task}`,
    needs: ['compile', ...(entries.some(([, t]) => t.node22 && (t.build === task || t.wheelBuild === task)) ? ['tools:cdktn'] : [])],
    what: task === 'package:python' ? 'dist/python wheel' : `the build of ${entries.filter(([, t]) => t.build === task || t.wheelBuild === task).map(([n]) => n).join(', ')}`,
  }];
  const builds = [...new Set(entries.flatMap(([, t]) => [t.build, t.wheelBuild]).filter(Boolean))];
  const env = (name) => (name === 'cdktf' ? undefined : { FLAVOUR: name });
  return [
    { name: 'tools:cdktn', setup: true, cmd: 'npx projen tools:cdktn', what: 'Node.js 22 and cdktn-cli in tools/cdktn' },
    { name: 'tools:node', setup: true, cmd: 'npx projen tools:node', what: 'Node.js 24 and 26 in tools/node' },
    {
      name: 'compile',
      setup: true,
      cmd: 'npx projen default && npx projen pre-compile && npx projen compile && npx projen post-compile',
      what: 'project files, jsii compile of lib/, API.md',
    },
    { name: 'eslint', cmd: 'npx projen eslint', what: 'lint of src, test, projenrc' },
    // The generated workflows (.github/workflows, from projenrc/workflows.ts); installs
    // actionlint with Go into build/tools, prints SKIPPED without Go.
    { name: 'actionlint', cmd: 'node scripts/actionlint.js', report: 'actionlint-junit.xml' },
    { name: 'package:js', setup: true, cmd: 'npx projen package:js', needs: ['compile'], what: 'dist/js tarball' },
    ...builds.flatMap(buildOf),
    ...entries.map(([name, t]) => (name === 'cdktf'
      ? { name: 'jest (cdktf)', cmd: 'npx jest --ci --passWithNoTests', needs: [t.build], report: 'junit.xml' }
      : { name: `jest (${name})`, cmd: 'node scripts/run-jest.js', env: env(name), needs: [t.build], report: `junit-${name}.xml` })),
    // The Node column of the compatibility table: each flavour on every Node.js line, the
    // whole suite on the newest, the fixture suite and the imports of the compiled library on
    // the others (the cdktn entry's own run above is on Node 22 already).
    ...entries.filter(([name]) => name === TARGETS[name].flavour).flatMap(([name, t]) => NODE_LINES
      .filter((major) => !(t.node22 && major === '22'))
      .map((major) => ({
        name: `jest (${name}, Node ${major})`,
        cmd: `node scripts/run-jest.js${major === NEWEST_NODE ? '' : ` ${NODE_SUITE.join(' ')}`}`,
        env: { FLAVOUR: name, NODE_MAJOR: major },
        needs: [t.build, major === '22' ? 'tools:cdktn' : 'tools:node'],
        report: `junit-${name}-node${major}.xml`,
      }))),
    ...entries.filter(([, t]) => t.wheelDir).map(([name, t]) => ({
      name: `pytest (${name})`,
      cmd: 'bash test/python/run.sh',
      env: env(name),
      needs: [t.wheelBuild],
      report: `python-${name}-junit.xml`,
    })),
    {
      name: 'consumers',
      cmd: 'bash test/consumers/run.sh',
      // The packed tarball and every flavour's packages (the wheel builds pack them).
      needs: [...new Set(['package:js', ...entries.map(([, t]) => t.wheelBuild).filter(Boolean), 'tools:node'])],
      report: 'consumers-junit.xml',
    },
    // release.yml's steps in a scratch clone of HEAD (its own install and builds), publishing to
    // loopback registries, then installs by version and the quick start (test/release).
    { name: 'release rehearsal', cmd: 'node test/release/rehearse.js', report: 'release-rehearsal-junit.xml' },
    ...entries.map(([name, t]) => ({
      name: `deploy (${name})`,
      cmd: 'bash test/deploy/run.sh',
      env: { FLAVOUR: name },
      needs: [t.build],
      report: `deploy-${name}-junit.xml`,
    })),
  ];
}
const STEPS = steps();

/** passed / failed / skipped test cases of a JUnit report, or undefined when there is none. */
function junitCounts(file) {
  if (!fs.existsSync(file)) return undefined;
  const xml = fs.readFileSync(file, 'utf-8');
  const count = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const chunk of xml.split(/<testcase\b/).slice(1)) {
    const open = chunk.slice(0, chunk.indexOf('>') + 1);
    const body = open.endsWith('/>') ? '' : chunk.slice(open.length, chunk.indexOf('</testcase>'));
    if (/<(failure|error)\b/.test(body)) {
      count.failed++;
      const attr = (name) => (open.match(new RegExp(`\\b${name}="([^"]*)"`)) || [])[1] || '';
      count.failures.push(unescapeXml([attr('classname'), attr('name')].filter(Boolean).join(' > ')));
    } else if (/<skipped\b/.test(body)) {
      count.skipped++;
    } else {
      count.passed++;
    }
  }
  return count;
}

function unescapeXml(s) {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Runs one shell command with the output passed through; resolves to its exit code and the SKIPPED: lines it printed. */
function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, {
      cwd: ROOT,
      shell: '/bin/bash',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...(step.env || {}) },
    });
    const skipped = [];
    let partial = '';
    child.stdout.on('data', (data) => {
      process.stdout.write(data);
      const lines = (partial + data.toString('utf-8')).split('\n');
      partial = lines.pop();
      for (const line of lines) if (line.startsWith('SKIPPED: ')) skipped.push(line.slice('SKIPPED: '.length));
    });
    child.stderr.on('data', (data) => process.stderr.write(data));
    child.on('error', (e) => resolve({ code: 127, skipped, error: e.message }));
    child.on('close', (code, signal) => {
      if (partial.startsWith('SKIPPED: ')) skipped.push(partial.slice('SKIPPED: '.length));
      resolve({ code: code === null ? 128 : code, signal, skipped });
    });
  });
}

function pad(s, n, right = false) {
  s = String(s);
  return right ? s.padStart(n) : s.padEnd(n);
}

function minutes(seconds) {
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s` : `${Math.round(seconds)} s`;
}

async function main() {
  if (process.argv.includes('--list')) {
    for (const s of STEPS) {
      console.log(`${pad(s.name, Math.max(...STEPS.map((t) => t.name.length)))} ${s.setup ? 'build' : 'suite'}  ${s.cmd}${s.env ? ` (${Object.entries(s.env).map(([k, v]) => `${k}=${v}`).join(' ')})` : ''}`
        + `${s.needs ? `  needs: ${s.needs.join(', ')}` : ''}${s.report ? `  report: test-reports/${s.report}` : ''}`);
    }
    return 0;
  }
  const started = Date.now();
  fs.rmSync(REPORTS, { recursive: true, force: true });
  fs.mkdirSync(REPORTS, { recursive: true });
  const results = new Map();

  for (const step of STEPS) {
    const blocked = (step.needs || []).filter((n) => results.get(n)?.status !== 'passed');
    if (blocked.length) {
      results.set(step.name, { step, status: 'not run', seconds: 0, why: `needs ${blocked.join(', ')}, which did not pass` });
      console.log(`\n[test:all] ${step.name}: NOT RUN (needs ${blocked.join(', ')}, which did not pass)`);
      continue;
    }
    console.log(`\n[test:all] ${step.name}: ${step.cmd}${step.env ? ` (${Object.entries(step.env).map(([k, v]) => `${k}=${v}`).join(' ')})` : ''}`);
    const t0 = Date.now();
    const outcome = await run(step);
    const seconds = (Date.now() - t0) / 1000;
    const counts = step.report ? junitCounts(path.join(REPORTS, step.report)) : undefined;
    let status = outcome.code === 0 ? 'passed' : 'failed';
    let why = outcome.code === 0 ? '' : `exit ${outcome.code}${outcome.signal ? ` (${outcome.signal})` : ''}`;
    if (outcome.code === 0 && counts && counts.failed > 0) {
      status = 'failed';
      why = `${counts.failed} failed in the report, exit 0`;
    }
    if (outcome.code === 0 && step.report && !counts) {
      if (outcome.skipped.length) {
        status = 'skipped';
        why = outcome.skipped.join('; ');
      } else {
        status = 'failed';
        why = `exit 0 but no report at test-reports/${step.report}`;
      }
    }
    if (outcome.code === 0 && counts && counts.passed === 0 && counts.failed === 0) {
      status = 'failed';
      why = 'no test ran';
    }
    results.set(step.name, { step, status, seconds, why, counts });
    console.log(`[test:all] ${step.name}: ${status.toUpperCase()}${why ? ` (${why})` : ''} after ${seconds.toFixed(0)} s`);
  }

  const total = (Date.now() - started) / 1000;
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const rows = [];
  const failures = [];
  for (const { step, status, seconds, why, counts } of results.values()) {
    const c = counts || { passed: 0, failed: 0, skipped: 0, failures: [] };
    // A failed step counts at least one failure: a crash or a build error is not "0 failed".
    const failed = status === 'failed' || status === 'not run' ? Math.max(c.failed, 1) : c.failed;
    if (step.report) {
      totals.passed += c.passed;
      totals.skipped += c.skipped;
    }
    totals.failed += failed;
    if (status !== 'passed' && status !== 'skipped') {
      failures.push(`${step.name}: ${status}${why ? ` (${why})` : ''}`);
      for (const f of c.failures) failures.push(`  ${f}`);
    }
    rows.push([
      step.name,
      status === 'passed' ? 'ok' : status.toUpperCase(),
      step.report ? c.passed : '',
      step.report || failed ? failed : '',
      step.report ? c.skipped : '',
      seconds.toFixed(0),
      step.report ? (counts ? `test-reports/${step.report}` : '(no report)') : (step.what || ''),
      status === 'skipped' ? why : '',
    ]);
  }
  const head = ['step', 'result', 'passed', 'failed', 'skipped', 'seconds', 'report'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  widths[6] = Math.min(widths[6], 48);
  const line = (r) => r.slice(0, 7).map((v, i) => pad(v, widths[i], i >= 2 && i <= 5)).join('  ').trimEnd()
    + (r[7] ? `\n${' '.repeat(widths[0] + 2)}SKIPPED: ${r[7]}` : '');
  console.log('\n==================== test:all summary ====================');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log(`\nwhole run: ${minutes(total)} (${total.toFixed(0)} s)`);
  if (failures.length) {
    console.log('\nFAILED:');
    for (const f of failures) console.log(`  ${f}`);
  }
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return failures.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(1);
});
