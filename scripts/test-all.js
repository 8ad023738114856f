#!/usr/bin/env node
/*
 * `npm run test:all` (README command 2, what CI runs): builds what the suites need and runs
 * every suite of every matrix entry, each one whatever happened to the others.
 *
 *   node scripts/test-all.js                   every step below
 *   node scripts/test-all.js --list            the steps: what each runs, needs and reports
 *   node scripts/test-all.js --only jest:cdktn the named steps (and the builds they need)
 *   node scripts/test-all.js --from pytest     that step and every one listed after it
 *   node scripts/test-all.js --jobs 1          one step at a time (default: one per core)
 *
 * `--only` and `--from` take step ids or a prefix of them (`jest` is every `jest:...` step),
 * comma-separated; `--no-builds` trusts the tree as built and runs no build step they need.
 *
 * Steps run as soon as what they need has passed, up to `--jobs` at once (default: the
 * number of cores). Each step's output goes to its own log, test-reports/logs/<step>.log;
 * the console gets one line when a step starts and one when it ends (with the end of its log
 * when it failed). A step whose prerequisite failed is not run and is counted as failed
 * ("not run: needs ..."), so a broken build shows as the suites it blocked, not as silence.
 *
 * At the end it prints one table (step, result, passed, failed, skipped, seconds, CPU seconds
 * of its processes, report), under a row the `SKIPPED: ` and `NOTE: ` lines its step printed,
 * names every failure, says how long the whole run took against the steps' sum, and closes
 * with one line `N passed, N failed, N skipped` over every test of every suite. Exit status: 0
 * when every step passed (a suite that prints `SKIPPED: <reason>`, such as the deployment suite
 * without Terraform, passes with its reason in the table), 1 otherwise, 2 for a wrong argument.
 *
 * Counts come from each suite's JUnit report under test-reports/ (cleared at the start, so no
 * report is left from an earlier run). A suite that exits non-zero with no failed test in its
 * report (a crash, a collection error, no report at all) counts one failure.
 */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { TARGETS, NODE_LINES } = require('./flavours');

const ROOT = path.resolve(__dirname, '..');
const REPORTS = path.join(ROOT, 'test-reports');
const LOGS = path.join(REPORTS, 'logs');
/** The matrix entry whose deployment is applied; the others compare their JSON with it. */
const APPLIED_ENTRY = 'cdktf';
/** Where its run records what it synthesized, for the others to compare with. */
const DEPLOY_RECORD = path.join(REPORTS, 'deploy-record');

/**
 * The steps, in the order they start when they are ready. `setup` steps build what suites
 * need; `needs` names earlier steps that must have passed; `report` is the suite's JUnit
 * file (relative to test-reports/). The long suites that need little come first, so that
 * they overlap with the rest.
 */
