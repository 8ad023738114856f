#!/usr/bin/env node
/*
 * Synthesizes the deployment-test scenarios with the compiled library of the
 * test-matrix entry named by FLAVOUR (default `cdktf`; see
 * scripts/flavours.js) into <outdir>/stacks/<stack>/cdk.tf.json (default
 * stack name "deployment"): one stack, one connection per scenario (the
 * api-destination scenario adds an API destination, an EventBridge rule and
 * its target).
 *
 *   cdktf        lib/ with cdktf and @cdktf/provider-aws 21.x
 *   cdktf-aws5   build/cdktf-aws5/lib with cdktf and @cdktf/provider-aws 20.1.0
 *   cdktn        build/cdktn/lib with cdktn and @cdktn/provider-aws 25.x (run it with Node 22,
 *                flavours.js nodeFor(), as the harness does)
 *
 * Usage:
 *   FLAVOUR=<entry> node test/deploy/synth.js --outdir DIR --endpoint http://127.0.0.1:PORT \
 *     [--prefix NAME] [--description TEXT] [--secret TEXT] \
 *     [--source-secret-id ID] [--ssm-parameter NAME] [--scenarios a,b,c] [--stack NAME]
 *
 * --description and --secret parameterise every scenario, so that running the
 * script twice with different values produces an update of the same
 * connections (same names, new description, new secret values).
 *
 * Every AwsProvider points at the emulator. The framework, `constructs` and
 * the provider binding are resolved from the entry's library directory, so
 * that this script gets the very module instances the library uses (for
 * cdktf-aws5 that is @cdktf/provider-aws 20.1.0, through the link next to
 * build/cdktf-aws5/lib). Only deep imports of the provider binding are used
 * (never the package index).
 *
 * Prints a JSON manifest (scenarios, connection names, what was asked, and
 * under `runtime` what it ran with) on stdout, for the harness to check
 * DescribeConnection and the matrix entry against.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { target, resolveFromLib, fromLib, binding: bindingModule, emulatorProvider: boundProvider, parseArgs } = require('./entry');

const { App, Fn, LocalBackend, TerraformStack, TerraformOutput } = fromLib(target.framework);
const { Construct } = fromLib('constructs');
const { CloudwatchEventRule } = bindingModule('cloudwatch-event-rule');
const {
  ApiDestination,
  ApiDestinationPipe,
  ApiDestinationTarget,
  ApiKeyConnection,
  BasicConnection,
  HttpInvokeTask,
  OAuthConnection,
  HttpMethod,
  HttpParameter,
  PipeSource,
  SecretValue,
} = require(target.libDir);

/** The package (name, version, real directory, package.json) a module file belongs to. */
const packages = new Map();
function packageOf(file) {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (!packages.has(dir)) {
      const candidate = path.join(dir, 'package.json');
      const pkg = fs.existsSync(candidate) ? JSON.parse(fs.readFileSync(candidate, 'utf-8')) : undefined;
      packages.set(dir, pkg && pkg.name ? { name: pkg.name, version: pkg.version, dir: fs.realpathSync(dir), pkg } : null);
    }
    if (packages.get(dir)) return packages.get(dir);
  }
  return { name: undefined };
}

/** Package name -> the directories it was loaded from, over every module in require.cache. */
function loadedPackages(names) {
  const found = {};
  for (const file of Object.keys(require.cache)) {
    const pkg = packageOf(file);
    if (names.includes(pkg.name)) (found[pkg.name] ??= new Set()).add(pkg.dir);
  }
  return Object.fromEntries(Object.entries(found).map(([name, dirs]) => [name, [...dirs].sort()]));
}

const args = parseArgs(process.argv.slice(2), 'synth.js');
const outdir = args.outdir;
const endpoint = args.endpoint;
if (!outdir || !endpoint) {
  process.stderr.write('usage: synth.js --outdir DIR --endpoint URL [--prefix P] [--description D] [--secret S]\n');
  process.exit(2);
}
const prefix = args.prefix || 'deploytest';
const description = args.description || 'deploy test';
const secret = args.secret || 'secret-v1';
const sourceSecretId = args['source-secret-id'] || `${prefix}/source`;
const ssmParameter = args['ssm-parameter'] || `/${prefix}/tenant-token`;

