'use strict';
// One measured Node.js process of bench/run.js. Prints one JSON line on stdout.
//
//   node bench/child-node.js startup <lib|deep|index>
//   node bench/child-node.js synth <lib|raw|wrapped> <N> <outdir> [shared|plain|destinations]
//
// `wrapped` is the raw binding built where an L2 construct builds it; see
// wrapperClass() and destinationWrapperClasses() below.
//
// Only Node built-ins are loaded before the measured require, so that the
// process's start-up and peak memory belong to what is measured.
//
// The matrix entry to measure (bench/run.js sets these from scripts/flavours.js):
//   BENCH_LIB_DIR    the compiled library directory (default lib/; also usable
//                    for before/after comparisons with another build of lib/)
//   BENCH_FRAMEWORK  the framework package (default cdktf; cdktn for cdktn)
//   BENCH_PROVIDER   the AWS provider package (default @cdktf/provider-aws)
// The framework and the provider are resolved from the library directory first
// (then from the project root), so that the raw baseline gets the very
// modules the library loads: for cdktf-aws5 the 20.1.0 binding linked beside
// build/cdktf-aws5/lib, for cdktn the @cdktn packages.
const t0 = process.hrtime.bigint();
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const LIB_DIR = process.env.BENCH_LIB_DIR ? path.resolve(process.env.BENCH_LIB_DIR) : path.join(ROOT, 'lib');
const LIB = path.join(LIB_DIR, 'index.js');
const FRAMEWORK = process.env.BENCH_FRAMEWORK || 'cdktf';
const PROVIDER = process.env.BENCH_PROVIDER || '@cdktf/provider-aws';
const ms = (from, to = process.hrtime.bigint()) => Number(to - from) / 1e6;
const load = (request) => require(require.resolve(request, { paths: [LIB_DIR, ROOT] }));

const STARTUP = {
  lib: () => load(LIB),
  deep: () => load(`${PROVIDER}/lib/cloudwatch-event-connection`),
  index: () => load(PROVIDER),
};

function startup(kind) {
  const what = STARTUP[kind];
  if (!what) throw new Error(`unknown start-up kind ${kind}`);
  what();
  return { requireMs: ms(t0) };
}

/** The values of connection i, shared by both implementations. */
function spec(i) {
  const type = ['apiKey', 'basic', 'oauth'][i % 3];
  return {
    type,
    name: `bench-connection-${i}`,
    description: `Benchmark connection ${i}`,
    header: { key: 'X-Request-Source', value: 'eventbridge' },
    query: { key: 'tenant', value: `tenant-${i}` },
    secretHeaderKey: 'X-Tenant-Token',
    apiKeyName: 'x-api-key',
    username: `user-${i}`,
    endpoint: 'https://auth.example.com/oauth2/token',
    clientId: `client-${i}`,
    oauthBody: { key: 'grant_type', value: 'client_credentials' },
  };
}

/*
 * Where the secrets come from, per case. Each gives, for connection i, the auth secret
 * (API key, password or client secret) and the secret header's value:
 *   shared  what users write: the auth secret from one of three SSM SecureString parameters
 *           (`/bench/api-key-<i % 3>`), the header from one field of a Secrets Manager secret
 *           (`bench/tenant`, field `token`); the library reads each once per stack, the raw
 *           stack declares the same four data sources by hand
 *   plain   `SecretValue.unsafePlainText` (a warning per consuming property), raw: literals
 */
const SSM_KEYS = [0, 1, 2].map((k) => `/bench/api-key-${k}`);
const TENANT_SECRET = 'bench/tenant';
const TENANT_FIELD = 'token';

function libSecrets(kase, lib) {
  const { SecretValue } = lib;
  if (kase === 'plain') {
    const keys = [0, 1, 2].map((k) => SecretValue.unsafePlainText(`plain-key-${k}`));
    const tenant = SecretValue.unsafePlainText('plain-tenant-token');
    return (i) => ({ auth: keys[i % 3], header: tenant });
  }
  const keys = SSM_KEYS.map((name) => SecretValue.ssmSecureString(name));
  const tenant = SecretValue.secretsManager(TENANT_SECRET, { jsonField: TENANT_FIELD });
  return (i) => ({ auth: keys[i % 3], header: tenant });
}

