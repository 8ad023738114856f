#!/usr/bin/env node
'use strict';
/*
 * Benchmark of cdktf-eventbridge-connection against the raw generated binding
 * (issue 6). Run from the project root after compiling (`npx jsii`):
 *
 *   node bench/run.js [--quick] [--runs K] [--python | --no-python] [--no-fail]
 *
 *   --quick      N = 10 only, 1 process per figure, no Python unless --python
 *   --runs K     rounds, i.e. processes per figure (default 7 for Node.js, 3 for
 *                Python; --quick: 1); start-up of the library and of the deep
 *                import runs 3 times per round
 *   --python     run the Python section even with --quick
 *   --no-python  skip the Python section
 *   --no-fail    exit 0 even when a budget is missed
 *
 * Every figure is the median of K child processes; the library and raw
 * processes are interleaved (their order alternating between rounds), so that
 * load from other work on the machine falls on both alike. Wall time is
 * measured here, around the whole child process; peak RSS is reported by the
 * child (process.resourceUsage().maxRSS; for Python, the sum of the Python
 * process's and the jsii kernel processes' peaks). CPU time (user + system)
 * is shown too: on a busy machine it is the steadier of the two.
 *
 * Exit code: 0 when every budget passes (or with --no-fail), 1 when one is
 * missed, 2 when a measurement could not be made (a child process failed, or
 * the two implementations wrote different Terraform JSON).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const NODE_CHILD = path.join(__dirname, 'child-node.js');
const PY_CHILD = path.join(__dirname, 'child-python.py');

const BUDGETS = {
  startupTime: 1.2, // library start-up vs deep raw import, wall time
  synthTime: 1.15, // synth at the largest N vs raw binding, wall time
  synthMemory: 1.2, // synth at the largest N vs raw binding, peak RSS
  pythonTime: 1.2, // Python import + synth vs raw binding, wall time
};

const PY_PINS = {
  'cdktf': '0.21.0',
  'constructs': '10.4.2',
  // The Python release of @cdktf/provider-aws has the npm version number.
  'cdktf-cdktf-provider-aws': readJson(path.join(ROOT, 'node_modules', '@cdktf', 'provider-aws', 'package.json')).version,
};

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function parseArgs(argv) {
  const opts = { quick: false, runs: undefined, python: undefined, noFail: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--no-fail') opts.noFail = true;
    else if (a === '--python') opts.python = true;
    else if (a === '--no-python') opts.python = false;
    else if (a === '--runs' || a.startsWith('--runs=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      opts.runs = Number(v);
      if (!Number.isInteger(opts.runs) || opts.runs < 1) usage(`--runs needs a positive integer, got ${v}`);
    } else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (opts.python === undefined) opts.python = !opts.quick;
  return opts;
}

function usage(error) {
  const text = 'usage: node bench/run.js [--quick] [--runs K] [--python | --no-python] [--no-fail]';
  if (error) {
    process.stderr.write(`${error}\n${text}\n`);
    process.exit(2);
  }
  process.stdout.write(`${text}\n`);
  process.exit(0);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs one child process; returns its JSON report plus the wall time. */
