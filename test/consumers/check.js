#!/usr/bin/env node
/*
 * The checks of one consumer project of test/consumers/run.sh (see README.md there):
 *
 *   node check.js quickstart <readme> <ts|python> <flavour> <out>
 *       Writes the README's quick start for a language: the first ```ts (or ```python) block
 *       under "### TypeScript" (or "### Python"), before the next heading; for the cdktn flavour
 *       with the module names rewritten as a cdktn user writes them. Fails when the block is
 *       missing or when a cdktf module name is left after the rewrite.
 *   node check.js region <flavour> <out.ts>
 *       Writes a TypeScript app that sets `region` on a connection.
 *   node check.js verify <cdk.tf.json> <aws provider version>
 *       Checks the synthesized quick start: one aws_cloudwatch_event_connection named
 *       payments-webhook, its API key a Terraform reference to the data source that reads the
 *       secret (never a literal), and the aws provider pinned to the binding's AWS provider version.
 *
 * A failed check prints `check failed: <what>` on stderr and exits 1.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { FLAVOURS, rewriteSpecifiers } = require(path.join(__dirname, '..', '..', 'scripts', 'flavours'));

function fail(message) {
  process.stderr.write(`check failed: ${message}\n`);
  process.exit(1);
}

function assert(condition, message) {
  if (!condition) fail(message);
}

const LANGUAGES = {
  ts: { heading: '### TypeScript', fence: 'ts' },
  python: { heading: '### Python', fence: 'python' },
};

/** The first ```<fence> block after `heading` and before the next heading of any level. */
function quickStart(readme, language) {
  const { heading, fence } = LANGUAGES[language] || fail(`unknown language ${language}`);
  const lines = fs.readFileSync(readme, 'utf-8').split('\n');
  const at = lines.findIndex((line) => line.trim() === heading);
  assert(at >= 0, `${readme} has no "${heading}" heading (the quick start)`);
  for (let i = at + 1; i < lines.length && !/^#{1,6} /.test(lines[i]); i++) {
    if (lines[i].trim() === '```' + fence) {
      const end = lines.indexOf('```', i + 1);
      assert(end > i, `the \`\`\`${fence} block under "${heading}" in ${readme} is not closed`);
      const code = lines.slice(i + 1, end).join('\n') + '\n';
      assert(code.trim().length > 0, `the \`\`\`${fence} block under "${heading}" in ${readme} is empty`);
      return code;
    }
    // A ``` line of another language opens a block to skip (its lines are not headings).
    if (/^```\S/.test(lines[i].trim())) {
      const end = lines.indexOf('```', i + 1);
      if (end > i) i = end;
    }
  }
  return fail(`no \`\`\`${fence} block under "${heading}" (before the next heading) in ${readme}`);
}

/**
 * Python module names from the cdktf flavour to another, in import statements only (as
 * scripts/build-flavour.js writes the cdktn README): cdktf, cdktf_cdktf_provider_aws, the library.
 */
function rewritePython(source, flavourName) {
  if (flavourName === 'cdktf') return source;
  const flavour = FLAVOURS[flavourName];
  const modules = {
    cdktf: flavour.pythonCore,
    [FLAVOURS.cdktf.pythonProvider]: flavour.pythonProvider,
    [FLAVOURS.cdktf.pythonModule]: flavour.pythonModule,
  };
  return source.replace(/^(\s*(?:from|import)\s+)([A-Za-z_][A-Za-z0-9_]*)(?=[.\s]|$)/gm,
    (whole, lead, top) => (modules[top] ? lead + modules[top] : whole));
}

