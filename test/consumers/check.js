#!/usr/bin/env node
/*
 * One consumer project of test/consumers/run.sh:
 *
 *   node check.js quickstart <readme> <flavour> <out.ts>   write the README's TypeScript quick start
 *                                                           (rewritten for the cdktn flavour)
 *   node check.js verify <cdk.tf.json> <aws provider version>
 *   node check.js region <flavour> <out.ts>                write a program that sets `region`
 */
'use strict';
const fs = require('fs');
const { FLAVOURS, rewriteSpecifiers } = require('../../scripts/flavours');

const [command, ...args] = process.argv.slice(2);

function quickStart(readme) {
  const text = fs.readFileSync(readme, 'utf-8');
  const section = text.indexOf('### TypeScript');
  const start = text.indexOf('```ts\n', section);
  if (section < 0 || start < 0) throw new Error(`no \`\`\`ts block under "### TypeScript" in ${readme}`);
  return text.slice(start + 6, text.indexOf('```\n', start + 6));
}

function assert(condition, message) {
  if (!condition) {
    process.stderr.write(`check failed: ${message}\n`);
    process.exit(1);
  }
}

if (command === 'quickstart') {
  const [readme, flavour, out] = args;
  fs.writeFileSync(out, rewriteSpecifiers(quickStart(readme), flavour));
} else if (command === 'region') {
  const [flavour, out] = args;
  const program = [
    "import { AwsProvider } from '@cdktf/provider-aws/lib/provider';",
    "import { App, TerraformStack } from 'cdktf';",
    `import { ApiKeyConnection, SecretValue } from '${FLAVOURS.cdktf.npmName}';`,
    "const stack = new TerraformStack(new App(), 'regional');",
    "new AwsProvider(stack, 'aws', { region: 'us-east-1' });",
    "new ApiKeyConnection(stack, 'Payments', { apiKeyName: 'x-api-key', apiKeyValue: SecretValue.ssmSecureString('/k'), region: 'eu-west-1' });",
    '',
  ].join('\n');
  fs.writeFileSync(out, rewriteSpecifiers(program, flavour));
} else if (command === 'verify') {
  const [file, version] = args;
  const json = JSON.parse(fs.readFileSync(file, 'utf-8'));
  const connections = Object.values(json.resource.aws_cloudwatch_event_connection);
  assert(connections.length === 1, `one aws_cloudwatch_event_connection, found ${connections.length}`);
  assert(connections[0].name === 'payments-webhook', `the connection is named payments-webhook, got ${connections[0].name}`);
  assert(/^\$\{/.test(connections[0].auth_parameters.api_key.value), 'the API key is a Terraform reference, not a literal');
  const pin = json.terraform.required_providers.aws.version;
  assert(pin === version, `the provider pin is ${version} (the binding's AWS provider), got ${pin}`);
} else {
  throw new Error(`unknown command ${command}`);
}
