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
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/bench/', '/test/', '/.ci/'] },
});

project.package.addField('private', false);

project.synth();
