#!/usr/bin/env node
'use strict';
/*
 * Instruction counts of the synth child, library against raw binding, under
 * valgrind's callgrind: a measure that depends far less than wall and CPU time
 * on the load of the machine (only through V8's time-based heap sizing: see
 * inPool() and --fixed-gc). Run from the project root after compiling:
 *
 *   npm run bench -- --instructions [--flavour <entry>]... [--n N] [--runs K] [--case shared|plain|destinations] [--keep DIR] [--breakdown] [--fixed-gc]
 *
 *   --flavour E  the matrix entry (cdktf, cdktn, cdktf-aws5, all; repeatable or a
 *                comma list). Default: $FLAVOUR if set, else cdktf and cdktn
 *   --n N        connections (default 1,000)
 *   --runs K     processes per variant (default 1); with 2 or more, the spread
 *                of the counts of one variant is printed (their repeatability)
 *   --case C     the synth case of bench/child-node.js (default shared)
 *   --keep DIR   keep the callgrind output files in DIR (default: a temporary
 *                directory, removed at the end)
 *   --breakdown  group each process's instructions by what V8 or libc was doing
 *                (callgrind_annotate, by function name): stack traces, garbage
 *                collection, parsing, the optimizing compiler, the rest
 *   --fixed-gc   run node with --predictable-gc-schedule: the heap grows by fixed
 *                factors instead of by the measured speed of the program and its
 *                collector, so the garbage collection a process does depends on
 *                what it allocates only, not on the time it took (under valgrind,
 *                with other processes beside it, that time varies)
 *
 * Each process is `valgrind --tool=callgrind node --single-threaded
 * bench/child-node.js synth <lib|raw|wrapped> N <outdir> <case>` with the entry's Node.js,
 * library, framework and provider (as bench/run.js runs them). --single-threaded
 * keeps V8's compiler and GC on the main thread, so their work is counted and
 * no thread scheduling enters the count. A third variant runs: `wrapped`, the
 * raw bindings built inside constructs as the library's L2 constructs build
 * them (the same construct tree; bench/child-node.js), which splits
 * library / raw into what the construct tree costs (wrapped / raw) and what
 * the library's own work costs (library / wrapped). The variants' processes
 * run side by side, at most one per core (see inPool()); their Terraform JSON
 * must be the same (the children's output hashes are compared).
 *
 * Prints `SKIPPED: valgrind is not installed` and exits 0 when valgrind is not
 * on PATH. Exit 2 when a process fails or the outputs differ.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { ROOT, TARGETS, currentTarget, nodeFor } = require('../scripts/flavours');

const NODE_CHILD = path.join(__dirname, 'child-node.js');

function usage(error) {
  const text = 'usage: npm run bench -- --instructions [--flavour <entry>]... [--n N] [--runs K] [--case shared|plain|destinations] [--keep DIR] [--breakdown] [--fixed-gc]';
  process[error ? 'stderr' : 'stdout'].write(`${error ? `${error}\n` : ''}${text}\n`);
  process.exit(error ? 2 : 0);
}

function parseArgs(argv) {
  const opts = { flavours: [], n: 1000, runs: 1, kase: 'shared', keep: undefined, breakdown: false, fixedGc: false };
  const value = (a, i) => (a.includes('=') ? [a.slice(a.indexOf('=') + 1), i] : [argv[i + 1], i + 1]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.split('=')[0];
    if (name === '--instructions') continue;
    if (name === '--breakdown') { opts.breakdown = true; continue; }
    if (name === '--fixed-gc') { opts.fixedGc = true; continue; }
    if (name === '--help' || name === '-h') usage();
    if (!['--flavour', '--n', '--runs', '--case', '--keep'].includes(name)) usage(`unknown argument ${a}`);
    let v;
    [v, i] = value(a, i);
    if (v === undefined) usage(`${name} needs a value`);
    if (name === '--flavour') {
      for (const f of v.split(',').map((x) => x.trim()).filter(Boolean)) {
        for (const n of f === 'all' ? Object.keys(TARGETS) : [f]) {
          if (!TARGETS[n]) usage(`--flavour ${n}: not one of ${Object.keys(TARGETS).join(', ')}, all`);
          if (!opts.flavours.includes(n)) opts.flavours.push(n);
        }
      }
    } else if (name === '--n' || name === '--runs') {
      const x = Number(v);
      if (!Number.isInteger(x) || x < 1) usage(`${name} needs a positive integer, got ${v}`);
      opts[name === '--n' ? 'n' : 'runs'] = x;
    } else if (name === '--case') {
      if (!['shared', 'plain', 'destinations'].includes(v)) usage(`--case ${v}: not shared, plain or destinations`);
      opts.kase = v;
    } else opts.keep = path.resolve(v);
  }
  if (opts.flavours.length === 0) opts.flavours = process.env.FLAVOUR ? [currentTarget().name] : ['cdktf', 'cdktn'];
  return opts;
}

/** Runs one process under callgrind; resolves to { instructions, seconds, report }. */
function callgrind(t, impl, opts, dir, round) {
  const out = path.join(dir, `callgrind.${t.name}.${impl}.${opts.kase}.${opts.n}.${round}.out`);
  const synthDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const args = ['--tool=callgrind', `--callgrind-out-file=${out}`,
    t.node, '--single-threaded', ...(opts.fixedGc ? ['--predictable-gc-schedule'] : []), NODE_CHILD, 'synth', impl, String(opts.n), synthDir, opts.kase];
  const env = { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1', BENCH_LIB_DIR: t.libDir, BENCH_FRAMEWORK: t.framework, BENCH_PROVIDER: t.providerPackage };
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => {
      fs.rmSync(synthDir, { recursive: true, force: true });
      const collected = /Collected : (\d+)/.exec(stderr);
      const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      if (code !== 0 || !collected || !line) {
        reject(new Error(`${t.name} ${impl}: valgrind exited ${code}\n${stderr.split('\n').slice(-15).join('\n')}`));
        return;
      }
      resolve({ instructions: Number(collected[1]), seconds: (Date.now() - start) / 1000, report: JSON.parse(line), file: out });
    });
  });
}

