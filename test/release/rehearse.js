#!/usr/bin/env node
/*
 * Release rehearsal: the release workflow's steps, run as written in a scratch clone, publishing
 * to a loopback npm registry (Verdaccio) and a loopback Python package index (pypiserver), then
 * the four packages installed by name and version from them in fresh projects, and the README's
 * quick start synthesized from each. See test/release/README.md.
 *
 *   node test/release/rehearse.js
 *
 * Environment: KEEP=1 keeps the temporary folder (and says where; the servers are stopped all
 * the same); PYTHON (default python3) makes the virtualenvs; STEP_TIMEOUT (default 1200) bounds
 * each command in seconds.
 *
 * Writes test-reports/release-rehearsal-junit.xml (one test case per workflow step and per
 * check). Prints `SKIPPED: <reason>` and exits 0 when a precondition is missing (git, Python
 * with venv). Exit status 1 when a step or a check fails.
 *
 * Nothing is written outside the temporary folder but the report (test-reports/, ignored by git)
 * and the npm and pip caches: the commands run
 * with HOME in the temporary folder (publib-npm writes ~/.npmrc, publib-pypi installs twine with
 * `pip install --user`), and the working tree is only read (`git clone`).
 */
'use strict';
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const workflow = require('./workflow');
const { isolatedEnv, machineSettings } = require('../../scripts/isolate');
const { writeJUnit } = require('../../scripts/junit');

const ROOT = path.resolve(__dirname, '..', '..');
const REPORT = path.join(ROOT, 'test-reports', 'release-rehearsal-junit.xml');
const PYTHON = process.env.PYTHON || 'python3';
const STEP_TIMEOUT = Number(process.env.STEP_TIMEOUT || 1200) * 1000;
const PYPISERVER = ['pypiserver==2.4.2', 'passlib==1.7.4'];

/** Steps of the release job the rehearsal does not run, and why. */
const NOT_REHEARSED = {
  'Create the GitHub release': 'needs GitHub (gh release create); the notes it would use, dist/changelog.md, are checked',
};
/** `uses:` steps of the release job, and what the rehearsal does in their place. */
const USES = {
  'actions/checkout': 'git clone of a bare clone of this repository (the whole history and the tags), on main = HEAD',
  'actions/setup-node': `the machine's Node.js ${process.version} (the cdktn build uses Node.js 22 of tools/cdktn)`,
  'actions/setup-python': `the machine's ${PYTHON}`,
};

/**
 * The consumer projects: one per flavour and language, each running the README's quick start
 * for them (test/consumers/check.js writes its commands and program) with the library's name
 * on the install line pinned to the rehearsed version: `<name>@<version>` or `<name>==<version>`,
 * from the loopback registries.
 */
const CONSUMERS = [
  { name: 'npm/cdktf', language: 'ts', flavour: 'cdktf', aws: '6.25.0', node22: false },
  { name: 'npm/cdktn', language: 'ts', flavour: 'cdktn', aws: '6.66.0', node22: true },
  { name: 'pip/cdktf', language: 'python', flavour: 'cdktf', aws: '6.25.0', node22: false },
  { name: 'pip/cdktn', language: 'python', flavour: 'cdktn', aws: '6.66.0', node22: true },
];

/**
 * The README's quick start for a consumer's language and flavour, written into `dir`
 * (quickstart.sh and the program), the library pinned to `version`.
 */
function quickStart(clone, consumer, name, version, dir) {
  const spec = consumer.language === 'ts' ? `${name}@${version}` : `${name}==${version}`;
  return [process.execPath, path.join(clone, 'test', 'consumers', 'check.js'), 'quickstart', path.join(clone, 'README.md'),
    consumer.language, consumer.flavour, dir, '--library', spec];
}

// --- Small helpers ----------------------------------------------------------------------------

const cases = []; // { group, name, seconds, failure?, skipped?, output? }
let WORK;
const servers = []; // { name, pgid, port }
let current; // the child process of the running command
let interrupted; // the signal that stopped the rehearsal

function log(message) {
  console.log(`[rehearsal] ${message}`);
}

function record(group, name, seconds, failure, output, skipped) {
  cases.push({ group, name, seconds, failure, output, skipped });
  const status = failure ? `FAIL: ${failure}` : skipped ? `SKIPPED: ${skipped}` : 'ok';
  // "SKIPPED: " at the start of a line means a skipped suite to scripts/test-all.js: indent.
  console.log(`[rehearsal] ${status.startsWith('SKIPPED') ? 'not run' : status === 'ok' ? 'PASS' : 'FAIL'} ${group}: ${name}${failure ? ` (${failure})` : skipped ? ` (${skipped})` : ''} [${seconds.toFixed(0)} s]`);
}