function steps() {
  const entries = Object.entries(TARGETS);
  const flavourEntries = entries.filter(([name, t]) => name === t.flavour);
  const needsNode22 = (task) => entries.some(([, t]) => t.node22 && (t.build === task || t.wheelBuild === task));
  const buildOf = (task) => (task === 'compile' ? [] : [{
    name: task,
    setup: true,
    cmd: `npx projen ${task}`,
    needs: ['compile', ...(needsNode22(task) ? ['tools:cdktn'] : [])],
    what: task === 'package:python'
      ? 'dist/python wheel'
      : `the build of ${entries.filter(([, t]) => t.build === task || t.wheelBuild === task).map(([n]) => n).join(', ')}`,
  }]);
  const builds = [...new Set(entries.flatMap(([, t]) => [t.build, t.wheelBuild]).filter(Boolean))];
  const applied = TARGETS[APPLIED_ENTRY];
  return [
    // release.yml's steps in a scratch clone of HEAD (its own install and builds), publishing
    // to loopback registries, then installs by version and the quick start (test/release), run
    // by a user whose own npm, pip and git configuration would break it if any reached it.
    { name: 'release', cmd: 'node test/release/hostile.js', report: 'release-rehearsal-junit.xml' },
    { name: 'tools:cdktn', setup: true, cmd: 'npx projen tools:cdktn', what: 'Node.js 22 and cdktn-cli in tools/cdktn' },
    {
      name: 'compile',
      setup: true,
      cmd: 'npx projen default && npx projen pre-compile && npx projen compile && npx projen post-compile',
      what: 'project files, jsii compile of lib/, API.md',
    },
    // The deployment suite applies one entry's stacks; every other entry synthesizes the same
    // scenarios, compares its JSON with what was applied (but the `terraform` block) and is
    // applied itself when it differs (test/deploy/README.md).
    {
      name: `deploy:${APPLIED_ENTRY}`,
      cmd: 'bash test/deploy/run.sh',
      env: { FLAVOUR: APPLIED_ENTRY, DEPLOY_RECORD: DEPLOY_RECORD },
      needs: [applied.build],
      report: `deploy-${APPLIED_ENTRY}-junit.xml`,
    },
    { name: 'tools:node', setup: true, cmd: 'npx projen tools:node', what: 'Node.js 24 and 26 in tools/node' },
    ...builds.flatMap(buildOf),
    { name: 'package:js', setup: true, cmd: 'npx projen package:js', needs: ['compile'], what: 'dist/js tarball' },
    {
      name: 'consumers',
      cmd: 'bash test/consumers/run.sh',
      // The packed tarball and every flavour's packages (the wheel builds pack them). Early: it is
      // long (4-7 min) and needs only the packages.
      needs: [...new Set(['package:js', ...entries.map(([, t]) => t.wheelBuild).filter(Boolean), 'tools:node'])],
      report: 'consumers-junit.xml',
    },
    // Every entry's whole jest suite on its own Node.js (the machine's; cdktn: Node 22).
    ...entries.map(([name, t]) => (name === 'cdktf'
      ? { name: 'jest:cdktf', cmd: 'npx jest --ci --passWithNoTests', needs: [t.build], report: 'junit.xml' }
      : { name: `jest:${name}`, cmd: 'node scripts/run-jest.js', env: { FLAVOUR: name }, needs: [t.build], report: `junit-${name}.xml` })),
    ...entries.filter(([, t]) => t.wheelDir).map(([name, t]) => ({
      name: `pytest:${name}`,
      cmd: 'bash test/python/run.sh',
      env: name === 'cdktf' ? undefined : { FLAVOUR: name },
      needs: [t.wheelBuild],
      report: `python-${name}-junit.xml`,
    })),
    ...entries.filter(([name]) => name !== APPLIED_ENTRY).map(([name, t]) => ({
      name: `deploy:${name}`,
      cmd: 'bash test/deploy/run.sh',
      env: { FLAVOUR: name, DEPLOY_REFERENCE: DEPLOY_RECORD },
      needs: [t.build, `deploy:${APPLIED_ENTRY}`],
      report: `deploy-${name}-junit.xml`,
    })),
    // The Node column of the compatibility table: on every other line, each flavour's tests
    // whose result can depend on the line (marked `@every-node-line`, see run-jest.js).
    ...flavourEntries.flatMap(([name, t]) => NODE_LINES
      .filter((major) => !(t.node22 && major === '22'))
      .map((major) => ({
        name: `jest:${name}:node${major}`,
        cmd: 'node scripts/run-jest.js --every-node-line',
        env: { FLAVOUR: name, NODE_MAJOR: major },
        needs: [t.build, major === '22' ? 'tools:cdktn' : 'tools:node'],
        report: `junit-${name}-node${major}.xml`,
      }))),
    { name: 'eslint', cmd: 'npx projen eslint', what: 'lint of src, test, projenrc' },
    // The generated workflows (.github/workflows, from projenrc/workflows.ts); installs
    // actionlint with Go into build/tools, prints SKIPPED without Go.
    { name: 'actionlint', cmd: 'node scripts/actionlint.js', report: 'actionlint-junit.xml' },
  ];
}

