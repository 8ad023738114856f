import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { PipesPipeSourceParameters } from '@cdktf/provider-aws/lib/pipes-pipe';
import {
  DEAD_LETTER_QUEUE_ARN,
  DYNAMODB_STREAM_ARN,
  KINESIS_STREAM_ARN,
  PIPE_BATCH_SIZE,
  PIPE_BATCHING_WINDOW,
  PIPE_MAXIMUM_RECORD_AGE,
  PIPE_MAXIMUM_RETRY_ATTEMPTS,
  PIPE_PARALLELIZATION_FACTOR,
  RFC3339_TIMESTAMP,
  SQS_QUEUE_ARN,
} from './private/rules';
import { Checker, StringRule } from './private/validation';

/**
 * Where a Kinesis data stream source starts reading.
 */
export enum KinesisStartingPosition {
  /** The oldest record still in the stream. */
  TRIM_HORIZON = 'TRIM_HORIZON',
  /** Only records added after the pipe starts. */
  LATEST = 'LATEST',
  /** The records from `startingPositionTimestamp` on. */
  AT_TIMESTAMP = 'AT_TIMESTAMP',
}

/**
 * Where a DynamoDB stream source starts reading.
 */
export enum DynamoDbStartingPosition {
  /** The oldest record still in the stream (24 hours). */
  TRIM_HORIZON = 'TRIM_HORIZON',
  /** Only records added after the pipe starts. */
  LATEST = 'LATEST',
}

/**
 * What a stream source does with a batch the target failed on.
 */
export enum OnPartialBatchItemFailure {
  /** Splits the batch in two and retries each half. */
  AUTOMATIC_BISECT = 'AUTOMATIC_BISECT',
}

/**
 * Options of an SQS queue source.
 */
export interface SqsQueueSourceOptions {
  /**
   * The most messages sent to the target in one batch: 1 to 10000.
   *
   * @default - not set: 10, the service's default
   */
  readonly batchSize?: number;

  /**
   * How long to gather messages into a batch, in seconds: 0 to 300.
   *
   * @default - not set: 0, the service's default
   */
  readonly maximumBatchingWindowInSeconds?: number;
}

/**
 * Options shared by the stream sources (Kinesis and DynamoDB).
 */
export interface StreamSourceOptions {
  /**
   * The most records sent to the target in one batch: 1 to 10000.
   *
   * @default - not set: 100, the service's default
   */
  readonly batchSize?: number;

  /**
   * How long to gather records into a batch, in seconds: 0 to 300.
   *
   * @default - not set: 0, the service's default
   */
  readonly maximumBatchingWindowInSeconds?: number;

  /**
   * Records older than this, in seconds, are discarded (or sent to the
   * dead-letter queue): -1 (no limit) or 60 to 604800.
   *
   * @default - not set: -1, no limit
   */
  readonly maximumRecordAgeInSeconds?: number;

  /**
   * How many times a failed batch is retried: -1 (until the record
   * expires) to 10000.
   *
   * @default - not set: -1, until the record expires
   */
  readonly maximumRetryAttempts?: number;

  /**
   * How many batches of one shard are processed at a time: 1 to 10.
   *
   * @default - not set: 1
   */
  readonly parallelizationFactor?: number;

  /**
   * What to do with a batch the target failed on.
   *
   * @default - not set: the whole batch is retried
   */
  readonly onPartialBatchItemFailure?: OnPartialBatchItemFailure;

  /**
   * The ARN of an SQS queue that receives the records of the batches that
   * failed for good. The pipe's role created by the library may send to it
   * (`sqs:SendMessage`).
   *
   * @default - no dead-letter queue: failed records are discarded
   */
  readonly deadLetterQueueArn?: string;
}

/**
 * Options of a Kinesis data stream source.
 */
export interface KinesisStreamSourceOptions extends StreamSourceOptions {
  /**
   * Where the pipe starts reading the stream.
   */
  readonly startingPosition: KinesisStartingPosition;

  /**
   * With `KinesisStartingPosition.AT_TIMESTAMP` (and only with it): the time
   * to start reading from, an RFC 3339 timestamp such as
   * `2026-01-31T12:00:00Z`.
   *
   * @default - none
   */
  readonly startingPositionTimestamp?: string;
}

/**
 * Options of a DynamoDB stream source.
 */
export interface DynamoDbStreamSourceOptions extends StreamSourceOptions {
  /**
   * Where the pipe starts reading the stream.
   */
  readonly startingPosition: DynamoDbStartingPosition;
}

/**
 * What a source gives the pipe that reads it: its source parameters and the statements of the
 * pipe's role.
 * @internal
 */
export interface BoundPipeSource {
  readonly sourceParameters: PipesPipeSourceParameters;
  readonly statements: DataAwsIamPolicyDocumentStatement[];
}

/**
 * The source of an EventBridge pipe, with the options of its kind: make one
 * with `PipeSource.sqsQueue()`, `PipeSource.kinesisStream()` or
 * `PipeSource.dynamoDbStream()`. Options are checked by the pipe that uses
 * the source, so errors name that pipe.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-source.html
 */
