/*
 * The test machinery itself: which steps `npm run test:all` runs and in what order they may
 * start (scripts/test-all.js), which test files run on every Node.js line
 * (scripts/run-jest.js), when a build is stale (scripts/built.js), and what of the runner's
 * configuration the consumer-facing suites keep (scripts/isolate.js).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
/* eslint-disable @typescript-eslint/no-require-imports */
const { staleArtifact, staleFile } = require('../scripts/built');
const { TARGETS } = require('../scripts/flavours');
const { isolatedEnv } = require('../scripts/isolate');
const { everyNodeLineFiles } = require('../scripts/run-jest');
const testAll = require('../scripts/test-all');
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.join(__dirname, '..');
const names = (steps: Array<{ name: string }>) => steps.map((s) => s.name);

describe('scripts/test-all.js: the steps', () => {
  const steps = testAll.steps();
  const byName = new Map<string, any>(steps.map((s: any) => [s.name, s]));

  test('every entry gets its whole jest suite once, and its wheel its pytest suite', () => {
    for (const [name, t] of Object.entries<any>(TARGETS)) {
      expect(byName.get(`jest:${name}`).cmd).not.toContain('--every-node-line');
      expect(byName.has(`pytest:${name}`)).toBe(Boolean(t.wheelDir));
    }
  });

  test('the other Node.js lines run the tests marked @every-node-line, each flavour on each line once', () => {
    const lines = names(steps).filter((n) => /^jest:[^:]+:node\d+$/.test(n));
    expect(lines).toEqual(['jest:cdktf:node22', 'jest:cdktf:node24', 'jest:cdktf:node26', 'jest:cdktn:node24', 'jest:cdktn:node26']);
    for (const n of lines) expect(byName.get(n).cmd).toBe('node scripts/run-jest.js --every-node-line');
  });

  test('one entry applies the deployment scenarios, recording them; the others compare with that record', () => {
    const deploys = steps.filter((s: any) => s.name.startsWith('deploy:'));
    expect(names(deploys)).toEqual(Object.keys(TARGETS).map((n) => `deploy:${n}`).sort((a, b) => (a === `deploy:${testAll.APPLIED_ENTRY}` ? -1 : b === `deploy:${testAll.APPLIED_ENTRY}` ? 1 : 0)));
    const [applied, ...compared] = deploys;
    expect(applied.env.DEPLOY_RECORD).toBe(path.join(ROOT, 'test-reports', 'deploy-record'));
    expect(applied.env.DEPLOY_REFERENCE).toBeUndefined();
    for (const step of compared) {
      expect(step.env.DEPLOY_REFERENCE).toBe(applied.env.DEPLOY_RECORD);
      expect(step.needs).toContain(applied.name);
    }
  });

  test('every need names an earlier step, and every report is written by one step only', () => {
    steps.forEach((s: any, i: number) => {
      for (const need of s.needs ?? []) expect(names(steps.slice(0, i))).toContain(need);
    });
    const reports = steps.map((s: any) => s.report).filter(Boolean);
    expect(new Set(reports).size).toBe(reports.length);
  });
});

describe('scripts/test-all.js: --only and --from', () => {
  const steps = testAll.steps();

  test('--only takes an id or a prefix, and brings the builds it needs', () => {
    expect(names(testAll.select(steps, { only: 'pytest:cdktn' }))).toEqual(['tools:cdktn', 'compile', 'package:cdktn', 'pytest:cdktn']);
    expect(names(testAll.select(steps, { only: 'deploy' })).filter((n: string) => n.startsWith('deploy:'))).toHaveLength(3);
  });

  test('--only brings the suites it needs, and --no-builds trusts the tree as built', () => {
    const selected = testAll.select(steps, { only: 'deploy:cdktn', noBuilds: true });
    expect(names(selected)).toEqual(['deploy:cdktf', 'deploy:cdktn']);
    expect(selected[1].needs).toEqual(['deploy:cdktf']);
  });

  test('--from runs the step and every one listed after it', () => {
    const from = names(testAll.select(steps, { from: 'eslint', noBuilds: true }));
    expect(from).toEqual(['eslint', 'actionlint']);
  });

  test('an unknown step is refused with the list of steps', () => {
    expect(() => testAll.select(steps, { only: 'jest:cdktx' })).toThrow(/^no step is called jest:cdktx \(or jest:cdktx:\.\.\.\); the steps: release, tools:cdktn, /);
    expect(() => testAll.parseArgs(['--only', 'a', '--from', 'b'])).toThrow('give --only or --from, not both');
    expect(() => testAll.parseArgs(['--jobs', '0'])).toThrow('--jobs takes a number of 1 or more');
  });
});

