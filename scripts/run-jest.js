#!/usr/bin/env node
/*
 * Runs the jest suite for one entry of the test matrix (FLAVOUR, see flavours.js):
 *
 *   FLAVOUR=cdktn node scripts/run-jest.js [jest arguments]
 *
 * The tests are written against `cdktf` and `@cdktf/provider-aws`; for another entry jest maps
 * those module names to the entry's packages (`--moduleNameMapper`), runs on the entry's
 * Node.js (Node 22 for cdktn, from tools/cdktn) and writes its JUnit report to
 * test-reports/junit-<entry>.xml. The entry's build must exist (build-flavour.js).
 *
 *   NODE_MAJOR=26 FLAVOUR=cdktf node scripts/run-jest.js [jest arguments]
 *
 * runs it on another Node.js line of the compatibility table (22 from tools/cdktn, 24 and 26
 * from tools/node); the report is then test-reports/junit-<entry>-node<major>.xml.
 *
 *   NODE_MAJOR=26 FLAVOUR=cdktf node scripts/run-jest.js --every-node-line
 *
 * runs only the test files whose result can depend on the Node.js line: those whose header
 * comment holds the tag `@every-node-line` followed by why (everyNodeLineFiles()). That is
 * what `test:all` runs on the lines other than an entry's own.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ROOT, currentTarget, jestModuleNameMapper, nodeFor } = require('./flavours');

const TAG = /^\s*\*\s*@every-node-line\b\s*(.*)$/m;

/**
 * The test files marked `@every-node-line` in their header comment (the comment before the
 * first import), with the reason the tag gives: { file (relative to the root), why }.
 */
function everyNodeLineFiles(root = ROOT) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(file);
      else if (entry.isFile() && entry.name.endsWith('.test.ts')) {
        const text = fs.readFileSync(file, 'utf-8');
        const header = text.slice(0, Math.max(0, text.search(/^(import|const|describe|test)\b/m)));
        const m = header.match(TAG);
        if (m) found.push({ file: path.relative(root, file), why: m[1].replace(/^[:\s]+/, '').trim() });
      }
    }
  };
  walk(path.join(root, 'test'));
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

/** Runs jest for FLAVOUR (and NODE_MAJOR) with the arguments given; exits with its status. */
function main() {
  const target = currentTarget();
  if (!fs.existsSync(path.join(target.libDir, 'index.js'))) {
    process.stderr.write(`[run-jest] ${path.relative(ROOT, target.libDir)} is missing: run ` +
      `\`node scripts/build-flavour.js ${target.name}\` first\n`);
    process.exit(2);
  }
  let node;
  try {
    node = nodeFor(target);
  } catch (e) {
    process.stderr.write(`[run-jest] ${e.message}\n`);
    process.exit(2);
  }
  const report = `junit-${target.name}${process.env.NODE_MAJOR ? `-node${process.env.NODE_MAJOR}` : ''}.xml`;
  const args = [
    require.resolve('jest/bin/jest', { paths: [ROOT] }),
    '--ci',
    '--passWithNoTests',
    // Coverage is measured once, by the default run (`npx projen test`).
    '--coverage=false',
    '--moduleNameMapper', JSON.stringify(jestModuleNameMapper(target)),
    ...process.argv.slice(2).flatMap((arg) => (arg === '--every-node-line'
      ? ['--runTestsByPath', ...everyNodeLineFiles().map((f) => f.file)]
      : [arg])),
  ];
  process.stderr.write(`[run-jest] FLAVOUR=${target.name}: ${target.title}, Node ${
    spawnSync(node, ['-p', 'process.version'], { encoding: 'utf-8' }).stdout.trim()}\n`);
  const result = spawnSync(node, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      FLAVOUR: target.name,
      JEST_JUNIT_OUTPUT_NAME: report,
      JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
    },
  });
  process.exit(result.status ?? 1);
}

module.exports = { everyNodeLineFiles };
if (require.main === module) main();
