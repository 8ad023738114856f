import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { PipesPipe } from '@cdktf/provider-aws/lib/pipes-pipe';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  ApiDestination,
  ApiDestinationPipe,
  ApiDestinationPipeProps,
  Connection,
  DynamoDbStartingPosition,
  IApiDestination,
  KinesisStartingPosition,
  OnPartialBatchItemFailure,
  PipeDesiredState,
  PipeSource,
} from '../src';
import { HAS_PER_RESOURCE_REGION } from './flavour';
import { newStack, resolved, synthObject } from './util';

const DESTINATION_ARN = 'arn:aws:events:us-east-1:123456789012:api-destination/partner-orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const ENRICHER_ARN = 'arn:aws:events:us-east-1:123456789012:api-destination/enricher/1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e';
const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:orders';
const DLQ_ARN = 'arn:aws:sqs:us-east-1:123456789012:orders-dlq';
const STREAM_ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';
const TABLE_STREAM_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-31T12:00:00.000';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/pipe-role';

const withRegion = HAS_PER_RESOURCE_REGION ? test : test.skip;

function destination(stack: TerraformStack, arn = DESTINATION_ARN, id = 'Destination'): IApiDestination {
  return ApiDestination.fromApiDestinationArn(stack, id, arn);
}

function pipe(stack: TerraformStack, props: Partial<ApiDestinationPipeProps> = {}): ApiDestinationPipe {
  return new ApiDestinationPipe(stack, 'Pipe', {
    source: PipeSource.sqsQueue(QUEUE_ARN),
    apiDestination: destination(stack),
    ...props,
  });
}

function pipeBlock(stack: TerraformStack): any {
  return Object.values<any>(synthObject(stack).resource.aws_pipes_pipe)[0];
}

/** The statements of the pipe's role policy. */
function roleStatements(stack: TerraformStack, p: ApiDestinationPipe): any[] {
  const document = p.node.findChild('PolicyDocument') as DataAwsIamPolicyDocument;
  return synthObject(stack).data.aws_iam_policy_document[document.friendlyUniqueId].statement;
}

const INVOKE = {
  sid: 'InvokeApiDestination',
  effect: 'Allow',
  actions: ['events:InvokeApiDestination'],
  resources: ['arn:aws:events:us-east-1:123456789012:api-destination/partner-orders'],
};

