#!/usr/bin/env node
'use strict';
/*
 * Benchmark of cdktf-eventbridge-connection against the raw generated binding
 * per entry of the test matrix (scripts/flavours.js). Run from the
 * project root after compiling (`npx jsii`; other entries: their build, see
 * scripts/build-flavour.js):
 *
 *   node bench/run.js [--flavour <entry>]... [--quick] [--runs K] [--big-runs K] [--python | --no-python] [--no-fail]
 *
 *   --flavour E  the matrix entry to measure (cdktf, cdktf-aws5, cdktn, or all);
 *                repeatable, or a comma list. Default: the entry named by the
 *                environment variable FLAVOUR when it is set, else cdktf and
 *                cdktn (an entry of the default whose build is missing is
 *                skipped with a note; one asked for is an error)
 *   --quick      N = 10 only, 1 process per figure, no Python unless --python
 *   --runs K     rounds, i.e. processes per figure (default 3 for Node.js, 2 for
 *                Python; --quick: 1); start-up of the library and of the deep
 *                import runs 3 times per round
 *   --big-runs K rounds of the N = 10,000 figures (default 2; --quick: none)
 *   --python     run the Python section even with --quick
 *   --no-python  skip the Python section
 *   --no-fail    exit 0 even when a budget is missed
 *   --node P     run every entry's Node.js children with the Node.js binary P
 *                instead of the entry's own (to tell a Node.js version's share
 *                from a framework's when comparing entries)
 *
 * Each entry is measured with its own library (its compiled lib directory),
 * framework and provider package, against the raw binding of the same entry
 * (for cdktn the raw @cdktn/provider-aws binding), in child processes run
 * with the entry's Node.js (nodeFor: Node 22 for cdktn). The framework and
 * provider are resolved from the entry's lib directory, so the raw baseline
 * loads the very modules the library loads; each synth child checks this.
 * Ratios are taken within an entry. The Python section measures the cdktf
 * entry only (the cdktf Python packages and the wheel of lib/).
 *
 * The synth cases (bench/child-node.js): `shared`, what users write (secrets
 * from three shared SSM SecureString reads and a field of one Secrets Manager
 * secret, against the raw stack with the same four data sources), at N = 1,000
 * and 10,000; `plain` (SecretValue.unsafePlainText, raw: literals) and
 * `destinations` (3 connections, N API destinations and N rule targets with
 * their roles, against the same resources written with the raw bindings) at
 * N = 1,000. Python: the `shared` case at N = 1,000. Every Node.js case has
 * a third variant, the raw bindings in wrapper constructs: built as the
 * library's L2 constructs build them (their construct tree, logical ids and
 * stack depth), without the library's own work. library / raw is then
 * the product of wrapped / raw (what a construct around the binding costs in
 * cdktf) and library / wrapped (what the library's checks, secret reads and
 * rendering cost); the budgets judge both.
 *
 * Every figure is the median of K child processes; the library and raw
 * processes are interleaved (their order alternating between rounds), and so
 * are the entries, so that load from other work on the machine falls on all
 * alike. The library and raw process of one figure run back to back in every
 * round: their ratio, taken pair by pair, cancels the machine's drift; the
 * "paired" tables give the median and the range of those ratios, and the
 * budgets judge the paired medians. Wall time is measured here, around the whole child process; peak RSS
 * is reported by the child (process.resourceUsage().maxRSS; for Python, the
 * sum of the Python process's and the jsii kernel processes' peaks). CPU time
 * (user + system) is shown too: on a busy machine it is the steadier of the two.
 *
 * Exit code: 0 when every budget passes (or with --no-fail), 1 when one is
 * missed, 2 when a measurement could not be made (a child process failed, an
 * entry asked for is not built, the library and the raw baseline loaded
 * different bindings, or the two implementations wrote different Terraform
 * JSON).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { ROOT, TARGETS, currentTarget, nodeFor } = require('../scripts/flavours');

const NODE_CHILD = path.join(__dirname, 'child-node.js');
const PY_CHILD = path.join(__dirname, 'child-python.py');
const DEFAULT_ENTRIES = ['cdktf', 'cdktn'];

// Limits on the median of the paired ratios (library / raw binding of the same round).
const BUDGETS = {
  startupTime: 1.2, // library start-up vs deep raw import, wall time
  synthTime: 1.15, // synth, shared reads, at each N vs raw binding, wall time
  synthOwnTime: 1.05, // synth, shared reads, at each N vs the raw binding in a wrapper construct (the library's own work), wall time
  synthMemory: 1.2, // synth, shared reads, at each N vs raw binding, peak RSS
  pythonTime: 1.2, // Python import + synth vs raw binding, wall time
};

/** The synth cases of bench/child-node.js, in report order. */
const CASES = {
  shared: 'shared reads',
  plain: 'plain text',
  destinations: 'destinations + targets',
};

