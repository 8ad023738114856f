import { cdk, javascript, release, ReleasableCommits } from 'projen';
import { addWorkflows } from './projenrc/workflows';

/** Conventional commit types that make a release (RELEASING.md), and those that do not. */
const RELEASABLE_TYPES = ['feat', 'fix', 'perf', 'revert'];
const OTHER_TYPES = ['docs', 'test', 'refactor', 'build', 'ci', 'chore'];

/**
 * The single source of the project's generated configuration
 * (package.json, tsconfig*.json, jest, eslint, .gitignore, .npmignore).
 * Edit this file and run `npx projen`; never edit the generated files.
 */
const project = new cdk.JsiiProject({
  name: 'cdktf-eventbridge-connection',
  description:
    'Typed, validated CDK for Terraform (cdktf) constructs for AWS EventBridge connections (aws_cloudwatch_event_connection).',
  author: 'cdktf-eventbridge-connection maintainers',
  authorAddress: 'maintainers@cdktf-eventbridge-connection.invalid',
  repositoryUrl: 'https://github.com/cdktf-eventbridge-connection/cdktf-eventbridge-connection.git',
  license: 'Apache-2.0',
  keywords: ['cdktf', 'terraform', 'aws', 'eventbridge', 'connection', 'constructs'],
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.9.0',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',
  // No source maps in lib/: inline, they made 455 KB of its 640 KB of JavaScript, read and
  // scanned on every load (a process that loads the library and synthesizes four constructs:
  // 1,748-1,750 M instructions with them, 1,709-1,710 M without). The compiled JavaScript
  // (ES2022) reads close to the source.
  tsconfig: { compilerOptions: { inlineSourceMap: false, inlineSources: false } },

  // The cdktf flavour: cdktf 0.21 with the prebuilt AWS provider binding 20.x (AWS provider 5)
  // or 21.x (AWS provider 6). The cdktn flavour's metadata is derived from this one by
  // scripts/flavours.js (see CONTRIBUTING.md).
  peerDeps: ['cdktf@^0.21.0', 'constructs@^10.4.2', '@cdktf/provider-aws@>=20.1.0 <22.0.0'],
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: [
    'cdktf@0.21.0',
    // 10.6.0 satisfies both cdktf (^10.4.2) and cdktn (>=10.6.0 <10.8.0), so one install
    // serves every flavour's tests.
    'constructs@10.6.0',
    '@cdktf/provider-aws@21.22.1',
    // The AWS provider 5 binding, under an alias: `FLAVOUR=cdktf-aws5` runs resolve
    // `@cdktf/provider-aws` to it (scripts/flavours.js).
    '@cdktf/provider-aws-20@npm:@cdktf/provider-aws@20.1.0',
    // The cdktn flavour compiles and runs its tests against these. cdktn-cli is not here:
    // it pins jsii-pacmak 1.128.0 and needs Node 22; it lives in tools/cdktn.
    'cdktn@0.24.0',
    '@cdktn/provider-aws@25.7.0',
    'cdktf-cli@0.21.0',
    'fast-check@^4.3.0',
    // Validates the state machine definitions HttpInvokeTask renders (JSONPath and JSONata).
    'asl-validator@^4.0.0',
    'ts-node@^10.9.2',
    // test/workflows.test.ts reads the generated GitHub workflows.
    'yaml@^2',
  ],

  publishToPypi: {
    distName: 'cdktf-eventbridge-connection',
    module: 'cdktf_eventbridge_connection',
  },

  // Releases (see RELEASING.md): `npx projen bump` computes the next version from the
  // conventional commits since the last tag (commit-and-tag-version) and writes
  // dist/version.txt, dist/releasetag.txt and dist/changelog.md; `npx projen publish:git`
  // prepends that changelog to CHANGELOG.md, commits and tags. The trigger is "manual" for
  // projen: it writes no release workflow of its own; projenrc/workflows.ts writes ours, which
  // builds and publishes both flavours with one version. Only feat, fix, perf and revert
  // commits make a release; the others are merged without one.
  release: true,
  releaseTrigger: release.ReleaseTrigger.manual({ changelogPath: 'CHANGELOG.md', gitPushCommand: '' }),
  releasableCommits: ReleasableCommits.ofType(RELEASABLE_TYPES),
  // GitHub: pull-request-lint.yml (conventional PR titles, which become the squash commits)
  // and, from projenrc/workflows.ts, pull-request.yml and release.yml.
  github: true,
  githubOptions: {
    mergify: false,
    pullRequestLintOptions: { semanticTitleOptions: { types: [...RELEASABLE_TYPES, ...OTHER_TYPES] } },
  },
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  docgen: true,
  eslint: true,
  prettier: false,

  jestOptions: {
    // jest 30 and eslint-import-resolver-typescript 4 depend on unrs-resolver, whose
    // platform packages the registry here does not all serve, which breaks `npm ci`.
    jestVersion: '^29.7.0',
    jestConfig: {
      setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
      // The provider binding modules are large; give the first import room.
      testTimeout: 60_000,
      // One worker per core. jest's default leaves one core to itself, which on the 2-core
      // machines here means running in band: the whole suite took 117-136 s so, 61-68 s with
      // two workers (same CPU time).
      maxWorkers: '100%',
    },
  },

  gitignore: [
    '.venv*/',
    '__pycache__/',
    '*.pyc',
    '.pytest_cache/',
    'examples/*/cdktf.out/',
    'examples/*/.gen/',
    '.terraform/',
    '*.tfstate*',
    '.terraform.lock.hcl',
    'test/terraform/work/',
    // Generated flavours and matrix entries (scripts/build-flavour.js).
    '/build/',
  ],
  npmignoreEnabled: true,
  npmIgnoreOptions: { ignorePatterns: ['/build/', '/tools/', '/examples/', '/bench/', '/test/', '/.ci/', '/docs/', '/scripts/', '/.venv*/', '/test-reports/', '/coverage/'] },
});