describe('scripts/test-all.js: the scheduler', () => {
  /** Runs `steps` with fake durations on a fake clock; the [name, start, end] of each step run. */
  async function timeline(steps: any[], jobs: number, outcome: Record<string, { seconds: number; status?: string }>) {
    let now = 0;
    const rows: Array<[string, number, number]> = [];
    const waiting: Array<{ end: number; done: () => void }> = [];
    const tick = async () => {
      // Let every started step register before the clock moves to the next end.
      await new Promise((r) => setImmediate(r));
      waiting.sort((a, b) => a.end - b.end);
      const next = waiting.shift();
      if (next) {
        now = next.end;
        next.done();
      }
    };
    const run = testAll.execute(steps, jobs, (step: any) => new Promise((resolve) => {
      const start = now;
      const o = outcome[step.name];
      waiting.push({ end: now + o.seconds, done: () => { rows.push([step.name, start, now]); resolve({ status: o.status ?? 'passed', seconds: o.seconds, notes: [] }); } });
    }));
    let finished = false;
    const results = run.then((r: any) => { finished = true; return r; });
    while (!finished) await tick();
    return { rows, results: await results };
  }

  const STEPS = [
    { name: 'long' },
    { name: 'build' },
    { name: 'a', needs: ['build'] },
    { name: 'b', needs: ['build'] },
    { name: 'after-a', needs: ['a'] },
  ];

  test('runs up to `jobs` steps at once, each as soon as its needs passed, in list order', async () => {
    const { rows } = await timeline(STEPS, 2, { 'long': { seconds: 100 }, 'build': { seconds: 10 }, 'a': { seconds: 20 }, 'b': { seconds: 30 }, 'after-a': { seconds: 5 } });
    expect(rows.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))).toEqual([
      ['build', 0, 10], ['long', 0, 100], ['a', 10, 30], ['b', 30, 60], ['after-a', 60, 65],
    ]);
  });

  test('one at a time with jobs = 1', async () => {
    const { rows } = await timeline(STEPS, 1, { 'long': { seconds: 1 }, 'build': { seconds: 1 }, 'a': { seconds: 1 }, 'b': { seconds: 1 }, 'after-a': { seconds: 1 } });
    expect(rows.map((r) => r[0])).toEqual(['long', 'build', 'a', 'b', 'after-a']);
  });

  test('a step whose need failed is not run, nor what needs it, and the rest goes on', async () => {
    const { rows, results } = await timeline(STEPS, 2, { 'long': { seconds: 5 }, 'build': { seconds: 1, status: 'failed' }, 'a': { seconds: 1 }, 'b': { seconds: 1 }, 'after-a': { seconds: 1 } });
    expect(rows.map((r) => r[0]).sort()).toEqual(['build', 'long']);
    expect(results.get('a')).toEqual({ status: 'not run', seconds: 0, why: 'needs build, which did not pass', notes: [] });
    expect(results.get('after-a').why).toBe('needs a, which did not pass');
    expect(results.get('long').status).toBe('passed');
  });
});

describe('scripts/test-all.js: the outcome of a step', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-all-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const report = (name: string, body: string) => {
    fs.writeFileSync(path.join(dir, name), `<testsuites><testsuite>${body}</testsuite></testsuites>`);
    return path.relative(path.join(ROOT, 'test-reports'), path.join(dir, name));
  };

  test('a suite that exits 0 is judged by its report: failures, no test at all, or a SKIPPED line', () => {
    expect(testAll.judge({ report: report('ok.xml', '<testcase name="a"/>') }, { code: 0, skipped: [] }).status).toBe('passed');
    expect(testAll.judge({ report: report('f.xml', '<testcase name="a"><failure/></testcase>') }, { code: 0, skipped: [] }))
      .toMatchObject({ status: 'failed', why: '1 failed in the report, exit 0' });
    expect(testAll.judge({ report: report('none.xml', '') }, { code: 0, skipped: [] })).toMatchObject({ status: 'failed', why: 'no test ran' });
    expect(testAll.judge({ report: 'missing.xml' }, { code: 0, skipped: ['no terraform'] })).toMatchObject({ status: 'skipped', why: 'no terraform' });
    expect(testAll.judge({ report: 'missing.xml' }, { code: 0, skipped: [] })).toMatchObject({ status: 'failed', why: 'exit 0 but no report at test-reports/missing.xml' });
    expect(testAll.judge({}, { code: 2, skipped: [] })).toMatchObject({ status: 'failed', why: 'exit 2' });
  });
});

