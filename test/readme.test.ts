/*
 * The README's quick starts, one per flavour and language, are what test/consumers/run.sh and
 * the release rehearsal run as written. Here: that the four say the same thing in their
 * flavour's words, pin the versions the tests run with, and that the cdktn package's README
 * keeps only its own.
 */
import * as fs from 'fs';
import * as path from 'path';
/* eslint-disable @typescript-eslint/no-require-imports */
const { quickStart, installLine, rewritePython } = require('./consumers/check');
const { flavourReadme } = require('../scripts/build-flavour');
const { FLAVOURS, rewriteSpecifiers } = require('../scripts/flavours');
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.join(__dirname, '..');
const README = path.join(ROOT, 'README.md');
const installed = (pkg: string) => JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`, { paths: [ROOT] }), 'utf-8')).version;

describe('README quick starts', () => {
  test.each([
    ['cdktf', 'ts', 'main.ts'], ['cdktf', 'python', 'app.py'], ['cdktn', 'ts', 'main.ts'], ['cdktn', 'python', 'app.py'],
  ])('%s + %s: commands, the file they save and a program that imports the flavour', (flavour, language, file) => {
    const quick = quickStart(README, language, flavour);
    expect(quick.file).toBe(file);
    expect(installLine(quick.script, language).split(' ')).toContain(language === 'ts' ? FLAVOURS[flavour].npmName : FLAVOURS[flavour].pythonDist);
    expect(quick.script).toContain(language === 'ts' ? `\nnode ${file.replace('.ts', '.js')}\n` : `\npython ${file}\n`);
  });

  test("the cdktn programs are the cdktf ones in cdktn's module names", () => {
    expect(quickStart(README, 'ts', 'cdktn').program).toBe(rewriteSpecifiers(quickStart(README, 'ts', 'cdktf').program, 'cdktn'));
    expect(quickStart(README, 'python', 'cdktn').program).toBe(rewritePython(quickStart(README, 'python', 'cdktf').program, 'cdktn'));
  });

  test('the install lines pin the versions the test suites run with', () => {
    // npm: the framework and binding versions the jest suites run with; constructs as in Python.
    expect(installLine(quickStart(README, 'ts', 'cdktf').script, 'ts').split(' ')).toEqual(expect.arrayContaining(
      [`cdktf@${installed('cdktf')}`, `@cdktf/provider-aws@${installed('@cdktf/provider-aws')}`, 'constructs@10.4.2']));
    expect(installLine(quickStart(README, 'ts', 'cdktn').script, 'ts').split(' ')).toEqual(expect.arrayContaining(
      [`cdktn@${installed('cdktn')}`, `@cdktn/provider-aws@${installed('@cdktn/provider-aws')}`, 'constructs@10.6.0']));
    // Python: the pins of the suites' virtualenvs, and of examples/python.
    const pins = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf-8').split('\n')
      .map((line) => line.replace(/#.*/, '').trim()).filter((line) => /^[A-Za-z0-9_.-]+==/.test(line));
    const python = installLine(quickStart(README, 'python', 'cdktf').script, 'python').split(' ');
    expect(pins('examples/python/requirements.txt')).toEqual(['cdktf==0.21.0', 'constructs==10.4.2', 'cdktf-cdktf-provider-aws==21.22.1']);
    for (const pin of pins('examples/python/requirements.txt')) expect(python).toContain(pin);
    const cdktnPython = installLine(quickStart(README, 'python', 'cdktn').script, 'python').split(' ');
    for (const pin of pins('test/python/requirements-cdktn.txt').filter((p) => /^(cdktn|cdktn-provider-aws|constructs)==/.test(p))) {
      expect(cdktnPython).toContain(pin);
    }
  });

  test("the cdktn package's README has the cdktn quick starts only", () => {
    const text = flavourReadme('cdktn');
    expect(text).not.toMatch(/^### cdktf \+ /m);
    expect(text).toMatch(/^### cdktn \+ TypeScript$/m);
    expect(text).toMatch(/^### cdktn \+ Python$/m);
    // What follows the dropped sections is still there.
    expect(text).toMatch(/^## Connections$/m);
  });
});
