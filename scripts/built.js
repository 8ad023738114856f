#!/usr/bin/env node
/*
 * Whether a built artifact is older than the sources it is built from, so that a test that
 * reads it fails with the command that rebuilds it instead of passing on a stale build.
 *
 *   const { staleArtifact } = require('./scripts/built');
 *   staleArtifact('jsii')                 // undefined, or the message to fail with
 *   node scripts/built.js wheel cdktn     // prints the message and exits 1 when stale
 *
 * The artifacts, per matrix entry (scripts/flavours.js):
 *   jsii     .jsii, the assembly (cdktf only)          npx projen compile
 *   lib      the entry's compiled library              npx projen compile / compile:<entry>
 *   wheel    the entry's Python wheel                  npx projen package:python / package:cdktn
 *   tarball  the entry's npm tarball                   npx projen package:js / package:cdktn
 *
 * "Older" compares modification times: the artifact's against the newest file under src/.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { ROOT, TARGETS, currentTarget } = require('./flavours');

/** The newest modification time (ms) and file under `dir` (default src/). */
function newestSource(dir = path.join(ROOT, 'src')) {
  let newest = { mtime: 0, file: undefined };
  const visit = (file) => {
    const st = fs.statSync(file);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(file)) visit(path.join(file, name));
    } else if (st.mtimeMs > newest.mtime) {
      newest = { mtime: st.mtimeMs, file };
    }
  };
  visit(dir);
  return newest;
}

/** The file (or glob's single match) an artifact of an entry is, and the command that builds it. */
function artifact(kind, entry) {
  const t = currentTarget({ FLAVOUR: entry });
  const compile = entry === 'cdktf' ? 'npx projen compile' : `npx projen compile && npx projen ${TARGETS[entry].build}`;
  const pick = (dir, suffix) => {
    const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(suffix)) : [];
    return found.length === 1 ? path.join(dir, found[0]) : undefined;
  };
  switch (kind) {
    case 'jsii':
      return { file: path.join(ROOT, '.jsii'), build: 'npx projen compile' };
    case 'lib':
      return { file: path.join(t.libDir, 'index.js'), build: compile };
    case 'wheel':
      return { file: t.wheelDir && pick(t.wheelDir, '.whl'), dir: t.wheelDir, build: `npx projen compile && npx projen ${t.wheelBuild}` };
    case 'tarball': {
      const dir = entry === 'cdktf' ? path.join(ROOT, 'dist', 'js') : path.join(ROOT, 'dist', entry, 'js');
      return { file: pick(dir, '.tgz'), dir, build: entry === 'cdktf' ? 'npx projen compile && npx projen package:js' : `npx projen compile && npx projen ${t.wheelBuild}` };
    }
    default:
      throw new Error(`unknown artifact ${kind}: jsii, lib, wheel or tarball`);
  }
}

/**
 * Undefined when `file` exists and is at least as new as every file under `sources`; else the
 * message to fail with, naming `build`, the command that makes it. Paths in the message are
 * relative to `root`.
 */
function staleFile(file, build, { sources = path.join(ROOT, 'src'), root = ROOT } = {}) {
  if (!fs.existsSync(file)) return `${path.relative(root, file)} is missing: run \`${build}\``;
  const newest = newestSource(sources);
  if (fs.statSync(file).mtimeMs < newest.mtime) {
    return `${path.relative(root, file)} is older than ${path.relative(root, newest.file)}: the tests would read a stale build. Run \`${build}\``;
  }
  return undefined;
}

/**
 * Undefined when the artifact of `entry` (default: FLAVOUR's) exists and is at least as new as
 * every source; else the message a test should fail with, naming the command to run.
 */
function staleArtifact(kind, entry = currentTarget().name) {
  const a = artifact(kind, entry);
  if (!a.file) return `no single ${kind} in ${path.relative(ROOT, a.dir)}: run \`${a.build}\``;
  return staleFile(a.file, a.build);
}

/** Throws the staleArtifact() message, for a test file to call before it reads the artifact. */
function requireFresh(kind, entry) {
  const stale = staleArtifact(kind, entry);
  if (stale) throw new Error(stale);
}

module.exports = { staleArtifact, staleFile, requireFresh };

if (require.main === module) {
  const [kind, entry] = process.argv.slice(2);
  const stale = staleArtifact(kind, entry || undefined);
  if (stale) {
    process.stderr.write(`${stale}\n`);
    process.exit(1);
  }
}