const SERVICES = ['events', 'secretsmanager', 'ssm', 'sts', 'iam', 'sqs', 'pipes', 'sfn'];

/** The emulator-bound AWS provider every scenario stack uses (us-east-1). */
function emulatorProvider(stack) {
  return boundProvider(stack, endpoint, SERVICES);
}

/** The region of the second provider, which the `placed` scenario places everything with. */
const PLACED_REGION = 'us-west-2';

/*
 * Each scenario returns what it asked for, in EventBridge API terms, so the
 * harness can compare it with DescribeConnection. `secretParameters` lists
 * the values that are secret (the real API does not return them).
 */
const SCENARIOS = {
  'api-key'(scope, name) {
    const apiKeyValue = `${secret}-apikey`;
    const c = new ApiKeyConnection(scope, 'Connection', {
      connectionName: name,
      description: `${description} (api-key)`,
      apiKeyName: 'x-api-key',
      apiKeyValue: SecretValue.unsafePlainText(apiKeyValue),
    });
    return {
      construct: c,
      expected: {
        AuthorizationType: 'API_KEY',
        AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: apiKeyValue } },
      },
    };
  },

  'basic'(scope) {
    const password = `${secret}-password`;
    // No connectionName: the library derives one from the construct path
    // ("<stack>-basic-Connection"); the API must accept it.
    const c = new BasicConnection(scope, 'Connection', {
      description: `${description} (basic)`,
      username: 'eventbridge@example.com',
      password: SecretValue.unsafePlainText(password),
    });
    return {
      construct: c,
      expected: {
        AuthorizationType: 'BASIC',
        AuthParameters: { BasicAuthParameters: { Username: 'eventbridge@example.com', Password: password } },
      },
    };
  },

  'oauth'(scope, name) {
    const clientSecret = `${secret}-client`;
    const c = new OAuthConnection(scope, 'Connection', {
      connectionName: name,
      description: `${description} (oauth)`,
      authorizationEndpoint: 'https://auth.example.com/oauth2/token',
      httpMethod: HttpMethod.POST,
      clientId: 'deploy-test-client',
      clientSecret: SecretValue.unsafePlainText(clientSecret),
      oauthBodyParameters: { grant_type: HttpParameter.fromString('client_credentials') },
      oauthHeaderParameters: { 'Content-Type': HttpParameter.fromString('application/x-www-form-urlencoded') },
      oauthQueryStringParameters: { scope: HttpParameter.fromString('events.write') },
    });
    return {
      construct: c,
      expected: {
        AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
        AuthParameters: {
          OAuthParameters: {
            AuthorizationEndpoint: 'https://auth.example.com/oauth2/token',
            HttpMethod: 'POST',
            ClientParameters: { ClientID: 'deploy-test-client', ClientSecret: clientSecret },
            OAuthHttpParameters: {
              BodyParameters: [{ Key: 'grant_type', Value: 'client_credentials', IsValueSecret: false }],
              HeaderParameters: [{ Key: 'Content-Type', Value: 'application/x-www-form-urlencoded', IsValueSecret: false }],
              QueryStringParameters: [{ Key: 'scope', Value: 'events.write', IsValueSecret: false }],
            },
          },
        },
      },
    };
  },

  'invocation-params'(scope, name) {
    const password = `${secret}-password`;
    const token = `${secret}-token`;
    const c = new BasicConnection(scope, 'Connection', {
      connectionName: name,
      description: `${description} (invocation-params)`,
      username: 'invoker',
      password: SecretValue.unsafePlainText(password),
      headerParameters: {
        'X-Api-Version': HttpParameter.fromString('2024-01-01'),
        'X-Tenant-Token': HttpParameter.fromSecret(SecretValue.unsafePlainText(token)),
      },
      queryStringParameters: { project: HttpParameter.fromString('OPS') },
      bodyParameters: { source: HttpParameter.fromString('eventbridge') },
    });
    return {
      construct: c,
      expected: {
        AuthorizationType: 'BASIC',
        AuthParameters: {
          BasicAuthParameters: { Username: 'invoker', Password: password },
          InvocationHttpParameters: {
            HeaderParameters: [
              { Key: 'X-Api-Version', Value: '2024-01-01', IsValueSecret: false },
              { Key: 'X-Tenant-Token', Value: token, IsValueSecret: true },
            ],
            QueryStringParameters: [{ Key: 'project', Value: 'OPS', IsValueSecret: false }],
            BodyParameters: [{ Key: 'source', Value: 'eventbridge', IsValueSecret: false }],
          },
        },
      },
    };
  },

  /*
   * A connection used by an API destination (PUT, a `*` path wildcard, rate
   * limit 5) that an EventBridge rule sends its events to, through an
   * ApiDestinationTarget with path parameter values, an input transformer, a
   * retry policy and the IAM role the target creates.
   */
  'api-destination'(scope, name) {
    const apiKeyValue = `${secret}-apikey`;
    const c = new ApiKeyConnection(scope, 'Connection', {
      connectionName: name,
      description: `${description} (api-destination)`,
      apiKeyName: 'x-api-key',
      apiKeyValue: SecretValue.unsafePlainText(apiKeyValue),
    });
    const destinationName = `${name}-dest`;
    const endpointUrl = 'https://webhook.example.com/orders/*';
    const destination = new ApiDestination(scope, 'Destination', {
      apiDestinationName: destinationName,
      description: `${description} (api-destination)`,
      connection: c,
      endpoint: endpointUrl,
      httpMethod: HttpMethod.PUT,
      rateLimitPerSecond: 5,
    });
    const rule = new CloudwatchEventRule(scope, 'Rule', {
      name: `${name}-rule`,
      eventPattern: JSON.stringify({ source: ['deploy.test'] }),
    });
    const target = new ApiDestinationTarget(scope, 'Target', {
      ruleName: rule.name,
      apiDestination: destination,
      targetId: 'webhook',
      pathParameterValues: ['$.detail.id'],
      inputTransformer: { inputPathsMap: { id: '$.detail.id' }, inputTemplate: '{"id": <id>}' },
      maximumEventAgeInSeconds: 3600,
      maximumRetryAttempts: 3,
    });
    return {
      construct: c,
      apiDestination: {
        construct: destination,
        target,
        expected: {
          name: destinationName,
          description: `${description} (api-destination)`,
          endpoint: endpointUrl,
          httpMethod: 'PUT',
          rateLimit: 5,
          ruleName: `${name}-rule`,
          targetId: 'webhook',
          pathParameterValues: ['$.detail.id'],
          inputTransformer: { InputPathsMap: { id: '$.detail.id' }, InputTemplate: '{"id": <id>}' },
          retryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 3 },
        },
      },
      expected: {
        AuthorizationType: 'API_KEY',
        AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: apiKeyValue } },
      },
    };
  },

  /*
   * Placement through a second AwsProvider (alias `placed`, another region): only the
   * connection is given the provider; its API destination, and the rule target and role
   * after it, take it from what they build on. The rule is a raw binding, given the provider.
   */
  placed(scope, name) {
    const stack = TerraformStack.of(scope);
    const provider = boundProvider(stack, endpoint, SERVICES, { id: 'PlacedProvider', alias: 'placed', region: PLACED_REGION });
    const apiKeyValue = `${secret}-placed`;
    const c = new ApiKeyConnection(scope, 'Connection', {
      connectionName: name,
      description: `${description} (placed)`,
      apiKeyName: 'x-api-key',
      apiKeyValue: SecretValue.unsafePlainText(apiKeyValue),
      provider,
    });
    const destinationName = `${name}-dest`;
    const endpointUrl = 'https://webhook.example.com/placed/*';
    const destination = new ApiDestination(scope, 'Destination', {
      apiDestinationName: destinationName,
      description: `${description} (placed)`,
      connection: c,
      endpoint: endpointUrl,
      httpMethod: HttpMethod.POST,
      rateLimitPerSecond: 2,
    });
    const rule = new CloudwatchEventRule(scope, 'Rule', {
      name: `${name}-rule`,
      eventPattern: JSON.stringify({ source: ['deploy.test.placed'] }),
      provider,
    });
    // A dead-letter queue whose policy the target owns (the queue is this stack's).
    const { SqsQueue } = bindingModule('sqs-queue');
    const queue = new SqsQueue(scope, 'DeadLetters', { name: `${name}-dlq`, provider });
    const target = new ApiDestinationTarget(scope, 'Target', {
      ruleName: rule.name,
      apiDestination: destination,
      deadLetterQueueArn: queue.arn,
      ownsDeadLetterQueuePolicy: true,
      ruleArn: rule.arn,
      targetId: 'placed',
      pathParameterValues: ['$.detail.id'],
      inputTransformer: { inputPathsMap: { id: '$.detail.id' }, inputTemplate: '{"id": <id>}' },
      maximumEventAgeInSeconds: 600,
      maximumRetryAttempts: 1,
    });
    return {
      construct: c,
      region: PLACED_REGION,
      providerAlias: 'placed',
      apiDestination: {
        construct: destination,
        target,
        expected: {
          name: destinationName,
          description: `${description} (placed)`,
          endpoint: endpointUrl,
          httpMethod: 'POST',
          rateLimit: 2,
          ruleName: `${name}-rule`,
          targetId: 'placed',
          pathParameterValues: ['$.detail.id'],
          inputTransformer: { InputPathsMap: { id: '$.detail.id' }, InputTemplate: '{"id": <id>}' },
          retryPolicy: { MaximumEventAgeInSeconds: 600, MaximumRetryAttempts: 1 },
          deadLetterQueueName: `${name}-dlq`,
        },
      },
      expected: {
        AuthorizationType: 'API_KEY',
        AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: apiKeyValue } },
      },
    };
  },

  /*
   * An EventBridge pipe from an SQS queue (a raw binding) to an API destination, with a filter,
   * batching, an input template, a header, and the role the pipe creates. The emulator creates
   * and deletes pipes but does not update them, so nothing of the pipe changes between the two
   * revisions (the connection's description and secret do).
   */
  pipe(scope, name) {
    const apiKeyValue = `${secret}-pipe`;
    const c = new ApiKeyConnection(scope, 'Connection', {
      connectionName: name,
      description: `${description} (pipe)`,
      apiKeyName: 'x-api-key',
      apiKeyValue: SecretValue.unsafePlainText(apiKeyValue),
    });
    const destination = new ApiDestination(scope, 'Destination', {
      apiDestinationName: `${name}-dest`,
      connection: c,
      endpoint: 'https://webhook.example.com/refunds/*',
      httpMethod: HttpMethod.POST,
    });
    const { SqsQueue } = bindingModule('sqs-queue');
    const queue = new SqsQueue(scope, 'Source', { name: `${name}-source` });
    const filter = JSON.stringify({ body: { kind: ['full'] } });
    const pipe = new ApiDestinationPipe(scope, 'Pipe', {
      pipeName: `${name}-pipe`,
      description: 'deploy test (pipe)',
      source: PipeSource.sqsQueue(queue.arn, { batchSize: 1 }),
      filters: [filter],
      apiDestination: destination,
      pathParameterValues: ['$.body.orderId'],
      headerParameters: { 'X-Source': 'pipe' },
      inputTemplate: '{"order": "<$.body.orderId>"}',
    });
    return {
      construct: c,
      pipe: {
        construct: pipe,
        expected: {
          name: `${name}-pipe`,
          description: 'deploy test (pipe)',
          sourceQueueName: `${name}-source`,
          destinationName: `${name}-dest`,
          batchSize: 1,
          filters: [filter],
          inputTemplate: '{"order": "<$.body.orderId>"}',
          pathParameterValues: ['$.body.orderId'],
          headerParameters: { 'X-Source': 'pipe' },
        },
      },
      expected: {
        AuthorizationType: 'API_KEY',
        AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: apiKeyValue } },
      },
    };
  },

  /*
   * A Step Functions state machine (raw bindings: the role and the machine) whose definition
   * holds the HTTP task HttpInvokeTask renders, with the grant the task gives the machine's
   * role: the task's connection, endpoint and method, in one place.
   */
  'http-task'(scope, name) {
    const apiKeyValue = `${secret}-task`;
    const c = new ApiKeyConnection(scope, 'Connection', {
      connectionName: name,
      description: `${description} (http-task)`,
      apiKeyName: 'Authorization',
      apiKeyValue: SecretValue.unsafePlainText(apiKeyValue),
    });
    const task = new HttpInvokeTask({
      connection: c,
      endpoint: 'https://api.example.com/v1/customers',
      method: HttpMethod.POST,
      headers: { 'Content-Type': 'application/json' },
      requestBody: '{"name.$": "$.name"}',
    });
    const { IamRole } = bindingModule('iam-role');
    const { SfnStateMachine } = bindingModule('sfn-state-machine');
    const role = new IamRole(scope, 'Role', {
      name: `${name}-role`,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'states.amazonaws.com' } }],
      }),
    });
    const machine = new SfnStateMachine(scope, 'StateMachine', {
      name: `${name}-machine`,
      roleArn: role.arn,
      definition: Fn.jsonencode({ StartAt: 'CreateCustomer', States: { CreateCustomer: task.toJsonPathState({ end: true }) } }),
    });
    const grant = task.grant(scope, 'Grant', { roleName: role.name, stateMachineArn: machine.arn, policyName: 'http-task' });
    return {
      construct: c,
      stateMachine: {
        construct: machine,
        grant,
        expected: {
          name: `${name}-machine`,
          roleName: `${name}-role`,
          policyName: 'http-task',
          endpoint: 'https://api.example.com/v1/customers',
          method: 'POST',
        },
      },
      expected: {
        AuthorizationType: 'API_KEY',
        AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'Authorization', ApiKeyValue: apiKeyValue } },
      },
    };
  },

  /*
   * The API key comes from a JSON field of a Secrets Manager secret and an
   * invocation header from an SSM SecureString parameter. The harness creates
   * both in the emulator before apply and changes them for the update, so the
   * expected secret values are the harness's (given with --secret here).
   */
  'secrets-manager'(scope, name) {
    const c = new ApiKeyConnection(scope, 'Connection', {
      connectionName: name,
      description: `${description} (secrets-manager)`,
      apiKeyName: 'Authorization',
      apiKeyValue: SecretValue.secretsManager(sourceSecretId, { jsonField: 'token' }),
      headerParameters: {
        'Content-Type': HttpParameter.fromString('application/json'),
        'X-Tenant-Token': HttpParameter.fromSecret(SecretValue.ssmSecureString(ssmParameter)),
      },
    });
    return {
      construct: c,
      sourceSecretId,
      ssmParameter,
      expected: {
        AuthorizationType: 'API_KEY',
        AuthParameters: {
          ApiKeyAuthParameters: { ApiKeyName: 'Authorization', ApiKeyValue: `${secret}-sm-token` },
          InvocationHttpParameters: {
            HeaderParameters: [
              { Key: 'Content-Type', Value: 'application/json', IsValueSecret: false },
              { Key: 'X-Tenant-Token', Value: `${secret}-ssm-token`, IsValueSecret: true },
            ],
          },
        },
      },
    };
  },
};

