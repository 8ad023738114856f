/*
 * What both synthesis scripts of the deployment suite (synth.js, synth_adoption.js) share:
 * the matrix entry named by FLAVOUR (scripts/flavours.js), its modules resolved as the entry's
 * compiled library resolves them, and the AWS provider bound to the emulator.
 */
'use strict';
const { currentTarget } = require('../../scripts/flavours');

const target = currentTarget();

/** Resolves a module as the entry's compiled library does. */
function resolveFromLib(id) {
  return require.resolve(id, { paths: [target.libDir] });
}

/** Loads a module as the entry's compiled library does (the same instances it uses). */
const fromLib = (id) => require(resolveFromLib(id));

/** Loads a provider binding module of the entry by deep path, e.g. `cloudwatch-event-rule`. */
const binding = (resource) => fromLib(`${target.providerPackage}/lib/${resource}`);

/**
 * The emulator-bound AWS provider of a stack: fake keys, the skip_* checks on; by default the
 * stack's default provider (construct id `aws`, us-east-1), else `options.id`, `options.alias`
 * and `options.region`.
 */
function emulatorProvider(stack, endpoint, services, options = {}) {
  const { AwsProvider } = binding('provider');
  return new AwsProvider(stack, options.id || 'aws', {
    alias: options.alias,
    region: options.region || 'us-east-1',
    accessKey: 'testing',
    secretKey: 'testing',
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: 'true',
    skipRegionValidation: true,
    endpoints: [Object.fromEntries(services.map((service) => [service, endpoint]))],
  });
}

/**
 * The options of a synthesis script: `--key value` or `--key=value`; `required` names those that
 * must be given (the script exits 2 naming the first one missing).
 */
function parseArgs(argv, script, required = []) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const eq = a.indexOf('=');
    if (eq > 0) {
      args[a.slice(2, eq)] = a.slice(eq + 1);
    } else {
      args[a.slice(2)] = argv[++i];
    }
  }
  for (const name of required) {
    if (!args[name]) {
      process.stderr.write(`${script}: --${name} is required\n`);
      process.exit(2);
    }
  }
  return args;
}

module.exports = { target, resolveFromLib, fromLib, binding, emulatorProvider, parseArgs };
