import * as fs from 'fs';
import * as path from 'path';
import { PUBLISH_STEPS } from '../projenrc/workflows';

/*
 * test/release/workflow.js: how the release rehearsal (test/release/rehearse.js) reads the
 * release job of .github/workflows/release.yml and evaluates its conditions and expressions.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { releaseSteps, jobEnv, evaluateIf, substitute } = require('./release/workflow');

const RELEASE_YML = fs.readFileSync(path.join(__dirname, '..', '.github', 'workflows', 'release.yml'), 'utf-8');

const context = (release: string, dryRun: boolean) => ({
  inputs: { dry_run: dryRun },
  steps: { version: { outputs: { release, version: '1.2.3', tag: 'v1.2.3' } } },
  secrets: { NPM_TOKEN: 'npm-token', TWINE_USERNAME: 'user', TWINE_PASSWORD: 'password' },
});

describe('the release job as the rehearsal reads it', () => {
  const steps = releaseSteps(RELEASE_YML);

  test('its publish steps run the publib commands of projenrc/workflows.ts, in that order', () => {
    const publish = steps.filter((s: any) => /\bpublib-(npm|pypi)\b/.test(s.run ?? ''));
    expect(publish.map((s: any) => s.run)).toEqual(PUBLISH_STEPS.map((p) => `npx -p publib@latest ${p.tool} ${p.dir}`));
    expect(publish.map((s: any) => Object.keys(s.env).sort())).toEqual(PUBLISH_STEPS.map((p) => (p.tool === 'publib-npm'
      ? ['NPM_ACCESS_LEVEL', 'NPM_TOKEN']
      : ['TWINE_PASSWORD', 'TWINE_USERNAME'])));
  });

  test('the step that decides writes the version the later steps read', () => {
    const decide = steps.find((s: any) => s.id === 'version');
    expect(decide.run).toContain('"version=$version" >> "$GITHUB_OUTPUT"');
    expect(steps.findIndex((s: any) => s.id === 'version')).toBeLessThan(steps.findIndex((s: any) => /publib/.test(s.run ?? '')));
  });

  test('the job env: PUBLIB_DRYRUN is false on a push and true on a dry run', () => {
    expect(substitute(jobEnv(RELEASE_YML).PUBLIB_DRYRUN, context('true', false))).toBe('false');
    expect(substitute(jobEnv(RELEASE_YML).PUBLIB_DRYRUN, context('true', true))).toBe('true');
  });

  test('the publish steps\' secrets come from the context', () => {
    const npm = steps.find((s: any) => s.run === 'npx -p publib@latest publib-npm dist/js');
    expect(substitute(npm.env.NPM_TOKEN, context('true', false))).toBe('npm-token');
    const pypi = steps.find((s: any) => s.run === 'npx -p publib@latest publib-pypi dist/python');
    expect(substitute(pypi.env.TWINE_PASSWORD, context('true', false))).toBe('password');
  });
});

describe('evaluateIf', () => {
  const releasing = "steps.version.outputs.release == 'true'";
  const live = `${releasing} && inputs.dry_run != true`;

  test.each([
    [undefined, 'true', false, true],
    [releasing, 'true', false, true],
    [releasing, 'false', false, false],
    [live, 'true', false, true],
    [live, 'true', true, false],
    [live, 'false', false, false],
    ['inputs.dry_run != true', 'false', true, false],
    ['inputs.dry_run != true', 'false', false, true],
    [`\${{ ${releasing} }}`, 'true', false, true],
  ])('%s with release=%s, dry_run=%s is %s', (condition, release, dryRun, expected) => {
    expect(evaluateIf(condition, context(release, dryRun))).toBe(expected);
  });

  test('an expression outside its grammar throws instead of being guessed', () => {
    expect(() => evaluateIf("steps.version.outputs.release == 'true' || always()", context('true', false))).toThrow(/unsupported expression/);
    expect(() => evaluateIf('!cancelled', context('true', false))).toThrow(/unsupported expression/);
    expect(() => evaluateIf("steps.build.outputs.ok == 'true'", context('true', false))).toThrow('unknown context value steps.build.outputs.ok');
  });
});

describe('substitute', () => {
  test('replaces every expression and leaves the rest', () => {
    expect(substitute('v=${{ steps.version.outputs.version }} t=${{steps.version.outputs.tag}}', context('true', false))).toBe('v=1.2.3 t=v1.2.3');
  });

  test('an unknown value throws', () => {
    expect(() => substitute('${{ github.token }}', context('true', false))).toThrow('unknown context value github.token');
  });
});
