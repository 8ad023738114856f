#!/usr/bin/env node
/*
 * Synthesizes the delivery scenario of the deployment suite (test_delivery.py) with the compiled
 * library of the matrix entry (FLAVOUR, see entry.js) into <outdir>/stacks/delivery/cdk.tf.json,
 * and prints a JSON manifest of the names, addresses and what each target must deliver.
 *
 * Usage:
 *   node test/deploy/synth_delivery.js --outdir DIR --endpoint URL --prefix P --url HTTPS_URL
 *
 * The stack: an API-key connection, an API destination at `<HTTPS_URL>/hook` (POST), and two
 * rules written with the raw binding, each with one ApiDestinationTarget (the library's): 
 *   orders   pattern {source: [<prefix>.shop], detail-type: [order.placed]}; target with header
 *            and query string parameters
 *   refunds  pattern {source: [<prefix>.shop], detail-type: [refund.issued]}; target with header
 *            parameters and a fixed `input`
 * The targets' roles are the ones ApiDestinationTarget creates.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { target, fromLib, binding, emulatorProvider, parseArgs } = require('./entry');

const { App, LocalBackend, TerraformOutput, TerraformStack } = fromLib(target.framework);
const { CloudwatchEventRule } = binding('cloudwatch-event-rule');
const { ApiDestination, ApiDestinationTarget, ApiKeyConnection, HttpMethod, SecretValue } = require(target.libDir);

const args = parseArgs(process.argv.slice(2), 'synth_delivery.js', ['outdir', 'endpoint', 'prefix', 'url']);
const { outdir, endpoint, prefix, url } = args;

const source = `${prefix}.shop`;
const n = {
  source,
  connection: `${prefix}-delivery-conn`,
  destination: `${prefix}-delivery-dest`,
  path: '/hook',
  method: 'POST',
  orders: {
    rule: `${prefix}-orders`,
    detailType: 'order.placed',
    targetId: 'orders-webhook',
    headerParameters: { 'x-delivery-run': prefix, 'x-route': 'orders' },
    queryStringParameters: { run: prefix, route: 'orders' },
  },
  refunds: {
    rule: `${prefix}-refunds`,
    detailType: 'refund.issued',
    targetId: 'refunds-webhook',
    headerParameters: { 'x-route': 'refunds' },
    input: JSON.stringify({ fixed: 'refund-input' }),
  },
};

fs.mkdirSync(outdir, { recursive: true });
const app = new App({ outdir });
const stack = new TerraformStack(app, 'delivery');
new LocalBackend(stack, { path: 'terraform.tfstate' });
emulatorProvider(stack, endpoint, ['events', 'iam', 'secretsmanager', 'sts']);

const connection = new ApiKeyConnection(stack, 'Webhook', {
  connectionName: n.connection,
  apiKeyName: 'x-api-key',
  apiKeyValue: SecretValue.unsafePlainText(`${prefix}-key`),
});
const destination = new ApiDestination(stack, 'Hook', {
  connection,
  apiDestinationName: n.destination,
  endpoint: `${url}${n.path}`,
  httpMethod: HttpMethod.POST,
});

const addresses = {};
for (const key of ['orders', 'refunds']) {
  const t = n[key];
  const rule = new CloudwatchEventRule(stack, `${key}_rule`, {
    name: t.rule,
    eventPattern: JSON.stringify({ 'source': [source], 'detail-type': [t.detailType] }),
  });
  const deliver = new ApiDestinationTarget(stack, `${key[0].toUpperCase()}${key.slice(1)}Target`, {
    ruleName: rule.name,
    targetId: t.targetId,
    apiDestination: destination,
    headerParameters: t.headerParameters,
    queryStringParameters: t.queryStringParameters,
    input: t.input,
  });
  addresses[key] = `aws_cloudwatch_event_target.${deliver.resource.friendlyUniqueId}`;
}
new TerraformOutput(stack, 'destination_arn', { value: destination.apiDestinationArn });

app.synth();
const stackDir = path.join(outdir, 'stacks', 'delivery');
const config = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf-8'));
process.stdout.write(JSON.stringify({ names: n, addresses, stackDir, config }, null, 2) + '\n');