describe('ApiDestinationPipe', () => {
  test('pipes an SQS queue to the API destination with a created role', () => {
    const stack = newStack();
    const p = pipe(stack);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(PipesPipe, {
      name: 'TestStack-Pipe',
      source: QUEUE_ARN,
      target: DESTINATION_ARN,
      role_arn: '${aws_iam_role.Pipe_Role_4BA0E72E.arn}',
      depends_on: ['aws_iam_role_policy.Pipe_Policy_04A6AF26'],
    });
    const block = pipeBlock(stack);
    expect(block.source_parameters).toBeUndefined();
    expect(block.target_parameters).toBeUndefined();
    expect(block.enrichment).toBeUndefined();
    expect(block.desired_state).toBeUndefined();
    expect(p.resource.node.id).toBe('Resource');
    expect(p.role).toBeInstanceOf(IamRole);
    expect(resolved(stack, p.roleArn)).toBe('${aws_iam_role.Pipe_Role_4BA0E72E.arn}');
    expect(resolved(stack, p.pipeName)).toBe('${aws_pipes_pipe.Pipe_7793F8A1.name}');
    expect(resolved(stack, p.pipeArn)).toBe('${aws_pipes_pipe.Pipe_7793F8A1.arn}');
  });

  test('creates a role that only pipes.amazonaws.com can assume, for the API destination\'s account', () => {
    const stack = newStack();
    pipe(stack);
    const synth = Testing.synth(stack);
    expect(synth).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [{
        effect: 'Allow',
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['pipes.amazonaws.com'] }],
        condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: ['123456789012'] }],
      }],
    });
    expect(synth).toHaveResourceWithProperties(IamRole, {
      assume_role_policy: '${data.aws_iam_policy_document.Pipe_AssumeRolePolicy_13E29BEC.json}',
      description: 'EventBridge Pipes reads a source and invokes an API destination for TestStack/Pipe',
    });
    expect(synth).toHaveResourceWithProperties(IamRolePolicy, {
      role: '${aws_iam_role.Pipe_Role_4BA0E72E.name}',
      name: 'read-source-invoke-api-destination',
      policy: '${data.aws_iam_policy_document.Pipe_PolicyDocument_7CE78D17.json}',
    });
  });

  test('allows the SQS source\'s read actions on the queue and the invocation, nothing else', () => {
    const stack = newStack();
    const p = pipe(stack);
    expect(roleStatements(stack, p)).toEqual([
      {
        sid: 'ReadSource',
        effect: 'Allow',
        actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
        resources: [QUEUE_ARN],
      },
      INVOKE,
    ]);
  });

  test('allows the Kinesis source\'s read actions on the stream and sending to its dead-letter queue', () => {
    const stack = newStack();
    const p = pipe(stack, {
      source: PipeSource.kinesisStream(STREAM_ARN, { startingPosition: KinesisStartingPosition.LATEST, deadLetterQueueArn: DLQ_ARN }),
    });
    expect(roleStatements(stack, p)).toEqual([
      {
        sid: 'ReadSource',
        effect: 'Allow',
        actions: [
          'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator',
          'kinesis:ListShards', 'kinesis:ListStreams', 'kinesis:SubscribeToShard',
        ],
        resources: [STREAM_ARN],
      },
      { sid: 'SendToDeadLetterQueue', effect: 'Allow', actions: ['sqs:SendMessage'], resources: [DLQ_ARN] },
      INVOKE,
    ]);
  });

  test('allows the DynamoDB source\'s read actions on the stream', () => {
    const stack = newStack();
    const p = pipe(stack, { source: PipeSource.dynamoDbStream(TABLE_STREAM_ARN, { startingPosition: DynamoDbStartingPosition.TRIM_HORIZON }) });
    expect(roleStatements(stack, p)).toEqual([
      {
        sid: 'ReadSource',
        effect: 'Allow',
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
        resources: [TABLE_STREAM_ARN],
      },
      INVOKE,
    ]);
  });

  test('gives its role the invoke statement grantInvoke() gives', () => {
    const stack = newStack();
    const dest = destination(stack);
    const p = new ApiDestinationPipe(stack, 'Pipe', { source: PipeSource.sqsQueue(QUEUE_ARN), apiDestination: dest });
    const grant = dest.grantInvoke('some-role');
    const granted = synthObject(stack).data.aws_iam_policy_document[grant.document.friendlyUniqueId].statement;
    expect(roleStatements(stack, p)[1]).toEqual(granted[0]);
  });

  test('writes the SQS source\'s batching', () => {
    const stack = newStack();
    pipe(stack, { source: PipeSource.sqsQueue(QUEUE_ARN, { batchSize: 10000, maximumBatchingWindowInSeconds: 300 }) });
    expect(pipeBlock(stack).source_parameters).toEqual({
      sqs_queue_parameters: { batch_size: 10000, maximum_batching_window_in_seconds: 300 },
    });
  });

  test('writes every option of a Kinesis source', () => {
    const stack = newStack();
    pipe(stack, {
      source: PipeSource.kinesisStream(STREAM_ARN, {
        startingPosition: KinesisStartingPosition.AT_TIMESTAMP,
        startingPositionTimestamp: '2026-01-31T12:00:00Z',
        batchSize: 500,
        maximumBatchingWindowInSeconds: 5,
        maximumRecordAgeInSeconds: 3600,
        maximumRetryAttempts: 3,
        parallelizationFactor: 2,
        onPartialBatchItemFailure: OnPartialBatchItemFailure.AUTOMATIC_BISECT,
        deadLetterQueueArn: DLQ_ARN,
      }),
    });
    expect(pipeBlock(stack).source_parameters).toEqual({
      kinesis_stream_parameters: {
        starting_position: 'AT_TIMESTAMP',
        starting_position_timestamp: '2026-01-31T12:00:00Z',
        batch_size: 500,
        maximum_batching_window_in_seconds: 5,
        maximum_record_age_in_seconds: 3600,
        maximum_retry_attempts: 3,
        parallelization_factor: 2,
        on_partial_batch_item_failure: 'AUTOMATIC_BISECT',
        dead_letter_config: { arn: DLQ_ARN },
      },
    });
  });

  test('writes a DynamoDB source\'s starting position and the unlimited values -1', () => {
    const stack = newStack();
    pipe(stack, {
      source: PipeSource.dynamoDbStream(TABLE_STREAM_ARN, {
        startingPosition: DynamoDbStartingPosition.LATEST, maximumRecordAgeInSeconds: -1, maximumRetryAttempts: -1,
      }),
    });
    expect(pipeBlock(stack).source_parameters).toEqual({
      dynamodb_stream_parameters: { starting_position: 'LATEST', maximum_record_age_in_seconds: -1, maximum_retry_attempts: -1 },
    });
  });

  test('writes the filters, the input template, the HTTP parameters, the name, the description and the state', () => {
    const stack = newStack();
    pipe(stack, {
      pipeName: 'orders-to-partner',
      description: 'Orders to the partner',
      desiredState: PipeDesiredState.STOPPED,
      filters: [JSON.stringify({ body: { type: ['order.placed'] } }), JSON.stringify({ body: { priority: ['high'] } })],
      inputTemplate: '{"order": <$.body.id>}',
      headerParameters: { 'X-Order': '$.body.id' },
      pathParameterValues: ['$.body.id'],
      queryStringParameters: { tenant: 'acme' },
    });
    expect(pipeBlock(stack)).toMatchObject({
      name: 'orders-to-partner',
      description: 'Orders to the partner',
      desired_state: 'STOPPED',
      source_parameters: {
        filter_criteria: {
          filter: [{ pattern: '{"body":{"type":["order.placed"]}}' }, { pattern: '{"body":{"priority":["high"]}}' }],
        },
      },
      target_parameters: {
        input_template: '{"order": <$.body.id>}',
        http_parameters: {
          header_parameters: { 'X-Order': '$.body.id' },
          path_parameter_values: ['$.body.id'],
          query_string_parameters: { tenant: 'acme' },
        },
      },
    });
  });

  test('enriches through another API destination, which its role may invoke too', () => {
    const stack = newStack();
    const p = pipe(stack, {
      enrichment: {
        apiDestination: destination(stack, ENRICHER_ARN, 'Enricher'),
        inputTemplate: '{"id": <$.body.id>}',
        headerParameters: { 'X-Step': 'enrich' },
        pathParameterValues: ['$.body.id'],
        queryStringParameters: { full: 'true' },
      },
    });
    expect(pipeBlock(stack)).toMatchObject({
      enrichment: ENRICHER_ARN,
      enrichment_parameters: {
        input_template: '{"id": <$.body.id>}',
        http_parameters: {
          header_parameters: { 'X-Step': 'enrich' },
          path_parameter_values: ['$.body.id'],
          query_string_parameters: { full: 'true' },
        },
      },
    });
    expect(roleStatements(stack, p)[1]).toEqual({
      ...INVOKE,
      resources: [INVOKE.resources[0], 'arn:aws:events:us-east-1:123456789012:api-destination/enricher'],
    });
  });

  test('names an enrichment through the target\'s destination once in the invoke statement', () => {
    const stack = newStack();
    const dest = destination(stack);
    const p = new ApiDestinationPipe(stack, 'Pipe', {
      source: PipeSource.sqsQueue(QUEUE_ARN), apiDestination: dest, enrichment: { apiDestination: dest },
    });
    expect(roleStatements(stack, p)[1]).toEqual(INVOKE);
    expect(pipeBlock(stack).enrichment_parameters).toBeUndefined();
  });

  test('uses a given role instead of creating one', () => {
    const stack = newStack();
    const p = pipe(stack, { roleArn: ROLE_ARN });
    const synth = synthObject(stack);
    expect(pipeBlock(stack).role_arn).toBe(ROLE_ARN);
    expect(pipeBlock(stack).depends_on).toBeUndefined();
    expect(p.role).toBeUndefined();
    expect(p.roleArn).toBe(ROLE_ARN);
    expect(synth.resource.aws_iam_role).toBeUndefined();
    expect(synth.data).toBeUndefined();
  });

  test('takes tokens unjudged: source ARN, filters, template, name', () => {
    const stack = newStack();
    const text = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    const list = new TerraformVariable(stack, 'filters', { type: 'list(string)' }).listValue;
    pipe(stack, {
      source: PipeSource.kinesisStream(text('stream'), { startingPosition: KinesisStartingPosition.LATEST, batchSize: 10 }),
      filters: list,
      inputTemplate: text('template'),
      pipeName: text('name'),
    });
    expect(pipeBlock(stack)).toMatchObject({
      name: '${var.name}',
      source: '${var.stream}',
      // A list that is a token becomes a dynamic block over it.
      source_parameters: {
        filter_criteria: {
          dynamic: { filter: { for_each: '${toset(var.filters)}', iterator: 'each', content: { pattern: '${each.value}' } } },
        },
        kinesis_stream_parameters: { starting_position: 'LATEST', batch_size: 10 },
      },
      target_parameters: { input_template: '${var.template}' },
    });
  });

  test('uses the API destination\'s provider for the pipe, the role and its policy', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    const conn = Connection.fromConnectionName(stack, 'Conn', 'partner', { provider: west });
    const dest = new ApiDestination(stack, 'Dest', { connection: conn, endpoint: 'https://example.com' });
    new ApiDestinationPipe(stack, 'Pipe', { source: PipeSource.sqsQueue('arn:aws:sqs:us-west-2:123456789012:orders'), apiDestination: dest });
    const synth = synthObject(stack);
    const providers = [
      pipeBlock(stack),
      ...Object.values<any>(synth.resource.aws_iam_role),
      ...Object.values<any>(synth.resource.aws_iam_role_policy),
      ...Object.entries<any>(synth.data.aws_iam_policy_document).filter(([id]) => id.startsWith('Pipe_')).map(([, v]) => v),
    ].map((r) => r.provider);
    expect(providers).toEqual(['aws.west', 'aws.west', 'aws.west', 'aws.west', 'aws.west']);
  });

  withRegion('takes the region of the API destination, and a region of its own', () => {
    const stack = newStack();
    const dest = ApiDestination.fromApiDestinationAttributes(stack, 'Dest', { apiDestinationArn: DESTINATION_ARN, region: 'eu-west-1' });
    new ApiDestinationPipe(stack, 'Inherits', { source: PipeSource.sqsQueue(QUEUE_ARN), apiDestination: dest });
    new ApiDestinationPipe(stack, 'Own', {
      source: PipeSource.sqsQueue(QUEUE_ARN), apiDestination: destination(stack), region: 'eu-central-1',
    });
    const pipes = synthObject(stack).resource.aws_pipes_pipe;
    expect(Object.values<any>(pipes).map((p) => p.region)).toEqual(['eu-west-1', 'eu-central-1']);
  });

  withRegion('refuses a region other than the API destination\'s and the enrichment\'s', () => {
    const stack = newStack();
    const dest = ApiDestination.fromApiDestinationAttributes(stack, 'Dest', { apiDestinationArn: DESTINATION_ARN, region: 'eu-west-1' });
    expect(() => new ApiDestinationPipe(stack, 'Pipe', {
      source: PipeSource.sqsQueue(QUEUE_ARN), apiDestination: dest, region: 'eu-central-1',
    })).toThrow('`region` must place the pipe in its API destination\'s region ("eu-west-1" for TestStack/Dest); ' +
      'a pipe calls only an API destination in its own account and region, got "eu-central-1" (at TestStack/Pipe). ' +
      'Omit `provider` and `region` to use the API destination\'s, or place the API destination in "eu-central-1" too.');
    const other = ApiDestination.fromApiDestinationAttributes(stack, 'Other', { apiDestinationArn: ENRICHER_ARN, region: 'us-east-2' });
    expect(() => new ApiDestinationPipe(stack, 'Enriched', {
      source: PipeSource.sqsQueue(QUEUE_ARN), apiDestination: dest, enrichment: { apiDestination: other },
    })).toThrow('`provider` must place the pipe in its enrichment API destination\'s region ("us-east-2" for TestStack/Other); ' +
      'a pipe calls only an API destination in its own account and region, got a provider in "eu-west-1" (at TestStack/Enriched). ' +
      'Omit `provider` and `region` to use the enrichment API destination\'s, or place the enrichment API destination in "eu-west-1" too.');
  });

  test('adopts an existing pipe by name, and moves one from another address', () => {
    const stack = newStack();
    const p = pipe(stack, { pipeName: 'orders-to-partner', roleArn: ROLE_ARN });
    p.adoptExisting();
    p.moveFrom('aws_pipes_pipe.orders');
    const synth = synthObject(stack);
    expect(synth.import).toEqual([{ to: 'aws_pipes_pipe.Pipe_7793F8A1', id: 'orders-to-partner' }]);
    expect(synth.moved).toEqual([{ from: 'aws_pipes_pipe.orders', to: 'aws_pipes_pipe.Pipe_7793F8A1' }]);
    expect(() => pipe(newStack(), { pipeName: 'a', roleArn: ROLE_ARN }).adoptExisting('b')).toThrow(
      '`importId` must name this pipe ("a"); Terraform would replace the imported one, got "b" (at TestStack/Pipe). ' +
      'Set `pipeName` to the existing pipe\'s name, or omit `importId`.');
  });
});

