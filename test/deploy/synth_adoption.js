#!/usr/bin/env node
/*
 * Synthesizes the adoption scenarios of the deployment suite (test_adoption.py) with the
 * compiled library of the matrix entry (FLAVOUR, see entry.js) into <outdir>/stacks/<stack>/cdk.tf.json, and prints a JSON
 * manifest of the Terraform addresses and outputs the checks need.
 *
 * Usage:
 *   node test/deploy/synth_adoption.js --outdir DIR --endpoint URL --prefix P --stack STACK --phase PHASE \
 *     [--target-role-arn ARN] [--destination-arn ARN] [--connection-arn ARN] [--connection-secret-arn ARN] [--key-alias A]
 *
 * Stacks and phases:
 *   adoption / adopt     A connection, API destination and rule target that exist outside
 *                        Terraform (the suite creates them with boto3) described with the
 *                        constructs and adopted with adoptExisting(): Terraform import blocks.
 *   adoption / grant     The same, plus grants to roles the suite created: grantInvoke() on the
 *                        adopted destination and on the same destination imported with
 *                        ApiDestination.fromApiDestinationAttributes(), and
 *                        grantRetrieveCredentials() on the adopted connection and on the same
 *                        connection imported with a customer managed key (alias --key-alias).
 *   migration / raw      A connection, API destination, rule, role and target written with the
 *                        raw provider bindings, as a stack before this library.
 *   migration / constructs  The same objects with the constructs, each moved from its raw
 *                        address with moveFrom(): Terraform moved blocks. The rule and the role
 *                        stay raw, at the same addresses.
 *
 * Names are derived from --prefix, so the suite knows them before synthesizing. The provider is
 * imported by deep path only.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { target, fromLib, binding, emulatorProvider: boundProvider, parseArgs } = require('./entry');

// The matrix entry's framework, bindings and library (FLAVOUR; see entry.js).
const { App, LocalBackend, TerraformOutput, TerraformStack } = fromLib(target.framework);
const { CloudwatchEventApiDestination } = binding('cloudwatch-event-api-destination');
const { CloudwatchEventConnection } = binding('cloudwatch-event-connection');
const { CloudwatchEventRule } = binding('cloudwatch-event-rule');
const { CloudwatchEventTarget } = binding('cloudwatch-event-target');
const { IamRole } = binding('iam-role');
const {
  ApiDestination,
  ApiDestinationTarget,
  ApiKeyConnection,
  Connection,
  HttpMethod,
  SecretValue,
} = require(target.libDir);

const args = parseArgs(process.argv.slice(2), 'synth_adoption.js', ['outdir', 'endpoint', 'prefix', 'stack', 'phase']);
const { outdir, endpoint, prefix, phase } = args;

/**
 * What exists (or is to exist) in the emulator, by name: the suite creates the adoption stack's
 * objects with boto3 from these same values, and the constructs describe them.
 */
function names(stackName) {
  const base = `${prefix}-${stackName}`;
  return {
    connection: `${base}-conn`,
    description: `adopted by the deployment suite (${stackName})`,
    apiKeyName: 'x-api-key',
    apiKeyValue: `${prefix}-api-key-value`,
    destination: `${base}-dest`,
    endpoint: 'https://webhook.example.com/orders',
    httpMethod: 'PUT',
    rateLimit: 7,
    rule: `${base}-rule`,
    bus: `${base}-bus`,
    busRule: `${base}-bus-rule`,
    targetId: 'webhook',
    targetRole: `${base}-target-role`,
    invokerRole: `${base}-invoker`,
    schedulerRole: `${base}-scheduler`,
    credentialsRole: `${base}-sfn`,
    keyedRole: `${base}-sfn-keyed`,
  };
}

function emulatorProvider(stack) {
  return boundProvider(stack, endpoint, ['events', 'iam', 'kms', 'secretsmanager', 'sts']);
}

/** A stack with its state next to its cdk.tf.json and the emulator-bound provider. */
function newStack(app, id) {
  const stack = new TerraformStack(app, id);
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  emulatorProvider(stack);
  return stack;
}

