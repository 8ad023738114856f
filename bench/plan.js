#!/usr/bin/env node
'use strict';
/*
 * Plan-time benchmark: what a stack of the library costs Terraform
 * at plan time, against the same connections written with the raw binding.
 * Run from the project root after compiling the library (lib/):
 *
 *   node bench/plan.js [--n 50,200,800] [--quick] [--runs R] [--k K] [--unshared] [--no-fail] [--keep]
 *
 *   --n LIST     the numbers of connections, comma separated (default 50,200,800)
 *   --quick      N = 20 only, 1 timed plan per stack (for the jest quick test; the
 *                timing is indicative only)
 *   --runs R     timed plans per stack and N (default 5; --quick: 1)
 *   --k K        the number of shared secrets (default 3)
 *   --unshared   also measure a third stack, "raw, unshared": the raw stack with one
 *                data source per connection, the layout the library wrote before
 *                it shared secret reads (not budgeted; for comparison)
 *   --no-fail    exit 0 even when a budget is missed
 *   --keep       keep the temporary directory (Terraform working directories, moto log)
 *
 * For each N, two stacks are synthesized with the compiled library of the
 * `cdktf` matrix entry (lib/, cdktf, @cdktf/provider-aws, deep imports only):
 *
 *   library  N ApiKeyConnections; connection i reads its key with
 *            SecretValue.secretsManager('bench/secret-<i % K>', { jsonField: 'key' })
 *   raw      N CloudwatchEventConnections (deep import of the raw binding) and K
 *            hand-written DataAwsSecretsmanagerSecretVersion data sources, connection
 *            i taking Fn.lookup(Fn.jsondecode(<data source i % K>.secretString), 'key')
 *
 * Both point their AwsProvider at one moto server on 127.0.0.1 (endpoints for
 * events, secretsmanager, sts and iam, fake keys, the skip_* checks on). The
 * script checks that both stacks give Terraform the same connections (same
 * attributes; each value read from the same secret by the same expression).
 * The provider pin is rewritten to the newest AWS provider version in the
 * filesystem mirror when the mirror lacks it (in the working copy only, as
 * test/deploy/harness.py does). For each N: moto is reset and the K secrets
 * created with boto3 (bench/plan_moto.py); each stack gets `terraform init`
 * and `terraform apply`; then one untimed plan per stack with moto's request
 * recorder on (it counts the AWS API calls a plan makes, and warms caches),
 * then R rounds of `terraform plan -refresh=true -input=false -lock=false
 * -detailed-exitcode`, one per stack per round, the order alternating between
 * rounds. Reported: wall time (median), CPU time of Terraform and its provider
 * (user + system, /usr/bin/time, median) and CPU time of the moto server
 * during the plan (median); the data sources that read secrets in cdk.tf.json
 * (`aws_secretsmanager_secret_version` + `aws_ssm_parameter` blocks) and the
 * copies of them in the state (data resources of those types in
 * `terraform show -json`).
 *
 * Output (stdout, markdown): a header, one table per N whose rows start with
 * `| data sources reading secrets (cdk.tf.json) |`, `| data-source copies of
 * secrets in state |`, `| plan wall time, median (s) |` ..., a growth table,
 * a budget table with one row per budget and N ending in `| PASS |` or
 * `| FAIL |`, and a last line `All budgets PASS.` or `Budgets missed: <n>.`
 * Progress goes to stderr.
 *
 * Budgets, per N: library data sources <= raw; library state copies <= raw;
 * library plan wall time (median) <= 1.05x raw. The plan-time row also shows,
 * not budgeted, the median of the library / raw ratios within each round (the
 * two plans ran next to each other, so a change of load between rounds
 * cancels) and the ratio of the CPU medians: on a shared machine these tell
 * noise from a real difference.
 *
 * Exit code: 0 when every budget passes (or with --no-fail); 1 when one is
 * missed; 2 when a measurement could not be made (the library is not
 * compiled, a Terraform command or moto failed, the stacks differ, a plan
 * after apply was not clean). When Terraform, the provider mirror or moto is
 * missing it prints one line `SKIPPED: plan-time benchmark: <reason>` and
 * exits 0.
 *
 * Environment: TERRAFORM (the Terraform binary; default `terraform` on PATH),
 * TF_PLUGIN_MIRROR (mirror directories, `:` separated, searched first, as in
 * test/deploy/harness.py), PYTHON (the Python with moto[server] and boto3;
 * default python3).
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const LIB = path.join(ROOT, 'lib');
const HELPER = path.join(__dirname, 'plan_moto.py');
const STACK = 'bench';
const PLAN_TIME_BUDGET = 1.05;
const PROVIDER = { host: 'registry.terraform.io', namespace: 'hashicorp', type: 'aws' };
const SECRET_TYPES = ['aws_secretsmanager_secret_version', 'aws_ssm_parameter'];

const log = (msg) => process.stderr.write(`${msg}\n`);

// ------------------------------------------------------------------ arguments

function usage(error) {
  const text = 'usage: node bench/plan.js [--n 50,200,800] [--quick] [--runs R] [--k K] [--unshared] [--no-fail] [--keep]';
  if (error) {
    process.stderr.write(`${error}\n${text}\n`);
    process.exit(2);
  }
  process.stdout.write(`${text}\n`);
  process.exit(0);
}

function parseArgs(argv) {
  const opts = { ns: undefined, quick: false, runs: undefined, k: 3, unshared: false, noFail: false, keep: false };
  const value = (a, i) => (a.includes('=') ? [a.slice(a.indexOf('=') + 1), i] : [argv[i + 1], i + 1]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.split('=')[0];
    if (a === '--quick') opts.quick = true;
    else if (a === '--no-fail') opts.noFail = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--unshared') opts.unshared = true;
    else if (a === '--help' || a === '-h') usage();
    else if (name === '--n' || name === '--runs' || name === '--k') {
      let v;
      [v, i] = value(a, i);
      if (v === undefined) usage(`${name} needs a value`);
      if (name === '--n') {
        opts.ns = v.split(',').map((x) => x.trim()).filter(Boolean).map(Number);
        if (opts.ns.length === 0 || opts.ns.some((n) => !Number.isInteger(n) || n < 1)) usage(`--n needs positive integers, got ${v}`);
      } else {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) usage(`${name} needs a positive integer, got ${v}`);
        opts[name.slice(2)] = n;
      }
    } else usage(`unknown argument ${a}`);
  }
  if (!opts.ns) opts.ns = opts.quick ? [20] : [50, 200, 800];
  if (opts.runs === undefined) opts.runs = opts.quick ? 1 : 5;
  return opts;
}

// ------------------------------------------------------------------ prerequisites

function skip(reason) {
  process.stdout.write(`SKIPPED: plan-time benchmark: ${reason}\n`);
  process.exit(0);
}

function fail(message) {
  process.stderr.write(`\nBENCHMARK ERROR: ${message}\n`);
  process.exitCode = 2;
  throw new BenchError(message);
}

class BenchError extends Error {}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Terraform CLI: $TERRAFORM if set, else `terraform` on PATH (as harness.py's terraform_binary). */
function terraformBinary() {
  if (process.env.TERRAFORM) return isExecutable(process.env.TERRAFORM) ? process.env.TERRAFORM : undefined;
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, 'terraform'))) return path.join(dir, 'terraform');
  }
  return undefined;
}