/** Runs a command (argv or a bash script), output to the console and to `logFile`; resolves to { code, output }. */
function run(command, { cwd, env, logFile, timeout = STEP_TIMEOUT } = {}) {
  if (interrupted) return Promise.resolve({ code: 130, output: `not run: ${interrupted}\n` });
  return new Promise((resolve) => {
    const [file, args] = typeof command === 'string' ? ['bash', ['-eo', 'pipefail', '-c', command]] : [command[0], command.slice(1)];
    const child = spawn(file, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    current = child;
    let output = '';
    const take = (stream) => (data) => {
      const text = data.toString('utf-8');
      output += text;
      stream.write(text.replace(/^SKIPPED: /gm, '  SKIPPED: '));
      if (logFile) fs.appendFileSync(logFile, text);
    };
    child.stdout.on('data', take(process.stdout));
    child.stderr.on('data', take(process.stderr));
    const timer = setTimeout(() => {
      output += `\n[timed out after ${timeout / 1000} s]\n`;
      killGroup(child.pid, 'SIGKILL');
    }, timeout);
    child.on('error', (e) => {
      clearTimeout(timer);
      current = undefined;
      resolve({ code: 127, output: `${output}${e.message}\n` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      resolve({ code: code === null ? 128 : code, signal, output });
    });
  });
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pgid) {
  const ps = spawnSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf-8' });
  return ps.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

function lastLines(text, n = 40) {
  return text.split('\n').filter((l) => l.trim()).slice(-n).join('\n');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** An HTTP request to a loopback server: { status, body }. */
function request(url, { method = 'GET', body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    if (body) req.write(JSON.stringify(body));
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a server in its own process group, behind a watchdog that stops the group when this
 * process is gone (even killed with SIGKILL), and waits until `ready()` answers.
 */
async function startServer(name, argv, { port, env, ready, logFile }) {
  const script = '"$@" & server=$!\n'
    + `while kill -0 ${process.pid} 2>/dev/null && kill -0 "$server" 2>/dev/null; do sleep 1; done\n`
    + 'kill -TERM 0';
  const child = spawn('bash', ['-c', script, 'watchdog', ...argv], {
    env,
    detached: true,
    stdio: ['ignore', fs.openSync(logFile, 'a'), fs.openSync(logFile, 'a')],
  });
  servers.push({ name, pgid: child.pid, port });
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} exited before it answered (see ${logFile}):\n${lastLines(fs.readFileSync(logFile, 'utf-8'), 20)}`);
    try {
      if (await ready()) {
        log(`${name} listens on 127.0.0.1:${port} (process group ${child.pid})`);
        return;
      }
    } catch { /* not yet */ }
    await sleep(500);
  }
  throw new Error(`${name} did not answer on 127.0.0.1:${port} within 90 s (see ${logFile})`);
}

/** Stops every server's process group (TERM, then KILL after 10 s); returns what was left. */
async function stopServers() {
  const left = [];
  for (const s of servers) {
    killGroup(s.pgid, 'SIGTERM');
    for (let i = 0; i < 20 && groupAlive(s.pgid).length; i++) await sleep(500);
    if (groupAlive(s.pgid).length) killGroup(s.pgid, 'SIGKILL');
    for (let i = 0; i < 10 && groupAlive(s.pgid).length; i++) await sleep(300);
    const pids = groupAlive(s.pgid);
    const open = await listening(s.port);
    if (pids.length || open) left.push(`${s.name}: ${pids.length ? `processes ${pids.join(' ')} left` : ''}${open ? ` port ${s.port} still open` : ''}`);
  }
  servers.length = 0;
  return left;
}

function writeReport() {
  writeJUnit(REPORT, 'release-rehearsal', cases.map((c) => ({
    classname: `release-rehearsal.${c.group}`,
    name: c.name,
    seconds: c.seconds,
    failure: c.failure ? { message: c.failure, text: lastLines(c.output || '', 60) } : undefined,
    skipped: c.skipped,
  })));
}

// --- The rehearsal ----------------------------------------------------------------------------

function preconditions() {
  if (spawnSync('git', ['--version']).status !== 0) return 'git is not installed';
  const py = spawnSync(PYTHON, ['-c', 'import venv, ensurepip'], { encoding: 'utf-8' });
  if (py.error) return `${PYTHON} is not installed (set PYTHON)`;
  if (py.status !== 0) return `${PYTHON} has no venv/ensurepip module (e.g. apt-get install python3-venv)`;
  // publib-pypi installs twine with `python3 -m pip install --user` (python3: the directory of PYTHON comes first on PATH).
  if (spawnSync(PYTHON, ['-c', 'import sys; sys.exit(sys.prefix != sys.base_prefix)']).status !== 0) {
    return `${PYTHON} is a virtualenv's, where publib-pypi's \`pip install --user\` is refused (set PYTHON to a Python outside one)`;
  }
  if (spawnSync(PYTHON, ['-m', 'pip', '--version']).status !== 0) return `${PYTHON} has no pip (publib-pypi runs \`python3 -m pip install --user twine\`)`;
  return undefined;
}

/**
 * Facts about the machine, read before HOME is changed: where the registries are and the
 * caches (scripts/isolate.js), where Python is and whether it refuses `pip install --user`.
 */
function machine() {
  const python = spawnSync(PYTHON, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf-8' }).stdout.trim();
  // PEP 668: a distribution's Python refuses `pip install --user` unless told otherwise.
  const externallyManaged = spawnSync(PYTHON, ['-c', 'import os, sys, sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")))']).status === 0;
  return { ...machineSettings(process.env, PYTHON), pythonBin: path.dirname(python), externallyManaged };
}

function gitStatus() {
  return spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf-8' }).stdout;
}

function homeFiles() {
  const home = os.homedir();
  return ['.npmrc', '.pypirc', '.gitconfig', path.join('.config', 'pip', 'pip.conf')].map((f) => {
    const p = path.join(home, f);
    if (!fs.existsSync(p)) return `${f}: none`;
    const st = fs.statSync(p);
    return `${f}: ${st.size} bytes, modified ${st.mtime.toISOString()}`;
  }).join('\n');
}

/** Runs one check: `fn` returns nothing or throws / returns { failure }; records it. */
async function check(group, name, fn) {
  const t0 = Date.now();
  let failure;
  let output = '';
  try {
    const r = await fn();
    if (r && r.failure) ({ failure, output = '' } = r);
  } catch (e) {
    failure = e.message.split('\n')[0];
    output = e.message;
  }
  record(group, name, (Date.now() - t0) / 1000, failure, output);
  return !failure;
}

async function rehearse(state) {
  const m = machine();
  state.machine = m;
  const home = path.join(WORK, 'home');
  fs.mkdirSync(home);
  const logs = path.join(WORK, 'logs');
  fs.mkdirSync(logs);
  // Every command runs with HOME here, with none of the runner's npm, pip or git configuration
  // but where the registries are (scripts/isolate.js); the npm and pip caches are the machine's.
  const baseEnv = isolatedEnv(home, m);
  baseEnv.PATH = `${m.pythonBin}:${baseEnv.PATH}`;
  for (const k of Object.keys(baseEnv)) if (/^(PUBLIB_|NPM_TOKEN$|NPM_REGISTRY$|TWINE_|GITHUB_)/.test(k)) delete baseEnv[k];

  // The scratch clone: a bare clone as its origin (the release pushes there), and a clone of it.
  const origin = path.join(WORK, 'origin.git');
  const clone = path.join(WORK, 'repo');
  state.clone = clone;
  let ok = await check('setup', 'git clone of HEAD as main (and a bare origin for the push)', async () => {
    const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf-8' }).stdout.trim();
    // origin's main is the commit rehearsed (the workflow runs on main), whatever this
    // repository's main holds; the clone checks it out.
    for (const cmd of [
      ['git', 'clone', '--quiet', '--bare', '--no-local', ROOT, origin],
      ['git', '-C', origin, 'update-ref', 'refs/heads/main', head],
      ['git', '-C', origin, 'symbolic-ref', 'HEAD', 'refs/heads/main'],
      ['git', 'clone', '--quiet', origin, clone],
    ]) {
      const r = await run(cmd, { env: baseEnv, logFile: path.join(logs, 'clone.log') });
      if (r.code !== 0) return { failure: `${cmd.slice(0, 4).join(' ')} exited ${r.code}`, output: r.output };
    }
    const cloned = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: clone, encoding: 'utf-8' }).stdout.trim();
    if (cloned !== head) return { failure: `the clone is at ${cloned}, HEAD is ${head}` };
    const branch = spawnSync('git', ['symbolic-ref', '--short', 'HEAD'], { cwd: clone, encoding: 'utf-8' }).stdout.trim();
    if (branch !== 'main') return { failure: `the clone is on ${branch}, not main` };
    log(`scratch clone of ${head.slice(0, 12)} in ${clone}`);
    return undefined;
  });
  if (!ok) return;

  // The registries.
  const verdaccioPort = await freePort();
  const pypiPort = await freePort();
  const npmUser = { name: 'rehearsal', password: crypto.randomBytes(16).toString('hex') };
  const pypiUser = { name: 'rehearsal', password: crypto.randomBytes(16).toString('hex') };
  const verdaccioUrl = `http://127.0.0.1:${verdaccioPort}/`;
  const pypiUrl = `http://127.0.0.1:${pypiPort}/`;
  state.verdaccioUrl = verdaccioUrl;
  state.pypiUrl = pypiUrl;
  let npmToken;

  ok = await check('registries', `Verdaccio (tools/registry) on 127.0.0.1, uplink ${m.npmRegistry}`, async () => {
    const r = await run('npm ci --prefix tools/registry --no-audit --no-fund --loglevel=error', { cwd: clone, env: baseEnv, logFile: path.join(logs, 'registry-install.log') });
    if (r.code !== 0) return { failure: `npm ci --prefix tools/registry exited ${r.code}`, output: r.output };
    const dir = path.join(WORK, 'verdaccio');
    fs.mkdirSync(path.join(dir, 'storage'), { recursive: true });
    const config = [
      `storage: ${JSON.stringify(path.join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}`,
      '    max_users: 1',
      'uplinks:',
      '  upstream:',
      `    url: ${JSON.stringify(m.npmRegistry)}`,
      '    timeout: 120s',
      '    max_fails: 5',
      'packages:',
      // The two packages are published here and never looked up upstream.
      ...['cdktf-eventbridge-connection', 'cdktn-eventbridge-connection'].flatMap((p) => [
        `  ${JSON.stringify(p)}:`,
        '    access: $all',
        '    publish: $authenticated',
        '    unpublish: $authenticated',
      ]),
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      '    proxy: upstream',
      'max_body_size: 200mb',
      'web:',
      '  enable: false',
      'log:',
      '  type: stdout',
      '  format: pretty',
      '  level: warn',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'config.yaml'), config);
    const bin = path.join(clone, 'tools', 'registry', 'node_modules', 'verdaccio', 'bin', 'verdaccio');
    await startServer('verdaccio', [process.execPath, bin, '--config', path.join(dir, 'config.yaml'), '--listen', `127.0.0.1:${verdaccioPort}`], {
      port: verdaccioPort,
      env: baseEnv,
      logFile: path.join(logs, 'verdaccio.log'),
      ready: async () => (await request(`${verdaccioUrl}-/ping`)).status === 200,
    });
    // A user, created as `npm adduser` does; its token is the release's NPM_TOKEN.
    const u = await request(`${verdaccioUrl}-/user/org.couchdb.user:${npmUser.name}`, { method: 'PUT', body: { name: npmUser.name, password: npmUser.password } });
    if (u.status !== 201) return { failure: `creating the Verdaccio user answered ${u.status}: ${u.body}` };
    npmToken = JSON.parse(u.body).token;
    if (!npmToken) return { failure: `no token in Verdaccio's answer: ${u.body}` };
    return undefined;
  });
  if (!ok) return;

  ok = await check('registries', `pypiserver ${PYPISERVER[0].split('==')[1]} on 127.0.0.1 (uploads with a password)`, async () => {
    const venv = path.join(WORK, 'pypiserver-venv');
    const py = path.join(venv, 'bin', 'python');
    const r = await run(`${PYTHON} -m venv ${JSON.stringify(venv)} && ${JSON.stringify(py)} -m pip install --progress-bar off ${PYPISERVER.join(' ')}`, { env: baseEnv, logFile: path.join(logs, 'pypiserver-install.log') });
    if (r.code !== 0) return { failure: `installing ${PYPISERVER.join(' ')} exited ${r.code}`, output: r.output };
    const dir = path.join(WORK, 'pypiserver');
    fs.mkdirSync(path.join(dir, 'packages'), { recursive: true });
    const htpasswd = path.join(dir, 'htpasswd');
    const ht = spawnSync(py, ['-c', 'import sys\nfrom passlib.apache import HtpasswdFile\nh = HtpasswdFile(sys.argv[1], new=True)\nh.set_password(sys.argv[2], sys.argv[3])\nh.save()', htpasswd, pypiUser.name, pypiUser.password], { encoding: 'utf-8' });
    if (ht.status !== 0) return { failure: 'could not write the htpasswd file', output: ht.stderr };
    await startServer('pypiserver', [path.join(venv, 'bin', 'pypi-server'), 'run', '--interface', '127.0.0.1', '--port', String(pypiPort),
      '--passwords', htpasswd, '--authenticate', 'update', '--disable-fallback', '--hash-algo', 'sha256', '--verbose', path.join(dir, 'packages')], {
      port: pypiPort,
      env: baseEnv,
      logFile: path.join(logs, 'pypiserver.log'),
      ready: async () => (await request(`${pypiUrl}simple/`)).status === 200,
    });
    return undefined;
  });
  if (!ok) return;

  // The release job's steps, from the workflow file of the clone.
  const yamlText = fs.readFileSync(path.join(clone, '.github', 'workflows', 'release.yml'), 'utf-8');
  const githubOutput = path.join(WORK, 'github-output.txt');
  fs.writeFileSync(githubOutput, '');
  const context = {
    inputs: { dry_run: false },
    steps: {},
    secrets: { NPM_TOKEN: npmToken, TWINE_USERNAME: pypiUser.name, TWINE_PASSWORD: pypiUser.password },
    github: { ref: 'refs/heads/main' },
  };
  const jobEnv = Object.fromEntries(Object.entries(workflow.jobEnv(yamlText)).map(([k, v]) => [k, workflow.substitute(v, context)]));
  const steps = workflow.releaseSteps(yamlText);
  // A HEAD with nothing to release (no releasable commit since the last tag, or a release commit)
  // makes the real job stop after the step with id "version"; the rehearsal then commits an empty
  // `fix:` in the clone and runs the job again from the bump, so that it always publishes.
  const bumpAt = steps.findIndex((s) => /\bprojen bump\b/.test(s.run || ''));
  let failedStep;
  let again = false;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const group = again ? 'release.yml, again with a fix: commit' : 'release.yml';
    if (NOT_REHEARSED[step.name]) {
      record(group, step.name, 0, undefined, undefined, NOT_REHEARSED[step.name]);
      continue;
    }
    if (failedStep) {
      record(group, step.name, 0, `not run: "${failedStep}" failed`);
      continue;
    }
    if (step.uses) {
      const known = Object.keys(USES).find((u) => step.uses.startsWith(`${u}@`));
      if (known) record(group, `${step.name} (${step.uses}): ${USES[known]}`, 0);
      else {
        record(group, step.name, 0, `the rehearsal does not know how to run \`uses: ${step.uses}\``);
        failedStep = step.name;
      }
      continue;
    }
    const t0 = Date.now();
    let runIt;
    let env;
    try {
      runIt = workflow.evaluateIf(step.if, context);
      env = { ...baseEnv, ...jobEnv, ...Object.fromEntries(Object.entries(step.env).map(([k, v]) => [k, workflow.substitute(v, context)])), GITHUB_OUTPUT: githubOutput };
    } catch (e) {
      record(group, step.name, 0, `cannot evaluate the step: ${e.message}`);
      failedStep = step.name;
      continue;
    }
    if (!runIt) {
      record(group, step.name, 0, `its condition \`${step.if}\` is false here: the rehearsal has nothing to publish`);
      failedStep = step.name;
      continue;
    }
    // Publishing goes to the loopback registries; that is all the rehearsal adds.
    if (/\bpublib-npm\b/.test(step.run)) Object.assign(env, { NPM_REGISTRY: `127.0.0.1:${verdaccioPort}`, DISABLE_HTTPS: 'true' });
    if (/\bpublib-pypi\b/.test(step.run)) {
      Object.assign(env, { TWINE_REPOSITORY_URL: pypiUrl });
      // Its `pip install --user twine` goes to HOME, the temporary folder: allowed on a Python that refuses it by default.
      if (m.externallyManaged) env.PIP_BREAK_SYSTEM_PACKAGES = '1';
    }
    log(`release.yml step "${step.name}": ${step.run.split('\n')[0]}${step.run.includes('\n') ? ' ...' : ''}`);
    const r = await run(step.run, { cwd: clone, env, logFile: path.join(logs, 'release-steps.log') });
    const failure = r.code === 0 ? undefined : `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}`;
    const outputs = {};
    if (step.id) {
      for (const line of fs.readFileSync(githubOutput, 'utf-8').split('\n')) {
        const at = line.indexOf('=');
        if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
      }
      context.steps[step.id] = { outputs };
      fs.writeFileSync(githubOutput, '');
    }
    const noVersion = failure && !interrupted && !fs.existsSync(path.join(clone, 'dist', 'version.txt'));
    if (step.id === 'version' && !again && bumpAt >= 0 && bumpAt < i && (noVersion || (!failure && outputs.release !== 'true'))) {
      const why = noVersion ? 'the bump wrote no version: HEAD is a release commit' : `${outputs.tag} is tagged already: no releasable commit since it`;
      record(group, `${step.name}: nothing to release from HEAD (${why}); again with an empty "fix: rehearse a release" commit on top`, (Date.now() - t0) / 1000, undefined, r.output);
      const commit = await run(['git', 'commit', '--quiet', '--allow-empty', '-m', 'fix: rehearse a release'], { cwd: clone, env: baseEnv });
      if (commit.code !== 0) {
        record(group, 'git commit --allow-empty -m "fix: rehearse a release"', 0, `exit ${commit.code}`, commit.output);
        failedStep = step.name;
        continue;
      }
      again = true;
      state.again = why;
      context.steps = {};
      i = bumpAt - 1;
      continue;
    }
    record(group, step.name, (Date.now() - t0) / 1000, failure, r.output);
    if (failure) failedStep = step.name;
  }
  const version = context.steps.version && context.steps.version.outputs.version;
  state.version = version;
  if (failedStep || !version) {
    if (!failedStep) record('release.yml', 'the version', 0, 'the step with id "version" wrote no version to GITHUB_OUTPUT');
    return;
  }
  log(`version ${version}`);
  await checkRelease(clone, origin, version, baseEnv, { verdaccioUrl, pypiUrl });
  await consumers(clone, version, baseEnv, m, { verdaccioUrl, pypiUrl, logs });
  await installSection(clone, version, baseEnv, m, { verdaccioUrl, pypiUrl, logs });
}

/** What the release left: the changelog, the release commit and tag in origin, the registries' contents. */
async function checkRelease(clone, origin, version, baseEnv, { verdaccioUrl, pypiUrl }) {
  const { FLAVOURS } = require(path.join(clone, 'scripts', 'flavours'));
  await check('release', `dist/changelog.md exists and names ${version}`, () => {
    const file = path.join(clone, 'dist', 'changelog.md');
    if (!fs.existsSync(file)) return { failure: 'dist/changelog.md was not written' };
    const text = fs.readFileSync(file, 'utf-8');
    if (!new RegExp(`^##+ \\[?${version.replace(/\./g, '\\.')}\\]?`, 'm').test(text)) return { failure: `dist/changelog.md has no heading for ${version}`, output: text };
    return undefined;
  });
  await check('release', `origin has v${version} on "chore(release): ${version}", with CHANGELOG.md naming it, on main`, () => {
    const git = (...args) => spawnSync('git', args, { cwd: origin, encoding: 'utf-8' });
    const tag = git('rev-parse', '--verify', '--quiet', `refs/tags/v${version}^{commit}`).stdout.trim();
    if (!tag) return { failure: `no tag v${version} in origin` };
    const main = git('rev-parse', 'refs/heads/main').stdout.trim();
    if (main !== tag) return { failure: `main (${main}) is not the tagged commit (${tag})` };
    const subject = git('log', '-1', '--format=%s', tag).stdout.trim();
    if (subject !== `chore(release): ${version}`) return { failure: `the tagged commit is "${subject}"` };
    const changelog = git('show', `${tag}:CHANGELOG.md`);
    if (changelog.status !== 0 || !changelog.stdout.includes(version)) return { failure: `CHANGELOG.md of the release commit does not name ${version}`, output: changelog.stdout + changelog.stderr };
    const pkg = JSON.parse(git('show', `${tag}:package.json`).stdout);
    if (pkg.version !== '0.0.0') return { failure: `the release commit's package.json holds ${pkg.version}, not 0.0.0 (unbump)` };
    return undefined;
  });
  for (const flavour of Object.values(FLAVOURS)) {
    await check('registry', `npm view ${flavour.npmName}@${version} version (Verdaccio)`, async () => {
      const r = await run(['npm', 'view', `${flavour.npmName}@${version}`, 'version', '--registry', verdaccioUrl], { env: { ...baseEnv, NPM_CONFIG_REGISTRY: verdaccioUrl, npm_config_userconfig: path.join(WORK, 'consumer.npmrc') } });
      if (r.code !== 0 || r.output.trim() !== version) return { failure: `npm view answered ${JSON.stringify(r.output.trim())} (exit ${r.code})`, output: r.output };
      return undefined;
    });
    await check('registry', `${flavour.pythonDist || flavour.npmName} ${version} on the package index (pypiserver)`, async () => {
      const dist = (flavour.pythonDist || flavour.npmName).toLowerCase();
      const page = await request(`${pypiUrl}simple/${dist}/`);
      const wheel = `${dist.replace(/-/g, '_')}-${version}-py3-none-any.whl`;
      if (page.status !== 200 || !page.body.includes(wheel)) return { failure: `simple/${dist}/ (${page.status}) does not list ${wheel}`, output: page.body };
      return undefined;
    });
  }
}

/** The fresh projects: install by name and version from the loopback registries, run the quick start. */
async function consumers(clone, version, baseEnv, m, { verdaccioUrl, pypiUrl, logs }) {
  const { FLAVOURS, node22 } = require(path.join(clone, 'scripts', 'flavours'));
  const consumerNpmrc = path.join(WORK, 'consumer.npmrc');
  fs.writeFileSync(consumerNpmrc, `registry=${verdaccioUrl}\n`);
  for (const c of CONSUMERS) {
    const flavour = FLAVOURS[c.flavour];
    const name = c.language === 'ts' ? flavour.npmName : (flavour.pythonDist || flavour.npmName);
    const dir = path.join(WORK, 'consumers', c.name.replace('/', '-'));
    fs.mkdirSync(dir, { recursive: true });
    const logFile = path.join(logs, `${c.name.replace('/', '-')}.log`);
    const node = c.node22 ? node22() : process.execPath;
    const group = `consumer ${c.name}`;
    if (!node) {
      record(group, 'Node.js 22', 0, 'tools/cdktn of the clone has no Node.js 22');
      continue;
    }
    // The quick start makes its virtualenv with `python3`: PYTHON's, first on PATH.
    const pythonBin = fs.mkdtempSync(path.join(WORK, 'python-'));
    fs.symlinkSync(spawnSync(PYTHON, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf-8' }).stdout.trim(), path.join(pythonBin, 'python3'));
    const env = {
      ...baseEnv,
      PATH: `${pythonBin}:${path.dirname(node)}:${baseEnv.PATH}`,
      NPM_CONFIG_REGISTRY: verdaccioUrl,
      npm_config_userconfig: consumerNpmrc,
      PIP_INDEX_URL: `${pypiUrl}simple/`,
      PIP_EXTRA_INDEX_URL: m.pipIndex,
      PIP_REPORT: path.join(dir, 'webhooks', 'pip-report.json'),
    };
    const project = path.join(dir, 'webhooks');
    let ok = await check(group, `README quick start "${c.flavour} + ${c.language === 'ts' ? 'TypeScript' : 'Python'}", ${name} pinned to ${version}`, async () => {
      const r = await run(quickStart(clone, c, name, version, project), { cwd: dir, env, logFile });
      return r.code === 0 ? undefined : { failure: lastLines(r.output, 1) || `exit ${r.code}`, output: r.output };
    });
    if (!ok) continue;
    const commands = fs.readFileSync(path.join(project, 'quickstart.sh'), 'utf-8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    // The commands as written, in one shell (a virtualenv's `activate` holds for the commands after it).
    ok = await check(group, `$ ${commands.join(' && ')}`, async () => {
      const r = await run(['bash', '-c', 'set -ex; . ./quickstart.sh'], { cwd: project, env, logFile });
      return r.code === 0 ? undefined : { failure: `exit ${r.code}: ${lastLines(r.output, 1)}`, output: r.output };
    });
    if (!ok) continue;
    await checkInstalled(group, c, project, name, version, verdaccioUrl, pypiUrl, flavour);
    await check(group, `cdk.tf.json: the quick start's connection, aws provider ${c.aws}`, async () => {
      const r = await run([process.execPath, path.join(clone, 'test', 'consumers', 'check.js'), 'verify', path.join(project, 'cdktf.out', 'stacks', 'webhooks', 'cdk.tf.json'), c.aws], { cwd: project, env, logFile });
      return r.code === 0 ? undefined : { failure: lastLines(r.output, 1), output: r.output };
    });
  }
}

/**
 * The README's "## Install" lines (npm and pip, every flavour and provider binding), each in a
 * fresh folder with the library pinned to the rehearsed version: npm in full (`npm init -y`, the
 * line); pip in a fresh virtualenv with `--dry-run` (pip resolves and downloads every requirement
 * but installs nothing: the full install of the provider bindings is the quick starts' part).
 */
async function installSection(clone, version, baseEnv, m, { verdaccioUrl, pypiUrl, logs }) {
  const { FLAVOURS, node22 } = require(path.join(clone, 'scripts', 'flavours'));
  const { installLines } = require(path.join(clone, 'test', 'consumers', 'check.js'));
  const consumerNpmrc = path.join(WORK, 'consumer.npmrc');
  let lines;
  const found = await check('README install lines', 'the npm and pip install lines of "## Install"', () => {
    lines = installLines(path.join(clone, 'README.md'));
    return undefined;
  });
  if (!found) return;
  for (const [i, { line, flavour, language }] of lines.entries()) {
    const name = language === 'ts' ? FLAVOURS[flavour].npmName : FLAVOURS[flavour].pythonDist;
    const spec = language === 'ts' ? `${name}@${version}` : `${name}==${version}`;
    const pinned = line.split(' ').map((w) => (w === name ? spec : w)).join(' ');
    const dir = path.join(WORK, 'install-lines', String(i + 1));
    fs.mkdirSync(dir, { recursive: true });
    const node = flavour === 'cdktn' ? node22() : process.execPath;
    const env = {
      ...baseEnv,
      PATH: `${path.dirname(node || process.execPath)}:${baseEnv.PATH}`,
      NPM_CONFIG_REGISTRY: verdaccioUrl,
      npm_config_userconfig: consumerNpmrc,
      PIP_INDEX_URL: `${pypiUrl}simple/`,
      PIP_EXTRA_INDEX_URL: m.pipIndex,
    };
    const command = language === 'ts'
      ? `npm init -y > /dev/null && ${pinned}`
      : `${PYTHON} -m venv .venv && . .venv/bin/activate && ${pinned} --dry-run`;
    await check('README install lines', `$ ${pinned}${language === 'ts' ? '' : ' --dry-run'}`, async () => {
      const r = await run(command, { cwd: dir, env, logFile: path.join(logs, `install-line-${i + 1}.log`) });
      if (r.code !== 0) return { failure: `exit ${r.code}: ${lastLines(r.output, 1)}`, output: r.output };
      if (language === 'ts') {
        const installed = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf-8')).version;
        if (installed !== version) return { failure: `node_modules/${name} is ${installed}` };
      } else if (!r.output.includes(`${name}-${version}`)) {
        return { failure: `pip would not install ${name} ${version}`, output: r.output };
      }
      return undefined;
    });
  }
}

async function checkInstalled(group, c, dir, name, version, verdaccioUrl, pypiUrl, flavour) {
  if (c.language === 'ts') {
    // The origin is the tarball's hash: the lock's `integrity` is that of the tarball Verdaccio
    // serves for the rehearsed version, which exists nowhere else. (The lock's `resolved` is not
    // read: npm leaves it out under omit-lockfile-registry-resolved, a user setting.)
    await check(group, `${name} ${version} installed from Verdaccio (its tarball's integrity), its jsii assembly ${version}`, async () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf-8'));
      if (pkg.version !== version) return { failure: `node_modules/${name}/package.json holds ${pkg.version}` };
      const jsii = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, '.jsii'), 'utf-8'));
      if (jsii.version !== version || jsii.name !== name) return { failure: `node_modules/${name}/.jsii is ${jsii.name}@${jsii.version}` };
      const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf-8'));
      const locked = lock.packages[`node_modules/${name}`] || {};
      const page = await request(`${verdaccioUrl}${name}`);
      const served = page.status === 200 ? ((JSON.parse(page.body).versions || {})[version] || {}).dist : undefined;
      if (!served || !served.integrity) return { failure: `Verdaccio has no ${name}@${version} (${page.status})`, output: page.body };
      if (locked.integrity !== served.integrity) {
        return { failure: `package-lock.json records ${name} with integrity ${locked.integrity || 'none'}, not that of Verdaccio's tarball (${served.integrity})` };
      }
      if (locked.resolved && !locked.resolved.startsWith(verdaccioUrl)) return { failure: `package-lock.json resolves ${name} to ${locked.resolved}, not Verdaccio (${verdaccioUrl})` };
      return undefined;
    });
    return;
  }
  await check(group, `${name} ${version} installed from pypiserver, its jsii assembly ${version}`, () => {
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'pip-report.json'), 'utf-8'));
    const item = report.install.find((i) => i.metadata.name.toLowerCase() === name.toLowerCase());
    if (!item) return { failure: `pip's report has no ${name}` };
    if (item.metadata.version !== version) return { failure: `pip installed ${name} ${item.metadata.version}` };
    if (!item.download_info.url.startsWith(pypiUrl)) return { failure: `pip downloaded ${name} from ${item.download_info.url}, not pypiserver (${pypiUrl})` };
    const py = path.join(dir, '.venv', 'bin', 'python');
    const meta = spawnSync(py, ['-c', [
      // From the installed files' record, without importing the package (that starts the jsii runtime).
      'import importlib.metadata as m, sys',
      'print(m.version(sys.argv[1]))',
      'print(" ".join(sorted(f.name for f in m.files(sys.argv[1]) if f.parent.parent.name == sys.argv[2] and f.name.endswith(".jsii.tgz"))))',
    ].join('\n'), name, flavour.pythonModule], { encoding: 'utf-8' });
    if (meta.status !== 0) return { failure: 'importlib.metadata / the _jsii module could not be read', output: meta.stderr };
    const [installed, assemblies] = meta.stdout.trim().split('\n');
    if (installed !== version) return { failure: `importlib.metadata.version says ${installed}` };
    if (assemblies !== `${flavour.npmName}@${version}.jsii.tgz`) return { failure: `the wheel's jsii assembly is ${assemblies}, not ${flavour.npmName}@${version}.jsii.tgz` };
    return undefined;
  });
}