const EVENTS_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** adoption: adopt what boto3 created; in phase `grant`, grant to the suite's roles too. */
function adoptionStack(app) {
  const n = names('adoption');
  const stack = newStack(app, 'adoption');
  const connection = new ApiKeyConnection(stack, 'Payments', {
    connectionName: n.connection,
    description: n.description,
    apiKeyName: n.apiKeyName,
    apiKeyValue: SecretValue.unsafePlainText(n.apiKeyValue),
  });
  connection.adoptExisting();
  const destination = new ApiDestination(stack, 'Orders', {
    connection,
    apiDestinationName: n.destination,
    endpoint: n.endpoint,
    httpMethod: HttpMethod.PUT,
    rateLimitPerSecond: n.rateLimit,
  });
  destination.adoptExisting();
  const target = new ApiDestinationTarget(stack, 'ToWebhook', {
    ruleName: n.rule,
    targetId: n.targetId,
    apiDestination: destination,
    roleArn: args['target-role-arn'],
  });
  target.adoptExisting();
  // A target of a rule on a custom bus given by ARN: its import ID keeps the ARN, which the
  // provider's import writes to event_bus_name, so the adopted target plans no replacement.
  const busTarget = new ApiDestinationTarget(stack, 'ToWebhookOnBus', {
    ruleName: n.busRule,
    eventBusName: args['bus-arn'],
    targetId: n.targetId,
    apiDestination: destination,
    roleArn: args['target-role-arn'],
  });
  busTarget.adoptExisting();

  const manifest = {
    names: n,
    addresses: {
      connection: `aws_cloudwatch_event_connection.${connection.resource.friendlyUniqueId}`,
      destination: `aws_cloudwatch_event_api_destination.${destination.resource.friendlyUniqueId}`,
      target: `aws_cloudwatch_event_target.${target.resource.friendlyUniqueId}`,
      busTarget: `aws_cloudwatch_event_target.${busTarget.resource.friendlyUniqueId}`,
    },
    grants: {},
  };
  new TerraformOutput(stack, 'connection_arn', { value: connection.connectionArn });
  new TerraformOutput(stack, 'destination_arn', { value: destination.apiDestinationArn });
  new TerraformOutput(stack, 'destination_arn_for_policy', { value: destination.apiDestinationArnForPolicy });

  if (phase === 'grant') {
    const grants = {
      invoke: destination.grantInvoke(n.invokerRole),
      // The same destination imported by its attributes, as another stack would see it.
      importedInvoke: ApiDestination.fromApiDestinationAttributes(stack, 'ImportedOrders', {
        apiDestinationArn: args['destination-arn'],
        connection: Connection.fromConnectionArn(stack, 'ImportedPayments', args['connection-arn']),
      }).grantInvoke(n.schedulerRole),
      credentials: connection.grantRetrieveCredentials(n.credentialsRole),
      // The same connection imported with a customer managed key given by alias: the grant
      // resolves it with an aws_kms_key data source and adds kms:Decrypt.
      keyedCredentials: Connection.fromConnectionAttributes(stack, 'KeyedPayments', {
        connectionArn: args['connection-arn'],
        connectionSecretArn: args['connection-secret-arn'],
        kmsKeyIdentifier: args['key-alias'],
      }).grantRetrieveCredentials(n.keyedRole),
    };
    for (const [key, grant] of Object.entries(grants)) {
      manifest.grants[key] = { policyName: grant.policyName, address: `aws_iam_role_policy.${grant.rolePolicy.friendlyUniqueId}` };
    }
  }
  return manifest;
}

/** migration: the raw bindings (phase `raw`), then the constructs moved from them (`constructs`). */
function migrationStack(app) {
  const n = names('migration');
  const stack = newStack(app, 'migration');
  // Raw in both phases, at the same addresses: the rule and the role the target uses.
  const rule = new CloudwatchEventRule(stack, 'rule', { name: n.rule, eventPattern: JSON.stringify({ source: ['deploy.test'] }) });
  const role = new IamRole(stack, 'target_role', { name: n.targetRole, assumeRolePolicy: EVENTS_TRUST });
  const raw = {
    connection: 'aws_cloudwatch_event_connection.payments',
    destination: 'aws_cloudwatch_event_api_destination.orders',
    target: 'aws_cloudwatch_event_target.to_webhook',
  };
  let connection; let destination; let target;
  if (phase === 'raw') {
    connection = new CloudwatchEventConnection(stack, 'payments', {
      name: n.connection,
      description: n.description,
      authorizationType: 'API_KEY',
      authParameters: { apiKey: { key: n.apiKeyName, value: n.apiKeyValue } },
    });
    destination = new CloudwatchEventApiDestination(stack, 'orders', {
      name: n.destination,
      connectionArn: connection.arn,
      invocationEndpoint: n.endpoint,
      httpMethod: n.httpMethod,
      invocationRateLimitPerSecond: n.rateLimit,
    });
    target = new CloudwatchEventTarget(stack, 'to_webhook', {
      rule: rule.name,
      targetId: n.targetId,
      arn: destination.arn,
      roleArn: role.arn,
    });
  } else {
    const c = new ApiKeyConnection(stack, 'Payments', {
      connectionName: n.connection,
      description: n.description,
      apiKeyName: n.apiKeyName,
      apiKeyValue: SecretValue.unsafePlainText(n.apiKeyValue),
    });
    c.moveFrom(raw.connection);
    const d = new ApiDestination(stack, 'Orders', {
      connection: c,
      apiDestinationName: n.destination,
      endpoint: n.endpoint,
      httpMethod: HttpMethod.PUT,
      rateLimitPerSecond: n.rateLimit,
    });
    d.moveFrom(raw.destination);
    const t = new ApiDestinationTarget(stack, 'ToWebhook', {
      ruleName: rule.name,
      targetId: n.targetId,
      apiDestination: d,
      roleArn: role.arn,
    });
    t.moveFrom(raw.target);
    connection = c.resource; destination = d.resource; target = t.resource;
  }
  new TerraformOutput(stack, 'connection_arn', { value: connection.arn });
  new TerraformOutput(stack, 'destination_arn', { value: destination.arn });
  return {
    names: n,
    raw,
    addresses: {
      connection: `aws_cloudwatch_event_connection.${connection.friendlyUniqueId}`,
      destination: `aws_cloudwatch_event_api_destination.${destination.friendlyUniqueId}`,
      target: `aws_cloudwatch_event_target.${target.friendlyUniqueId}`,
    },
  };
}

const STACKS = { adoption: adoptionStack, migration: migrationStack };
const build = STACKS[args.stack];
if (!build) throw new Error(`unknown stack ${args.stack}; known: ${Object.keys(STACKS).join(', ')}`);
fs.mkdirSync(outdir, { recursive: true });
const app = new App({ outdir });
const manifest = build(app);
app.synth();
manifest.stackDir = path.join(outdir, 'stacks', args.stack);
process.stdout.write(JSON.stringify(manifest, null, 2) + '\n');