function runChild(job) {
  const outdir = job.outdir ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-')) : undefined;
  const args = [...job.args, ...(outdir ? [outdir] : [])];
  const start = process.hrtime.bigint();
  const r = spawnSync(job.cmd, args, {
    cwd: ROOT,
    env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1', ...job.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60 * 1000,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (outdir) fs.rmSync(outdir, { recursive: true, force: true });
  const line = (r.stdout || '').trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (r.status !== 0 || !line) {
    const why = r.error ? r.error.message : `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}`;
    throw new Error(`${job.label}: child process failed: ${why}\n${(r.stderr || '').split('\n').slice(-15).join('\n')}`);
  }
  return { ...JSON.parse(line), wallMs };
}

/**
 * Runs every job `runs` times, interleaved: round r runs all jobs, in the
 * given order on even rounds and reversed on odd ones.
 */
function measure(jobs, runs, log) {
  const samples = new Map(jobs.map((j) => [j.key, []]));
  const unique = [...new Map(jobs.map((j) => [j.key, j])).values()];
  for (let r = 0; r < runs; r++) {
    const order = r % 2 === 0 ? jobs : [...jobs].reverse();
    for (const job of order) {
      const s = runChild(job);
      samples.get(job.key).push(s);
      log(`  round ${r + 1}/${runs} ${job.label}: ${s.wallMs.toFixed(0)} ms, ${(s.maxRssKb / 1024).toFixed(1)} MiB`);
    }
  }
  const figures = new Map();
  for (const job of unique) {
    const xs = samples.get(job.key);
    const fig = { job, runs: xs.length, outputHashes: [...new Set(xs.map((x) => x.outputHash))] };
    for (const k of ['wallMs', 'maxRssKb', 'cpuMs', 'requireMs', 'importMs', 'buildMs', 'synthMs', 'pythonRssKb', 'kernelRssKb', 'connections']) {
      if (xs[0][k] !== undefined) fig[k] = median(xs.map((x) => x[k]));
    }
    figures.set(job.key, fig);
  }
  return figures;
}

// ---------------------------------------------------------------- Python set-up

function sh(cmd, args, options = {}) {
  return spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
}

function venvVersions(python) {
  const code = 'import json, importlib.metadata as m\n' +
    'out = {}\n' +
    `for p in ${JSON.stringify(Object.keys(PY_PINS))}:\n` +
    '    try: out[p] = m.version(p)\n' +
    '    except Exception: out[p] = None\n' +
    'print(json.dumps(out))';
  const r = sh(python, ['-c', code]);
  if (r.status !== 0) return undefined;
  try { return JSON.parse(r.stdout.trim()); } catch { return undefined; }
}

function pinsMatch(versions) {
  return versions && Object.entries(PY_PINS).every(([p, v]) => versions[p] === v);
}

/** A virtualenv with the pinned packages: .venv-test if it fits, else .venv-bench (created if needed). */
function pythonEnv(log) {
  const pins = Object.entries(PY_PINS).map(([p, v]) => `${p}==${v}`);
  for (const dir of ['.venv-test', '.venv-bench']) {
    const python = path.join(ROOT, dir, 'bin', 'python');
    if (fs.existsSync(python) && pinsMatch(venvVersions(python))) return { python, venv: dir };
  }
  const dir = '.venv-bench';
  const python = path.join(ROOT, dir, 'bin', 'python');
  log(`  setting up ${dir} with ${pins.join(' ')}`);
  if (!fs.existsSync(python)) {
    const base = ['python3', 'python'].find((p) => sh(p, ['--version']).status === 0);
    if (!base) return { skip: 'no python3 on PATH' };
    const r = sh(base, ['-m', 'venv', path.join(ROOT, dir)]);
    if (r.status !== 0) return { skip: `\`${base} -m venv ${dir}\` failed: ${lastLine(r.stderr)}` };
  }
  const r = sh(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', ...pins]);
  if (r.status !== 0) return { skip: `pip install ${pins.join(' ')} failed: ${lastLine(r.stderr)}` };
  if (!pinsMatch(venvVersions(python))) return { skip: `${dir} does not hold ${pins.join(' ')} after pip install` };
  return { python, venv: dir };
}

function lastLine(text) {
  return String(text || '').trim().split('\n').filter(Boolean).pop() || 'no output';
}

/**
 * The library's Python wheel, built from the current .jsii: dist/python or
 * /tmp/bench-dist/python when not older than .jsii, else built with
 * jsii-pacmak into /tmp/bench-dist. Extracted to a directory put first on
 * PYTHONPATH, so no virtualenv is modified by the benchmark.
 */
function libraryWheel(python, log) {
  const assembly = path.join(ROOT, '.jsii');
  if (!fs.existsSync(assembly)) return { skip: '.jsii is missing: compile with `npx jsii` first' };
  const built = fs.statSync(assembly).mtimeMs;
  const outdir = path.join(os.tmpdir(), 'bench-dist');
  const find = () => [path.join(ROOT, 'dist', 'python'), path.join(outdir, 'python')]
    .filter((d) => fs.existsSync(d))
    .flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.whl')).map((f) => path.join(d, f)))
    .filter((f) => fs.statSync(f).mtimeMs >= built)
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  let wheel = find();
  if (!wheel) {
    log(`  building the Python wheel: npx jsii-pacmak --target python --outdir ${outdir}`);
    const r = sh('npx', ['jsii-pacmak', '--target', 'python', '--outdir', outdir], {
      env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' },
    });
    if (r.status !== 0) return { skip: `jsii-pacmak failed: ${lastLine(r.stderr)}` };
    wheel = find();
    if (!wheel) return { skip: `jsii-pacmak wrote no wheel newer than .jsii into ${outdir}/python` };
  }
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-wheel-'));
  const r = sh(python, ['-m', 'zipfile', '-e', wheel, target]);
  if (r.status !== 0) return { skip: `could not extract ${wheel}: ${lastLine(r.stderr)}` };
  return { wheel, pythonPath: target };
}

// ---------------------------------------------------------------- report

const fmtMs = (x) => (x >= 10000 ? x.toFixed(0) : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const fmtMiB = (kb) => (kb / 1024).toFixed(1);
const fmtRatio = (x) => `${x.toFixed(2)}x`;

function row(cells) {
  return `| ${cells.join(' | ')} |`;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const nodeRuns = opts.runs ?? (opts.quick ? 1 : 7);
  const pyRuns = opts.runs ?? (opts.quick ? 1 : 3);
  const sizes = opts.quick ? [10] : [1, 100, 1000];
  const pySizes = opts.quick ? [10] : [1, 100];
  const log = (msg) => process.stderr.write(`${msg}\n`);

  const libIndex = path.join(ROOT, 'lib', 'index.js');
  if (!fs.existsSync(libIndex)) {
    process.stderr.write('lib/index.js is missing: compile the library first (npx jsii --silence-warnings=reserved-word)\n');
    process.exit(2);
  }
  const newestSrc = walk(path.join(ROOT, 'src')).reduce((m, f) => Math.max(m, fs.statSync(f).mtimeMs), 0);
  const staleLib = newestSrc > fs.statSync(libIndex).mtimeMs;

  const started = new Date();
  const machine = {
    date: started.toISOString(),
    cpus: `${os.availableParallelism ? os.availableParallelism() : os.cpus().length} (${os.cpus()[0]?.model ?? 'unknown'})`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    load: os.loadavg().map((x) => x.toFixed(2)).join(', '),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };

  // Node: start-up and synth.
  const nodeJob = (key, label, args, outdir = false) => ({ key, label, cmd: process.execPath, args: [NODE_CHILD, ...args], outdir });
  // Start-up processes are short (a few hundred ms), so the library and the
  // deep import run 3 times per round (quick: once), alternating.
  const startupLib = nodeJob('startup-lib', 'start-up library', ['startup', 'lib']);
  const startupDeep = nodeJob('startup-deep', 'start-up raw deep import', ['startup', 'deep']);
  const startupJobs = [
    ...Array.from({ length: opts.quick ? 1 : 3 }, () => [startupLib, startupDeep]).flat(),
    nodeJob('startup-index', 'start-up provider index', ['startup', 'index']),
  ];
  const synthJobs = sizes.flatMap((n) => [
    nodeJob(`synth-lib-${n}`, `synth N=${n} library`, ['synth', 'lib', String(n)], true),
    nodeJob(`synth-raw-${n}`, `synth N=${n} raw binding`, ['synth', 'raw', String(n)], true),
  ]);
  log(`Node.js: ${nodeRuns} round(s)`);
  let figures;
  let python = { skip: opts.quick ? 'not requested (--quick without --python)' : 'disabled with --no-python' };
  try {
    if (!opts.quick) {
      // One discarded round, so that every measured process finds the files in the page cache.
      log('Node.js: warm-up (not measured)');
      measure([startupLib, startupDeep, ...synthJobs.filter((j) => j.key.endsWith('-1'))], 1, log);
    }
    figures = measure([...startupJobs, ...synthJobs], nodeRuns, log);
    if (opts.python) {
      log('Python: setting up');
      python = pythonEnv(log);
      if (!python.skip) {
        const wheel = libraryWheel(python.python, log);
        python = { ...python, ...wheel };
      }
      if (!python.skip) {
        const version = sh(python.python, ['--version']);
        machine.python = `${(version.stdout || version.stderr).trim()} (${python.venv})`;
        const pyJob = (impl, n) => ({
          key: `py-${impl}-${n}`,
          label: `Python N=${n} ${impl === 'lib' ? 'library' : 'raw binding'}`,
          cmd: python.python,
          args: [PY_CHILD, impl, String(n)],
          env: { PYTHONPATH: [python.pythonPath, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter) },
          outdir: true,
        });
        const pyJobs = pySizes.flatMap((n) => [pyJob('lib', n), pyJob('raw', n)]);
        // One discarded warm-up of each: the first process after a new wheel
        // unpacks the assemblies into jsii's package cache.
        log('Python: warm-up (not measured)');
        measure([pyJob('lib', 1), pyJob('raw', 1)], 1, log);
        log(`Python: ${pyRuns} process(es) per figure`);
        for (const [k, v] of measure(pyJobs, pyRuns, log)) figures.set(k, v);
      }
    }
  } catch (e) {
    process.stderr.write(`\nBENCHMARK ERROR: ${e.message}\n`);
    process.exit(2);
  }

  // Same Terraform JSON from both implementations?
  const mismatches = [];
  for (const [prefix, ns] of [['synth', sizes], ['py', python.skip ? [] : pySizes]]) {
    for (const n of ns) {
      const a = figures.get(`${prefix}-lib-${n}`);
      const b = figures.get(`${prefix}-raw-${n}`);
      const ok = a.outputHashes.length === 1 && b.outputHashes.length === 1 && a.outputHashes[0] === b.outputHashes[0]
        && a.connections === n && b.connections === n;
      if (!ok) mismatches.push(`${prefix === 'py' ? 'Python ' : ''}N=${n}`);
    }
  }

  // The table.
  const out = [];
  out.push('# cdktf-eventbridge-connection benchmark');
  out.push('');
  out.push(`- date: ${machine.date}`);
  out.push(`- machine: ${machine.cpus} CPU(s), ${machine.memory} memory, ${machine.os}, load average at start ${machine.load}`);
  out.push(`- node ${machine.node}${machine.python ? `, ${machine.python}` : ''}`);
  out.push(`- processes per figure: ${nodeRuns} (Node.js; start-up of the library and the deep import: ${nodeRuns * (opts.quick ? 1 : 3)})` +
    `${python.skip ? '' : `, ${pyRuns} (Python)`}; each figure is the median; library and raw processes interleaved`);
  if (staleLib) out.push('- WARNING: a file in src/ is newer than lib/index.js: recompile (npx jsii) to measure the current source');
  out.push('');
  out.push(row(['Figure', 'Variant', 'Wall time (ms)', 'vs baseline', 'Peak RSS (MiB)', 'vs baseline', 'CPU time (ms)', 'vs baseline', 'Detail (medians)']));
  out.push(row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---']));
  const line = (figure, variant, f, base, detail) => out.push(row([
    figure, variant, fmtMs(f.wallMs), fmtRatio(f.wallMs / base.wallMs), fmtMiB(f.maxRssKb),
    fmtRatio(f.maxRssKb / base.maxRssKb), fmtMs(f.cpuMs), fmtRatio(f.cpuMs / base.cpuMs), detail,
  ]));

  const sDeep = figures.get('startup-deep');
  line('start-up', 'library (`lib/index.js`)', figures.get('startup-lib'), sDeep, `require ${fmtMs(figures.get('startup-lib').requireMs)} ms`);
  line('start-up', 'raw binding, deep import (baseline)', sDeep, sDeep, `require ${fmtMs(sDeep.requireMs)} ms`);
  line('start-up', 'provider index `@cdktf/provider-aws`', figures.get('startup-index'), sDeep, `require ${fmtMs(figures.get('startup-index').requireMs)} ms`);
  for (const n of sizes) {
    const raw = figures.get(`synth-raw-${n}`);
    const lib = figures.get(`synth-lib-${n}`);
    const detail = (f) => `require ${fmtMs(f.requireMs)}, build ${fmtMs(f.buildMs)}, synth ${fmtMs(f.synthMs)} ms`;
    line(`synth N=${n}`, 'library', lib, raw, detail(lib));
    line(`synth N=${n}`, 'raw binding (baseline)', raw, raw, detail(raw));
  }
  if (!python.skip) {
    for (const n of pySizes) {
      const raw = figures.get(`py-raw-${n}`);
      const lib = figures.get(`py-lib-${n}`);
      const detail = (f) => `import ${fmtMs(f.importMs)}, build ${fmtMs(f.buildMs)}, synth ${fmtMs(f.synthMs)} ms; ` +
        `RSS python ${fmtMiB(f.pythonRssKb)} + jsii kernel ${fmtMiB(f.kernelRssKb)} MiB`;
      line(`Python import + synth N=${n}`, 'library', lib, raw, detail(lib));
      line(`Python import + synth N=${n}`, 'raw binding (baseline)', raw, raw, detail(raw));
    }
  }
  out.push('');
  if (python.skip) out.push(`Python section skipped: ${python.skip}.`);
  else out.push(`Python: library wheel ${path.basename(python.wheel)} (from ${path.dirname(python.wheel)}), virtualenv ${python.venv}.`);
  out.push(mismatches.length === 0
    ? 'Output check: the library and the raw binding wrote the same aws_cloudwatch_event_connection JSON at every N.'
    : `Output check FAILED: the library and the raw binding wrote different JSON at ${mismatches.join(', ')}.`);
  out.push('');

  // Budgets.
  const budgets = [];
  const check = (name, value, limit) => budgets.push({ name, value, limit, pass: value <= limit });
  const big = sizes[sizes.length - 1];
  check('start-up: library wall time vs deep raw import', figures.get('startup-lib').wallMs / sDeep.wallMs, BUDGETS.startupTime);
  check(`synth N=${big}: library wall time vs raw binding`, figures.get(`synth-lib-${big}`).wallMs / figures.get(`synth-raw-${big}`).wallMs, BUDGETS.synthTime);
  check(`synth N=${big}: library peak RSS vs raw binding`, figures.get(`synth-lib-${big}`).maxRssKb / figures.get(`synth-raw-${big}`).maxRssKb, BUDGETS.synthMemory);
  if (!python.skip) {
    for (const n of pySizes) {
      check(`Python import + synth N=${n}: library wall time vs raw binding`, figures.get(`py-lib-${n}`).wallMs / figures.get(`py-raw-${n}`).wallMs, BUDGETS.pythonTime);
    }
  }
  out.push(row(['Budget', 'Measured', 'Limit', 'Result']));
  out.push(row(['---', '---:', '---:', '---']));
  for (const b of budgets) out.push(row([b.name, fmtRatio(b.value), `${b.limit}x`, b.pass ? 'PASS' : 'FAIL']));
  if (opts.quick) out.push('', `(--quick: N=${big}, ${nodeRuns} process per figure; the ratios are indicative only.)`);
  const failed = budgets.filter((b) => !b.pass);
  out.push('');
  out.push(failed.length === 0 ? 'All budgets PASS.' : `${failed.length} budget(s) FAIL.`);
  process.stdout.write(`${out.join('\n')}\n`);

  if (python.pythonPath) fs.rmSync(python.pythonPath, { recursive: true, force: true });
  if (mismatches.length > 0) process.exit(2);
  process.exit(failed.length > 0 && !opts.noFail ? 1 : 0);
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

main();
