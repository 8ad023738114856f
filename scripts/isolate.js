#!/usr/bin/env node
/*
 * The environment of a suite that installs packages as a new user would, whatever the
 * configuration of the person or machine running it: the suites that check what a user gets
 * (test/consumers, test/release) run npm, pip and git in it.
 *
 * From the runner's configuration it keeps only where the registries are and how to reach
 * them (npm's registry and CA file, pip's index, certificate bundle and timeout) and the download
 * caches; everything else stays out:
 *   - every npm_config_* variable (`npm run` passes the user's whole npm configuration to its
 *     children that way: omit-lockfile-registry-resolved, ignore-scripts, ...), and npm's
 *     user and global configuration files (npm_config_userconfig and npm_config_globalconfig
 *     name the files written here);
 *     the registry is given as the variable NPM_CONFIG_REGISTRY, not in a file: npm hands a
 *     registry read from a file to the processes it starts as `npm_config_registry`, which
 *     then wins over a tool's own `export NPM_CONFIG_REGISTRY=...` (publib-npm's, run by
 *     `npx`, would publish to the machine's registry), whereas one read from the environment
 *     it leaves as it is;
 *   - every PIP_* variable and pip's user and global configuration files (PIP_CONFIG_FILE
 *     names the file written here);
 *   - every GIT_* variable and git's user and system configuration (HOME is the given folder,
 *     GIT_CONFIG_NOSYSTEM=1).
 *
 *   const { machineSettings, isolatedEnv } = require('./scripts/isolate');
 *   const env = isolatedEnv(home, machineSettings());
 *
 *   eval "$(node scripts/isolate.js --shell "$HOME_FOR_THE_SUITE")"   # from bash
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

/** Variables that carry a user's npm, pip or git configuration into a child process. */
const CONFIG_VARIABLE = /^(npm_config_|npm_package_|npm_lifecycle_|PIP_|GIT_)/i;

/**
 * Where the registries are, read from the runner's configuration (before it is shut out), and
 * the caches to keep using: { npmRegistry, cafile, npmCache, pipIndex, pipCert, pipTimeout, pipCache }.
 */
function machineSettings(env = process.env, python = process.env.PYTHON || 'python3') {
  const npmGet = (key) => spawnSync('npm', ['config', 'get', key], { encoding: 'utf-8', env }).stdout.trim();
  const pipGet = (key) => spawnSync(python, ['-m', 'pip', 'config', 'get', key], { encoding: 'utf-8', env }).stdout.trim();
  const value = (v) => (v && v !== 'null' && v !== 'undefined' ? v : undefined);
  return {
    npmRegistry: value(npmGet('registry')) || 'https://registry.npmjs.org/',
    cafile: value(npmGet('cafile')),
    npmCache: value(npmGet('cache')),
    pipIndex: env.PIP_INDEX_URL || value(pipGet('global.index-url')) || 'https://pypi.org/simple',
    pipCert: env.PIP_CERT || value(pipGet('global.cert')),
    pipTimeout: env.PIP_DEFAULT_TIMEOUT || value(pipGet('global.timeout')),
    pipCache: value(spawnSync(python, ['-m', 'pip', 'cache', 'dir'], { encoding: 'utf-8', env }).stdout.trim()),
  };
}

/**
 * `env` (default: this process's) without the configuration variables above, with HOME =
 * `home` (created), NPM_CONFIG_REGISTRY, and the configuration files written there: .npmrc
 * (cafile), pip.conf (index-url, cert, timeout), an empty npm global configuration.
 */
function isolatedEnv(home, settings, env = process.env) {
  fs.mkdirSync(home, { recursive: true });
  const npmrc = path.join(home, '.npmrc');
  fs.writeFileSync(npmrc, settings.cafile ? `cafile=${settings.cafile}\n` : '');
  const globalNpmrc = path.join(home, 'global.npmrc');
  fs.writeFileSync(globalNpmrc, '');
  const pipConf = path.join(home, 'pip.conf');
  fs.writeFileSync(pipConf, [
    '[global]',
    `index-url = ${settings.pipIndex}`,
    ...(settings.pipCert ? [`cert = ${settings.pipCert}`] : []),
    ...(settings.pipTimeout ? [`timeout = ${settings.pipTimeout}`] : []),
    '',
  ].join('\n'));
  const kept = Object.fromEntries(Object.entries(env).filter(([k]) => !CONFIG_VARIABLE.test(k)));
  return {
    ...kept,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    NPM_CONFIG_REGISTRY: settings.npmRegistry,
    npm_config_userconfig: npmrc,
    npm_config_globalconfig: globalNpmrc,
    ...(settings.npmCache ? { npm_config_cache: settings.npmCache } : {}),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    PIP_CONFIG_FILE: pipConf,
    ...(settings.pipCache ? { PIP_CACHE_DIR: settings.pipCache } : {}),
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    GIT_CONFIG_NOSYSTEM: '1',
  };
}

module.exports = { CONFIG_VARIABLE, machineSettings, isolatedEnv };

if (require.main === module) {
  const [flag, home] = process.argv.slice(2);
  if (flag !== '--shell' || !home) {
    process.stderr.write('usage: node scripts/isolate.js --shell HOME_DIR   (prints the export and unset lines for bash)\n');
    process.exit(2);
  }
  const env = isolatedEnv(path.resolve(home), machineSettings());
  const quote = (v) => `'${String(v).replace(/'/g, "'\\''")}'`;
  const lines = Object.keys(process.env).filter((k) => !(k in env)).map((k) => `unset ${k}`);
  for (const [k, v] of Object.entries(env)) if (process.env[k] !== v) lines.push(`export ${k}=${quote(v)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