export abstract class PipeSource {
  /**
   * An SQS queue. The pipe's role gets `sqs:ReceiveMessage`,
   * `sqs:DeleteMessage` and `sqs:GetQueueAttributes` on it.
   *
   * @param queueArn the queue's ARN (not its URL), e.g. `queue.arn` of an `aws_sqs_queue`
   */
  public static sqsQueue(queueArn: string, options: SqsQueueSourceOptions = {}): PipeSource {
    return new KindOfSource(queueArn, options, SQS_QUEUE);
  }

  /**
   * A Kinesis data stream. The pipe's role gets the stream's read actions
   * (`kinesis:DescribeStream`, `DescribeStreamSummary`, `GetRecords`,
   * `GetShardIterator`, `ListShards`, `ListStreams`, `SubscribeToShard`) on it.
   *
   * @param streamArn the stream's ARN, e.g. `stream.arn` of an `aws_kinesis_stream`
   */
  public static kinesisStream(streamArn: string, options: KinesisStreamSourceOptions): PipeSource {
    return new KindOfSource(streamArn, options, KINESIS_STREAM);
  }

  /**
   * A DynamoDB stream. The pipe's role gets the stream's read actions
   * (`dynamodb:DescribeStream`, `GetRecords`, `GetShardIterator`,
   * `ListStreams`) on it.
   *
   * @param streamArn the stream's ARN, e.g. `table.streamArn` of an `aws_dynamodb_table` with streams enabled
   */
  public static dynamoDbStream(streamArn: string, options: DynamoDbStreamSourceOptions): PipeSource {
    return new KindOfSource(streamArn, options, DYNAMODB_STREAM);
  }

  /**
   * The source's ARN: the pipe's `source`.
   */
  public readonly sourceArn: string;

  protected constructor(sourceArn: string) {
    this.sourceArn = sourceArn;
  }

  /**
   * Checks the source for the pipe that reads it and renders what the pipe needs.
   * @internal
   */
  public abstract _bind(check: Checker): BoundPipeSource;
}

/** One kind of source: the rule of its ARN, the factory that makes it, and what it renders. */
interface SourceKind<T> {
  readonly factory: string;
  readonly arn: StringRule;
  readonly arnFix: string;
  render(check: Checker, sourceArn: string, options: T): BoundPipeSource;
}

/** A source of one kind with its options, checked when a pipe binds it. */
class KindOfSource<T extends object> extends PipeSource {
  constructor(sourceArn: string, private readonly options: T, private readonly kind: SourceKind<T>) {
    super(sourceArn);
  }

  public _bind(check: Checker): BoundPipeSource {
    check.string('source', this.sourceArn, this.kind.arn, `Pass ${this.kind.arnFix}.`);
    const options = check.props(this.options, `Pass the options of ${this.kind.factory}() as an object.`, 'source options');
    return this.kind.render(check, this.sourceArn, options);
  }
}

const SQS_QUEUE: SourceKind<SqsQueueSourceOptions> = {
  factory: 'PipeSource.sqsQueue',
  arn: SQS_QUEUE_ARN,
  arnFix: 'the queue\'s ARN, e.g. `queue.arn` of an aws_sqs_queue',
  render(check, sourceArn, options) {
    const batch = batching(check, options);
    return {
      sourceParameters: batch === undefined ? {} : { sqsQueueParameters: batch },
      statements: [{
        sid: 'ReadSource',
        effect: 'Allow',
        actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
        resources: [sourceArn],
      }],
    };
  },
};

const KINESIS_STREAM: SourceKind<KinesisStreamSourceOptions> = {
  factory: 'PipeSource.kinesisStream',
  arn: KINESIS_STREAM_ARN,
  arnFix: 'the stream\'s ARN, e.g. `stream.arn` of an aws_kinesis_stream',
  render(check, sourceArn, options) {
    const startingPosition = startingPositionOf(check, options.startingPosition, Object.values(KinesisStartingPosition),
      'KinesisStartingPosition');
    const timestamp = options.startingPositionTimestamp;
    if (startingPosition === KinesisStartingPosition.AT_TIMESTAMP) {
      check.string('source.startingPositionTimestamp', timestamp as string, RFC3339_TIMESTAMP,
        'Pass the time to start reading from, e.g. "2026-01-31T12:00:00Z", with KinesisStartingPosition.AT_TIMESTAMP.');
    } else if (timestamp !== undefined) {
      check.fail('source.startingPositionTimestamp', 'is only read with KinesisStartingPosition.AT_TIMESTAMP', timestamp,
        'Set `startingPosition` to KinesisStartingPosition.AT_TIMESTAMP, or omit `startingPositionTimestamp`.');
    }
    const stream = streamParameters(check, options);
    return {
      sourceParameters: {
        kinesisStreamParameters: { ...stream.parameters, startingPosition, startingPositionTimestamp: timestamp },
      },
      statements: [{
        sid: 'ReadSource',
        effect: 'Allow',
        actions: [
          'kinesis:DescribeStream',
          'kinesis:DescribeStreamSummary',
          'kinesis:GetRecords',
          'kinesis:GetShardIterator',
          'kinesis:ListShards',
          'kinesis:ListStreams',
          'kinesis:SubscribeToShard',
        ],
        resources: [sourceArn],
      }, ...stream.statements],
    };
  },
};