function platformName() {
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch] || process.arch;
  return `${process.platform}_${arch}`;
}

function versionKey(v) {
  return v.split(/[.\-+]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function compareVersions(a, b) {
  const x = versionKey(a);
  const y = versionKey(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === undefined) return -1;
    if (y[i] === undefined) return 1;
    if (x[i] !== y[i]) return typeof x[i] === typeof y[i] ? (x[i] < y[i] ? -1 : 1) : (typeof x[i] === 'number' ? 1 : -1);
  }
  return 0;
}

/** Ported from test/deploy/harness.py: mirror_candidates, mirror_versions, discover_mirror. */
function discoverMirror() {
  const home = os.homedir();
  const xdg = process.env.XDG_DATA_HOME || path.join(home, '.local', 'share');
  const roots = [
    ...(process.env.TF_PLUGIN_MIRROR || '').split(path.delimiter).filter(Boolean),
    '/opt/tf-plugins',
    path.join(home, '.terraform.d', 'plugins'),
    path.join(xdg, 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
  ];
  const plat = platformName();
  for (const root of [...new Set(roots)]) {
    const base = path.join(root, PROVIDER.host, PROVIDER.namespace, PROVIDER.type);
    let entries;
    try {
      entries = fs.readdirSync(base, { withFileTypes: true });
    } catch {
      continue;
    }
    const versions = new Set();
    for (const e of entries) {
      const full = path.join(base, e.name);
      if (e.isDirectory()) {
        try {
          if (fs.readdirSync(path.join(full, plat)).some((f) => f.startsWith('terraform-provider-aws'))) versions.add(e.name);
        } catch { /* no build for this platform */ }
      }
      const m = e.name.match(new RegExp(`^terraform-provider-aws_(.+)_${plat}\\.zip$`));
      if (m && e.isFile()) versions.add(m[1]);
    }
    if (versions.size) return { root, versions: [...versions].sort(compareVersions) };
  }
  return undefined;
}

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
}

function lastLines(text, n = 15) {
  return String(text || '').trim().split('\n').slice(-n).join('\n');
}

// ------------------------------------------------------------------ synthesis

function loadFramework() {
  const fromLib = (id) => require(require.resolve(id, { paths: [LIB] }));
  const cdktf = fromLib('cdktf');
  const providerPkgDir = path.dirname(require.resolve('@cdktf/provider-aws/package.json', { paths: [LIB] }));
  return {
    cdktf,
    cdktfVersion: JSON.parse(fs.readFileSync(require.resolve('cdktf/package.json', { paths: [LIB] }), 'utf8')).version,
    providerVersion: JSON.parse(fs.readFileSync(path.join(providerPkgDir, 'package.json'), 'utf8')).version,
    AwsProvider: fromLib('@cdktf/provider-aws/lib/provider').AwsProvider,
    CloudwatchEventConnection: fromLib('@cdktf/provider-aws/lib/cloudwatch-event-connection').CloudwatchEventConnection,
    DataAwsSecretsmanagerSecretVersion:
      fromLib('@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version').DataAwsSecretsmanagerSecretVersion,
    lib: require(LIB),
  };
}

const secretId = (j) => `bench/secret-${j}`;

function newStack(fw, outdir, endpoint) {
  const { App, LocalBackend, TerraformStack } = fw.cdktf;
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK);
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  new fw.AwsProvider(stack, 'aws', {
    region: 'us-east-1',
    accessKey: 'testing',
    secretKey: 'testing',
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: 'true',
    skipRegionValidation: true,
    endpoints: [{ events: endpoint, secretsmanager: endpoint, sts: endpoint, iam: endpoint }],
  });
  return { app, stack };
}