describe('ApiDestinationPipe synthesizes what the raw bindings do', () => {
  test('for an SQS source with a filter, an enrichment and a created role', () => {
    const library = newStack();
    new ApiDestinationPipe(library, 'Pipe', {
      source: PipeSource.sqsQueue(QUEUE_ARN, { batchSize: 5 }),
      apiDestination: destination(library),
      enrichment: { apiDestination: destination(library, ENRICHER_ARN, 'Enricher'), inputTemplate: '{"id": <$.body.id>}' },
      filters: ['{"body":{"type":["order.placed"]}}'],
      inputTemplate: '{"order": <$.body>}',
      headerParameters: { 'X-Order': '$.body.id' },
      pipeName: 'orders-to-partner',
      desiredState: PipeDesiredState.RUNNING,
    });

    // The same resources written by hand with the generated bindings, at the same construct paths.
    const raw = newStack();
    const scope = new Construct(raw, 'Pipe');
    const trust = new DataAwsIamPolicyDocument(scope, 'AssumeRolePolicy', {
      statement: [{
        effect: 'Allow',
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['pipes.amazonaws.com'] }],
        condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: ['123456789012'] }],
      }],
    });
    const role = new IamRole(scope, 'Role', {
      assumeRolePolicy: trust.json,
      description: 'EventBridge Pipes reads a source and invokes an API destination for TestStack/Pipe',
    });
    const permissions = new DataAwsIamPolicyDocument(scope, 'PolicyDocument', {
      statement: [
        { sid: 'ReadSource', effect: 'Allow', actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], resources: [QUEUE_ARN] },
        {
          sid: 'InvokeApiDestination',
          effect: 'Allow',
          actions: ['events:InvokeApiDestination'],
          resources: [
            'arn:aws:events:us-east-1:123456789012:api-destination/partner-orders',
            'arn:aws:events:us-east-1:123456789012:api-destination/enricher',
          ],
        },
      ],
    });
    const policy = new IamRolePolicy(scope, 'Policy', {
      role: role.name, name: 'read-source-invoke-api-destination', policy: permissions.json,
    });
    new PipesPipe(scope, 'Resource', {
      name: 'orders-to-partner',
      desiredState: 'RUNNING',
      roleArn: role.arn,
      source: QUEUE_ARN,
      sourceParameters: {
        sqsQueueParameters: { batchSize: 5 },
        filterCriteria: { filter: [{ pattern: '{"body":{"type":["order.placed"]}}' }] },
      },
      enrichment: ENRICHER_ARN,
      enrichmentParameters: { inputTemplate: '{"id": <$.body.id>}' },
      target: DESTINATION_ARN,
      targetParameters: { inputTemplate: '{"order": <$.body>}', httpParameters: { headerParameters: { 'X-Order': '$.body.id' } } },
      dependsOn: [policy],
    });

    const withoutMetadata = (stack: TerraformStack) => JSON.parse(Testing.synth(stack), (k, v) => (k === '//' ? undefined : v));
    expect(withoutMetadata(library)).toEqual(withoutMetadata(raw));
  });
});