const DYNAMODB_STREAM: SourceKind<DynamoDbStreamSourceOptions> = {
  factory: 'PipeSource.dynamoDbStream',
  arn: DYNAMODB_STREAM_ARN,
  arnFix: 'the stream\'s ARN, e.g. `table.streamArn` of an aws_dynamodb_table with `streamEnabled`',
  render(check, sourceArn, options) {
    const startingPosition = startingPositionOf(check, options.startingPosition, Object.values(DynamoDbStartingPosition),
      'DynamoDbStartingPosition');
    const stream = streamParameters(check, options);
    return {
      sourceParameters: { dynamodbStreamParameters: { ...stream.parameters, startingPosition } },
      statements: [{
        sid: 'ReadSource',
        effect: 'Allow',
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
        resources: [sourceArn],
      }, ...stream.statements],
    };
  },
};

function batching(check: Checker, options: SqsQueueSourceOptions) {
  if (options.batchSize !== undefined) {
    check.integer('source.batchSize', options.batchSize, PIPE_BATCH_SIZE, 'Use a batch size from 1 to 10000.');
  }
  if (options.maximumBatchingWindowInSeconds !== undefined) {
    check.integer('source.maximumBatchingWindowInSeconds', options.maximumBatchingWindowInSeconds, PIPE_BATCHING_WINDOW,
      'Use a number of seconds from 0 to 300.');
  }
  if (options.batchSize === undefined && options.maximumBatchingWindowInSeconds === undefined) return undefined;
  return { batchSize: options.batchSize, maximumBatchingWindowInSeconds: options.maximumBatchingWindowInSeconds };
}

function startingPositionOf<T extends string>(check: Checker, value: T, allowed: string[], enumName: string): T {
  if (value === undefined) {
    check.fail('source.startingPosition', 'is required for a stream source', value,
      `Pass a value of ${enumName}, e.g. ${enumName}.LATEST.`);
  }
  if (!allowed.includes(value)) {
    check.fail('source.startingPosition', `must be one of ${allowed.join(', ')}`, value, `Use a value of ${enumName}.`);
  }
  return value;
}

/** The options every stream source has (given without nulls: `check.props` removed them). */
function streamParameters(check: Checker, o: StreamSourceOptions) {
  const batch = batching(check, o) ?? {};
  if (o.maximumRecordAgeInSeconds !== undefined) {
    const age = o.maximumRecordAgeInSeconds;
    check.integer('source.maximumRecordAgeInSeconds', age, PIPE_MAXIMUM_RECORD_AGE,
      'Use -1 for no limit, or a number of seconds from 60 to 604800.');
    if (age >= 0 && age < 60) {
      check.fail('source.maximumRecordAgeInSeconds', PIPE_MAXIMUM_RECORD_AGE.text, age,
        'Use -1 for no limit, or a number of seconds from 60 to 604800.');
    }
  }
  if (o.maximumRetryAttempts !== undefined) {
    check.integer('source.maximumRetryAttempts', o.maximumRetryAttempts, PIPE_MAXIMUM_RETRY_ATTEMPTS,
      'Use -1 to retry until the record expires, or a number of attempts up to 10000.');
  }
  if (o.parallelizationFactor !== undefined) {
    check.integer('source.parallelizationFactor', o.parallelizationFactor, PIPE_PARALLELIZATION_FACTOR,
      'Use a number of concurrent batches per shard from 1 to 10.');
  }
  if (o.onPartialBatchItemFailure !== undefined && !Object.values<string>(OnPartialBatchItemFailure).includes(o.onPartialBatchItemFailure)) {
    check.fail('source.onPartialBatchItemFailure', `must be one of ${Object.values(OnPartialBatchItemFailure).join(', ')}`,
      o.onPartialBatchItemFailure, 'Use a value of OnPartialBatchItemFailure, or omit it.');
  }
  check.optionalString('source.deadLetterQueueArn', o.deadLetterQueueArn, DEAD_LETTER_QUEUE_ARN,
    'Pass the queue\'s ARN, e.g. `queue.arn` of an aws_sqs_queue.');
  const statements: DataAwsIamPolicyDocumentStatement[] = o.deadLetterQueueArn === undefined ? [] : [{
    sid: 'SendToDeadLetterQueue',
    effect: 'Allow',
    actions: ['sqs:SendMessage'],
    resources: [o.deadLetterQueueArn],
  }];
  return {
    parameters: {
      ...batch,
      maximumRecordAgeInSeconds: o.maximumRecordAgeInSeconds,
      maximumRetryAttempts: o.maximumRetryAttempts,
      parallelizationFactor: o.parallelizationFactor,
      onPartialBatchItemFailure: o.onPartialBatchItemFailure,
      deadLetterConfig: o.deadLetterQueueArn === undefined ? undefined : { arn: o.deadLetterQueueArn },
    },
    statements,
  };
}