/** The variants: name, label, and how to build N connections over K secrets. */
const VARIANTS = {
  library: {
    label: 'library',
    build(fw, stack, n, k) {
      const { ApiKeyConnection, SecretValue } = fw.lib;
      for (let i = 0; i < n; i++) {
        new ApiKeyConnection(stack, `Connection${i}`, {
          connectionName: `bench-lib-${i}`,
          apiKeyName: 'x-api-key',
          apiKeyValue: SecretValue.secretsManager(secretId(i % k), { jsonField: 'key' }),
        });
      }
    },
  },
  raw: {
    label: 'raw',
    build(fw, stack, n, k) {
      const { Fn, Token } = fw.cdktf;
      const versions = [];
      for (let j = 0; j < k; j++) {
        versions.push(new fw.DataAwsSecretsmanagerSecretVersion(stack, `secret${j}`, { secretId: secretId(j) }));
      }
      for (let i = 0; i < n; i++) {
        new fw.CloudwatchEventConnection(stack, `Connection${i}`, {
          name: `bench-raw-${i}`,
          authorizationType: 'API_KEY',
          authParameters: {
            apiKey: { key: 'x-api-key', value: Token.asString(Fn.lookup(Fn.jsondecode(versions[i % k].secretString), 'key')) },
          },
        });
      }
    },
  },
  unshared: {
    label: 'raw, unshared',
    build(fw, stack, n, k) {
      const { Fn, Token } = fw.cdktf;
      for (let i = 0; i < n; i++) {
        const version = new fw.DataAwsSecretsmanagerSecretVersion(stack, `secret${i}`, { secretId: secretId(i % k) });
        new fw.CloudwatchEventConnection(stack, `Connection${i}`, {
          name: `bench-unshared-${i}`,
          authorizationType: 'API_KEY',
          authParameters: {
            apiKey: { key: 'x-api-key', value: Token.asString(Fn.lookup(Fn.jsondecode(version.secretString), 'key')) },
          },
        });
      }
    },
  },
};

function synth(fw, variant, n, k, outdir, endpoint) {
  fs.mkdirSync(outdir, { recursive: true });
  const { app, stack } = newStack(fw, outdir, endpoint);
  const t0 = process.hrtime.bigint();
  VARIANTS[variant].build(fw, stack, n, k);
  app.synth();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const file = path.join(outdir, 'stacks', STACK, 'cdk.tf.json');
  return { config: JSON.parse(fs.readFileSync(file, 'utf8')), file, ms };
}

/** Data blocks that read secrets, by type, in a synthesized config. */
function secretDataSources(config) {
  const out = {};
  for (const type of SECRET_TYPES) out[type] = Object.keys((config.data || {})[type] || {}).length;
  return out;
}

/**
 * The connections of a config, comparable across variants: each block without
 * its metadata and name prefix, every reference to a secret data source
 * replaced by the secret id that data source reads.
 */