/*
 * What V8 (or libc) was doing, by the name of the function that executed the
 * instructions (self cost). JIT-compiled JavaScript has no symbol for
 * callgrind; it lands in "JavaScript and the rest".
 */
const GROUPS = [
  ['stack traces (capture, positions, formatting)', /CaptureSimpleStackTrace|CaptureStackTrace|StackTrace|StackFrame|CallSite|ErrorUtils|SourcePosition|GetBytecodeOffset|GetPositionInfo|Script::GetLineNumber|LineEnds|FrameSummary|BaselineFrame|JavaScriptFrame|StackFrameIterator|ErrorStackGetter|FormatStackTrace/],
  ['garbage collection', /Scavenge|Marking|MarkCompact|Sweeper|Heap::|heap::base|Evacuat|RememberedSet|SlotSet|Worklist|RecordWrite|WriteBarrier|MemoryChunk|PagedSpace|NewSpace|ConcurrentMarking/],
  ['parsing and bytecode generation', /Scanner|Parser|AstValueFactory|Utf16CharacterStream|interpreter::|BytecodeGenerator|PreParser|Ast[A-Z]|Scope::/],
  ['optimizing compiler (TurboFan, Maglev)', /compiler::|maglev::|turboshaft::/],
  ['malloc, free, memcpy', /malloc|_int_free|free\b|memcpy|memmove|memset/],
];

function breakdown(file) {
  const r = spawnSync('callgrind_annotate', ['--threshold=100', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) return undefined;
  const sums = new Map([...GROUPS.map(([g]) => [g, 0]), ['JavaScript and the rest', 0]]);
  let inTable = false;
  for (const line of r.stdout.split('\n')) {
    if (/file:function/.test(line)) { inTable = true; continue; }
    if (!inTable) continue;
    const m = /^\s*([\d,]+)\s+\([^)]*\)\s+(.*)$/.exec(line);
    if (!m) continue;
    const n = Number(m[1].replace(/,/g, ''));
    const fn = m[2];
    const g = GROUPS.find(([, re]) => re.test(fn));
    sums.set(g ? g[0] : 'JavaScript and the rest', sums.get(g ? g[0] : 'JavaScript and the rest') + n);
  }
  return sums;
}

/**
 * Runs the tasks at most `size` at a time (one per core), resolving to their results in order.
 * More processes than cores changes the counts: V8 schedules its garbage collection by elapsed
 * time, so a process that shares a core with another collects differently (at N = 1,000, the
 * same raw build counted 1.5 G instructions of garbage collection on a core of its own and 2.3 G
 * as one of three processes on two cores).
 */
async function inPool(tasks, size) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, tasks.length) }, worker));
  return results;
}