project.package.addField('private', false);

addWorkflows(project.github!);

// jest 29 (see jestOptions) and the last eslint TypeScript resolver before unrs-resolver.
project.deps.removeDependency('ts-jest');
project.addDevDeps('ts-jest@^29.2.5');
project.deps.removeDependency('@types/jest');
project.addDevDeps('@types/jest@^29.5.14');
project.deps.removeDependency('eslint-import-resolver-typescript');
project.addDevDeps('eslint-import-resolver-typescript@~3.6.3');

// jsii prints an end-of-life banner on Node 20, which the machines here run.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// The fast tier, what a contributor runs before every commit: `npm test` compiles (jsii: the
// tests read .jsii and lib/), then runs the default entry's jest suite and eslint.
project.testTask.prependSpawn(project.compileTask);

// README command 1: synthesize the example app with the cdktf CLI.
project.addTask('example', {
  description: 'Synthesize examples/typescript with `cdktf synth` (writes its cdktf.out/)',
  cwd: 'examples/typescript',
  env: { CHECKPOINT_DISABLE: '1' },
  exec: 'cdktf synth',
});

// ---------------------------------------------------------------------------------------------
// Flavours and the test matrix: generated from the table in scripts/flavours.js (TARGETS), whose
// entries FLAVOUR selects. The default entry (cdktf) is the source as written and uses projen's
// own tasks (compile, package:js, package:python); every other entry gets, from its row:
//   <row.build>            make its library: `node scripts/build-flavour.js <entry> [--package]`
//   test:<entry>           the jest suite against it (after <row.build>, or its compile step)
//   test:python:<entry>    the pytest suite against its wheel, when it has one (row.wheelDir)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TARGETS } = require('./scripts/flavours');
const DEFAULT_ENTRY = 'cdktf';

// Node.js 22 and cdktn-cli for the cdktn runs, in their own install (see tools/cdktn/package.json).
project.addTask('tools:cdktn', {
  description: 'Install tools/cdktn (Node.js 22, cdktn-cli 0.24.0) from its lockfile',
  exec: 'npm ci --prefix tools/cdktn --no-audit --no-fund --loglevel=error',
});
// Node.js 24 and 26, the newer lines of the compatibility table (see tools/node/package.json).
project.addTask('tools:node', {
  description: 'Install tools/node (Node.js 24.21.0 and 26.12.1) from its lockfile',
  exec: 'npm ci --prefix tools/node --no-audit --no-fund --loglevel=error',
});

