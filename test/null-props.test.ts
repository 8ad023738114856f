/*
 * One rule on every construct and struct: an optional prop given as `null` (Python `None`,
 * JSON, untyped callers) means "not given". Walks every optional prop of every struct in the
 * jsii assembly (inherited ones included), sets it to null in an example that sets it, and
 * checks that the stack synthesizes exactly as with the prop left out. A struct with no entry
 * below fails the suite, and so does an optional prop that no example of its struct sets (a
 * comparison that would pass whatever the construct does with it).
 */
import * as fs from 'fs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import {
  ApiDestination,
  ApiDestinationPipe,
  ApiDestinationTarget,
  ApiKeyConnection,
  Authorization,
  BasicConnection,
  Connection,
  DynamoDbStartingPosition,
  HttpInvokeTask,
  HttpMethod,
  HttpParameter,
  KinesisStartingPosition,
  OAuthConnection,
  OnPartialBatchItemFailure,
  PipeDesiredState,
  PipeSource,
  RequestBodyEncoding,
  SecretValue,
  StepFunctionsHttpTaskGrant,
  UrlEncodingArrayFormat,
} from '../src';
import { freshBuild, HAS_OAUTH_CONNECTIVITY, HAS_PER_RESOURCE_REGION } from './flavour';
import { newStack } from './util';

type Props = Record<string, unknown>;

const assembly = JSON.parse(fs.readFileSync(freshBuild('jsii'), 'utf-8'));
const structs = new Map<string, any>(Object.values<any>(assembly.types)
  .filter((t) => t.kind === 'interface' && t.datatype).map((t) => [t.fqn, t]));

/** Every optional prop of a struct, its parents' included. */
function optionalProps(fqn: string): string[] {
  const type = structs.get(fqn);
  return [
    ...(type.properties ?? []).filter((p: any) => p.optional).map((p: any) => p.name),
    ...(type.interfaces ?? []).flatMap(optionalProps),
  ];
}

const plain = (value: string) => SecretValue.unsafePlainText(value);
const param = (value: string) => ({ Key: HttpParameter.fromString(value) });
const CONNECTION_ARN = 'arn:aws:events:us-east-1:123456789012:connection/imported/2d1e0aa0-0000-4000-8000-000000000000';
const RESOURCE_CONFIGURATION = 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0';

const DESTINATION_ARN_PREFIX = 'arn:aws:events:us-east-1:123456789012:api-destination';
const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:q';
const STREAM_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/s';
const STREAM_OPTIONS = {
  batchSize: 100,
  maximumBatchingWindowInSeconds: 5,
  maximumRecordAgeInSeconds: 3600,
  maximumRetryAttempts: 3,
  parallelizationFactor: 2,
  onPartialBatchItemFailure: OnPartialBatchItemFailure.AUTOMATIC_BISECT,
  deadLetterQueueArn: 'arn:aws:sqs:us-east-1:123456789012:dlq',
};
const pipeDestination = (stack: TerraformStack, id = 'Dest') =>
  ApiDestination.fromApiDestinationArn(stack, id, `${DESTINATION_ARN_PREFIX}/${id.toLowerCase()}/2d1e0aa0-0000-4000-8000-000000000000`);

/** Every optional connection option set (region only where the binding has it). */
function connectionOptions(stack: TerraformStack): Props {
  return {
    connectionName: 'full',
    description: 'every option',
    headerParameters: param('h'),
    queryStringParameters: param('q'),
    bodyParameters: param('b'),
    kmsKeyIdentifier: 'alias/connections',
    resourceConfigurationArn: RESOURCE_CONFIGURATION,
    provider: new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' }),
    ...(HAS_PER_RESOURCE_REGION ? { region: 'eu-central-1' } : {}),
  };
}

/**
 * Per struct: the props with every optional prop set (`full`); `variants` set, each, the props
 * that exclude one of `full` (`input` excludes `inputTransformer`); and how to build a stack
 * from props.
 */
interface Case {
  readonly full: (stack: TerraformStack) => Props;
  readonly variants?: Array<(stack: TerraformStack) => Props>;
  readonly build: (stack: TerraformStack, props: Props) => void;
}

/** Optional props that no example can set against this run's provider binding, and why. */
const NOT_SETTABLE_HERE: Record<string, string> = {
  ...(HAS_PER_RESOURCE_REGION ? {} : { region: 'the binding has no per-resource region (AWS provider 5): it is refused' }),
  ...(HAS_OAUTH_CONNECTIVITY ? {} : {
    authorizationEndpointResourceConfigurationArn: 'the binding has no auth_parameters.connectivity_parameters: it is refused',
  }),
};