const fmtM = (x) => `${(x / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} M`;
const fmtRatio = (x) => `${x.toFixed(3)}x`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).status !== 0) {
    process.stdout.write('SKIPPED: valgrind is not installed\n');
    process.exit(0);
  }
  const targets = [];
  for (const name of opts.flavours) {
    const t = currentTarget({ FLAVOUR: name });
    const libDir = name === 'cdktf' && process.env.BENCH_LIB_DIR ? path.resolve(process.env.BENCH_LIB_DIR) : t.libDir;
    if (!fs.existsSync(path.join(libDir, 'index.js'))) {
      process.stderr.write(`${name}: ${path.join(libDir, 'index.js')} is missing (compile, or node scripts/build-flavour.js ${name})\n`);
      process.exit(2);
    }
    targets.push({ ...t, libDir, node: nodeFor(t) });
  }
  const dir = opts.keep || fs.mkdtempSync(path.join(os.tmpdir(), 'bench-callgrind-'));
  fs.mkdirSync(dir, { recursive: true });
  const log = (msg) => process.stderr.write(`${msg}\n`);
  const out = [];
  out.push(`- date: ${new Date().toISOString()}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(', ')} (instruction counts depend on it only through V8's time-based heap sizing, which --fixed-gc removes)`);
  out.push(`- ${spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).stdout.trim()}; case ${opts.kase}, N = ${opts.n.toLocaleString('en-US')}, ${opts.runs} process(es) per variant`);
  const variants = ['lib', 'raw', 'wrapped'];
  out.push(`- command: \`valgrind --tool=callgrind --callgrind-out-file=<file> <node> --single-threaded${opts.fixedGc ? ' --predictable-gc-schedule' : ''} bench/child-node.js synth <${variants.join('|')}> ` +
    `${opts.n} <outdir> ${opts.kase}\``);
  out.push('- wrapped: the raw bindings built as the library\'s L2 constructs build them (each in a construct with the binding as its ' +
    'child `Resource`, a target\'s role and policy beside it: the library\'s construct tree and stack depth, none of its own work; ' +
    'bench/child-node.js)');
  out.push('');
  const wrappedHeads = ['Raw in a wrapper (instructions)', 'Library / wrapped', 'Wrapped / raw'];
  out.push(`| ${['Entry', 'node', 'Library (instructions)', 'Raw binding (instructions)', 'Library - raw', 'Library / raw', ...wrappedHeads, 'Spread of a variant over its runs'].join(' | ')} |`);
  out.push(`| --- | --- | ---: | ---: | ---: | ---: | ${wrappedHeads.map(() => '---: | ').join('')}---: |`);
  const breakdowns = [];
  let problems = 0;
  const label = { lib: 'library', raw: 'raw', wrapped: 'wrapped' };
  for (const t of targets) {
    const version = spawnSync(t.node, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim();
    const res = Object.fromEntries(variants.map((v) => [v, []]));
    for (let r = 0; r < opts.runs; r++) {
      log(`${t.name} (node ${version}): round ${r + 1}/${opts.runs}, ${variants.map((v) => label[v]).join(', ')} under callgrind, N = ${opts.n}`);
      let round;
      try {
        round = await inPool(variants.map((impl) => () => callgrind(t, impl, opts, dir, r)), os.cpus().length);
      } catch (e) {
        process.stderr.write(`${e.message}\n`);
        process.exit(2);
      }
      variants.forEach((v, i) => res[v].push(round[i]));
      log(`  ${round.map((x, i) => `${label[variants[i]]} ${x.instructions.toLocaleString('en-US')} (${x.seconds.toFixed(0)} s)`).join(', ')}`);
      const hashes = new Set(round.map((x) => x.report.outputHash));
      if (hashes.size !== 1) {
        process.stderr.write(`${t.name}: the variants wrote different Terraform JSON (${round.map((x, i) => `${variants[i]} ${x.report.outputHash}`).join(', ')})\n`);
        problems++;
      }
    }
    const count = Object.fromEntries(variants.map((v) => [v, median(res[v].map((x) => x.instructions))]));
    const spread = (xs) => {
      const v = xs.map((x) => x.instructions);
      return (Math.max(...v) - Math.min(...v)) / Math.min(...v);
    };
    const spreadText = opts.runs < 2 ? 'one run' : variants.map((v) => `${label[v]} ${(100 * spread(res[v])).toFixed(2)}%`).join(', ');
    const fmtN = (x) => Math.round(x).toLocaleString('en-US');
    const wrappedCells = [fmtN(count.wrapped), fmtRatio(count.lib / count.wrapped), fmtRatio(count.wrapped / count.raw)];
    out.push(`| ${[t.name, version, fmtN(count.lib), fmtN(count.raw), fmtN(count.lib - count.raw), fmtRatio(count.lib / count.raw), ...wrappedCells, spreadText].join(' | ')} |`);
    if (opts.breakdown) breakdowns.push([t, variants.map((v) => breakdown(res[v][0].file))]);
  }
  for (const [t, sums] of breakdowns) {
    out.push('');
    if (sums.some((x) => !x)) { out.push(`${t.name}: callgrind_annotate failed; no breakdown.`); continue; }
    const [lib, raw, wrapped] = sums;
    out.push(`${t.name}, by what was executing (self cost, first run of each variant; millions of instructions):`);
    out.push('');
    out.push('| What | Library | Raw binding | Library - raw | Raw in a wrapper | Library - wrapped |');
    out.push('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const g of lib.keys()) {
      out.push(`| ${g} | ${fmtM(lib.get(g))} | ${fmtM(raw.get(g))} | ${fmtM(lib.get(g) - raw.get(g))} |` +
        ` ${fmtM(wrapped.get(g))} | ${fmtM(lib.get(g) - wrapped.get(g))} |`);
    }
  }
  out.push('');
  out.push(problems ? 'Output check: FAILED (see above).' : `Output check: the ${variants.map((v) => label[v]).join(', ')} processes wrote the same Terraform JSON in every round.`);
  if (opts.keep) out.push(`callgrind files: ${opts.keep}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${out.join('\n')}\n`);
  process.exit(problems ? 2 : 0);
}

main();