/**
 * The steps to run: all of them, or those `--only` names (or `--from` and after), with every
 * step they need unless `noBuilds` (then only the suites they need). Throws on an unknown name.
 */
function select(all, { only, from, noBuilds = false } = {}) {
  const ids = all.map((s) => s.name);
  const match = (pattern) => {
    if (ids.includes(pattern)) return [pattern];
    const prefixed = ids.filter((id) => id.startsWith(`${pattern}:`));
    if (!prefixed.length) throw new Error(`no step is called ${pattern} (or ${pattern}:...); the steps: ${ids.join(', ')}`);
    return prefixed;
  };
  let chosen;
  if (only) {
    chosen = new Set(only.split(',').filter(Boolean).flatMap(match));
  } else if (from) {
    const first = Math.min(...from.split(',').filter(Boolean).flatMap(match).map((id) => ids.indexOf(id)));
    chosen = new Set(ids.slice(first));
  } else {
    return all;
  }
  const byName = new Map(all.map((s) => [s.name, s]));
  const queue = [...chosen];
  while (queue.length) {
    for (const need of byName.get(queue.pop()).needs || []) {
      if (chosen.has(need) || (noBuilds && byName.get(need).setup)) continue;
      chosen.add(need);
      queue.push(need);
    }
  }
  return all.filter((s) => chosen.has(s.name))
    .map((s) => ({ ...s, needs: (s.needs || []).filter((n) => chosen.has(n)) }));
}

/**
 * Runs `list` (steps in start order) with at most `jobs` at once: a step starts when every
 * step it needs has passed, and is not run when one of them did not. `runStep(step)` resolves
 * to its result ({ status, ... }); `log(text)` hears of each start and end. Resolves to a Map
 * of step name to result, with `{ status: 'not run', why }` for the steps not run.
 */
function execute(list, jobs, runStep, log = () => {}) {
  const results = new Map();
  const pending = [...list];
  let running = 0;
  return new Promise((allDone) => {
    const startReady = () => {
      for (let i = 0; i < pending.length;) {
        const step = pending[i];
        const needs = step.needs || [];
        const blocked = needs.filter((n) => results.has(n) && results.get(n).status !== 'passed');
        if (blocked.length) {
          pending.splice(i, 1);
          const why = `needs ${blocked.join(', ')}, which did not pass`;
          results.set(step.name, { status: 'not run', seconds: 0, why, notes: [] });
          log(`${step.name}: NOT RUN (${why})`);
          i = 0; // the steps it blocked are decided now too
          continue;
        }
        if (running < jobs && needs.every((n) => results.has(n))) {
          pending.splice(i, 1);
          running++;
          log(`${step.name}: start`, step);
          Promise.resolve(runStep(step)).then((result) => {
            results.set(step.name, result);
            running--;
            log(`${step.name}: ${result.status.toUpperCase()}${result.why ? ` (${result.why})` : ''} after ${(result.seconds ?? 0).toFixed(0)} s`, step, result);
            startReady();
          });
          continue;
        }
        i++;
      }
      if (!pending.length && !running) allDone(results);
    };
    startReady();
  });
}

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

const logFile = (step) => path.join(LOGS, `${step.name.replace(/[^A-Za-z0-9.-]+/g, '-')}.log`);
const children = new Set();

/**
 * Runs one step's shell command, its output into the step's log; resolves to its exit code,
 * the `SKIPPED: ` and `NOTE: ` lines it printed, and the CPU seconds (user + system) of the
 * processes it ran, from bash's `times`.
 */