const CASES: Record<string, Case> = {
  PlacementOptions: {
    full: (stack) => ({
      provider: new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' }),
      ...(HAS_PER_RESOURCE_REGION ? { region: 'us-west-2' } : {}),
    }),
    build: (stack, props) => Connection.fromConnectionName(stack, 'Looked', 'shared', props as any),
  },
  ConnectionOptions: {
    full: connectionOptions,
    build: (stack, props) => new Connection(stack, 'C', { authorization: Authorization.apiKey('k', plain('v')), ...props }),
  },
  ConnectionProps: {
    full: (stack) => ({ authorization: Authorization.apiKey('k', plain('v')), ...connectionOptions(stack) }),
    build: (stack, props) => new Connection(stack, 'C', props as any),
  },
  ApiKeyConnectionProps: {
    full: (stack) => ({ apiKeyName: 'k', apiKeyValue: plain('v'), ...connectionOptions(stack) }),
    build: (stack, props) => new ApiKeyConnection(stack, 'C', props as any),
  },
  BasicConnectionProps: {
    full: (stack) => ({ username: 'u', password: plain('p'), ...connectionOptions(stack) }),
    build: (stack, props) => new BasicConnection(stack, 'C', props as any),
  },
  OAuthConnectionProps: {
    full: (stack) => ({
      authorizationEndpoint: 'https://auth.example.com/token',
      httpMethod: HttpMethod.POST,
      clientId: 'id',
      clientSecret: plain('s'),
      oauthBodyParameters: param('b'),
      oauthHeaderParameters: param('h'),
      oauthQueryStringParameters: param('q'),
      ...(HAS_OAUTH_CONNECTIVITY ? { authorizationEndpointResourceConfigurationArn: RESOURCE_CONFIGURATION } : {}),
      ...connectionOptions(stack),
    }),
    build: (stack, props) => new OAuthConnection(stack, 'C', props as any),
  },
  OAuthAuthorizationProps: {
    full: () => ({
      authorizationEndpoint: 'https://auth.example.com/token',
      httpMethod: HttpMethod.POST,
      clientId: 'id',
      clientSecret: plain('s'),
      bodyParameters: param('b'),
      headerParameters: param('h'),
      queryStringParameters: param('q'),
      ...(HAS_OAUTH_CONNECTIVITY ? { authorizationEndpointResourceConfigurationArn: RESOURCE_CONFIGURATION } : {}),
    }),
    build: (stack, props) => new Connection(stack, 'C', { authorization: Authorization.oauth(props as any) }),
  },
  SecretsManagerSecretOptions: {
    full: () => ({ jsonField: 'key', versionStage: 'AWSPREVIOUS' }),
    variants: [() => ({ jsonField: 'key', versionId: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE' })], // versionId excludes versionStage
    build: (stack, props) => new ApiKeyConnection(stack, 'C', { apiKeyName: 'k', apiKeyValue: SecretValue.secretsManager('s', props) }),
  },
  ConnectionAttributes: {
    full: () => ({
      connectionArn: CONNECTION_ARN,
      connectionName: 'imported',
      connectionSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/imported/abc-AbCdEf',
      kmsKeyIdentifier: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    }),
    build: (stack, props) => new StepFunctionsHttpTaskGrant(stack, 'G', {
      connection: Connection.fromConnectionAttributes(stack, 'Imported', props as any),
    }),
  },
  ApiDestinationProps: {
    full: (stack) => ({
      apiDestinationName: 'full',
      description: 'every option',
      httpMethod: HttpMethod.PUT,
      rateLimitPerSecond: 5,
      provider: new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' }),
      ...(HAS_PER_RESOURCE_REGION ? { region: 'us-east-1' } : {}),
    }),
    build: (stack, props) => new ApiDestination(stack, 'D', {
      connection: Connection.fromConnectionArn(stack, 'Conn', CONNECTION_ARN), endpoint: 'https://example.com/*', ...props,
    }),
  },
  ApiDestinationTargetProps: {
    full: (stack) => ({
      deadLetterQueueArn: 'arn:aws:sqs:us-east-1:123456789012:dlq',
      ownsDeadLetterQueuePolicy: true,
      ruleArn: 'arn:aws:events:us-east-1:123456789012:rule/bus/rule',
      eventBusName: 'bus',
      headerParameters: { 'X-A': 'a' },
      input: '{"a":1}',
      maximumEventAgeInSeconds: 3600,
      maximumRetryAttempts: 3,
      pathParameterValues: ['$.id'],
      provider: new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' }),
      queryStringParameters: { q: 'v' },
      roleArn: 'arn:aws:iam::123456789012:role/events',
      targetId: 'full',
      ...(HAS_PER_RESOURCE_REGION ? { region: 'us-east-1' } : {}),
    }),
    // inputTransformer and inputPath exclude input
    variants: [
      () => ({ inputTransformer: { inputTemplate: '{"id": <id>}', inputPathsMap: { id: '$.id' } } }),
      () => ({ inputPath: '$.detail' }),
    ],
    build: (stack, props) => new ApiDestinationTarget(stack, 'T', {
      ruleName: 'rule',
      apiDestination: ApiDestination.fromApiDestinationArn(stack, 'Dest',
        'arn:aws:events:us-east-1:123456789012:api-destination/d/2d1e0aa0-0000-4000-8000-000000000000'),
      ...props,
    }),
  },
  ApiDestinationAttributes: {
    full: (stack) => ({
      apiDestinationArn: 'arn:aws:events:us-east-1:123456789012:api-destination/d/2d1e0aa0-0000-4000-8000-000000000000',
      connection: Connection.fromConnectionArn(stack, 'Conn', CONNECTION_ARN),
      provider: new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' }),
      ...(HAS_PER_RESOURCE_REGION ? { region: 'us-east-1' } : {}),
    }),
    build: (stack, props) => ApiDestination.fromApiDestinationAttributes(stack, 'Dest', props as any).grantInvoke('role'),
  },
  InputTransformerOptions: {
    full: () => ({ inputTemplate: '{"id": <id>}', inputPathsMap: { id: '$.id' } }),
    build: (stack, props) => new ApiDestinationTarget(stack, 'T', {
      ruleName: 'rule',
      apiDestination: ApiDestination.fromApiDestinationArn(stack, 'Dest',
        'arn:aws:events:us-east-1:123456789012:api-destination/d/2d1e0aa0-0000-4000-8000-000000000000'),
      inputTransformer: props as any,
    }),
  },
  StepFunctionsHttpTaskGrantProps: {
    full: (stack) => ({
      endpoint: 'https://api.example.com/*',
      httpMethod: HttpMethod.POST,
      policyName: 'p',
      roleName: 'r',
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
      provider: new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' }),
    }),
    build: (stack, props) => new StepFunctionsHttpTaskGrant(stack, 'G', {
      connection: Connection.fromConnectionArn(stack, 'Conn', CONNECTION_ARN), ...props,
    }),
  },
  ApiDestinationPipeProps: {
    full: (stack) => ({
      pipeName: 'full',
      description: 'every option',
      desiredState: PipeDesiredState.STOPPED,
      filters: ['{"body":{"type":["a"]}}'],
      enrichment: { apiDestination: ApiDestination.fromApiDestinationArn(stack, 'Enricher', `${DESTINATION_ARN_PREFIX}/e/2d1e0aa0-0000-4000-8000-000000000001`) },
      inputTemplate: '{"a": <$.body>}',
      headerParameters: { 'X-A': 'a' },
      pathParameterValues: ['$.body.id'],
      queryStringParameters: { q: 'v' },
      roleArn: 'arn:aws:iam::123456789012:role/pipes',
      provider: new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' }),
      ...(HAS_PER_RESOURCE_REGION ? { region: 'us-west-2' } : {}),
    }),
    build: (stack, props) => new ApiDestinationPipe(stack, 'P', {
      source: PipeSource.sqsQueue(QUEUE_ARN), apiDestination: pipeDestination(stack), ...props,
    }),
  },
  PipeApiDestinationEnrichment: {
    full: () => ({ inputTemplate: '{"a": 1}', headerParameters: { 'X-A': 'a' }, pathParameterValues: ['x'], queryStringParameters: { q: 'v' } }),
    build: (stack, props) => new ApiDestinationPipe(stack, 'P', {
      source: PipeSource.sqsQueue(QUEUE_ARN),
      apiDestination: pipeDestination(stack),
      enrichment: { apiDestination: pipeDestination(stack, 'Enricher'), ...props } as any,
    }),
  },
  SqsQueueSourceOptions: {
    full: () => ({ batchSize: 100, maximumBatchingWindowInSeconds: 5 }),
    build: (stack, props) => new ApiDestinationPipe(stack, 'P', {
      source: PipeSource.sqsQueue(QUEUE_ARN, props), apiDestination: pipeDestination(stack),
    }),
  },
  StreamSourceOptions: {
    full: () => STREAM_OPTIONS,
    build: (stack, props) => new ApiDestinationPipe(stack, 'P', {
      source: PipeSource.kinesisStream(STREAM_ARN, { startingPosition: KinesisStartingPosition.LATEST, ...props }),
      apiDestination: pipeDestination(stack),
    }),
  },
  KinesisStreamSourceOptions: {
    full: () => ({ ...STREAM_OPTIONS, startingPosition: KinesisStartingPosition.AT_TIMESTAMP, startingPositionTimestamp: '2026-01-31T12:00:00Z' }),
    build: (stack, props) => new ApiDestinationPipe(stack, 'P', {
      source: PipeSource.kinesisStream(STREAM_ARN, props as any), apiDestination: pipeDestination(stack),
    }),
  },
  DynamoDbStreamSourceOptions: {
    full: () => ({ ...STREAM_OPTIONS, startingPosition: DynamoDbStartingPosition.LATEST }),
    build: (stack, props) => new ApiDestinationPipe(stack, 'P', {
      source: PipeSource.dynamoDbStream('arn:aws:dynamodb:us-east-1:123456789012:table/tbl/stream/2026-01-31T12:00:00.000', props as any),
      apiDestination: pipeDestination(stack),
    }),
  },
  HttpInvokeTaskProps: {
    full: () => ({
      method: HttpMethod.POST,
      comment: 'every option',
      headers: { 'X-Request-Id.$': '$.id' },
      queryParameters: { q: 'v' },
      requestBody: '{"a": 1}',
      requestBodyEncoding: RequestBodyEncoding.URL_ENCODED,
      arrayFormat: UrlEncodingArrayFormat.REPEAT,
    }),
    build: (stack, props) => new TerraformOutput(stack, 'State', {
      value: new HttpInvokeTask({
        connection: Connection.fromConnectionArn(stack, 'Conn', CONNECTION_ARN), endpoint: 'https://api.example.com/v1', ...props,
      }).toJsonPathState({ end: true }),
    }),
  },
  HttpInvokeTaskStateOptions: {
    full: () => ({ next: 'Done' }),
    variants: [() => ({ end: true })], // end excludes next
    build: (stack, props) => new TerraformOutput(stack, 'State', {
      value: new HttpInvokeTask({
        connection: Connection.fromConnectionArn(stack, 'Conn', CONNECTION_ARN), endpoint: 'https://api.example.com/v1',
      }).toJsonataState(props as any),
    }),
  },
  HttpInvokeTaskGrantOptions: {
    full: (stack) => ({
      policyName: 'p',
      roleName: 'r',
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
      provider: new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' }),
    }),
    build: (stack, props) => new HttpInvokeTask({
      connection: Connection.fromConnectionArn(stack, 'Conn', CONNECTION_ARN), endpoint: 'https://api.example.com/v1',
    }).grant(stack, 'G', props),
  },
};

/** The examples of a struct: its full props, then its variants. */
const examples = (name: string) => [CASES[name].full, ...(CASES[name].variants ?? [])];

/** The first example of a struct that sets `prop` (to anything but undefined), or undefined. */
function exampleSetting(name: string, prop: string): number | undefined {
  const index = examples(name).findIndex((example) => example(newStack())[prop] !== undefined);
  return index < 0 ? undefined : index;
}

/**
 * The stack built from an example's props changed by `change`, as JSON, or the error the
 * construct throws: a prop that another needs (as `ownsDeadLetterQueuePolicy` needs
 * `deadLetterQueueArn`) must be refused the same way whether it is omitted or null.
 */
function synth(name: string, example: number, change: (props: Props) => void): string {
  const stack = newStack();
  const props = examples(name)[example](stack);
  change(props);
  try {
    CASES[name].build(stack, props);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
  return Testing.synth(stack);
}

const NAMES = [...structs.values()].map((t) => t.name as string);
const OPTIONALS = [...structs.values()].flatMap((t) => optionalProps(t.fqn).map((prop) => [t.name as string, prop] as const));

test('every struct of the assembly has a case here', () => {
  expect(NAMES.filter((name) => !(name in CASES))).toEqual([]);
  expect(OPTIONALS.length).toBeGreaterThan(40);
});

test('every optional prop is set by an example of its struct (full or a variant)', () => {
  const unset = OPTIONALS.filter(([name, prop]) => name in CASES && !(prop in NOT_SETTABLE_HERE) && exampleSetting(name, prop) === undefined)
    .map(([name, prop]) => `${name}.${prop}`);
  expect(unset).toEqual([]);
});

test.each(NAMES.flatMap((name) => examples(name).map((_, i) => [name, i] as const)))(
  '%s, example %d (every optional prop set) synthesizes (so the comparisons below compare stacks)', (name, example) => {
    expect(synth(name, example, () => {}).slice(0, 7)).not.toBe('error: ');
  });

test.each(OPTIONALS)('%s.%s given as null means "not given"', (name, prop) => {
  const example = exampleSetting(name, prop) ?? 0;
  const omitted = synth(name, example, (props) => { delete props[prop]; });
  expect(synth(name, example, (props) => { props[prop] = null; })).toEqual(omitted);
});