async function main() {
  // No report from an earlier run is left, also when this one is skipped.
  fs.rmSync(REPORT, { force: true });
  const missing = preconditions();
  if (missing) {
    console.log(`SKIPPED: ${missing}`);
    return 0;
  }
  const started = Date.now();
  WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'release-rehearsal.'));
  log(`working in ${WORK}`);
  const before = { git: gitStatus(), home: homeFiles(), version: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).version };
  const state = {};
  const onSignal = (signal) => {
    interrupted = signal;
    log(`${signal}: stopping`);
    if (current) killGroup(current.pid, 'SIGTERM');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await rehearse(state);
  } catch (e) {
    record('rehearsal', 'the rehearsal ran to its end', 0, e.message.split('\n')[0], e.stack);
  } finally {
    const t0 = Date.now();
    const left = await stopServers();
    record('cleanup', 'the registries are stopped: no process left in their process groups, their ports closed', (Date.now() - t0) / 1000,
      left.length ? left.join('; ') : undefined);
  }
  await check('cleanup', 'the working tree is as it was (git status, package.json version) and HOME untouched (~/.npmrc, ~/.pypirc, ~/.gitconfig)', () => {
    const after = { git: gitStatus(), home: homeFiles(), version: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).version };
    const changed = ['git', 'home', 'version'].filter((k) => after[k] !== before[k]);
    if (changed.length) return { failure: `changed: ${changed.join(', ')}`, output: changed.map((k) => `${k} before:\n${before[k]}\n${k} after:\n${after[k]}`).join('\n') };
    return undefined;
  });
  if (process.env.KEEP === '1') log(`kept ${WORK} (logs in ${path.join(WORK, 'logs')})`);
  else {
    // rm -rf is about twice as fast as fs.rmSync on the clone's node_modules; fs.rmSync if it fails.
    const t0 = Date.now();
    if (spawnSync('rm', ['-rf', WORK]).status !== 0 || fs.existsSync(WORK)) fs.rmSync(WORK, { recursive: true, force: true });
    log(`removed ${WORK} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  writeReport();
  const failed = cases.filter((c) => c.failure);
  const seconds = (Date.now() - started) / 1000;
  log(`${cases.length - failed.length - cases.filter((c) => c.skipped).length} passed, ${failed.length} failed, ${cases.filter((c) => c.skipped).length} not rehearsed`
    + `${state.version ? `; version ${state.version}` : ''}; ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s (${path.relative(ROOT, REPORT)})`);
  for (const f of failed) log(`FAILED ${f.group}: ${f.name}: ${f.failure}`);
  if (interrupted) return 130;
  return failed.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  stopServers().finally(() => process.exit(1));
});
