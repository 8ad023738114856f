#!/usr/bin/env node
/*
 * Prints one closing line for the whole test run, from every JUnit report the
 * suites write under test-reports/: jest (junit.xml for the default entry,
 * junit-<entry>.xml for the others), pytest for the Python bindings
 * (python-<flavour>-junit.xml), the deployment suite (deploy-<entry>-junit.xml)
 * and the consumer projects (consumers-junit.xml).
 */
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, '..', 'test-reports');
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.xml')).sort() : []) {
  const xml = fs.readFileSync(path.join(dir, file), 'utf-8');
  const count = { passed: 0, failed: 0, skipped: 0 };
  for (const chunk of xml.split(/<testcase\b/).slice(1)) {
    const open = chunk.slice(0, chunk.indexOf('>') + 1);
    const body = open.endsWith('/>') ? '' : chunk.slice(open.length, chunk.indexOf('</testcase>'));
    if (/<(failure|error)\b/.test(body)) count.failed++;
    else if (/<skipped\b/.test(body)) count.skipped++;
    else count.passed++;
  }
  lines.push(`  ${file}: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
  for (const k of Object.keys(totals)) totals[k] += count[k];
}

console.log('Test reports:');
console.log(lines.length ? lines.join('\n') : '  (none found)');
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || lines.length === 0 ? 1 : 0);
