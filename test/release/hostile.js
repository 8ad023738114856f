#!/usr/bin/env node
/*
 * The release rehearsal (rehearse.js) run by a user whose own configuration would break it if
 * any of it reached the rehearsal's commands: what `npm run test:all` runs as its `release`
 * step, so that every run proves the rehearsal depends on nothing of the runner's but where the
 * registries are (scripts/isolate.js).
 *
 *   node test/release/hostile.js
 *
 * The hostile user, in a temporary HOME:
 *   ~/.npmrc      omit-lockfile-registry-resolved, ignore-scripts, package-lock=false,
 *                 install-strategy=nested, engine-strict, and as the registry a loopback proxy
 *                 of the machine's registry (another default registry, one that works);
 *   npm_config_*  the same settings as variables, as `npm run` hands them to its children;
 *   pip.conf      index-url a loopback proxy of the machine's index, require-virtualenv,
 *                 user = true, no-compile;
 *   PIP_*         PIP_REQUIRE_VIRTUALENV, PIP_USER;
 *   ~/.gitconfig  commit and tag signing required, another default branch, a hooks path that
 *                 does not exist.
 * The npm and pip caches are the machine's (set in those files, as a user would), so nothing is
 * downloaded twice. The proxies count what they forwarded; the run ends with one `NOTE: ` line
 * saying so, and exits with rehearse.js's status.
 */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const https = require('https');
const os = require('os');
const path = require('path');
const { machineSettings } = require('../../scripts/isolate');

const ROOT = path.resolve(__dirname, '..', '..');

/** A loopback HTTP proxy of `upstream` (an origin): resolves to { url, count(), close() }. */
function forwardingProxy(upstream) {
  const target = new URL(upstream);
  const client = target.protocol === 'https:' ? https : http;
  let forwarded = 0;
  const server = http.createServer((req, res) => {
    forwarded++;
    const headers = { ...req.headers, host: target.host };
    const out = client.request({ protocol: target.protocol, host: target.hostname, port: target.port || undefined, method: req.method, path: req.url, headers }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    out.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${e.message}`);
    });
    req.pipe(out);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    count: () => forwarded,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
  })));
}

async function main() {
  const machine = machineSettings();
  const npmUpstream = new URL(machine.npmRegistry);
  const pipUpstream = new URL(machine.pipIndex);
  const npmProxy = await forwardingProxy(npmUpstream.origin);
  const pipProxy = await forwardingProxy(pipUpstream.origin);
  const registry = `${npmProxy.url}${npmUpstream.pathname}`;
  const index = `${pipProxy.url}${pipUpstream.pathname}`;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-home.'));
  const gitHooks = path.join(home, 'no-such-hooks');
  fs.writeFileSync(path.join(home, '.npmrc'), [
    `registry=${registry}`,
    ...(machine.cafile ? [`cafile=${machine.cafile}`] : []),
    ...(machine.npmCache ? [`cache=${machine.npmCache}`] : []),
    'omit-lockfile-registry-resolved=true',
    'ignore-scripts=true',
    'package-lock=false',
    'install-strategy=nested',
    'engine-strict=true',
    '',
  ].join('\n'));
  fs.mkdirSync(path.join(home, '.config', 'pip'), { recursive: true });
  fs.writeFileSync(path.join(home, '.config', 'pip', 'pip.conf'), [
    '[global]',
    `index-url = ${index}`,
    ...(machine.pipCert ? [`cert = ${machine.pipCert}`] : []),
    ...(machine.pipCache ? [`cache-dir = ${machine.pipCache}`] : []),
    'require-virtualenv = true',
    'no-compile = true',
    '[install]',
    'user = true',
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(home, '.gitconfig'), [
    '[commit]', '\tgpgsign = true',
    '[tag]', '\tgpgSign = true',
    '[init]', '\tdefaultBranch = trunk',
    '[core]', `\thooksPath = ${gitHooks}`,
    '',
  ].join('\n'));
  const env = {
    ...process.env,
    HOME: home,
    npm_config_userconfig: path.join(home, '.npmrc'),
    npm_config_registry: registry,
    npm_config_omit_lockfile_registry_resolved: 'true',
    npm_config_ignore_scripts: 'true',
    npm_config_package_lock: 'false',
    npm_config_engine_strict: 'true',
    PIP_REQUIRE_VIRTUALENV: 'true',
    PIP_USER: '1',
  };
  console.log(`[hostile] HOME=${home}: npm registry ${registry} (a proxy of ${machine.npmRegistry}), pip index ${index} (a proxy of ${machine.pipIndex})`);
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'rehearse.js')], { cwd: ROOT, env, stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('close', (c) => resolve(c ?? 1));
  });
  await npmProxy.close();
  await pipProxy.close();
  fs.rmSync(home, { recursive: true, force: true });
  console.log(`NOTE: rehearsed under a hostile user configuration (npm: omit-lockfile-registry-resolved, ignore-scripts, package-lock=false, engine-strict; pip: require-virtualenv, user; git: signing); its registry proxies forwarded ${npmProxy.count()} npm and ${pipProxy.count()} pip requests`);
  return code;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(1);
});