describe('scripts/run-jest.js --every-node-line', () => {
  test('selects the test files tagged @every-node-line, each with its reason', () => {
    const files = everyNodeLineFiles();
    expect(files.map((f: any) => f.file)).toEqual([
      'test/bench-quick.test.ts', 'test/deep-imports.test.ts', 'test/examples.test.ts', 'test/fixtures.test.ts',
    ]);
    for (const f of files) expect(f.why.length).toBeGreaterThan(20);
  });

  test('reads the tag in the header comment only', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'node-lines-'));
    try {
      fs.mkdirSync(path.join(root, 'test'));
      fs.writeFileSync(path.join(root, 'test', 'a.test.ts'), '/*\n * @every-node-line it spawns node\n */\nimport * as fs from "fs";\n');
      fs.writeFileSync(path.join(root, 'test', 'b.test.ts'), 'import * as fs from "fs";\n/*\n * @every-node-line not a header\n */\n');
      expect(everyNodeLineFiles(root)).toEqual([{ file: path.join('test', 'a.test.ts'), why: 'it spawns node' }]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('scripts/built.js', () => {
  test('a build older than a source, or missing, fails with the command that rebuilds it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'built-'));
    try {
      const sources = path.join(root, 'src');
      fs.mkdirSync(path.join(sources, 'private'), { recursive: true });
      const old = path.join(sources, 'a.ts');
      const changed = path.join(sources, 'private', 'b.ts');
      const built = path.join(root, '.jsii');
      for (const f of [old, changed, built]) fs.writeFileSync(f, '');
      const at = (f: string, seconds: number) => fs.utimesSync(f, new Date(seconds * 1000), new Date(seconds * 1000));
      at(old, 1_000);
      at(built, 2_000);
      at(changed, 1_500);
      expect(staleFile(built, 'npx projen compile', { sources, root })).toBeUndefined();
      at(changed, 2_500);
      expect(staleFile(built, 'npx projen compile', { sources, root }))
        .toBe('.jsii is older than src/private/b.ts: the tests would read a stale build. Run `npx projen compile`');
      expect(staleFile(path.join(root, 'lib', 'index.js'), 'npx projen compile', { sources, root }))
        .toBe('lib/index.js is missing: run `npx projen compile`');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('this run\'s assembly and library are fresh (the tests that read them would fail first)', () => {
    expect(staleArtifact('jsii', 'cdktf')).toBeUndefined();
  });
});

describe('scripts/isolate.js', () => {
  test('keeps where the registries are and the caches, and none of the runner\'s npm, pip or git settings', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'isolate-'));
    try {
      const env = isolatedEnv(home, {
        npmRegistry: 'https://registry.example/',
        cafile: '/etc/ca.pem',
        npmCache: '/cache/npm',
        pipIndex: 'https://pypi.example/simple',
        pipCert: '/etc/ca.pem',
        pipTimeout: '60',
        pipCache: '/cache/pip',
      }, {
        PATH: '/bin',
        npm_config_omit_lockfile_registry_resolved: 'true',
        npm_config_ignore_scripts: 'true',
        NPM_CONFIG_REGISTRY: 'https://elsewhere.example/',
        npm_package_name: 'x',
        PIP_INDEX_URL: 'https://elsewhere.example/simple',
        PIP_REQUIRE_VIRTUALENV: '1',
        GIT_DIR: '/elsewhere',
      });
      expect(env).toEqual({
        PATH: '/bin',
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        NPM_CONFIG_REGISTRY: 'https://registry.example/',
        npm_config_userconfig: path.join(home, '.npmrc'),
        npm_config_globalconfig: path.join(home, 'global.npmrc'),
        npm_config_cache: '/cache/npm',
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
        PIP_CONFIG_FILE: path.join(home, 'pip.conf'),
        PIP_CACHE_DIR: '/cache/pip',
        PIP_DISABLE_PIP_VERSION_CHECK: '1',
        GIT_CONFIG_NOSYSTEM: '1',
      });
      expect(fs.readFileSync(env.npm_config_userconfig, 'utf-8')).toBe('cafile=/etc/ca.pem\n');
      expect(fs.readFileSync(env.npm_config_globalconfig, 'utf-8')).toBe('');
      expect(fs.readFileSync(env.PIP_CONFIG_FILE, 'utf-8')).toBe('[global]\nindex-url = https://pypi.example/simple\ncert = /etc/ca.pem\ntimeout = 60\n');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
