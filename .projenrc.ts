import { cdk, javascript } from 'projen';

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
  minNodeVersion: '20.0.0',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',

  // The library targets cdktf 0.21 with the prebuilt AWS provider 21.x.
  peerDeps: ['cdktf@^0.21.0', 'constructs@^10.4.2', '@cdktf/provider-aws@^21.22.1'],
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: [
    'cdktf@0.21.0',
    'constructs@10.4.2',
    '@cdktf/provider-aws@21.22.1',
    'cdktf-cli@0.21.0',
    'fast-check@^4.3.0',
    'ts-node@^10.9.2',
  ],

  publishToPypi: {
    distName: 'cdktf-eventbridge-connection',
    module: 'cdktf_eventbridge_connection',
  },

  // No hosted CI or release automation here: `.ci/run` is the CI entry point.
  github: false,
  release: false,
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
  ],
  npmignoreEnabled: true,
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/bench/', '/test/', '/.ci/', '/docs/', '/scripts/', '/.venv*/', '/test-reports/', '/coverage/'] },
});

project.package.addField('private', false);

// jest 29 (see jestOptions) and the last eslint TypeScript resolver before unrs-resolver.
project.deps.removeDependency('ts-jest');
project.addDevDeps('ts-jest@^29.2.5');
project.deps.removeDependency('@types/jest');
project.addDevDeps('@types/jest@^29.5.14');
project.deps.removeDependency('eslint-import-resolver-typescript');
project.addDevDeps('eslint-import-resolver-typescript@~3.6.3');

// jsii prints an end-of-life banner on Node 20, which the machines here run.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// README command 1: synthesize the example app with the cdktf CLI.
project.addTask('example', {
  description: 'Synthesize examples/typescript with `cdktf synth` (writes its cdktf.out/)',
  cwd: 'examples/typescript',
  env: { CHECKPOINT_DISABLE: '1' },
  exec: 'cdktf synth',
});

// The Python bindings, tested against the wheel that `package:python` builds.
// It builds the wheel first: under CI=true projen's \`package\` step packs JavaScript only.
const testPython = project.addTask('test:python', {
  description: 'Build the Python wheel (dist/python) and run the pytest suite against it',
});
testPython.spawn(project.tasks.tryFind('package:python')!);
testPython.exec('bash test/python/run.sh');

// terraform validate / apply / plan / destroy against a local AWS emulator.
const testDeploy = project.addTask('test:deploy', {
  description: 'Deploy every connection type with Terraform against moto (prints SKIPPED when Terraform is missing)',
  exec: 'bash test/deploy/run.sh',
});

// Benchmarks against the raw binding (a script, not a test): prints a table and checks budgets.
project.addTask('bench', {
  description: 'Benchmark start-up and synth against the raw binding and the provider index (see bench/RESULTS.md)',
  exec: 'node bench/run.js',
  receiveArgs: true,
});

// README command 2: everything, as CI runs it.
const testAll = project.addTask('test:all', {
  description: 'Build (compile, API.md, jest, eslint, JS and Python packages), then the Python and deployment suites',
});
testAll.exec('rm -rf test-reports');
testAll.spawn(project.buildTask);
testAll.spawn(testPython);
testAll.spawn(testDeploy);
testAll.exec('node scripts/test-summary.js');

project.synth();