/** The module names an app imports (TypeScript specifiers or Python top-level modules). */
function importedModules(source, language) {
  const pattern = language === 'ts'
    ? /(?:\bfrom\s+|\bimport\s+|\bimport\(\s*|\brequire\(\s*)['"]([^'"\n]+)['"]/g
    : /^\s*(?:from|import)\s+([A-Za-z_][A-Za-z0-9_.]*)/gm;
  return [...source.matchAll(pattern)].map((m) => m[1]);
}

function writeApp(out, code, language, flavour) {
  const modules = importedModules(code, language);
  assert(modules.length > 0, `the ${language} app imports nothing: not the quick start?`);
  if (flavour !== 'cdktf') {
    const left = modules.filter((m) => /^(@cdktf\/|cdktf($|[._/-]))/.test(m));
    assert(left.length === 0, `cdktf module names left in the ${flavour} app after the rewrite: ${left.join(', ')}`);
  }
  const library = language === 'ts' ? FLAVOURS[flavour].npmName : FLAVOURS[flavour].pythonModule;
  assert(modules.includes(library), `the ${language} app does not import ${library}: ${modules.join(', ')}`);
  fs.writeFileSync(out, code);
}

function verify(file, version) {
  assert(fs.existsSync(file), `${file} was not written (did the app call app.synth() on a stack named "webhooks"?)`);
  const json = JSON.parse(fs.readFileSync(file, 'utf-8'));
  const resources = (json.resource || {}).aws_cloudwatch_event_connection || {};
  const connections = Object.values(resources);
  assert(connections.length === 1, `one aws_cloudwatch_event_connection, found ${connections.length}`);
  const [connection] = connections;
  assert(connection.name === 'payments-webhook', `the connection is named payments-webhook, got ${JSON.stringify(connection.name)}`);
  const value = ((connection.auth_parameters || {}).api_key || {}).value;
  assert(typeof value === 'string' && value.startsWith('${'),
    `the API key value is a Terraform reference ("\${...}"), got ${JSON.stringify(value)}`);
  // The reference is to the data source that reads the secret, and that data source is in the stack.
  const secretVersions = (json.data || {}).aws_secretsmanager_secret_version || {};
  const referenced = Object.keys(secretVersions).some((id) => value.includes(`data.aws_secretsmanager_secret_version.${id}.`));
  assert(referenced, `the API key references a data.aws_secretsmanager_secret_version of the stack, got ${value}`);
  const secretIds = Object.values(secretVersions).map((d) => d.secret_id);
  assert(secretIds.includes('shop/payments'), `the secret read is shop/payments, got ${JSON.stringify(secretIds)}`);
  const pin = (((json.terraform || {}).required_providers || {}).aws || {}).version;
  assert(pin === version, `the aws provider pin is ${version} (the binding's AWS provider), got ${JSON.stringify(pin)}`);
}

function regionApp(flavour) {
  return rewriteSpecifiers([
    "import { AwsProvider } from '@cdktf/provider-aws/lib/provider';",
    "import { App, TerraformStack } from 'cdktf';",
    `import { ApiKeyConnection, SecretValue } from '${FLAVOURS.cdktf.npmName}';`,
    '',
    'const app = new App();',
    "const stack = new TerraformStack(app, 'regional');",
    "new AwsProvider(stack, 'aws', { region: 'us-east-1' });",
    "new ApiKeyConnection(stack, 'Payments', {",
    "  apiKeyName: 'x-api-key',",
    "  apiKeyValue: SecretValue.ssmSecureString('/payments/api-key'),",
    "  region: 'eu-west-1',",
    '});',
    'app.synth();',
    '',
  ].join('\n'), flavour);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'quickstart') {
  const [readme, language, flavour, out] = args;
  assert(FLAVOURS[flavour], `unknown flavour ${flavour}`);
  const code = quickStart(readme, language);
  writeApp(out, language === 'ts' ? rewriteSpecifiers(code, flavour) : rewritePython(code, flavour), language, flavour);
} else if (command === 'region') {
  const [flavour, out] = args;
  fs.writeFileSync(out, regionApp(flavour));
} else if (command === 'verify') {
  verify(...args);
} else {
  fail(`unknown command ${command} (quickstart, region, verify)`);
}