const IMPL_LABELS = { lib: 'library', raw: 'raw binding', wrapped: 'raw binding in a wrapper construct' };
/** Each Node.js case's variants: the library, the raw bindings, and the raw bindings in wrapper constructs (bench/child-node.js). */
const IMPLS = ['lib', 'raw', 'wrapped'];

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
  const opts = { quick: false, runs: undefined, bigRuns: undefined, python: undefined, noFail: false, flavours: [], node: undefined };
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
    } else if (a === '--big-runs' || a.startsWith('--big-runs=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      opts.bigRuns = Number(v);
      if (!Number.isInteger(opts.bigRuns) || opts.bigRuns < 1) usage(`--big-runs needs a positive integer, got ${v}`);
    } else if (a === '--flavour' || a.startsWith('--flavour=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) usage('--flavour needs a matrix entry');
      for (const name of v.split(',').map((x) => x.trim()).filter(Boolean)) {
        const names = name === 'all' ? Object.keys(TARGETS) : [name];
        for (const n of names) {
          if (!TARGETS[n]) usage(`--flavour ${n}: not one of ${Object.keys(TARGETS).join(', ')}, all`);
          if (!opts.flavours.includes(n)) opts.flavours.push(n);
        }
      }
    } else if (a === '--node' || a.startsWith('--node=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) usage('--node needs the path of a Node.js binary');
      opts.node = path.resolve(v);
    } else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (opts.python === undefined) opts.python = !opts.quick;
  return opts;
}

function usage(error) {
  const text = 'usage: node bench/run.js [--flavour <entry>]... [--quick] [--runs K] [--big-runs K] [--python | --no-python] [--no-fail] [--node <path>]\n' +
    `  entries: ${Object.keys(TARGETS).join(', ')}, all (default: $FLAVOUR if set, else ${DEFAULT_ENTRIES.join(' and ')})`;
  if (error) {
    process.stderr.write(`${error}\n${text}\n`);
    process.exit(2);
  }
  process.stdout.write(`${text}\n`);
  process.exit(0);
}

/** A path relative to the project root (with /), or absolute when outside it. */
function displayPath(p) {
  const r = path.relative(ROOT, p);
  return r === '' ? '.' : r.startsWith('..') || path.isAbsolute(r) ? p : r.split(path.sep).join('/');
}

/** The package.json of `name` as resolved from `from` (the directory of the module it resolves to, walking up). */
function packageInfo(name, from) {
  let dir = path.dirname(require.resolve(name, { paths: from }));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = readJson(file);
      if (pkg.name === name) return { dir, pkg };
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json of ${name} above ${from[0]}`);
    dir = up;
  }
}

/**
 * The matrix entries to measure, each with what its child processes need: the
 * library directory, the framework and provider packages (resolved as the
 * library resolves them), and the Node.js binary.
 */
function entries(opts) {
  let names = opts.flavours;
  let explicit = true;
  if (names.length === 0 && process.env.FLAVOUR) names = [currentTarget().name];
  if (names.length === 0) { names = DEFAULT_ENTRIES; explicit = false; }
  const measured = [];
  const skipped = [];
  for (const name of names) {
    const target = currentTarget({ FLAVOUR: name });
    let libDir = target.libDir;
    // BENCH_LIB_DIR: another build of lib/ to measure in place of the cdktf entry's (before/after comparisons).
    const libOverride = name === 'cdktf' && process.env.BENCH_LIB_DIR ? path.resolve(process.env.BENCH_LIB_DIR) : undefined;
    if (libOverride) libDir = libOverride;
    const libIndex = path.join(libDir, 'index.js');
    if (!fs.existsSync(libIndex)) {
      const how = libOverride ? 'BENCH_LIB_DIR names a directory without the compiled library'
        : name === 'cdktf' ? 'compile the library first (npx jsii --silence-warnings=reserved-word)'
          : `build it first (node scripts/build-flavour.js ${name})`;
      const why = `${displayPath(libIndex)} is missing: ${how}`;
      if (explicit) {
        process.stderr.write(`${name}: ${why}\n`);
        process.exit(2);
      }
      skipped.push(`${name} (${why})`);
      continue;
    }
    const from = [libDir, ROOT];
    const framework = packageInfo(target.framework, from);
    const provider = packageInfo(target.providerPackage, from);
    const node = opts.node || nodeFor(target);
    const v = spawnSync(node, ['-p', 'process.version'], { encoding: 'utf8' });
    if (v.status !== 0) {
      process.stderr.write(`${name}: ${node} does not run: ${v.error ? v.error.message : lastLine(v.stderr)}\n`);
      process.exit(2);
    }
    measured.push({
      ...target,
      libDir,
      libOverride,
      libIndex,
      libLabel: displayPath(libIndex),
      node,
      nodeVersion: v.stdout.trim(),
      nodeOverride: Boolean(opts.node),
      node22Missing: !opts.node && Boolean(target.node22) && node === process.execPath,
      frameworkVersion: framework.pkg.version,
      frameworkDir: framework.dir,
      providerVersion: provider.pkg.version,
      providerDir: provider.dir,
      awsProviderVersion: ((provider.pkg.cdktf || provider.pkg.cdktn || {}).provider || {}).version,
      bindingFile: require.resolve(`${target.providerPackage}/lib/cloudwatch-event-connection`, { paths: from }),
    });
  }
  if (measured.length === 0) {
    process.stderr.write(`no matrix entry to measure: ${skipped.join('; ')}\n`);
    process.exit(2);
  }
  return { measured, skipped, explicit };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs one child process; returns its JSON report plus the wall time. */
function runChild(job) {
  const outdir = job.outdir ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-')) : undefined;
  // The output directory goes where the job's arguments hold '' (else last).
  const args = outdir && job.args.includes('') ? job.args.map((a) => (a === '' ? outdir : a)) : [...job.args, ...(outdir ? [outdir] : [])];
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
    const fig = {
      job,
      runs: xs.length,
      samples: xs,
      outputHashes: [...new Set(xs.map((x) => x.outputHash))],
      // Synth children report whether they loaded the entry's binding module.
      bindingFiles: [...new Set(xs.filter((x) => x.bindingLoaded !== undefined).map((x) => (x.bindingLoaded ? x.bindingFile : '(not loaded)')))],
    };
    for (const k of ['wallMs', 'maxRssKb', 'cpuMs', 'requireMs', 'importMs', 'buildMs', 'synthMs', 'pythonRssKb', 'kernelRssKb', 'pythonCpuMs', 'kernelCpuMs', 'connections']) {
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

/**
 * Where the benchmark keeps the wheel it builds, between runs: a directory of
 * the temporary directory that only this user can write (created with mode
 * 0700); when one by that name exists but belongs to someone else or is open
 * to others, a fresh private one (mkdtemp) for this run.
 */
function benchDistDir() {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = path.join(os.tmpdir(), `cdktf-eventbridge-connection-bench-${uid ?? os.userInfo().username}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
  }
  const st = fs.lstatSync(dir);
  const ours = st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o077) === 0;
  return ours ? dir : fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-eventbridge-connection-bench-'));
}