describe('ApiDestinationPipe refuses bad input with the library\'s message', () => {
  const cases: [string, () => Partial<ApiDestinationPipeProps>, string][] = [
    ['an SQS source given by URL', () => ({ source: PipeSource.sqsQueue('https://sqs.us-east-1.amazonaws.com/123456789012/orders') }),
      '`source` must be an SQS queue ARN (arn:<partition>:sqs:<region>:<account>:<queue name>), got "https://sqs.us-east-1.amazonaws.com/123456789012/orders" (at TestStack/Pipe). Pass the queue\'s ARN, e.g. `queue.arn` of an aws_sqs_queue.'],
    ['a Kinesis source with a DynamoDB ARN', () => ({ source: PipeSource.kinesisStream(TABLE_STREAM_ARN, { startingPosition: KinesisStartingPosition.LATEST }) }),
      '`source` must be a Kinesis data stream ARN (arn:<partition>:kinesis:<region>:<account>:stream/<name>), got "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream..." (83 characters) (at TestStack/Pipe). Pass the stream\'s ARN, e.g. `stream.arn` of an aws_kinesis_stream.'],
    ['a DynamoDB source with a table ARN', () => ({ source: PipeSource.dynamoDbStream('arn:aws:dynamodb:us-east-1:123456789012:table/orders', { startingPosition: DynamoDbStartingPosition.LATEST }) }),
      '`source` must be a DynamoDB stream ARN (arn:<partition>:dynamodb:<region>:<account>:table/<table>/stream/<label>), got "arn:aws:dynamodb:us-east-1:123456789012:table/orders" (at TestStack/Pipe). Pass the stream\'s ARN, e.g. `table.streamArn` of an aws_dynamodb_table with `streamEnabled`.'],
    ['a batch size of 0', () => ({ source: PipeSource.sqsQueue(QUEUE_ARN, { batchSize: 0 }) }),
      '`source.batchSize` must be an integer from 1 to 10000, got number 0 (at TestStack/Pipe). Use a batch size from 1 to 10000.'],
    ['a batching window of 301 s', () => ({ source: PipeSource.sqsQueue(QUEUE_ARN, { maximumBatchingWindowInSeconds: 301 }) }),
      '`source.maximumBatchingWindowInSeconds` must be an integer from 0 to 300, got number 301 (at TestStack/Pipe). Use a number of seconds from 0 to 300.'],
    ['a stream source without a starting position', () => ({ source: PipeSource.kinesisStream(STREAM_ARN, {} as any) }),
      '`source.startingPosition` is required for a stream source, got undefined (at TestStack/Pipe). Pass a value of KinesisStartingPosition, e.g. KinesisStartingPosition.LATEST.'],
    ['a DynamoDB source at a timestamp', () => ({ source: PipeSource.dynamoDbStream(TABLE_STREAM_ARN, { startingPosition: 'AT_TIMESTAMP' as any }) }),
      '`source.startingPosition` must be one of TRIM_HORIZON, LATEST, got "AT_TIMESTAMP" (at TestStack/Pipe). Use a value of DynamoDbStartingPosition.'],
    ['AT_TIMESTAMP without a timestamp', () => ({ source: PipeSource.kinesisStream(STREAM_ARN, { startingPosition: KinesisStartingPosition.AT_TIMESTAMP }) }),
      '`source.startingPositionTimestamp` is required, got undefined (at TestStack/Pipe). Pass a string for `source.startingPositionTimestamp`.'],
    ['a timestamp that is not RFC 3339', () => ({ source: PipeSource.kinesisStream(STREAM_ARN, { startingPosition: KinesisStartingPosition.AT_TIMESTAMP, startingPositionTimestamp: '31/01/2026' }) }),
      '`source.startingPositionTimestamp` must be an RFC 3339 timestamp such as "2026-01-31T12:00:00Z", got "31/01/2026" (at TestStack/Pipe). Pass the time to start reading from, e.g. "2026-01-31T12:00:00Z", with KinesisStartingPosition.AT_TIMESTAMP.'],
    ['a timestamp with LATEST', () => ({ source: PipeSource.kinesisStream(STREAM_ARN, { startingPosition: KinesisStartingPosition.LATEST, startingPositionTimestamp: '2026-01-31T12:00:00Z' }) }),
      '`source.startingPositionTimestamp` is only read with KinesisStartingPosition.AT_TIMESTAMP, got "2026-01-31T12:00:00Z" (at TestStack/Pipe). Set `startingPosition` to KinesisStartingPosition.AT_TIMESTAMP, or omit `startingPositionTimestamp`.'],
    ['a record age of 30 s', () => ({ source: PipeSource.kinesisStream(STREAM_ARN, { startingPosition: KinesisStartingPosition.LATEST, maximumRecordAgeInSeconds: 30 }) }),
      '`source.maximumRecordAgeInSeconds` must be -1 (no limit) or an integer from 60 to 604800, got number 30 (at TestStack/Pipe). Use -1 for no limit, or a number of seconds from 60 to 604800.'],
    ['10001 retries', () => ({ source: PipeSource.dynamoDbStream(TABLE_STREAM_ARN, { startingPosition: DynamoDbStartingPosition.LATEST, maximumRetryAttempts: 10001 }) }),
      '`source.maximumRetryAttempts` must be an integer from -1 (no limit) to 10000, got number 10001 (at TestStack/Pipe). Use -1 to retry until the record expires, or a number of attempts up to 10000.'],
    ['a parallelization factor of 11', () => ({ source: PipeSource.kinesisStream(STREAM_ARN, { startingPosition: KinesisStartingPosition.LATEST, parallelizationFactor: 11 }) }),
      '`source.parallelizationFactor` must be an integer from 1 to 10, got number 11 (at TestStack/Pipe). Use a number of concurrent batches per shard from 1 to 10.'],
    ['an unknown partial batch failure mode', () => ({ source: PipeSource.kinesisStream(STREAM_ARN, { startingPosition: KinesisStartingPosition.LATEST, onPartialBatchItemFailure: 'RETRY' as any }) }),
      '`source.onPartialBatchItemFailure` must be one of AUTOMATIC_BISECT, got "RETRY" (at TestStack/Pipe). Use a value of OnPartialBatchItemFailure, or omit it.'],
    ['an SNS topic as the source\'s dead-letter queue', () => ({ source: PipeSource.kinesisStream(STREAM_ARN, { startingPosition: KinesisStartingPosition.LATEST, deadLetterQueueArn: 'arn:aws:sns:us-east-1:123456789012:dlq' }) }),
      '`source.deadLetterQueueArn` must be an SQS queue ARN (arn:<partition>:sqs:<region>:<account>:<queue name>), got "arn:aws:sns:us-east-1:123456789012:dlq" (at TestStack/Pipe). Pass the queue\'s ARN, e.g. `queue.arn` of an aws_sqs_queue.'],
    ['source options that are not an object', () => ({ source: PipeSource.sqsQueue(QUEUE_ARN, 5 as any) }),
      '`source options` must be an object, got number 5 (at TestStack/Pipe). Pass the options of PipeSource.sqsQueue() as an object.'],
    ['a source that is an ARN string', () => ({ source: QUEUE_ARN as any }),
      `\`source\` must be made with PipeSource.sqsQueue(), PipeSource.kinesisStream() or PipeSource.dynamoDbStream(), got "${QUEUE_ARN}" (at TestStack/Pipe). Pass a PipeSource, e.g. PipeSource.sqsQueue(queue.arn).`],
    ['an API destination that is an ARN string', () => ({ apiDestination: DESTINATION_ARN as any }),
      '`apiDestination` must be an API destination (IApiDestination), got "arn:aws:events:us-east-1:123456789012:api-destination/partn..." (105 characters) (at TestStack/Pipe). Pass an ApiDestination or ApiDestination.fromApiDestinationArn().'],
    ['a pipe name with a space', () => ({ pipeName: 'orders to partner' }),
      '`pipeName` must be 1-64 characters of A-Z a-z 0-9 . - _, got "orders to partner" (at TestStack/Pipe). Use a name such as "orders-to-partner", or omit `pipeName` to get a generated one.'],
    ['a description of 513 characters', () => ({ description: 'd'.repeat(513) }),
      `\`description\` must be at most 512 characters, got "${'d'.repeat(59)}..." (513 characters) (at TestStack/Pipe). Shorten the description to 512 characters.`],
    ['an unknown desired state', () => ({ desiredState: 'PAUSED' as any }),
      '`desiredState` must be one of RUNNING, STOPPED, got "PAUSED" (at TestStack/Pipe). Use a value of PipeDesiredState, or omit it.'],
    ['six filters', () => ({ filters: Array.from({ length: 6 }, (_, i) => JSON.stringify({ body: { n: [i] } })) }),
      '`filters` must have at most 5 entries, got 6 entries (at TestStack/Pipe). Combine the patterns: one pattern can match several values of a field.'],
    ['a filter that is not JSON', () => ({ filters: ['type = order.placed'] }),
      '`filters[0]` must be an event pattern: a JSON object, got "type = order.placed" (at TestStack/Pipe). Pass JSON text of an object, e.g. JSON.stringify({ body: { type: ["order.placed"] } }).'],
    ['a filter that is a JSON array', () => ({ filters: ['{}', '["order.placed"]'] }),
      '`filters[1]` must be an event pattern: a JSON object, got "[\\"order.placed\\"]" (at TestStack/Pipe). Pass JSON text of an object, e.g. JSON.stringify({ body: { type: ["order.placed"] } }).'],
    ['an input template of 8193 characters', () => ({ inputTemplate: 't'.repeat(8193) }),
      `\`inputTemplate\` must be at most 8192 characters, got "${'t'.repeat(59)}..." (8193 characters) (at TestStack/Pipe). Shorten the template to 8192 characters.`],
    ['a header name with a space', () => ({ headerParameters: { 'X Order': '$.body.id' } }),
      '`headerParameters` must be 1-512 HTTP token characters (A-Z a-z 0-9 ! # $ % & \' * + , - . ^ _ ` | ~), got "X Order" (at TestStack/Pipe). Use a valid HTTP header name such as "X-Source".'],
    ['an empty path parameter', () => ({ pathParameterValues: [' '] }),
      '`pathParameterValues[0]` must not be empty or only white space, got " " (at TestStack/Pipe). Pass a value or a JSON path such as "$.detail.id" for each `*` of the endpoint.'],
    ['an enrichment header name with a colon', () => ({ enrichment: { apiDestination: ApiDestination.fromApiDestinationArn(newStack('Other'), 'E', ENRICHER_ARN), headerParameters: { 'X:Step': 'enrich' } } }),
      '`enrichment.headerParameters` must be 1-512 HTTP token characters (A-Z a-z 0-9 ! # $ % & \' * + , - . ^ _ ` | ~), got "X:Step" (at TestStack/Pipe). Use a valid HTTP header name such as "X-Source".'],
    ['an enrichment without an API destination', () => ({ enrichment: { inputTemplate: '{}' } as any }),
      '`enrichment.apiDestination` must be an API destination (IApiDestination), got undefined (at TestStack/Pipe). Pass an ApiDestination or ApiDestination.fromApiDestinationArn().'],
    ['a role name for roleArn', () => ({ roleArn: 'pipe-role' }),
      '`roleArn` must be an IAM role ARN (arn:<partition>:iam::<account>:role/<name>), got "pipe-role" (at TestStack/Pipe). Pass the role\'s ARN, or omit `roleArn` to get a role created.'],
  ];

  test.each(cases)('%s', (_name, override, message) => {
    const stack = newStack();
    expect(() => pipe(stack, override())).toThrow(message);
  });

  test('props that are not an object', () => {
    expect(() => new ApiDestinationPipe(newStack(), 'Pipe', null as any)).toThrow(
      '`props` must be an object, got null (at TestStack/Pipe). Pass the pipe\'s properties, with at least `source` and `apiDestination`.');
  });

  test('null options are not given', () => {
    const stack = newStack();
    pipe(stack, {
      source: PipeSource.kinesisStream(STREAM_ARN, {
        startingPosition: KinesisStartingPosition.LATEST, batchSize: null as any, deadLetterQueueArn: null as any,
      }),
      description: null as any,
      enrichment: null as any,
      filters: null as any,
      roleArn: null as any,
    });
    expect(pipeBlock(stack).source_parameters).toEqual({ kinesis_stream_parameters: { starting_position: 'LATEST' } });
  });
});