function rawSecrets(kase, stack, cdk) {
  if (kase === 'plain') return (i) => ({ auth: `plain-key-${i % 3}`, header: 'plain-tenant-token' });
  const { DataAwsSsmParameter } = load(`${PROVIDER}/lib/data-aws-ssm-parameter`);
  const { DataAwsSecretsmanagerSecretVersion } = load(`${PROVIDER}/lib/data-aws-secretsmanager-secret-version`);
  const keys = SSM_KEYS.map((name, k) => new DataAwsSsmParameter(stack, `api_key_${k}`, { name, withDecryption: true }).value);
  const version = new DataAwsSecretsmanagerSecretVersion(stack, 'tenant', { secretId: TENANT_SECRET });
  const tenant = cdk.Token.asString(cdk.Fn.lookup(cdk.Fn.jsondecode(version.secretString), TENANT_FIELD));
  return (i) => ({ auth: keys[i % 3], header: tenant });
}

/** Builds connection i with the library. */
function libConnection(lib, stack, id, s, secret) {
  const { HttpParameter, HttpMethod, ApiKeyConnection, BasicConnection, OAuthConnection } = lib;
  const common = {
    connectionName: s.name,
    description: s.description,
    headerParameters: {
      [s.header.key]: HttpParameter.fromString(s.header.value),
      [s.secretHeaderKey]: HttpParameter.fromSecret(secret.header),
    },
    queryStringParameters: { [s.query.key]: HttpParameter.fromString(s.query.value) },
  };
  if (s.type === 'apiKey') {
    return new ApiKeyConnection(stack, id, { ...common, apiKeyName: s.apiKeyName, apiKeyValue: secret.auth });
  } else if (s.type === 'basic') {
    return new BasicConnection(stack, id, { ...common, username: s.username, password: secret.auth });
  }
  return new OAuthConnection(stack, id, {
    ...common,
    authorizationEndpoint: s.endpoint,
    httpMethod: HttpMethod.POST,
    clientId: s.clientId,
    clientSecret: secret.auth,
    oauthBodyParameters: { [s.oauthBody.key]: HttpParameter.fromString(s.oauthBody.value) },
  });
}

/**
 * The floor of any L2 construct over the binding: a construct class whose constructor builds the
 * binding as its child `Resource`, reached through a subclass's constructor, as `new
 * ApiKeyConnection()` runs Connection's constructor, which builds `CloudwatchEventConnection`.
 * Built with it, the raw stack writes the same Terraform JSON, has the library's construct tree
 * and logical ids (`Connection0/Resource` hashed into `Connection0_9AE55A2E`), and every token
 * the binding makes records a stack trace two frames deeper, as the library's do. It does none of
 * the library's own work (checks, secret reads, parameter rendering).
 */
function wrapperClass(Construct) {
  class Wrapper extends Construct {
    constructor(scope, id, Binding, config) {
      super(scope, id);
      this.resource = new Binding(this, 'Resource', config);
    }
  }
  class FlatWrapper extends Wrapper {
    constructor(scope, id, Binding, config) {
      super(scope, id, Binding, config);
    }
  }
  return FlatWrapper;
}

/**
 * Builds the same connection with the generated binding: at `id` in the stack, or with a
 * wrapper class (wrapperClass()) under a construct `id`.
 */