function lastLine(text) {
  return String(text || '').trim().split('\n').filter(Boolean).pop() || 'no output';
}

/**
 * The library's Python wheel, built from the current .jsii: dist/python or
 * <tmp>/cdktf-eventbridge-connection-bench-<uid>/python (benchDistDir: the
 * user's own directory, mode 0700) when not older than .jsii, else built
 * with jsii-pacmak into that directory. Extracted to a directory put first on
 * PYTHONPATH, so no virtualenv is modified by the benchmark.
 */
function libraryWheel(python, log) {
  const assembly = path.join(ROOT, '.jsii');
  if (!fs.existsSync(assembly)) return { skip: '.jsii is missing: compile with `npx jsii` first' };
  const built = fs.statSync(assembly).mtimeMs;
  const outdir = benchDistDir();
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
  // `npm run bench -- --plan [plan.js options]`: the plan-time benchmark (bench/plan.js).
  if (process.argv.includes('--plan')) {
    const args = process.argv.slice(2).filter((a) => a !== '--plan');
    const r = require('child_process').spawnSync(process.execPath, [path.join(__dirname, 'plan.js'), ...args], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  // `npm run bench -- --instructions [instructions.js options]`: instruction counts under callgrind (bench/instructions.js).
  if (process.argv.includes('--instructions')) {
    const args = process.argv.slice(2).filter((a) => a !== '--instructions');
    const r = require('child_process').spawnSync(process.execPath, [path.join(__dirname, 'instructions.js'), ...args], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  const opts = parseArgs(process.argv.slice(2));
  // Defaults sized for a run of minutes, not half an hour: the paired ratios
  // need few rounds; `--runs` / `--big-runs` give more.
  const nodeRuns = opts.runs ?? (opts.quick ? 1 : 3);
  const bigRuns = opts.bigRuns ?? 2;
  const pyRuns = opts.runs ?? (opts.quick ? 1 : 2);
  // The synth figures: [case, N]; those at N = 10,000 run `bigRuns` rounds, apart.
  const synthFigures = opts.quick
    ? [['shared', 10], ['plain', 10], ['destinations', 10]]
    : [['shared', 1000], ['plain', 1000], ['destinations', 1000], ['shared', 10000]];
  const isBig = ([, n]) => n >= 10000;
  const pySizes = opts.quick ? [10] : [1000];
  const startupRepeats = opts.quick ? 1 : 3;
  const log = (msg) => process.stderr.write(`${msg}\n`);

  const { measured: targets, skipped } = entries(opts);
  const newestSrc = walk(path.join(ROOT, 'src')).reduce((m, f) => Math.max(m, fs.statSync(f).mtimeMs), 0);
  for (const t of targets) t.staleLib = newestSrc > fs.statSync(t.libIndex).mtimeMs;

  const started = new Date();
  const machine = {
    date: started.toISOString(),
    cpus: `${os.availableParallelism ? os.availableParallelism() : os.cpus().length} (${os.cpus()[0]?.model ?? 'unknown'})`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    load: os.loadavg().map((x) => x.toFixed(2)).join(', '),
    os: `${os.type()} ${os.release()}`,
  };

  // Node: start-up and synth, per entry, with the entry's Node.js, library and packages.
  const nodeJob = (t, key, label, args, outdir = false) => ({
    key: `${t.name}:${key}`,
    label: `${t.name} ${label}`,
    cmd: t.node,
    args: [NODE_CHILD, ...args],
    env: { BENCH_LIB_DIR: t.libDir, BENCH_FRAMEWORK: t.framework, BENCH_PROVIDER: t.providerPackage },
    outdir,
  });
  const perEntry = targets.map((t) => {
    // Start-up processes are short (a few hundred ms), so the library and the
    // deep import run 3 times per round (quick: once), alternating.
    const startupLib = nodeJob(t, 'startup-lib', 'start-up library', ['startup', 'lib']);
    const startupDeep = nodeJob(t, 'startup-deep', 'start-up raw deep import', ['startup', 'deep']);
    const synthJobs = (figs) => figs.flatMap(([kase, n]) => IMPLS.map((impl) =>
      nodeJob(t, `synth-${kase}-${impl}-${n}`, `synth ${kase} N=${n} ${IMPL_LABELS[impl]}`, ['synth', impl, String(n), '', kase], true)));
    return {
      warmup: [startupLib, startupDeep, ...synthJobs(Object.keys(CASES).map((kase) => [kase, 10]))],
      jobs: [
        ...Array.from({ length: startupRepeats }, () => [startupLib, startupDeep]).flat(),
        nodeJob(t, 'startup-index', 'start-up provider index', ['startup', 'index']),
        ...synthJobs(synthFigures.filter((f) => !isBig(f))),
      ],
      bigJobs: synthJobs(synthFigures.filter(isBig)),
    };
  });

  // Python: the cdktf entry only (its Python packages and the wheel of lib/).
  const pyTarget = targets.find((t) => t.name === 'cdktf');
  let python;
  if (!opts.python) python = { skip: opts.quick ? 'not requested (--quick without --python)' : 'disabled with --no-python' };
  else if (!pyTarget) python = { skip: 'the Python benchmark measures the cdktf entry only, which is not among the entries of this run' };
  else if (pyTarget.libOverride) python = { skip: 'BENCH_LIB_DIR is set (the Python wheel is built from .jsii, not from that directory)' };
  else python = {};

  log(`Entries: ${targets.map((t) => `${t.name} (Node ${t.nodeVersion})`).join(', ')}${skipped.length ? `; skipped: ${skipped.join('; ')}` : ''}`);
  log(`Node.js: ${nodeRuns} round(s)`);
  let figures;
  try {
    if (!opts.quick) {
      // One discarded round, so that every measured process finds the files in the page cache.
      log('Node.js: warm-up (not measured)');
      measure(perEntry.flatMap((e) => e.warmup), 1, log);
    }
    // The entries' jobs in one list: every round runs all of them, so that
    // load from other work falls on every entry alike.
    figures = measure(perEntry.flatMap((e) => e.jobs), nodeRuns, log);
    const bigJobs = perEntry.flatMap((e) => e.bigJobs);
    if (bigJobs.length > 0) {
      log(`Node.js: N = 10,000, ${bigRuns} round(s)`);
      for (const [k, v] of measure(bigJobs, bigRuns, log)) figures.set(k, v);
    }
    if (!python.skip) {
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
          key: `cdktf:py-${impl}-${n}`,
          label: `cdktf Python N=${n} ${impl === 'lib' ? 'library' : 'raw binding'}`,
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
  const fig = (t, key) => figures.get(`${t.name}:${key}`);

  // Per entry: did the library and the raw baseline load the entry's binding,
  // and write the same Terraform JSON?
  const synthKey = (kase, impl, n) => `synth-${kase}-${impl}-${n}`;
  const figureName = (kase, n) => `synth N=${n.toLocaleString('en-US')} ${CASES[kase]}`;
  const problems = [];
  for (const t of targets) {
    t.bindingMismatches = [];
    t.mismatches = [];
    for (const [kase, n] of synthFigures) {
      for (const impl of IMPLS) {
        const files = fig(t, synthKey(kase, impl, n)).bindingFiles;
        if (files.length !== 1 || files[0] !== t.bindingFile) {
          t.bindingMismatches.push(`${kase} N=${n} ${IMPL_LABELS[impl]}: ${files.join(', ')}`);
        }
      }
    }
    const pairs = [
      ...synthFigures.map(([kase, n]) => [synthKey(kase, 'lib', n), synthKey(kase, 'raw', n), `${kase} N=${n}`, n]),
      ...synthFigures.map(([kase, n]) => [synthKey(kase, 'wrapped', n), synthKey(kase, 'raw', n), `${kase} N=${n} (raw bindings in wrapper constructs)`, n]),
      ...(t === pyTarget && !python.skip ? pySizes : []).map((n) => [`py-lib-${n}`, `py-raw-${n}`, `Python N=${n}`, n]),
    ];
    for (const [libKey, rawKey, label, n] of pairs) {
      const a = fig(t, libKey);
      const b = fig(t, rawKey);
      const ok = a.outputHashes.length === 1 && b.outputHashes.length === 1 && a.outputHashes[0] === b.outputHashes[0]
        && a.connections === n && b.connections === n;
      if (!ok) t.mismatches.push(label);
    }
    if (t.bindingMismatches.length > 0 || t.mismatches.length > 0) problems.push(t.name);
  }

  /** The ratios library / raw of each round (pair), for wall, CPU and peak RSS: median and range. */
  const paired = (a, b) => {
    const stat = (k) => {
      const xs = a.samples.map((s, i) => s[k] / b.samples[i][k]);
      return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
    };
    return { wall: stat('wallMs'), cpu: stat('cpuMs'), rss: stat('maxRssKb') };
  };
  const fmtPaired = (x) => (x.n > 1 ? `${fmtRatio(x.median)} (${fmtRatio(x.min)}-${fmtRatio(x.max)})` : fmtRatio(x.median));
  const comparisons = (t) => [
    ['start-up: library vs deep import', fig(t, 'startup-lib'), fig(t, 'startup-deep')],
    ...synthFigures.flatMap(([kase, n]) => [
      [`${figureName(kase, n)}: library vs raw`, fig(t, synthKey(kase, 'lib', n)), fig(t, synthKey(kase, 'raw', n))],
      [`${figureName(kase, n)}: library vs wrapped raw`, fig(t, synthKey(kase, 'lib', n)), fig(t, synthKey(kase, 'wrapped', n))],
      [`${figureName(kase, n)}: wrapped raw vs raw`, fig(t, synthKey(kase, 'wrapped', n)), fig(t, synthKey(kase, 'raw', n))],
    ]),
    ...(t === pyTarget && !python.skip ? pySizes : []).map((n) => [`Python import + synth N=${n.toLocaleString('en-US')} shared reads: library vs raw`,
      fig(t, `py-lib-${n}`), fig(t, `py-raw-${n}`)]),
  ];

  // The report: one table per entry.
  const out = [];
  const rel = displayPath;
  out.push('# cdktf-eventbridge-connection benchmark');
  out.push('');
  out.push(`- date: ${machine.date}`);
  out.push(`- machine: ${machine.cpus} CPU(s), ${machine.memory} memory, ${machine.os}, load average at start ${machine.load}, at end ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`);
  out.push(`- entries: ${targets.map((t) => `${t.name} (node ${t.nodeVersion})`).join(', ')}${machine.python ? `; Python (cdktf entry only): ${machine.python}` : ''}`);
  if (skipped.length) out.push(`- skipped (not built): ${skipped.join('; ')}`);
  out.push(`- processes per figure: ${nodeRuns} (Node.js; start-up of the library and the deep import: ${nodeRuns * startupRepeats}` +
    `${synthFigures.some(isBig) ? `; N = 10,000: ${bigRuns}` : ''})` +
    `${python.skip ? '' : `, ${pyRuns} (Python)`}; each figure is the median; library and raw processes interleaved, and the entries too`);
  out.push('- ratios ("vs baseline") are taken within an entry: its library against the raw binding of the same entry; ' +
    '"paired": the ratio of the library and raw processes of each round, median (range)');
  out.push(`- run time: ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s`);
  const line = (figure, variant, f, base, detail) => out.push(row([
    figure, variant, fmtMs(f.wallMs), fmtRatio(f.wallMs / base.wallMs), fmtMiB(f.maxRssKb),
    fmtRatio(f.maxRssKb / base.maxRssKb), fmtMs(f.cpuMs), fmtRatio(f.cpuMs / base.cpuMs), detail,
  ]));

  for (const t of targets) {
    out.push('');
    out.push(`## ${t.name}: ${t.framework} ${t.frameworkVersion} + ${t.providerPackage} ${t.providerVersion}` +
      `${t.awsProviderVersion ? ` (AWS provider ${t.awsProviderVersion})` : ''}, node ${t.nodeVersion}`);
    out.push('');
    out.push(`- library: \`${t.libLabel}\`${t.libOverride ? ' (BENCH_LIB_DIR)' : ''}; ${t.framework}: \`${rel(t.frameworkDir)}\`; ` +
      `${t.providerPackage}: \`${rel(t.providerDir)}\` (resolved from the library directory, as the library resolves them)`);
    out.push(`- node: \`${rel(t.node)}\`${t.nodeOverride ? ' (--node: not the entry\'s own)' : ''}` +
      `${t.node22Missing ? ' (WARNING: tools/cdktn is not installed, so this entry ran with the running Node.js, not Node 22: npm run tools:cdktn)' : ''}`);
    if (t.staleLib) out.push(`- WARNING: a file in src/ is newer than ${t.libLabel}: rebuild it to measure the current source`);
    out.push('');
    out.push(row(['Figure', 'Variant', 'Wall time (ms)', 'vs baseline', 'Peak RSS (MiB)', 'vs baseline', 'CPU time (ms)', 'vs baseline', 'Detail (medians)']));
    out.push(row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---']));
    const sDeep = fig(t, 'startup-deep');
    line('start-up', `library (\`${t.libLabel}\`)`, fig(t, 'startup-lib'), sDeep, `require ${fmtMs(fig(t, 'startup-lib').requireMs)} ms`);
    line('start-up', 'raw binding, deep import (baseline)', sDeep, sDeep, `require ${fmtMs(sDeep.requireMs)} ms`);
    line('start-up', `provider index \`${t.providerPackage}\``, fig(t, 'startup-index'), sDeep, `require ${fmtMs(fig(t, 'startup-index').requireMs)} ms`);
    for (const [kase, n] of synthFigures) {
      const raw = fig(t, synthKey(kase, 'raw', n));
      const lib = fig(t, synthKey(kase, 'lib', n));
      const detail = (f) => `require ${fmtMs(f.requireMs)}, build ${fmtMs(f.buildMs)}, synth ${fmtMs(f.synthMs)} ms`;
      line(figureName(kase, n), 'library', lib, raw, detail(lib));
      line(figureName(kase, n), 'raw binding (baseline)', raw, raw, detail(raw));
      const wrapped = fig(t, synthKey(kase, 'wrapped', n));
      line(figureName(kase, n), IMPL_LABELS.wrapped, wrapped, raw, detail(wrapped));
    }
    if (t === pyTarget && !python.skip) {
      for (const n of pySizes) {
        const raw = fig(t, `py-raw-${n}`);
        const lib = fig(t, `py-lib-${n}`);
        const detail = (f) => `import ${fmtMs(f.importMs)}, build ${fmtMs(f.buildMs)}, synth ${fmtMs(f.synthMs)} ms; ` +
          `CPU python ${fmtMs(f.pythonCpuMs)} + jsii kernel ${fmtMs(f.kernelCpuMs)} ms; ` +
          `RSS python ${fmtMiB(f.pythonRssKb)} + jsii kernel ${fmtMiB(f.kernelRssKb)} MiB`;
        line(`Python import + synth N=${n.toLocaleString('en-US')} shared reads`, 'library', lib, raw, detail(lib));
        line(`Python import + synth N=${n.toLocaleString('en-US')} shared reads`, 'raw binding (baseline)', raw, raw, detail(raw));
      }
    }
    out.push('');
    out.push(row(['Paired (A / B of the same round)', 'Pairs', 'Wall, median (range)', 'CPU, median (range)', 'Peak RSS, median (range)']));
    out.push(row(['---', '---:', '---:', '---:', '---:']));
    for (const [name, a, b] of comparisons(t)) {
      const p = paired(a, b);
      out.push(row([name, String(p.wall.n), fmtPaired(p.wall), fmtPaired(p.cpu), fmtPaired(p.rss)]));
    }
    out.push('');
    if (t === pyTarget) {
      if (python.skip) out.push(`Python section skipped: ${python.skip}.`);
      else out.push(`Python: library wheel ${path.basename(python.wheel)} (from ${path.dirname(python.wheel)}), virtualenv ${python.venv}.`);
    } else {
      out.push(`Python section skipped: the Python benchmark is cdktf-only, not measured for ${t.name}.`);
    }
    out.push(t.bindingMismatches.length === 0
      ? `Binding check: the library and the raw baseline both loaded \`${rel(t.bindingFile)}\`.`
      : `Binding check FAILED: expected \`${rel(t.bindingFile)}\`; ${t.bindingMismatches.join('; ')}.`);
    out.push(t.mismatches.length === 0
      ? 'Output check: the library and the raw binding wrote the same Terraform JSON (every block, references normalized) in every case and at every N' +
        ' (and so did the raw bindings in wrapper constructs).'
      : `Output check FAILED: the library and the raw binding wrote different JSON at ${t.mismatches.join(', ')}.`);
  }

  // Paired wall ratios side by side, when more than one entry was measured.
  if (targets.length > 1) {
    out.push('');
    out.push('## Paired ratios by entry (library vs raw binding of the same entry and round, median: wall / CPU / peak RSS)');
    out.push('');
    out.push(row(['Figure', ...targets.map((t) => t.name)]));
    out.push(row(['---', ...targets.map(() => '---:')]));
    const byName = targets.map((t) => new Map(comparisons(t).map(([name, a, b]) => [name, paired(a, b)])));
    for (const [name] of comparisons(targets[0]).filter(([name]) => !name.startsWith('Python'))) {
      out.push(row([name, ...byName.map((m) => {
        const p = m.get(name);
        return p ? [p.wall, p.cpu, p.rss].map((x) => fmtRatio(x.median)).join(' / ') : 'not measured';
      })]));
    }
  }

  // Budgets, on the paired medians: one row per budget, one column per entry;
  // the row's result is PASS when every entry measured passes it.
  const pairedOf = (t, a, b, k) => paired(fig(t, a), fig(t, b))[k].median;
  const budgetDefs = [
    ['start-up: library wall time vs deep raw import', BUDGETS.startupTime, (t) => pairedOf(t, 'startup-lib', 'startup-deep', 'wall')],
  ];
  for (const [kase, n] of synthFigures.filter(([kase]) => kase === 'shared')) {
    budgetDefs.push([`${figureName(kase, n)}: library wall time vs raw binding`, BUDGETS.synthTime,
      (t) => pairedOf(t, synthKey(kase, 'lib', n), synthKey(kase, 'raw', n), 'wall')]);
    budgetDefs.push([`${figureName(kase, n)}: library peak RSS vs raw binding`, BUDGETS.synthMemory,
      (t) => pairedOf(t, synthKey(kase, 'lib', n), synthKey(kase, 'raw', n), 'rss')]);
    budgetDefs.push([`${figureName(kase, n)}: library wall time vs wrapped raw (the library's own work)`, BUDGETS.synthOwnTime,
      (t) => pairedOf(t, synthKey(kase, 'lib', n), synthKey(kase, 'wrapped', n), 'wall')]);
  }
  if (pyTarget && !python.skip) {
    for (const n of pySizes) {
      budgetDefs.push([`Python import + synth N=${n.toLocaleString('en-US')}: library wall time vs raw binding`, BUDGETS.pythonTime,
        (t) => (t === pyTarget ? pairedOf(t, `py-lib-${n}`, `py-raw-${n}`, 'wall') : undefined)]);
    }
  }
  let failed = 0;
  let wallFailed = 0;
  out.push('');
  out.push(row(['Budget (paired median)', 'Limit', ...targets.map((t) => t.name), 'Result']));
  out.push(row(['---', '---:', ...targets.map(() => '---:'), '---']));
  for (const [name, limit, value] of budgetDefs) {
    const cells = targets.map((t) => {
      const v = value(t);
      if (v === undefined) return { text: 'not measured', pass: true };
      const pass = v <= limit;
      if (!pass) failed++;
      if (!pass && / wall time /.test(name)) wallFailed++;
      return { text: `${fmtRatio(v)} ${pass ? 'PASS' : 'FAIL'}`, pass };
    });
    out.push(row([name, `${limit}x`, ...cells.map((c) => c.text), cells.every((c) => c.pass) ? 'PASS' : 'FAIL']));
  }
  if (opts.quick) out.push('', `(--quick: N=10, ${nodeRuns} process per figure; the ratios are indicative only.)`);
  // Wall time on a loaded machine: the failures count all the same, with the load beside them.
  const cores = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
  const loads = [Number(machine.load.split(',')[0]), os.loadavg()[0]];
  if (wallFailed > 0 && Math.max(...loads) > cores) {
    out.push('', `Note: ${wallFailed} wall-time budget(s) FAIL with the 1-minute load average at ${loads.map((x) => x.toFixed(2)).join(' (start) and ')} (end) ` +
      `on ${cores} core(s): other work shared the machine, and wall time then says little about the library; ` +
      'they count as failures all the same. Instruction counts do not depend on the load: `npm run bench -- --instructions`.');
  }
  out.push('');
  out.push(failed === 0 ? 'All budgets PASS.' : `${failed} budget(s) FAIL.`);
  process.stdout.write(`${out.join('\n')}\n`);

  if (python.pythonPath) fs.rmSync(python.pythonPath, { recursive: true, force: true });
  if (problems.length > 0) process.exit(2);
  process.exit(failed > 0 && !opts.noFail ? 1 : 0);
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

if (require.main === module) main();

module.exports = { benchDistDir };