/** The projen tasks of one matrix entry other than the default. */
function entryTasks(name: string, row: any): void {
  const generated = row.make === 'generate';
  // A generated entry has a compile-only task for jest and a package task for the wheel.
  const compile = project.addTask(`compile:${name}`, {
    description: generated
      ? `Generate the ${name} flavour from src/ into build/${name} and compile it with jsii`
      : `Copy the compiled library to build/${name}, resolving the provider binding to ${row.title}`,
    exec: `node scripts/build-flavour.js ${name}`,
  });
  const pack = generated ? project.addTask(`package:${name}`, {
    description: `Generate, compile and package the ${name} flavour: dist/${name}/js/*.tgz and dist/${name}/python/*.whl`,
    exec: `node scripts/build-flavour.js ${name} --package`,
  }) : undefined;
  for (const task of [row.build, row.wheelBuild].filter(Boolean)) {
    if (task !== compile.name && task !== pack?.name) {
      throw new Error(`scripts/flavours.js: entry ${name} names the task ${task}, which .projenrc.ts does not make`);
    }
  }
  const jest = project.addTask(`test:${name}`, {
    description: `The jest suite against ${row.title}`,
    env: { FLAVOUR: name },
  });
  jest.spawn(compile);
  jest.exec('node scripts/run-jest.js', { receiveArgs: true });
  if (row.wheelDir) {
    const python = project.addTask(`test:python:${name}`, {
      description: `Build the ${name} wheel (${row.wheelDir.split('/').slice(-3).join('/')}) and run the pytest suite against it`,
      env: { FLAVOUR: name },
    });
    python.spawn(project.tasks.tryFind(row.wheelBuild)!);
    python.exec('bash test/python/run.sh', { receiveArgs: true });
  }
}
for (const [name, row] of Object.entries<any>(TARGETS)) {
  if (name !== DEFAULT_ENTRY) entryTasks(name, row);
}

// The Python bindings of the default entry, tested against the wheel the build makes.
// It builds the wheel first: under CI=true projen's \`package\` step packs JavaScript only.
const testPython = project.addTask('test:python', {
  description: 'Build the Python wheel (dist/python) and run the pytest suite against it',
});
testPython.spawn(project.tasks.tryFind('package:python')!);
testPython.exec('bash test/python/run.sh', { receiveArgs: true });

// The packed npm packages in fresh consumer projects, one per supported framework and binding.
const testConsumers = project.addTask('test:consumers', {
  description: 'Install the packed npm packages in fresh projects (cdktf + provider-aws 20 and 21, cdktn) and run the README quick start',
});
testConsumers.spawn(project.tasks.tryFind('package:js')!);
testConsumers.spawn(project.tasks.tryFind('package:python')!);
for (const [name, row] of Object.entries<any>(TARGETS)) {
  if (row.make === 'generate') testConsumers.spawn(project.tasks.tryFind(`package:${name}`)!);
}
testConsumers.exec('bash test/consumers/run.sh');

// A release rehearsed end to end (test/release/README.md): release.yml's steps in a scratch clone
// of HEAD, publishing to Verdaccio and pypiserver on loopback, then each package installed by
// name and version from them in a fresh project, running the README quick start.
project.addTask('test:release', {
  description: 'Rehearse a release: the release workflow\'s steps in a scratch clone of HEAD, published to loopback registries (Verdaccio, pypiserver), installed from them by version, quick start synthesized',
  exec: 'node test/release/rehearse.js',
});

// terraform validate / apply / plan / destroy against a local AWS emulator. The matrix
// entries other than cdktf compare their JSON with what cdktf's run applied and are applied
// themselves when it differs (test/deploy/README.md), as in test:all.
project.addTask('test:deploy', {
  description: 'Deploy every scenario with Terraform against moto for cdktf; the other matrix entries compare their JSON with it and deploy when it differs (prints SKIPPED when Terraform is missing)',
  exec: 'node scripts/test-all.js --only deploy',
});

// Benchmarks against the raw binding (a script, not a test): prints a table and checks budgets.
project.addTask('bench', {
  description: 'Benchmark start-up and synth against the raw binding and the provider index, for every flavour (see bench/RESULTS.md)',
  exec: 'node bench/run.js',
  receiveArgs: true,
});

// README command 2: everything, as CI runs it. scripts/test-all.js holds the steps (the build
// tasks above and every suite of every matrix entry), runs each one even when another failed,
// and prints one summary; `npm run test:all -- --list` shows them.
project.addTask('test:all', {
  description: 'Build, then every suite of every matrix entry (jest, pytest, deployment, consumers, release rehearsal, eslint, actionlint), up to one step per core at once, each run whatever the others did; one summary at the end (--list, --only, --from)',
  exec: 'node scripts/test-all.js',
  receiveArgs: true,
});

project.synth();