function run(step) {
  return new Promise((resolve) => {
    const out = fs.openSync(logFile(step), 'w');
    fs.writeSync(out, `$ ${describe(step)}\n`);
    const cpuFile = `${logFile(step)}.cpu`;
    const child = spawn(`${step.cmd}\nstatus=$?; times > ${JSON.stringify(cpuFile)}; exit $status`, {
      cwd: ROOT,
      shell: '/bin/bash',
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...(step.env || {}) },
    });
    children.add(child);
    const marked = { SKIPPED: [], NOTE: [] };
    let partial = '';
    const scan = (text) => {
      for (const key of Object.keys(marked)) if (text.startsWith(`${key}: `)) marked[key].push(text.slice(key.length + 2));
    };
    child.stdout.on('data', (data) => {
      fs.writeSync(out, data);
      const lines = (partial + data.toString('utf-8')).split('\n');
      partial = lines.pop();
      lines.forEach(scan);
    });
    child.stderr.on('data', (data) => fs.writeSync(out, data));
    const finish = (result) => {
      children.delete(child);
      fs.closeSync(out);
      resolve({ ...result, skipped: marked.SKIPPED, notes: marked.NOTE, cpu: cpuSeconds(cpuFile) });
    };
    child.on('error', (e) => finish({ code: 127, error: e.message }));
    child.on('close', (code, signal) => {
      scan(partial);
      finish({ code: code === null ? 128 : code, signal });
    });
  });
}

/** User + system seconds of the children, from the second line of bash's `times` (`0m1.5s 0m0.2s`). */
function cpuSeconds(file) {
  if (!fs.existsSync(file)) return undefined;
  const line = fs.readFileSync(file, 'utf-8').split('\n')[1] || '';
  fs.rmSync(file, { force: true });
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return parts.length === 2 ? parts[0] + parts[1] : undefined;
}

function describe(step) {
  return `${step.env ? `${Object.entries(step.env).map(([k, v]) => `${k}=${path.isAbsolute(v) ? path.relative(ROOT, v) : v}`).join(' ')} ` : ''}${step.cmd}`;
}

function pad(s, n, right = false) {
  s = String(s);
  return right ? s.padStart(n) : s.padEnd(n);
}