const wanted = args.scenarios ? args.scenarios.split(',').filter(Boolean) : Object.keys(SCENARIOS);
const stackName = args.stack || 'deployment';
fs.mkdirSync(outdir, { recursive: true });
const app = new App({ outdir });
/*
 * One stack holds every scenario, each under its own construct scope: a
 * Terraform command costs several seconds of AWS provider start-up, so one
 * init/apply/plan/destroy cycle for all scenarios keeps the suite fast.
 */
const stack = new TerraformStack(app, stackName);
// State next to the stack's cdk.tf.json (the default is an absolute path
// under the current directory).
new LocalBackend(stack, { path: 'terraform.tfstate' });
emulatorProvider(stack);
const scenarios = {};
for (const scenario of wanted) {
  const build = SCENARIOS[scenario];
  if (!build) throw new Error(`unknown scenario ${scenario}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const scope = new Construct(stack, scenario);
  const result = build(scope, `${prefix}-${scenario}`);
  // The name as written to Terraform (given, or generated by the library).
  const name = result.construct.resource.nameInput;
  const out = scenario.replace(/[^A-Za-z0-9_]/g, '_');
  new TerraformOutput(stack, `${out}_connection_arn`, { value: result.construct.connectionArn });
  new TerraformOutput(stack, `${out}_connection_name`, { value: result.construct.connectionName });
  new TerraformOutput(stack, `${out}_secret_arn`, { value: result.construct.connectionSecretArn });
  scenarios[scenario] = {
    name,
    description: `${description} (${scenario})`,
    authorizationType: result.construct.authorizationType,
    outputs: {
      connectionArn: `${out}_connection_arn`,
      connectionName: `${out}_connection_name`,
      secretArn: `${out}_secret_arn`,
    },
    expected: result.expected,
    sourceSecretId: result.sourceSecretId,
    ssmParameter: result.ssmParameter,
    // Where the scenario is, when not with the stack's default provider.
    region: result.region,
    providerAlias: result.providerAlias,
  };
  if (result.apiDestination) {
    // The API destination, its rule and target, and the target's role.
    const { construct: destination, target, expected } = result.apiDestination;
    const outputs = {
      apiDestinationArn: `${out}_api_destination_arn`,
      apiDestinationName: `${out}_api_destination_name`,
      targetId: `${out}_target_id`,
      roleArn: `${out}_role_arn`,
      roleName: `${out}_role_name`,
    };
    new TerraformOutput(stack, outputs.apiDestinationArn, { value: destination.apiDestinationArn });
    new TerraformOutput(stack, outputs.apiDestinationName, { value: destination.apiDestinationName });
    new TerraformOutput(stack, outputs.targetId, { value: target.targetId });
    new TerraformOutput(stack, outputs.roleArn, { value: target.roleArn });
    new TerraformOutput(stack, outputs.roleName, { value: target.role.name });
    scenarios[scenario].apiDestination = { ...expected, outputs };
  }
  if (result.pipe) {
    // The pipe and the role it created.
    const { construct: pipe, expected } = result.pipe;
    const outputs = { pipeArn: `${out}_pipe_arn`, pipeName: `${out}_pipe_name`, roleArn: `${out}_pipe_role_arn` };
    new TerraformOutput(stack, outputs.pipeArn, { value: pipe.pipeArn });
    new TerraformOutput(stack, outputs.pipeName, { value: pipe.pipeName });
    new TerraformOutput(stack, outputs.roleArn, { value: pipe.roleArn });
    scenarios[scenario].pipe = { ...expected, outputs };
  }
  if (result.stateMachine) {
    // The state machine and its role's policy.
    const { construct: machine, grant, expected } = result.stateMachine;
    const outputs = { stateMachineArn: `${out}_state_machine_arn`, policy: `${out}_state_machine_policy` };
    new TerraformOutput(stack, outputs.stateMachineArn, { value: machine.arn });
    new TerraformOutput(stack, outputs.policy, { value: grant.policyJson });
    scenarios[scenario].stateMachine = { ...expected, outputs };
  }
}
app.synth();
const framework = packageOf(resolveFromLib(target.framework));
const binding = packageOf(resolveFromLib(`${target.providerPackage}/lib/provider`));
const manifest = {
  stack: stackName,
  stackDir: path.join(outdir, 'stacks', stackName),
  scenarios,
  // What this synthesis ran with, for the harness to check against the matrix entry.
  runtime: {
    flavour: target.name,
    node: process.version,
    libDir: fs.realpathSync(target.libDir),
    framework: { name: framework.name, version: framework.version },
    binding: {
      name: binding.name,
      version: binding.version,
      dir: binding.dir,
      awsProviderVersion: (binding.pkg.cdktf || binding.pkg.cdktn).provider.version,
    },
    // Every copy of the framework, constructs and the provider binding loaded by this
    // process (library and script together): one each when they share their instances.
    loaded: loadedPackages([target.framework, 'constructs', binding.name]),
    // Whether anything loaded the binding's index (every provider service at once): only
    // deep imports are meant to be used, by the library and by this script.
    bindingIndexLoaded: Object.keys(require.cache).some((file) =>
      [path.join(binding.dir, 'lib', 'index.js'), path.join(binding.dir, 'index.js')].includes(fs.realpathSync(file))),
  },
};
process.stdout.write(JSON.stringify(manifest, null, 2) + '\n');