function normalizedConnections(config) {
  const dataIds = {};
  for (const [name, block] of Object.entries(((config.data || {}).aws_secretsmanager_secret_version) || {})) {
    dataIds[name] = JSON.stringify({ secret_id: block.secret_id, version_stage: block.version_stage, version_id: block.version_id });
  }
  const out = [];
  for (const block of Object.values(((config.resource || {}).aws_cloudwatch_event_connection) || {})) {
    const copy = JSON.parse(JSON.stringify(block));
    delete copy['//'];
    copy.name = String(copy.name).replace(/^bench-[a-z]+-/, 'bench-*-');
    const text = JSON.stringify(copy).replace(/data\.aws_secretsmanager_secret_version\.([A-Za-z0-9_-]+)/g,
      (m, name) => (name in dataIds ? `SECRET(${dataIds[name].replace(/"/g, "'")})` : m));
    out.push(text);
  }
  return out.sort();
}

/** A copy of a config whose AWS provider pin the mirror can satisfy (harness.py prepare_config). */
function preparePin(config, mirror) {
  const copy = JSON.parse(JSON.stringify(config));
  const req = (((copy.terraform || {}).required_providers) || {}).aws || {};
  const pin = { source: req.source, pinned: req.version, used: req.version };
  if (req.version !== undefined && !mirror.versions.includes(req.version)) {
    const newest = mirror.versions[mirror.versions.length - 1];
    copy.terraform.required_providers.aws.version = newest;
    pin.used = newest;
  }
  return { config: copy, pin };
}

// ------------------------------------------------------------------ Terraform