function minutes(seconds) {
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s` : `${Math.round(seconds)} s`;
}

function clock() {
  return new Date().toISOString().slice(11, 19);
}

function lastLines(file, n) {
  const lines = fs.readFileSync(file, 'utf-8').trimEnd().split('\n');
  return lines.slice(-n);
}

/** The outcome of a finished step, from its exit code and its report. */
function judge(step, outcome) {
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
  return { status, why, counts };
}

function parseArgs(argv) {
  const options = { jobs: Number(process.env.TEST_ALL_JOBS) || os.availableParallelism?.() || os.cpus().length };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--list') options.list = true;
    else if (flag === '--only') options.only = value();
    else if (flag === '--from') options.from = value();
    else if (flag === '--no-builds') options.noBuilds = true;
    else if (flag === '--jobs') options.jobs = Number(value());
    else throw new Error(`unknown argument ${argv[i]} (see the head of scripts/test-all.js)`);
  }
  if (!(options.jobs >= 1)) throw new Error('--jobs takes a number of 1 or more');
  if (options.only && options.from) throw new Error('give --only or --from, not both');
  return options;
}

async function main() {
  let options;
  let STEPS;
  try {
    options = parseArgs(process.argv.slice(2));
    STEPS = select(steps(), options);
  } catch (e) {
    console.error(`test:all: ${e.message}`);
    return 2;
  }
  if (options.list) {
    const width = Math.max(...STEPS.map((t) => t.name.length));
    for (const s of STEPS) {
      console.log(`${pad(s.name, width)} ${s.setup ? 'build' : 'suite'}  ${describe(s)}`
        + `${s.needs && s.needs.length ? `  needs: ${s.needs.join(', ')}` : ''}${s.report ? `  report: test-reports/${s.report}` : ''}`);
    }
    return 0;
  }
  const started = Date.now();
  fs.rmSync(REPORTS, { recursive: true, force: true });
  fs.mkdirSync(LOGS, { recursive: true });
  console.log(`[test:all] ${STEPS.length} steps, up to ${options.jobs} at once; each step's output in ${path.relative(ROOT, LOGS)}/`);
  const stop = (signal) => {
    for (const child of children) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch { /* gone */ }
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const results = await execute(STEPS, options.jobs, async (step) => {
    const t0 = Date.now();
    const outcome = await run(step);
    return { ...judge(step, outcome), seconds: (Date.now() - t0) / 1000, cpu: outcome.cpu, notes: outcome.notes };
  }, (text, step, result) => {
    const started = step && !result;
    console.log(`[test:all] ${clock()} ${text}${started ? ` (${describe(step)}; log ${path.relative(ROOT, logFile(step))})` : ''}`);
    if (!result) return;
    for (const n of result.notes) console.log(`[test:all]   NOTE: ${n}`);
    if (result.status === 'failed') {
      console.log(`[test:all]   the end of ${path.relative(ROOT, logFile(step))}:`);
      for (const l of lastLines(logFile(step), 40)) console.log(`    ${l}`);
    }
  });

  const total = (Date.now() - started) / 1000;
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const rows = [];
  const failures = [];
  let sum = 0;
  let cpuSum = 0;
  for (const step of STEPS) {
    const { status, seconds, cpu, why, counts, notes } = results.get(step.name);
    sum += seconds;
    cpuSum += cpu || 0;
    const c = counts || { passed: 0, failed: 0, skipped: 0, failures: [] };
    // A failed step counts at least one failure: a crash or a build error is not "0 failed".
    const failed = status === 'failed' || status === 'not run' ? Math.max(c.failed, 1) : c.failed;
    if (step.report) {
      totals.passed += c.passed;
      totals.skipped += c.skipped;
    }
    totals.failed += failed;
    if (status !== 'passed' && status !== 'skipped') {
      failures.push(`${step.name}: ${status}${why ? ` (${why})` : ''}${status === 'failed' ? `; log ${path.relative(ROOT, logFile(step))}` : ''}`);
      for (const f of c.failures) failures.push(`  ${f}`);
    }
    rows.push({
      cells: [
        step.name,
        status === 'passed' ? 'ok' : status.toUpperCase(),
        step.report ? c.passed : '',
        step.report || failed ? failed : '',
        step.report ? c.skipped : '',
        seconds.toFixed(0),
        cpu === undefined ? '' : cpu.toFixed(0),
        step.report ? (counts ? `test-reports/${step.report}` : '(no report)') : (step.what || ''),
      ],
      marks: [...(status === 'skipped' ? [`SKIPPED: ${why}`] : []), ...notes.map((n) => `NOTE: ${n}`)],
    });
  }
  const head = ['step', 'result', 'passed', 'failed', 'skipped', 'seconds', 'cpu s', 'report'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r.cells[i]).length)));
  widths[7] = Math.min(widths[7], 48);
  const line = (cells) => cells.map((v, i) => pad(v, widths[i], i >= 2 && i <= 6)).join('  ').trimEnd();
  console.log('\n==================== test:all summary ====================');
  console.log(line(head));
  for (const r of rows) {
    console.log(line(r.cells));
    for (const m of r.marks) console.log(`${' '.repeat(widths[0] + 2)}${m}`);
  }
  console.log(`\nwhole run: ${minutes(total)} (${total.toFixed(0)} s; the steps add up to ${sum.toFixed(0)} s and ${cpuSum.toFixed(0)} CPU seconds, up to ${options.jobs} at once)`);
  if (failures.length) {
    console.log('\nFAILED:');
    for (const f of failures) console.log(`  ${f}`);
  }
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return failures.length ? 1 : 0;
}

module.exports = { steps, select, execute, judge, junitCounts, parseArgs, APPLIED_ENTRY };

if (require.main === module) {
  main().then((code) => process.exit(code), (e) => {
    console.error(e);
    process.exit(1);
  });
}
