'use strict';
// One measured Node.js process of bench/run.js. Prints one JSON line on stdout.
//
//   node bench/child-node.js startup <lib|deep|index>
//   node bench/child-node.js synth <lib|raw> <N> <outdir>
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
    secretBodyKey: 'signature',
    apiKeyName: 'x-api-key',
    username: `user-${i}`,
    endpoint: 'https://auth.example.com/oauth2/token',
    clientId: `client-${i}`,
    oauthBody: { key: 'grant_type', value: 'client_credentials' },
  };
}

/** Builds n connections with the library. */
function buildLib(stack, secretVar, n) {
  const lib = load(LIB);
  const { HttpParameter, HttpMethod, SecretValue, ApiKeyConnection, BasicConnection, OAuthConnection } = lib;
  for (let i = 0; i < n; i++) {
    const s = spec(i);
    const secret = SecretValue.fromTerraformVariable(secretVar);
    const common = {
      connectionName: s.name,
      description: s.description,
      headerParameters: { [s.header.key]: HttpParameter.fromString(s.header.value) },
      queryStringParameters: { [s.query.key]: HttpParameter.fromString(s.query.value) },
      bodyParameters: { [s.secretBodyKey]: HttpParameter.fromSecret(secret) },
    };
    const id = `Connection${i}`;
    if (s.type === 'apiKey') {
      new ApiKeyConnection(stack, id, { ...common, apiKeyName: s.apiKeyName, apiKeyValue: secret });
    } else if (s.type === 'basic') {
      new BasicConnection(stack, id, { ...common, username: s.username, password: secret });
    } else {
      new OAuthConnection(stack, id, {
        ...common,
        authorizationEndpoint: s.endpoint,
        httpMethod: HttpMethod.POST,
        clientId: s.clientId,
        clientSecret: secret,
        oauthBodyParameters: { [s.oauthBody.key]: HttpParameter.fromString(s.oauthBody.value) },
      });
    }
  }
}

/** Builds the same n connections with the generated binding. */
function buildRaw(stack, secretVar, n) {
  const { CloudwatchEventConnection } = load(`${PROVIDER}/lib/cloudwatch-event-connection`);
  const param = (key, value, isValueSecret) => [{ key, value, isValueSecret }];
  for (let i = 0; i < n; i++) {
    const s = spec(i);
    const secret = secretVar.stringValue;
    const invocationHttpParameters = {
      header: param(s.header.key, s.header.value, false),
      queryString: param(s.query.key, s.query.value, false),
      body: param(s.secretBodyKey, secret, true),
    };
    let authorizationType;
    let auth;
    if (s.type === 'apiKey') {
      authorizationType = 'API_KEY';
      auth = { apiKey: { key: s.apiKeyName, value: secret } };
    } else if (s.type === 'basic') {
      authorizationType = 'BASIC';
      auth = { basic: { username: s.username, password: secret } };
    } else {
      authorizationType = 'OAUTH_CLIENT_CREDENTIALS';
      auth = {
        oauth: {
          authorizationEndpoint: s.endpoint,
          httpMethod: 'POST',
          clientParameters: { clientId: s.clientId, clientSecret: secret },
          oauthHttpParameters: { body: param(s.oauthBody.key, s.oauthBody.value, false) },
        },
      };
    }
    new CloudwatchEventConnection(stack, `Connection${i}`, {
      name: s.name,
      description: s.description,
      authorizationType,
      authParameters: { ...auth, invocationHttpParameters },
    });
  }
}

function synth(impl, n, outdir) {
  if (impl !== 'lib' && impl !== 'raw') throw new Error(`unknown implementation ${impl}`);
  const fs = require('fs');
  const crypto = require('crypto');
  const { App, TerraformStack, TerraformVariable } = load(FRAMEWORK);
  const { AwsProvider } = load(`${PROVIDER}/lib/provider`);
  if (impl === 'lib') load(LIB);
  else load(`${PROVIDER}/lib/cloudwatch-event-connection`);
  const t1 = process.hrtime.bigint();

  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const secretVar = new TerraformVariable(stack, 'bench_secret', { type: 'string', sensitive: true });
  (impl === 'lib' ? buildLib : buildRaw)(stack, secretVar, n);
  const t2 = process.hrtime.bigint();
  app.synth();
  const t3 = process.hrtime.bigint();

  // The connections' Terraform JSON, without construct metadata and logical
  // ids, so that the parent can check both implementations wrote the same.
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  const blocks = Object.values((json.resource || {}).aws_cloudwatch_event_connection || {})
    .map((b) => { const { ['//']: _meta, ...rest } = b; return JSON.stringify(rest); })
    .sort();
  // The binding module this process loaded (for the library: the one it loaded itself).
  const bindingFile = require.resolve(`${PROVIDER}/lib/cloudwatch-event-connection`, { paths: [LIB_DIR, ROOT] });
  return {
    bindingFile,
    bindingLoaded: Boolean(require.cache[bindingFile]),
    requireMs: ms(t0, t1),
    buildMs: ms(t1, t2),
    synthMs: ms(t2, t3),
    connections: blocks.length,
    outputHash: crypto.createHash('sha256').update(blocks.join('\n')).digest('hex').slice(0, 16),
  };
}

const [mode, ...args] = process.argv.slice(2);
let result;
if (mode === 'startup') result = startup(args[0]);
else if (mode === 'synth') result = synth(args[0], Number(args[1]), args[2]);
else throw new Error(`usage: child-node.js startup <kind> | synth <impl> <N> <outdir>`);
const usage = process.resourceUsage();
result.maxRssKb = usage.maxRSS;
result.cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
result.inProcessMs = ms(t0);
process.stdout.write(`${JSON.stringify(result)}\n`);