function rawConnection(CloudwatchEventConnection, stack, id, s, secret, Wrapper) {
  const param = (key, value, isValueSecret) => ({ key, value, isValueSecret });
  const invocationHttpParameters = {
    header: [param(s.header.key, s.header.value, false), param(s.secretHeaderKey, secret.header, true)],
    queryString: [param(s.query.key, s.query.value, false)],
  };
  let authorizationType;
  let auth;
  if (s.type === 'apiKey') {
    authorizationType = 'API_KEY';
    auth = { apiKey: { key: s.apiKeyName, value: secret.auth } };
  } else if (s.type === 'basic') {
    authorizationType = 'BASIC';
    auth = { basic: { username: s.username, password: secret.auth } };
  } else {
    authorizationType = 'OAUTH_CLIENT_CREDENTIALS';
    auth = {
      oauth: {
        authorizationEndpoint: s.endpoint,
        httpMethod: 'POST',
        clientParameters: { clientId: s.clientId, clientSecret: secret.auth },
        oauthHttpParameters: { body: [param(s.oauthBody.key, s.oauthBody.value, false)] },
      },
    };
  }
  const config = {
    name: s.name,
    description: s.description,
    authorizationType,
    authParameters: { ...auth, invocationHttpParameters },
  };
  return Wrapper ? new Wrapper(stack, id, CloudwatchEventConnection, config).resource : new CloudwatchEventConnection(stack, id, config);
}

/** Builds the case with the library: n connections, or 3 connections, n API destinations and n rule targets. */
function buildLib(kase, stack, n) {
  const lib = load(LIB);
  const secrets = libSecrets(kase === 'destinations' ? 'shared' : kase, lib);
  if (kase !== 'destinations') {
    for (let i = 0; i < n; i++) libConnection(lib, stack, `Connection${i}`, spec(i), secrets(i));
    return;
  }
  const connections = [0, 1, 2].map((i) => libConnection(lib, stack, `Connection${i}`, spec(i), secrets(i)));
  const { ApiDestination, ApiDestinationTarget, HttpMethod } = lib;
  for (let i = 0; i < n; i++) {
    const d = destinationSpec(i);
    const destination = new ApiDestination(stack, `Destination${i}`, {
      connection: connections[i % 3],
      endpoint: d.endpoint,
      httpMethod: HttpMethod.POST,
      apiDestinationName: d.name,
    });
    new ApiDestinationTarget(stack, `Target${i}`, { ruleName: d.rule, apiDestination: destination });
  }
}

function destinationSpec(i) {
  return { name: `bench-destination-${i}`, endpoint: `https://api.example.com/orders/${i}`, rule: `bench-rule-${i}` };
}

/** The config of API destination `d` for the generated binding (no tokens are made here). */
function destinationConfig(d, connectionArn) {
  return { name: d.name, connectionArn, invocationEndpoint: d.endpoint, httpMethod: 'POST' };
}

