import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// scripts/junit.js writes the JUnit reports of the suites jest and pytest do not run (consumers,
// release rehearsal, actionlint); scripts/test-all.js counts their test cases.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { escapeXml, junitXml, writeJUnit } = require('../scripts/junit');

describe('scripts/junit.js', () => {
  test('writes passed, failed and skipped cases with the suite counts', () => {
    expect(junitXml('suite', [
      { classname: 'suite', name: 'one', seconds: 1.25 },
      { classname: 'suite.group', name: 'two', seconds: 2, failure: { message: 'exit 1', text: 'last lines' } },
      { classname: 'suite', name: 'three', skipped: 'needs GitHub' },
    ])).toBe([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites tests="3" failures="1" time="3.3">',
      '<testsuite name="suite" tests="3" failures="1" errors="0" skipped="1" time="3.3">',
      '  <testcase classname="suite" name="one" time="1.3"/>',
      '  <testcase classname="suite.group" name="two" time="2.0">',
      '    <failure message="exit 1">last lines</failure>',
      '  </testcase>',
      '  <testcase classname="suite" name="three">',
      '    <skipped message="needs GitHub"/>',
      '  </testcase>',
      '</testsuite>',
      '</testsuites>',
      '',
    ].join('\n'));
  });

  test('a case with a failure is a failure even with a skipped message; an empty skipped message is a pass', () => {
    const xml = junitXml('s', [
      { classname: 's', name: 'a', failure: { message: 'bad' }, skipped: 'also skipped' },
      { classname: 's', name: 'b', skipped: '' },
    ]);
    expect(xml).toContain('<testsuite name="s" tests="2" failures="1" errors="0" skipped="0" time="0.0">');
    expect(xml).toContain('  <testcase classname="s" name="a">\n    <failure message="bad"></failure>\n  </testcase>');
    expect(xml).toContain('  <testcase classname="s" name="b"/>');
  });

  test('escapes markup and drops the control characters XML 1.0 forbids', () => {
    expect(escapeXml('<a href="x">Tom & Jerry\'s</a>')).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
    expect(escapeXml('ok\u0000\u0007\u001b[31mred\ttab\nline\r')).toBe('ok[31mred\ttab\nline\r');
    const xml = junitXml('s', [{ classname: 's', name: 'a "quoted" <name>', failure: { message: 'x < y', text: '\u001b[1mbold & more' } }]);
    expect(xml).toContain('name="a &quot;quoted&quot; &lt;name&gt;"');
    expect(xml).toContain('<failure message="x &lt; y">[1mbold &amp; more</failure>');
  });

  test('writeJUnit creates the report directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'junit-'));
    try {
      const file = path.join(dir, 'test-reports', 'x-junit.xml');
      writeJUnit(file, 'x', [{ classname: 'x', name: 'only' }]);
      expect(fs.readFileSync(file, 'utf-8')).toBe(junitXml('x', [{ classname: 'x', name: 'only' }]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
