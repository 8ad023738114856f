'use strict';
/*
 * The JUnit XML report of the suites that are not run by jest or pytest (the
 * consumer projects, the release rehearsal, actionlint), in the form
 * scripts/test-all.js counts and CI shows:
 *
 *   const { writeJUnit } = require('./scripts/junit');
 *   writeJUnit('test-reports/x-junit.xml', 'x', [
 *     { classname: 'x', name: 'one', seconds: 1.5 },
 *     { classname: 'x', name: 'two', failure: { message: 'exit 1', text: 'the output' } },
 *     { classname: 'x', name: 'three', skipped: 'needs GitHub' },
 *   ]);
 */
const fs = require('fs');
const path = require('path');

/** Text for an XML attribute or element: the five markup characters escaped, the control characters XML 1.0 forbids removed. */
function escapeXml(text) {
  return String(text)
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;' }[c]))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/**
 * One `<testcase>`. A case is { classname, name, seconds?, failure?: { message, text? }, skipped?: message }:
 * failed when it has a failure, else skipped when it has a (non-empty) skipped message, else passed.
 */
function testCase(c) {
  const time = c.seconds === undefined ? '' : ` time="${Number(c.seconds).toFixed(1)}"`;
  const head = `  <testcase classname="${escapeXml(c.classname)}" name="${escapeXml(c.name)}"${time}`;
  if (c.failure) {
    return `${head}>\n    <failure message="${escapeXml(c.failure.message)}">${escapeXml(c.failure.text ?? '')}</failure>\n  </testcase>`;
  }
  if (c.skipped) return `${head}>\n    <skipped message="${escapeXml(c.skipped)}"/>\n  </testcase>`;
  return `${head}/>`;
}

/** The report of one suite, as text. */
function junitXml(suite, cases) {
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => !c.failure && c.skipped).length;
  const time = cases.reduce((t, c) => t + (Number(c.seconds) || 0), 0).toFixed(1);
  const counts = `tests="${cases.length}" failures="${failures}" time="${time}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${counts}>`,
    `<testsuite name="${escapeXml(suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}">`,
    ...cases.map(testCase),
    '</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** Writes the report of one suite to `file` (its directory created when missing). */
function writeJUnit(file, suite, cases) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, junitXml(suite, cases));
}

module.exports = { escapeXml, junitXml, writeJUnit };