/** Builds the same case with the generated bindings (in wrapper constructs with `wrapped`). */
function buildRaw(kase, stack, n, cdk, wrapped = false) {
  const { CloudwatchEventConnection } = load(`${PROVIDER}/lib/cloudwatch-event-connection`);
  const secrets = rawSecrets(kase === 'destinations' ? 'shared' : kase, stack, cdk);
  const Wrapper = wrapped ? wrapperClass(load('constructs').Construct) : undefined;
  if (kase !== 'destinations') {
    for (let i = 0; i < n; i++) rawConnection(CloudwatchEventConnection, stack, `Connection${i}`, spec(i), secrets(i), Wrapper);
    return;
  }
  const connections = [0, 1, 2].map((i) => rawConnection(CloudwatchEventConnection, stack, `Connection${i}`, spec(i), secrets(i), Wrapper));
  const connectionArns = connections.map((c) => c.arn);
  const bindings = {
    CloudwatchEventApiDestination: load(`${PROVIDER}/lib/cloudwatch-event-api-destination`).CloudwatchEventApiDestination,
    CloudwatchEventTarget: load(`${PROVIDER}/lib/cloudwatch-event-target`).CloudwatchEventTarget,
    DataAwsIamPolicyDocument: load(`${PROVIDER}/lib/data-aws-iam-policy-document`).DataAwsIamPolicyDocument,
    IamRole: load(`${PROVIDER}/lib/iam-role`).IamRole,
    IamRolePolicy: load(`${PROVIDER}/lib/iam-role-policy`).IamRolePolicy,
  };
  if (wrapped) {
    const { Destination, Target } = destinationWrapperClasses(load('constructs').Construct, bindings, cdk);
    for (let i = 0; i < n; i++) {
      const d = destinationSpec(i);
      const destination = new Destination(stack, `Destination${i}`, destinationConfig(d, connectionArns[i % 3]));
      new Target(stack, `Target${i}`, d.rule, destination.resource.arn);
    }
    return;
  }
  // Written as a stack's author writes it: the bindings made in one loop, not in helper functions
  // (each would put one more frame in the stack trace that cdktf records for every token; see
  // destinationWrapperClasses).
  const { CloudwatchEventApiDestination, CloudwatchEventTarget, DataAwsIamPolicyDocument, IamRole, IamRolePolicy } = bindings;
  const { Fn, Token } = cdk;
  for (let i = 0; i < n; i++) {
    const d = destinationSpec(i);
    const destination = new CloudwatchEventApiDestination(stack, `Destination${i}`, destinationConfig(d, connectionArns[i % 3]));
    const arn = destination.arn;
    // One trust policy document per role, as the library writes (a hand-written stack could share one).
    const trust = new DataAwsIamPolicyDocument(stack, `Target${i}AssumeRolePolicy`, { statement: ASSUME_ROLE_STATEMENT });
    const role = new IamRole(stack, `Target${i}Role`, {
      assumeRolePolicy: trust.json,
      description: `EventBridge invokes an API destination for bench/Target${i}`,
    });
    const invoke = new DataAwsIamPolicyDocument(stack, `Target${i}PolicyDocument`, {
      statement: [{
        sid: 'InvokeApiDestination',
        effect: 'Allow',
        actions: ['events:InvokeApiDestination'],
        resources: [Token.asString(Fn.join('/', Fn.slice(Fn.split('/', arn), 0, 2)))],
      }],
    });
    new IamRolePolicy(stack, `Target${i}Policy`, { role: role.name, name: 'invoke-api-destination', policy: invoke.json });
    new CloudwatchEventTarget(stack, `Target${i}`, { rule: d.rule, arn, roleArn: role.arn });
  }
}

/** The rule targets' trust policy: EventBridge may assume the role. */
const ASSUME_ROLE_STATEMENT = [{ effect: 'Allow', actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }] }];

/**
 * The destinations case's wrapper constructs, built as the library builds ApiDestination and
 * ApiDestinationTarget: the destination's binding as the child `Resource`; the target's role and
 * policy made in a static method through a role helper (as `checkedConfig()` makes them through
 * `createServiceRole()`), as its children `AssumeRolePolicy`, `Role`, `PolicyDocument` and
 * `Policy`, then its binding as `Resource`. The same construct tree, logical ids, Terraform JSON
 * and stack depth as the library's, none of its own work (checks, placement, grants). The raw
 * stack's loop above makes the same bindings with the same values; they are written twice because
 * the frames around each binding are what this variant measures.
 */
function destinationWrapperClasses(Construct, b, cdk) {
  const { Fn, Token } = cdk;
  function serviceRole(scope, arn) {
    const trust = new b.DataAwsIamPolicyDocument(scope, 'AssumeRolePolicy', { statement: ASSUME_ROLE_STATEMENT });
    const role = new b.IamRole(scope, 'Role', {
      assumeRolePolicy: trust.json,
      description: `EventBridge invokes an API destination for ${scope.node.path}`,
    });
    const invoke = new b.DataAwsIamPolicyDocument(scope, 'PolicyDocument', {
      statement: [{
        sid: 'InvokeApiDestination',
        effect: 'Allow',
        actions: ['events:InvokeApiDestination'],
        resources: [Token.asString(Fn.join('/', Fn.slice(Fn.split('/', arn), 0, 2)))],
      }],
    });
    new b.IamRolePolicy(scope, 'Policy', { role: role.name, name: 'invoke-api-destination', policy: invoke.json });
    return role;
  }
  class Destination extends Construct {
    constructor(scope, id, config) {
      super(scope, id);
      this.resource = new b.CloudwatchEventApiDestination(this, 'Resource', config);
    }
  }
  class Target extends Construct {
    constructor(scope, id, rule, arn) {
      super(scope, id);
      const config = Target.config(this, rule, arn);
      this.resource = new b.CloudwatchEventTarget(this, 'Resource', config);
    }

    static config(target, rule, arn) {
      return { rule, arn, roleArn: serviceRole(target, arn).arn };
    }
  }
  return { Destination, Target };
}