class Terraform {
  constructor(binary, cliConfig, timeFile) {
    this.binary = binary;
    this.timeFile = timeFile;
    this.useTime = isExecutable('/usr/bin/time');
    const env = { ...process.env };
    for (const v of ['TF_LOG', 'TF_LOG_PATH', 'TF_DATA_DIR', 'TF_WORKSPACE', 'AWS_PROFILE']) delete env[v];
    Object.assign(env, {
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    this.env = env;
  }

  /** Runs `terraform args` in cwd; returns { status, stdout, stderr, wall (s), cpu (s, user + system incl. the provider) }. */
  run(cwd, args, ok = [0]) {
    let cmd = this.binary;
    let argv = args;
    if (this.useTime) {
      cmd = '/usr/bin/time';
      argv = ['-f', '%U %S', '-o', this.timeFile, this.binary, ...args];
    }
    const t0 = process.hrtime.bigint();
    const r = run(cmd, argv, { cwd, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    let cpu;
    if (this.useTime) {
      try {
        const [u, s] = fs.readFileSync(this.timeFile, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
        cpu = u + s;
      } catch { /* no figure */ }
    }
    if (r.error || !ok.includes(r.status)) {
      fail(`\`terraform ${args.join(' ')}\` in ${cwd} ${r.error ? `could not run: ${r.error.message}` : `exited ${r.status}`}:\n` +
        lastLines(`${r.stdout}\n${r.stderr}`, 30));
    }
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, wall, cpu };
  }
}

function lockedAwsVersion(dir) {
  const file = path.join(dir, '.terraform.lock.hcl');
  if (!fs.existsSync(file)) return undefined;
  const m = fs.readFileSync(file, 'utf8').match(/provider\s+"registry\.terraform\.io\/hashicorp\/aws"\s*\{\s*version\s*=\s*"([^"]+)"/);
  return m ? m[1] : undefined;
}

/** Data resources that hold secrets, and managed resources, in the state (`terraform show -json`). */
function stateCounts(tf, dir) {
  const show = JSON.parse(tf.run(dir, ['show', '-json', '-no-color']).stdout);
  const counts = { secretCopies: 0, byType: {}, managed: 0, data: 0 };
  const walk = (module) => {
    if (!module) return;
    for (const r of module.resources || []) {
      if (r.mode === 'data') {
        counts.data++;
        if (SECRET_TYPES.includes(r.type)) {
          counts.secretCopies++;
          counts.byType[r.type] = (counts.byType[r.type] || 0) + 1;
        }
      } else counts.managed++;
    }
    for (const child of module.child_modules || []) walk(child);
  };
  walk(((show.values || {}).root_module));
  return counts;
}

// ------------------------------------------------------------------ moto

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.setTimeout(500);
    sock.once('connect', () => { sock.destroy(); resolve(true); });
    sock.once('error', () => resolve(false));
    sock.once('timeout', () => { sock.destroy(); resolve(false); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class Moto {
  constructor(python, logFile, recording) {
    this.python = python;
    this.logFile = logFile;
    this.recording = recording;
    this.proc = undefined;
    this.clkTck = Number(run('getconf', ['CLK_TCK']).stdout) || 100;
  }

  get endpoint() { return `http://127.0.0.1:${this.port}`; }

  async start(timeoutMs = 30000) {
    let last = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      this.port = await freePort();
      const fd = fs.openSync(this.logFile, 'a');
      this.proc = spawn(this.python, [HELPER, 'serve', '--port', String(this.port)], {
        detached: true, // its own process group, so that stop() reaches it alone
        stdio: ['ignore', fd, fd],
        env: { ...process.env, MOTO_RECORDER_FILEPATH: this.recording },
      });
      fs.closeSync(fd);
      let exited = false;
      this.proc.once('exit', () => { exited = true; });
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline && !exited) {
        if (await canConnect(this.port)) return;
        await sleep(200);
      }
      last = lastLines(fs.readFileSync(this.logFile, 'utf8'), 20);
      this.stop();
    }
    fail(`the moto server did not start; its log ends with:\n${last}`);
  }

  stop() {
    const proc = this.proc;
    this.proc = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    try { process.kill(-proc.pid, 'SIGTERM'); } catch { return; }
    // Wait (synchronously: this also runs in the 'exit' handler) until it is gone, up to 10 s.
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < 100; i++) {
      try { process.kill(proc.pid, 0); } catch { return; }
      if (fs.existsSync(`/proc/${proc.pid}/stat`) && /^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${proc.pid}/stat`, 'utf8'))) return;
      Atomics.wait(pause, 0, 0, 100);
    }
    try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ }
  }

  /** CPU time (s) the server has used so far (from /proc), or undefined. */
  cpu() {
    try {
      const stat = fs.readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / this.clkTck; // utime, stime
    } catch {
      return undefined;
    }
  }

  async post(pathname) {
    const res = await fetch(`${this.endpoint}${pathname}`, { method: 'POST' });
    if (!res.ok) fail(`moto ${pathname}: HTTP ${res.status}`);
    await res.text();
  }

  helper(args) {
    const r = run(this.python, [HELPER, ...args]);
    if (r.status !== 0) fail(`bench/plan_moto.py ${args[0]} failed:\n${lastLines(`${r.stdout}\n${r.stderr}`)}`);
    return JSON.parse(r.stdout);
  }
}

// ------------------------------------------------------------------ statistics and report

function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

const fmt = (x, d = 2) => (x === undefined ? 'n/a' : x.toFixed(d));
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
const fmtRatio = (r) => (r === undefined ? 'n/a' : `${r.toFixed(2)}x`);
const row = (cells) => `| ${cells.join(' | ')} |`;

function loadavg() {
  return os.loadavg().map((x) => x.toFixed(2)).join(', ');
}

// ------------------------------------------------------------------ main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const terraform = terraformBinary();
  if (!terraform) skip(process.env.TERRAFORM ? `TERRAFORM=${process.env.TERRAFORM} is not an executable file` : 'no `terraform` on PATH (set TERRAFORM)');
  const mirror = discoverMirror();
  if (!mirror) skip(`no filesystem mirror with the hashicorp/aws provider for ${platformName()} (looked in $TF_PLUGIN_MIRROR, /opt/tf-plugins, ~/.terraform.d/plugins, $XDG_DATA_HOME/terraform/plugins, /usr/local/share/terraform/plugins, /usr/share/terraform/plugins)`);
  const python = process.env.PYTHON || 'python3';
  const check = run(python, [HELPER, 'check']);
  if (check.error) skip(`${python} cannot run (${check.error.message}): moto and boto3 are needed`);
  if (check.status !== 0) skip(`${python}: ${lastLines(check.stdout || check.stderr, 1)}`);
  const pyVersions = JSON.parse(check.stdout);
  if (!fs.existsSync(path.join(LIB, 'index.js'))) {
    process.stderr.write('lib/index.js is missing: compile the library first (npx jsii --silence-warnings=reserved-word)\n');
    process.exit(2);
  }
  const tfVersion = JSON.parse(run(terraform, ['version', '-json'], { env: { ...process.env, CHECKPOINT_DISABLE: '1' } }).stdout || '{}').terraform_version;

  const variants = ['library', 'raw', ...(opts.unshared ? ['unshared'] : [])];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-ebc-plan-bench-'));
  const cliConfig = path.join(tmp, 'terraform.rc');
  const pluginCache = path.join(tmp, 'plugin-cache');
  fs.mkdirSync(pluginCache);
  fs.writeFileSync(cliConfig, [
    '# Written by bench/plan.js; used only by the Terraform processes it starts.',
    `plugin_cache_dir = ${JSON.stringify(pluginCache)}`,
    'disable_checkpoint = true',
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(mirror.root)}`,
    `    include = ["${PROVIDER.host}/${PROVIDER.namespace}/${PROVIDER.type}"]`,
    '  }',
    '}',
    '',
  ].join('\n'));
  const tf = new Terraform(terraform, cliConfig, path.join(tmp, 'time.txt'));
  const moto = new Moto(python, path.join(tmp, 'moto.log'), path.join(tmp, 'moto-recording.jsonl'));
  const cleanup = () => {
    moto.stop();
    if (!opts.keep && process.exitCode !== 2) fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.on('exit', cleanup);
  // (A signal is handled when the running Terraform command returns: spawnSync blocks the event loop.
  // Ctrl-C reaches Terraform too, being sent to the whole foreground process group.)
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) process.on(sig, () => { process.exitCode = code; process.exit(); });

  const startedAt = new Date();
  const loadAtStart = loadavg();
  log(`plan-time benchmark: N = ${opts.ns.join(', ')}, K = ${opts.k}, ${opts.runs} timed plan(s) per stack; work dir ${tmp}`);
  const fw = loadFramework();
  await moto.start();
  log(`moto ${pyVersions.moto} on ${moto.endpoint}`);

  let lockFile;
  let pin;
  let lockedVersion;
  const results = [];
  const wallStart = Date.now();
  for (const n of opts.ns) {
    const loadBefore = loadavg();
    const tN = Date.now();
    await moto.post('/moto-api/reset');
    moto.helper(['secrets', '--endpoint', moto.endpoint, '--k', String(opts.k)]);
    const stacks = {};
    for (const v of variants) {
      const base = path.join(tmp, `n${n}`, v);
      fs.mkdirSync(base, { recursive: true });
      const s = synth(fw, v, n, opts.k, path.join(base, 'synth'), moto.endpoint);
      const work = path.join(base, 'work');
      fs.mkdirSync(work, { recursive: true });
      const prepared = preparePin(s.config, mirror);
      pin = prepared.pin;
      fs.writeFileSync(path.join(work, 'cdk.tf.json'), JSON.stringify(prepared.config, null, 2));
      const ds = secretDataSources(s.config);
      stacks[v] = {
        variant: v, dir: work, synthMs: s.ms, dataSources: ds, dataSourceCount: SECRET_TYPES.reduce((a, t) => a + ds[t], 0),
        connections: Object.keys(((s.config.resource || {}).aws_cloudwatch_event_connection) || {}).length,
        normalized: normalizedConnections(s.config), plans: [],
      };
    }
    // Same Terraform semantics: same connections, each value from the same secret by the same expression.
    for (const v of variants.slice(1)) {
      const a = stacks.library.normalized;
      const b = stacks[v].normalized;
      if (a.length !== n || b.length !== n || a.some((x, i) => x !== b[i])) {
        const i = a.findIndex((x, j) => x !== b[j]);
        fail(`N=${n}: the library and the ${VARIANTS[v].label} stack differ:\n  library: ${a[i]}\n  ${v}: ${b[i]}`);
      }
    }
    for (const v of variants) delete stacks[v].normalized;
    log(`N=${n}: synthesized (${variants.map((v) => `${v} ${stacks[v].dataSourceCount} secret data source(s)`).join(', ')}); the stacks match`);

    for (const v of variants) {
      const st = stacks[v];
      if (lockFile) fs.copyFileSync(lockFile, path.join(st.dir, '.terraform.lock.hcl')); // so init takes the provider from the cache
      st.init = tf.run(st.dir, ['init', '-input=false', '-no-color']).wall;
      if (!lockFile) {
        lockFile = path.join(tmp, 'terraform.lock.hcl');
        fs.copyFileSync(path.join(st.dir, '.terraform.lock.hcl'), lockFile);
        lockedVersion = lockedAwsVersion(st.dir);
      }
      const apply = tf.run(st.dir, ['apply', '-auto-approve', '-input=false', '-no-color']);
      st.apply = apply.wall;
      st.state = stateCounts(tf, st.dir);
      log(`N=${n} ${v}: init ${fmt(st.init, 1)} s, apply ${fmt(st.apply, 1)} s; state: ${st.state.managed} managed, ` +
        `${st.state.secretCopies} secret data resource(s)`);
    }
    // One untimed plan per stack with moto's recorder on: the API calls of a plan (and a warm-up).
    for (const v of variants) {
      const st = stacks[v];
      await moto.post('/moto-api/recorder/reset-recording');
      await moto.post('/moto-api/recorder/start-recording');
      const p = tf.run(st.dir, ['plan', '-refresh=true', '-input=false', '-lock=false', '-detailed-exitcode', '-no-color'], [0, 2]);
      await moto.post('/moto-api/recorder/stop-recording');
      if (p.status !== 0) fail(`N=${n} ${v}: the plan after apply is not clean (exit 2):\n${lastLines(p.stdout, 30)}`);
      st.calls = moto.helper(['count', '--recording', moto.recording]);
      if (opts.keep) fs.renameSync(moto.recording, path.join(path.dirname(st.dir), 'moto-recording.jsonl'));
      st.warmup = p.wall;
    }
    // R rounds, interleaved, order alternating.
    for (let r = 0; r < opts.runs; r++) {
      const order = r % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order) {
        const st = stacks[v];
        const m0 = moto.cpu();
        const p = tf.run(st.dir, ['plan', '-refresh=true', '-input=false', '-lock=false', '-detailed-exitcode', '-no-color'], [0, 2]);
        const m1 = moto.cpu();
        if (p.status !== 0) fail(`N=${n} ${v}: plan ${r + 1} found changes:\n${lastLines(p.stdout, 30)}`);
        st.plans.push({ wall: p.wall, cpu: p.cpu, moto: m0 === undefined || m1 === undefined ? undefined : m1 - m0 });
      }
      log(`N=${n} round ${r + 1}/${opts.runs}: ${variants.map((v) => `${v} ${fmt(stacks[v].plans[r].wall)} s`).join(', ')}`);
    }
    for (const v of variants) {
      const st = stacks[v];
      st.wall = median(st.plans.map((p) => p.wall));
      st.cpu = median(st.plans.map((p) => p.cpu));
      st.moto = median(st.plans.map((p) => p.moto));
    }
    results.push({ n, stacks, loadBefore, loadAfter: loadavg(), seconds: (Date.now() - tN) / 1000 });
  }
  const totalSeconds = (Date.now() - wallStart) / 1000;

  report({ opts, variants, results, startedAt, loadAtStart, tfVersion, fw, pin, lockedVersion, mirror, pyVersions, totalSeconds, useTime: tf.useTime });
}

/** Library / raw wall time of the plans of the same round (the two ran next to each other). */
function pairedRatios(stacks) {
  return stacks.library.plans.map((p, i) => ratio(p.wall, stacks.raw.plans[i].wall));
}

function callsOf(st, action) {
  return (st.calls || {})[action] || 0;
}

function report(ctx) {
  const { opts, variants, results } = ctx;
  const out = [];
  const cpus = os.cpus();
  out.push('# Plan-time benchmark', '');
  out.push(`- date: ${ctx.startedAt.toISOString()}`);
  out.push(`- machine: ${cpus.length} (${(cpus[0] || {}).model || 'unknown'}) CPU(s), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}; load average at start ${ctx.loadAtStart}, at end ${loadavg()}`);
  out.push(`- Terraform ${ctx.tfVersion}; AWS provider ${ctx.lockedVersion} (locked by terraform init, from the mirror ${ctx.mirror.root})`);
  out.push(`- provider pin: ${ctx.pin.pinned === ctx.pin.used ? `${ctx.pin.pinned} kept (in the mirror)` : `rewritten from ${ctx.pin.pinned} to ${ctx.pin.used} in the working copy`}`);
  out.push(`- library: lib/ (cdktf ${ctx.fw.cdktfVersion}, @cdktf/provider-aws ${ctx.fw.providerVersion}); Node.js ${process.version}`);
  out.push(`- moto ${ctx.pyVersions.moto} (server mode, one server for the run, reset before each N), boto3 ${ctx.pyVersions.boto3}, Python ${ctx.pyVersions.python}`);
  out.push(`- K = ${opts.k} shared secrets; ${opts.runs} timed plan(s) per stack and N (median), stacks interleaved, order alternating; ` +
    `command: terraform plan -refresh=true -input=false -lock=false -detailed-exitcode -no-color`);
  out.push(`- total time of the measurements: ${ctx.totalSeconds.toFixed(0)} s`);
  const labels = variants.map((v) => VARIANTS[v].label);
  const hasUnshared = variants.includes('unshared');
  for (const res of results) {
    const s = res.stacks;
    out.push('', `## N = ${res.n}`, '');
    out.push(`(load average before ${res.loadBefore}, after ${res.loadAfter}; ${res.seconds.toFixed(0)} s for this N)`, '');
    out.push(row(['Figure', ...labels, 'Library / raw']));
    out.push(row(['---', ...variants.map(() => '---:'), '---:']));
    const line = (name, get, d, r = true) => {
      const vals = variants.map((v) => get(s[v]));
      out.push(row([name, ...vals.map((x) => (typeof x === 'number' ? fmt(x, d) : String(x))),
        r ? fmtRatio(ratio(vals[0], vals[1])) : '']));
    };
    line('data sources reading secrets (cdk.tf.json)', (st) => st.dataSourceCount, 0);
    line('data-source copies of secrets in state', (st) => st.state.secretCopies, 0);
    line('managed resources in state', (st) => st.state.managed, 0);
    line('plan wall time, median (s)', (st) => st.wall, 2);
    if (ctx.useTime) line('plan CPU time, Terraform + provider, median (s)', (st) => st.cpu, 2);
    line('moto CPU time per plan, median (s)', (st) => st.moto, 2);
    line('GetSecretValue calls per plan', (st) => callsOf(st, 'secretsmanager.GetSecretValue'), 0);
    line('DescribeConnection calls per plan', (st) => callsOf(st, 'events.DescribeConnection'), 0);
    line('AWS API calls per plan, all', (st) => Object.values(st.calls || {}).reduce((a, b) => a + b, 0), 0);
    line('plan wall times (s)', (st) => st.plans.map((p) => fmt(p.wall)).join(' '), 0, false);
    const paired = pairedRatios(s);
    out.push(row(['plan wall time, library / raw within each round', ...variants.map(() => ''),
      `${paired.map((r) => r.toFixed(2)).join(' ')} (median ${fmtRatio(median(paired))})`]));
    line('untimed first plan (s)', (st) => st.warmup, 2);
    line('apply, once (s)', (st) => st.apply, 1);
    line('synth (ms)', (st) => st.synthMs, 0);
  }
  if (results.length > 1) {
    out.push('', '## Growth with N', '');
    out.push(row(['N', ...labels.map((l) => `${l} plan (s)`), 'library / raw', ...labels.map((l) => `${l} data sources`),
      ...labels.map((l) => `${l} GetSecretValue`)]));
    out.push(row(['---:', ...labels.map(() => '---:'), '---:', ...labels.map(() => '---:'), ...labels.map(() => '---:')]));
    for (const res of results) {
      const s = res.stacks;
      out.push(row([String(res.n), ...variants.map((v) => fmt(s[v].wall)), fmtRatio(ratio(s.library.wall, s.raw.wall)),
        ...variants.map((v) => String(s[v].dataSourceCount)), ...variants.map((v) => String(callsOf(s[v], 'secretsmanager.GetSecretValue')))]));
    }
    const [a, b] = [results[0], results[results.length - 1]];
    const slope = (v) => (b.stacks[v].wall - a.stacks[v].wall) / (b.n - a.n) * 100;
    out.push('', `Marginal plan time per 100 connections (N=${a.n} to N=${b.n}): ` +
      variants.map((v) => `${VARIANTS[v].label} ${fmt(slope(v))} s`).join(', ') + '.');
  }
  if (hasUnshared) {
    out.push('', '("raw, unshared": the raw stack with one data source per connection, the layout the library wrote before it shared secret reads; not budgeted.)');
  }
  const budgets = [];
  for (const res of results) {
    const s = res.stacks;
    budgets.push({ name: 'data sources reading secrets: library <= raw', n: res.n, measured: `${s.library.dataSourceCount} vs ${s.raw.dataSourceCount}`,
      limit: '<= raw', pass: s.library.dataSourceCount <= s.raw.dataSourceCount });
    budgets.push({ name: 'data-source copies of secrets in state: library <= raw', n: res.n, measured: `${s.library.state.secretCopies} vs ${s.raw.state.secretCopies}`,
      limit: '<= raw', pass: s.library.state.secretCopies <= s.raw.state.secretCopies });
    const r = ratio(s.library.wall, s.raw.wall);
    const detail = `within rounds ${fmtRatio(median(pairedRatios(s)))}` + (ctx.useTime ? `, CPU ${fmtRatio(ratio(s.library.cpu, s.raw.cpu))}` : '');
    budgets.push({ name: 'plan wall time (median): library vs raw', n: res.n, measured: `${fmtRatio(r)} (${detail})`,
      limit: `${PLAN_TIME_BUDGET}x`, pass: r !== undefined && r <= PLAN_TIME_BUDGET });
  }
  out.push('', '## Budgets', '');
  out.push(row(['Budget', 'N', 'Measured', 'Limit', 'Result']));
  out.push(row(['---', '---:', '---:', '---:', '---']));
  for (const b of budgets) out.push(row([b.name, String(b.n), b.measured, b.limit, b.pass ? 'PASS' : 'FAIL']));
  const missed = budgets.filter((b) => !b.pass).length;
  if (opts.quick) out.push('', `(--quick: N=${opts.ns.join(',')}, ${opts.runs} timed plan per stack; the timing is indicative only.)`);
  out.push('', missed === 0 ? 'All budgets PASS.' : `Budgets missed: ${missed}.${opts.noFail ? ' (--no-fail: exit 0)' : ''}`);
  process.stdout.write(`${out.join('\n')}\n`);
  if (missed && !opts.noFail) process.exitCode = 1;
}

main().catch((e) => {
  if (!(e instanceof BenchError)) {
    process.stderr.write(`\nBENCHMARK ERROR: ${e && e.stack ? e.stack : e}\n`);
  }
  process.exitCode = 2;
}).finally(() => process.exit()); // the moto child would keep the event loop alive
