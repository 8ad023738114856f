#!/usr/bin/env node
/*
 * The checks of one consumer project of test/consumers/run.sh (see README.md there), also used
 * by the release rehearsal (test/release/) and by test/readme.test.ts:
 *
 *   node check.js quickstart <readme> <ts|python> <flavour> <dir> [--library <spec>] [--replace <from>=<to>]...
 *       Writes the README's quick start for a flavour and language (the section
 *       "### <flavour> + TypeScript" or "### <flavour> + Python") into <dir>, as a user copies
 *       it: its ```sh block as quickstart.sh and its program (the ```ts or ```python block)
 *       under the name the sh block gives ("save the program below as main.ts"). --library
 *       replaces the library's package name on the install line (a packed file's path, or
 *       name@version / name==version from a registry); --replace replaces one more word of
 *       that line (another provider binding version). Fails when a block is missing, when the
 *       program does not import the flavour's packages, or when a word to replace is not on
 *       the install line exactly once.
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

class CheckFailed extends Error {}

function fail(message) {
  throw new CheckFailed(message);
}

function assert(condition, message) {
  if (!condition) fail(message);
}

const LANGUAGES = {
  ts: { title: 'TypeScript', fence: 'ts', installer: 'npm install' },
  python: { title: 'Python', fence: 'python', installer: 'pip install' },
};

/** The lines of the section under `heading`, up to the next heading of any level. */
function section(text, heading, readme) {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.trim() === heading);
  assert(at >= 0, `${readme} has no "${heading}" heading (the quick start)`);
  const out = [];
  let fenced = false;
  for (let i = at + 1; i < lines.length; i++) {
    if (!fenced && /^#{1,6} /.test(lines[i])) break;
    if (/^```/.test(lines[i].trim())) fenced = !fenced;
    out.push(lines[i]);
  }
  return out;
}

/** The first ```<fence> block of a section's lines. */
function block(lines, fence, where) {
  const start = lines.findIndex((line) => line.trim() === '```' + fence);
  assert(start >= 0, `no \`\`\`${fence} block under ${where}`);
  const end = lines.indexOf('```', start + 1);
  assert(end > start, `the \`\`\`${fence} block under ${where} is not closed`);
  const code = lines.slice(start + 1, end).join('\n') + '\n';
  assert(code.trim().length > 0, `the \`\`\`${fence} block under ${where} is empty`);
  return code;
}

/**
 * The README's quick start for a language and flavour: `{ heading, script, program, file }`,
 * the commands of its ```sh block, its program and the file name the commands save it under.
 */
function quickStart(readme, language, flavour) {
  const lang = LANGUAGES[language] || fail(`unknown language ${language} (ts, python)`);
  assert(FLAVOURS[flavour], `unknown flavour ${flavour}`);
  const heading = `### ${flavour} + ${lang.title}`;
  const where = `"${heading}" in ${readme}`;
  const lines = section(fs.readFileSync(readme, 'utf-8'), heading, readme);
  const script = block(lines, 'sh', where);
  const program = block(lines, lang.fence, where);
  const save = script.match(/^# save the program below as (\S+?),? then:?$/m);
  assert(save, `the sh block under ${where} does not say "# save the program below as <file>, then:"`);
  checkProgram(program, language, flavour);
  return { heading, script, program, file: save[1] };
}

/** The install line of a quick start's commands (the one `npm install` or `pip install`). */
function installLine(script, language) {
  const { installer } = LANGUAGES[language];
  const lines = script.split('\n').filter((line) => line.startsWith(installer + ' '));
  assert(lines.length === 1, `one "${installer}" line in the quick start, found ${lines.length}`);
  return lines[0];
}

/** The quick start's commands with words of the install line replaced (`[from, to]` pairs). */
function replaceOnInstallLine(script, language, replacements) {
  const line = installLine(script, language);
  const words = line.split(' ');
  for (const [from, to] of replacements) {
    const at = words.filter((w) => w === from).length;
    assert(at === 1, `"${from}" is on the install line ${at} times, not once: ${line}`);
    words[words.indexOf(from)] = to;
  }
  return script.replace(line, words.join(' '));
}

/** The module names an app imports (TypeScript specifiers or Python top-level modules). */
function importedModules(source, language) {
  const pattern = language === 'ts'
    ? /(?:\bfrom\s+|\bimport\s+|\bimport\(\s*|\brequire\(\s*)['"]([^'"\n]+)['"]/g
    : /^\s*(?:from|import)\s+([A-Za-z_][A-Za-z0-9_.]*)/gm;
  return [...source.matchAll(pattern)].map((m) => m[1]);
}

/** A quick start program imports its flavour's packages, and no other flavour's. */
function checkProgram(code, language, flavour) {
  const modules = importedModules(code, language);
  assert(modules.length > 0, `the ${language} program imports nothing: not the quick start?`);
  const own = FLAVOURS[flavour];
  const library = language === 'ts' ? own.npmName : own.pythonModule;
  assert(modules.includes(library), `the ${flavour} ${language} program does not import ${library}: ${modules.join(', ')}`);
  if (flavour !== 'cdktf') {
    const left = modules.filter((m) => /^(@cdktf\/|cdktf($|[._/-]))/.test(m));
    assert(left.length === 0, `the ${flavour} ${language} program imports cdktf modules: ${left.join(', ')}`);
  }
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

/**
 * The install lines of the README's "## Install" section (its first ```sh block): the `npm install`
 * and `pip install` lines a user copies, each with the flavour it installs (from the library's
 * name on it).
 */
function installLines(readme) {
  const lines = section(fs.readFileSync(readme, 'utf-8'), '## Install', readme);
  const script = block(lines, 'sh', `"## Install" in ${readme}`);
  const found = script.split('\n').filter((line) => /^(npm|pip) install /.test(line)).map((line) => {
    const words = line.split(' ');
    const flavour = Object.keys(FLAVOURS).find((f) => words.includes(FLAVOURS[f].npmName) || words.includes(FLAVOURS[f].pythonDist));
    assert(flavour, `the install line does not name a flavour's package: ${line}`);
    return { line, flavour, language: line.startsWith('npm') ? 'ts' : 'python' };
  });
  assert(found.length > 0, `no npm install or pip install line in the first sh block under "## Install" in ${readme}`);
  return found;
}

/** Writes a quick start into `dir` (see the command `quickstart` above); returns what it wrote. */
function writeQuickStart(readme, language, flavour, dir, { library, replace = [] } = {}) {
  const quick = quickStart(readme, language, flavour);
  const name = language === 'ts' ? FLAVOURS[flavour].npmName : FLAVOURS[flavour].pythonDist;
  const replacements = [...(library ? [[name, library]] : []), ...replace];
  const script = replaceOnInstallLine(quick.script, language, replacements);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'quickstart.sh'), script);
  fs.writeFileSync(path.join(dir, quick.file), quick.program);
  return { ...quick, script };
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

function main(argv) {
  const [command, ...args] = argv;
  if (command === 'quickstart') {
    const [readme, language, flavour, dir, ...rest] = args;
    const options = { replace: [] };
    for (let i = 0; i < rest.length; i += 2) {
      const [flag, value] = [rest[i], rest[i + 1]];
      assert(value !== undefined, `${flag} needs a value`);
      if (flag === '--library') options.library = value;
      else if (flag === '--replace' && value.includes('=')) options.replace.push([value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)]);
      else fail(`unknown option ${flag} ${value} (--library <spec>, --replace <from>=<to>)`);
    }
    const written = writeQuickStart(readme, language, flavour, dir, options);
    process.stdout.write(`wrote ${written.heading.slice(4)}: quickstart.sh and ${written.file} in ${dir}\n`);
  } else if (command === 'region') {
    const [flavour, out] = args;
    fs.writeFileSync(out, regionApp(flavour));
  } else if (command === 'verify') {
    verify(...args);
  } else {
    fail(`unknown command ${command} (quickstart, region, verify)`);
  }
}

module.exports = { quickStart, installLine, installLines, replaceOnInstallLine, rewritePython, writeQuickStart, CheckFailed };

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof CheckFailed)) throw e;
    process.stderr.write(`check failed: ${e.message}\n`);
    process.exit(1);
  }
}