/**
 * The blocks of the Terraform JSON, without construct metadata, with every reference's logical
 * id replaced by what it reads (a secret data source: its parameter name or secret id) or by
 * `_` (anything else), sorted: equal for the library and the raw stack when both wrote the same
 * Terraform, whatever their construct ids.
 */
function normalizedBlocks(json) {
  const names = new Map();
  for (const [type, key] of [['aws_ssm_parameter', 'name'], ['aws_secretsmanager_secret_version', 'secret_id']]) {
    for (const [id, block] of Object.entries((json.data || {})[type] || {})) names.set(`data.${type}.${id}`, `data.${type}.<${block[key]}>`);
  }
  const ref = /\b(data\.)?(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)\./g;
  const out = [];
  for (const section of ['resource', 'data']) {
    for (const [type, blocks] of Object.entries(json[section] || {})) {
      for (const block of Object.values(blocks)) {
        const { ['//']: _meta, ...rest } = block;
        const text = JSON.stringify(rest).replace(ref, (m, data, t, id) => `${names.get(`${data || ''}${t}.${id}`) || `${data || ''}${t}._`}.`);
        out.push(`${section}.${type} ${text}`);
      }
    }
  }
  return out.sort();
}

function synth(impl, n, outdir, kase = 'shared') {
  if (!['lib', 'raw', 'wrapped'].includes(impl)) throw new Error(`unknown implementation ${impl}`);
  if (!['shared', 'plain', 'destinations'].includes(kase)) throw new Error(`unknown case ${kase}`);
  const fs = require('fs');
  const crypto = require('crypto');
  const cdk = load(FRAMEWORK);
  const { App, TerraformStack } = cdk;
  const { AwsProvider } = load(`${PROVIDER}/lib/provider`);
  if (impl === 'lib') load(LIB);
  else load(`${PROVIDER}/lib/cloudwatch-event-connection`);
  const t1 = process.hrtime.bigint();

  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  if (impl === 'lib') buildLib(kase, stack, n);
  else buildRaw(kase, stack, n, cdk, impl === 'wrapped');
  const t2 = process.hrtime.bigint();
  app.synth();
  const t3 = process.hrtime.bigint();

  // The Terraform JSON without construct metadata and logical ids, so that the
  // parent can check both implementations wrote the same.
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  const blocks = normalizedBlocks(json);
  // The binding module this process loaded (for the library: the one it loaded itself).
  const bindingFile = require.resolve(`${PROVIDER}/lib/cloudwatch-event-connection`, { paths: [LIB_DIR, ROOT] });
  return {
    bindingFile,
    bindingLoaded: Boolean(require.cache[bindingFile]),
    requireMs: ms(t0, t1),
    buildMs: ms(t1, t2),
    synthMs: ms(t2, t3),
    // The count the parent checks: connections, or for `destinations` the rule targets.
    connections: Object.keys((json.resource || {})[kase === 'destinations' ? 'aws_cloudwatch_event_target' : 'aws_cloudwatch_event_connection'] || {}).length,
    outputHash: crypto.createHash('sha256').update(blocks.join('\n')).digest('hex').slice(0, 16),
  };
}

const [mode, ...args] = process.argv.slice(2);
let result;
if (mode === 'startup') result = startup(args[0]);
else if (mode === 'synth') result = synth(args[0], Number(args[1]), args[2], args[3]);
else throw new Error('usage: child-node.js startup <lib|deep|index> | synth <lib|raw|wrapped> <N> <outdir> [shared|plain|destinations]');
const usage = process.resourceUsage();
result.maxRssKb = usage.maxRSS;
result.cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
result.inProcessMs = ms(t0);
process.stdout.write(`${JSON.stringify(result)}\n`);
