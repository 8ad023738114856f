#!/usr/bin/env node
/*
 * Lints the GitHub Actions workflows (.github/workflows/*.yml, generated from
 * projenrc/workflows.ts) with actionlint, the actionlint step of scripts/test-all.js.
 *
 *   node scripts/actionlint.js
 *
 * actionlint v1.7.12 is installed with `GOBIN=build/tools/actionlint-1.7.12 go install ...`
 * into the ignored build/ (not the user's GOPATH/bin) the first time; ACTIONLINT=<binary> uses
 * another one. Without Go (and without ACTIONLINT) it prints `SKIPPED: <reason>` and exits 0.
 * actionlint runs shellcheck on every `run:` script when shellcheck is on PATH; without it the
 * scripts are not checked, which the output says.
 *
 * Writes test-reports/actionlint-junit.xml: one test case per workflow file, failed with its
 * findings. Exit status: 0 without findings, 1 with any finding or when actionlint cannot run.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { writeJUnit } = require('./junit');

const ROOT = path.resolve(__dirname, '..');
const VERSION = '1.7.12';
const MODULE = `github.com/rhysd/actionlint/cmd/actionlint@v${VERSION}`;
const BIN_DIR = path.join(ROOT, 'build', 'tools', `actionlint-${VERSION}`);
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const REPORT = path.join(ROOT, 'test-reports', 'actionlint-junit.xml');

function onPath(command) {
  return spawnSync('bash', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The actionlint binary, installed when missing; undefined (after printing SKIPPED) without Go. */
function actionlint() {
  if (process.env.ACTIONLINT) return process.env.ACTIONLINT;
  const bin = path.join(BIN_DIR, 'actionlint');
  if (fs.existsSync(bin)) return bin;
  if (!onPath('go')) {
    console.log(`SKIPPED: Go is not installed (needed to install actionlint v${VERSION}; or set ACTIONLINT=<binary>)`);
    return undefined;
  }
  console.log(`[actionlint] installing ${MODULE} into ${path.relative(ROOT, BIN_DIR)}`);
  const install = spawnSync('go', ['install', MODULE], { stdio: 'inherit', env: { ...process.env, GOBIN: BIN_DIR } });
  if (install.status !== 0 || !fs.existsSync(bin)) {
    console.error(`[actionlint] error: go install ${MODULE} failed`);
    process.exit(1);
  }
  return bin;
}

function main() {
  const files = fs.existsSync(WORKFLOWS)
    ? fs.readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join('.github', 'workflows', f))
    : [];
  if (files.length === 0) {
    console.error('[actionlint] error: no workflow under .github/workflows (run `npx projen`)');
    return 1;
  }
  const bin = actionlint();
  if (!bin) return 0;
  const version = spawnSync(bin, ['-version'], { encoding: 'utf-8' }).stdout.split('\n')[0];
  console.log(`[actionlint] ${version} on ${files.join(' ')}`);
  if (!onPath('shellcheck')) {
    console.log('[actionlint] shellcheck is not on PATH: the run: scripts are not checked by shellcheck');
  }
  const run = spawnSync(bin, ['-format', '{{json .}}', ...files], { cwd: ROOT, encoding: 'utf-8' });
  // actionlint: 0 = no finding, 1 = findings, 2 = bad invocation, 3 = fatal error.
  if (run.status !== 0 && run.status !== 1) {
    process.stderr.write(run.stderr || run.stdout || '');
    console.error(`[actionlint] error: actionlint exited ${run.status}`);
    return 1;
  }
  const findings = JSON.parse(run.stdout.trim() || '[]');
  const byFile = new Map(files.map((f) => [f, []]));
  for (const f of findings) {
    const line = `${f.filepath}:${f.line}:${f.column}: ${f.message} [${f.kind}]`;
    console.log(line);
    (byFile.get(f.filepath) || byFile.set(f.filepath, []).get(f.filepath)).push(line);
  }
  writeJUnit(REPORT, 'actionlint', [...byFile].map(([file, lines]) => ({
    classname: 'actionlint',
    name: file,
    failure: lines.length ? { message: `${lines.length} finding(s)`, text: lines.join('\n') } : undefined,
  })));
  console.log(`[actionlint] ${findings.length} finding(s) in ${files.length} workflow file(s)`);
  return findings.length ? 1 : 0;
}

process.exit(main());
