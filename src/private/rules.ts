import { IntegerRule, StringRule } from './validation';

/*
 * The constraints of the EventBridge API model (botocore `events` 2015-10-07,
 * see test/reference/eventbridge-connection-model.json) and of the Terraform
 * provider, one constant per shape. Patterns are the model's own, anchored so
 * that they match the whole value, and compiled once here.
 */

/**
 * ConnectionName; the model gives ApiDestinationName, RuleName and TargetId the same shape
 * (aliases below).
 */
export const CONNECTION_NAME: StringRule = {
  min: 1,
  max: 64,
  pattern: /^[.\-_A-Za-z0-9]+$/,
  text: 'must be 1-64 characters of A-Z a-z 0-9 . - _',
};

/** ConnectionDescription; ApiDestinationDescription has the same shape. */
export const DESCRIPTION: StringRule = {
  min: 0,
  max: 512,
  text: 'must be at most 512 characters',
};

/** AuthHeaderParameters and AuthHeaderParametersSensitive. */
export const AUTH_HEADER: StringRule = {
  min: 1,
  max: 512,
  // The model's pattern, ^[ \t]*[^\x00-\x1F:\x7F]+([ \t]+[^\x00-\x1F:\x7F]+)*[ \t]*$, backtracks
  // exponentially in JavaScript on a long value that fails (a space is in both
  // classes). This is the same language in linear time: tabs, then one allowed
  // character, then allowed characters or tabs.
  // eslint-disable-next-line no-control-regex
  pattern: /^\t*[^\x00-\x1F:\x7F][^\x00-\x08\x0A-\x1F:\x7F]*$/,
  text: 'must be 1-512 characters with no control characters and no ":"',
};

/** HttpsEndpoint, plus the provider's and the service's https requirement. */
export const HTTPS_ENDPOINT: StringRule = {
  min: 1,
  max: 2048,
  pattern: /^https:\/\/((%[0-9A-Fa-f]{2}|[-()_.!~*';/?:@&=+$,A-Za-z0-9])+)([).!';/?:,])?$/,
  text: 'must be an https:// URL of 1-2048 characters (letters, digits, percent-escapes and -()_.!~*\';/?:@&=+$,)',
};

/** ConnectionOAuthHttpMethod. */
export const OAUTH_HTTP_METHODS: ReadonlyArray<string> = ['GET', 'POST', 'PUT'];

/** HeaderKey. (A Step Functions HTTP task's header names: HTTP_TASK_HEADER_KEY, below.) */
export const HEADER_KEY: StringRule = {
  min: 1,
  max: 512,
  pattern: /^[!#$%&'*+\-.^_`|~0-9a-zA-Z,]+$/,
  text: "must be 1-512 HTTP token characters (A-Z a-z 0-9 ! # $ % & ' * + , - . ^ _ ` | ~)",
};

/** HeaderValueSensitive; a target's HeaderValue has the same shape. */
export const HEADER_VALUE: StringRule = {
  min: 1,
  max: 512,
  // The model's ^[ \t]*[\x20-\x7E]+([ \t]+[\x20-\x7E]+)*[ \t]*$ rewritten to run in linear
  // time (see AUTH_HEADER): tabs, then one printable character, then printable characters or tabs.
  pattern: /^\t*[\x20-\x7E][\t\x20-\x7E]*$/,
  text: 'must be 1-512 printable ASCII characters',
};

/** QueryStringKey. (A Step Functions HTTP task's query keys: HTTP_TASK_QUERY_KEY, below.) */
export const QUERY_KEY: StringRule = {
  min: 1,
  max: 512,
  // eslint-disable-next-line no-control-regex
  pattern: /^[^\x00-\x1F\x7F]+$/,
  text: 'must be 1-512 characters with no control characters',
};

/** QueryStringValueSensitive; a target's QueryStringValue has the same shape. */
export const QUERY_VALUE: StringRule = {
  min: 1,
  max: 512,
  // eslint-disable-next-line no-control-regex
  pattern: /^[^\x00-\x09\x0B\x0C\x0E-\x1F\x7F]+$/,
  text: 'must be 1-512 characters with no control characters other than line breaks',
};

/** ConnectionBodyParameter.Key (String): the model sets no bound; an empty key is refused. */
export const BODY_KEY: StringRule = {
  min: 1,
  max: Number.MAX_SAFE_INTEGER,
  text: 'must not be empty',
};

/** KmsKeyIdentifier. */
export const KMS_KEY_IDENTIFIER: StringRule = {
  min: 1,
  max: 2048,
  pattern: /^[a-zA-Z0-9_\-/:]+$/,
  text: 'must be a KMS key id, key ARN, alias name or alias ARN of 1-2048 characters of A-Z a-z 0-9 _ - / :',
};

/** ResourceConfigurationArn. */
export const RESOURCE_CONFIGURATION_ARN: StringRule = {
  min: 1,
  max: 2048,
  pattern: /^arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:resourceconfiguration\/rcfg-[0-9a-z]{17}$/,
  text: 'must be a VPC Lattice resource configuration ARN (arn:<partition>:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-<17 characters>)',
};

/** An AWS region code, for the provider's per-resource `region` argument. */
export const REGION: StringRule = {
  min: 1,
  max: 64,
  pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/,
  text: 'must be an AWS region code such as "us-east-1"',
};

/** ConnectionArn. */
export const CONNECTION_ARN: StringRule = {
  min: 1,
  max: 1600,
  pattern: /^arn:aws([a-z]|-)*:events:([a-z]|\d|-)*:([0-9]{12})?:connection\/[.\-_A-Za-z0-9]+\/[-A-Za-z0-9]+$/,
  text: 'must be an EventBridge connection ARN (arn:<partition>:events:<region>:<account>:connection/<name>/<id>)',
};

/**
 * SecretsManagerSecretArn, for an imported connection's secret. The model's
 * name class lacks "!", which every connection secret name has
 * (`events!connection/<name>/<id>`), so "!" is allowed here.
 */
export const SECRETS_MANAGER_SECRET_ARN: StringRule = {
  min: 20,
  max: 2048,
  pattern: /^arn:aws([a-z]|-)*:secretsmanager:([a-z]|\d|-)*:([0-9]{12})?:secret:[/_+=.@!\-A-Za-z0-9]+$/,
  text: 'must be a Secrets Manager secret ARN (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>)',
};

/** ConnectionHeaderParametersList, ConnectionQueryStringParametersList, ConnectionBodyParametersList. */
export const MAX_PARAMETERS_PER_LIST = 100;

/* ---------------------------------------------------------------------------
 * API destinations (shapes of the reference model) and rule targets. The
 * target shapes (TargetId, RuleName, EventBusNameOrArn, HeaderValue,
 * PathParameter, TransformerPaths, TargetInput, RetryPolicy, ...) are outside
 * the reference extract; they are copied from the same botocore `events`
 * 2015-10-07 model, anchored likewise.
 * ------------------------------------------------------------------------ */

/** ApiDestinationName, RuleName, TargetId: the shape of ConnectionName. */
export const API_DESTINATION_NAME = CONNECTION_NAME;
export const RULE_NAME = CONNECTION_NAME;
export const TARGET_ID = CONNECTION_NAME;

/** ApiDestinationDescription: the shape of ConnectionDescription. */
export const API_DESTINATION_DESCRIPTION = DESCRIPTION;

/** A target's HeaderValue and QueryStringValue: the shapes of the connection's sensitive ones. */
export const TARGET_HEADER_VALUE = HEADER_VALUE;
export const TARGET_QUERY_VALUE = QUERY_VALUE;

/** ApiDestinationArn. */
export const API_DESTINATION_ARN: StringRule = {
  min: 1,
  max: 1600,
  pattern: /^arn:aws([a-z]|-)*:events:([a-z]|\d|-)*:([0-9]{12})?:api-destination\/[.\-_A-Za-z0-9]+\/[-A-Za-z0-9]+$/,
  text: 'must be an EventBridge API destination ARN (arn:<partition>:events:<region>:<account>:api-destination/<name>/<id>)',
};

/** ApiDestinationHttpMethod. */
export const API_DESTINATION_HTTP_METHODS: ReadonlyArray<string> = ['POST', 'GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE'];

/** ApiDestinationInvocationRateLimitPerSecond (the provider: IntAtLeast(1), default 300). */
export const RATE_LIMIT_PER_SECOND: IntegerRule = {
  min: 1,
  max: Number.MAX_SAFE_INTEGER,
  text: 'must be an integer of at least 1',
};

/** EventBusNameOrArn. */
export const EVENT_BUS_NAME_OR_ARN: StringRule = {
  min: 1,
  max: 1600,
  pattern: /^(arn:aws[\w-]*:events:[a-z]{2}-[a-z]+-[\w-]+:[0-9]{12}:event-bus\/)?[/.\-_A-Za-z0-9]+$/,
  text: 'must be an event bus name or ARN of 1-1600 characters (A-Z a-z 0-9 / . - _)',
};

/** PathParameter. */
export const PATH_PARAMETER: StringRule = {
  min: 1,
  max: Number.MAX_SAFE_INTEGER,
  pattern: /^(?!\s*$)[\s\S]+$/,
  text: 'must not be empty or only white space',
};

/** TargetInput: at most 8192 characters; the API also requires valid JSON. */
export const TARGET_INPUT: StringRule = {
  min: 0,
  max: 8192,
  text: 'must be at most 8192 characters',
};

/** TransformerInput. */
export const INPUT_TEMPLATE: StringRule = {
  min: 1,
  max: 8192,
  text: 'must be 1-8192 characters',
};

/** InputTransformerPathKey. */
export const INPUT_PATH_KEY: StringRule = {
  min: 1,
  max: 256,
  pattern: /^[A-Za-z0-9_-]+$/,
  text: 'must be 1-256 characters of A-Z a-z 0-9 _ -',
};

/** TargetInputPath. */
export const INPUT_PATH: StringRule = {
  min: 0,
  max: 256,
  text: 'must be at most 256 characters',
};

/** TransformerPaths: at most 100 entries. */
export const MAX_INPUT_PATHS = 100;

/** MaximumEventAgeInSeconds. */
export const MAXIMUM_EVENT_AGE: IntegerRule = {
  min: 60,
  max: 86400,
  text: 'must be an integer from 60 to 86400 (1 minute to 24 hours)',
};

/** MaximumRetryAttempts. */
export const MAXIMUM_RETRY_ATTEMPTS: IntegerRule = {
  min: 0,
  max: 185,
  text: 'must be an integer from 0 to 185',
};

/**
 * DeadLetterConfig.Arn (ResourceArn, 1-1600). Beyond the model: the API
 * documents that the dead-letter queue is an SQS queue, so an SQS queue ARN
 * is required.
 */
export const DEAD_LETTER_QUEUE_ARN: StringRule = {
  min: 1,
  max: 1600,
  pattern: /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}(\.fifo)?$/,
  text: 'must be an SQS queue ARN (arn:<partition>:sqs:<region>:<account>:<queue name>)',
};

/** RoleArn (1-1600). Beyond the model: an IAM role ARN is required. */
export const RULE_ARN: StringRule = {
  min: 1,
  max: 1600,
  pattern: /^arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:rule\/.+$/,
  text: 'must be an EventBridge rule ARN (arn:<partition>:events:<region>:<account>:rule/[<event bus>/]<rule name>)',
};

export const ROLE_ARN: StringRule = {
  min: 1,
  max: 1600,
  pattern: /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/,
  text: 'must be an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)',
};

/** IAM role name (IAM API `roleNameType`). */
export const ROLE_NAME: StringRule = {
  min: 1,
  max: 64,
  pattern: /^[\w+=,.@-]+$/,
  text: 'must be 1-64 characters of A-Z a-z 0-9 + = , . @ _ -',
};

/** IAM inline policy name (IAM API `policyNameType`). */
export const POLICY_NAME: StringRule = {
  min: 1,
  max: 128,
  pattern: /^[\w+=,.@-]+$/,
  text: 'must be 1-128 characters of A-Z a-z 0-9 + = , . @ _ -',
};

/** A Step Functions state machine ARN, or `*`, for `states:InvokeHTTPEndpoint`. */
export const STATE_MACHINE_ARN: StringRule = {
  min: 1,
  max: 2048,
  pattern: /^(\*|arn:aws[a-z-]*:states:[a-z0-9-*]+:(\d{12}|\*):stateMachine:[-_A-Za-z0-9*]+)$/,
  text: 'must be a Step Functions state machine ARN (arn:<partition>:states:<region>:<account>:stateMachine:<name>) or "*"',
};

/*
 * EventBridge Pipes (botocore `pipes` 2015-10-07, CreatePipe) and the Terraform provider's
 * aws_pipes_pipe.
 */

/** PipeName. */
export const PIPE_NAME: StringRule = {
  min: 1,
  max: 64,
  pattern: /^[.\-_A-Za-z0-9]+$/,
  text: 'must be 1-64 characters of A-Z a-z 0-9 . - _',
};

/** PipeDescription. */
export const PIPE_DESCRIPTION: StringRule = {
  min: 0,
  max: 512,
  text: 'must be at most 512 characters',
};

/** InputTemplate of PipeTargetParameters and PipeEnrichmentParameters. */
export const PIPE_INPUT_TEMPLATE: StringRule = {
  min: 0,
  max: 8192,
  text: 'must be at most 8192 characters',
};

/** Filter.Pattern: an event pattern, JSON text of at most 4096 characters. */
export const PIPE_FILTER_PATTERN: StringRule = {
  min: 1,
  max: 4096,
  text: 'must be 1-4096 characters',
};

/** FilterList: at most 5 filters. */
export const MAX_PIPE_FILTERS = 5;

/** An SQS queue ARN as a pipe's source (the queue's ARN, not its URL). */
export const SQS_QUEUE_ARN = DEAD_LETTER_QUEUE_ARN;

/** A Kinesis data stream ARN. */
export const KINESIS_STREAM_ARN: StringRule = {
  min: 1,
  max: 1600,
  pattern: /^arn:aws[a-z-]*:kinesis:[a-z0-9-]+:\d{12}:stream\/[a-zA-Z0-9_.-]{1,128}$/,
  text: 'must be a Kinesis data stream ARN (arn:<partition>:kinesis:<region>:<account>:stream/<name>)',
};

/** A DynamoDB stream ARN. */
export const DYNAMODB_STREAM_ARN: StringRule = {
  min: 1,
  max: 1600,
  pattern: /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[a-zA-Z0-9_.-]{3,255}\/stream\/[0-9A-Za-z:.\-_]+$/,
  text: 'must be a DynamoDB stream ARN (arn:<partition>:dynamodb:<region>:<account>:table/<table>/stream/<label>)',
};

/** LimitMax10000: a source's BatchSize. */
export const PIPE_BATCH_SIZE: IntegerRule = {
  min: 1,
  max: 10000,
  text: 'must be an integer from 1 to 10000',
};

/** MaximumBatchingWindowInSeconds. */
export const PIPE_BATCHING_WINDOW: IntegerRule = {
  min: 0,
  max: 300,
  text: 'must be an integer from 0 to 300',
};

/** MaximumRecordAgeInSeconds: -1 (no limit) or 60 to 604800 (the model's bounds are -1 and 604800; the API refuses 0-59). */
export const PIPE_MAXIMUM_RECORD_AGE: IntegerRule = {
  min: -1,
  max: 604800,
  text: 'must be -1 (no limit) or an integer from 60 to 604800',
};

/** MaximumRetryAttemptsESM: -1 (no limit) to 10000. */
export const PIPE_MAXIMUM_RETRY_ATTEMPTS: IntegerRule = {
  min: -1,
  max: 10000,
  text: 'must be an integer from -1 (no limit) to 10000',
};

/** LimitMax10: ParallelizationFactor. */
export const PIPE_PARALLELIZATION_FACTOR: IntegerRule = {
  min: 1,
  max: 10,
  text: 'must be an integer from 1 to 10',
};

/** StartingPositionTimestamp: an RFC 3339 timestamp (the provider's `starting_position_timestamp`). */
export const RFC3339_TIMESTAMP: StringRule = {
  min: 1,
  max: 64,
  pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  text: 'must be an RFC 3339 timestamp such as "2026-01-31T12:00:00Z"',
};

/* ---------------------------------------------------------------------------
 * Step Functions HTTP tasks (HttpInvokeTask). Step Functions documents no
 * length limits for a task's headers and query parameters, so these rules
 * set none; they refuse what cannot be sent as HTTP. They differ from the
 * connection's HEADER_KEY and QUERY_KEY above, which are the EventBridge
 * API model's (HeaderKey, QueryStringKey): those limit keys to 512
 * characters, and HeaderKey admits `,`, which no HTTP header name can hold
 * (a task's headers are sent as they are; a connection's go through
 * EventBridge, which takes what its model allows). A header or query key
 * valid for a task and longer than 512 characters is therefore refused on a
 * connection, and a header name with `,` is refused on a task only.
 * ------------------------------------------------------------------------ */

/**
 * A header name: an HTTP token (RFC 9110, section 5.6.2). A JSONPath task's
 * dynamic header ends in `.$`, whose characters are token characters too.
 */
export const HTTP_TASK_HEADER_KEY: StringRule = {
  min: 1,
  max: Number.MAX_SAFE_INTEGER,
  pattern: /^[!#$%&'*+\-.^_`|~0-9a-zA-Z]+$/,
  text: "must be an HTTP header name: HTTP token characters (A-Z a-z 0-9 ! # $ % & ' * + - . ^ _ ` | ~)",
};

/**
 * A header value: no control characters but tab (RFC 9110, section 5.5:
 * a field value has no CR, LF or NUL).
 */
export const HTTP_TASK_HEADER_VALUE: StringRule = {
  min: 0,
  max: Number.MAX_SAFE_INTEGER,
  // eslint-disable-next-line no-control-regex
  pattern: /^[^\x00-\x08\x0A-\x1F\x7F]*$/,
  text: 'must have no control characters other than tab',
};

/** A query parameter name: not empty, no control characters. */
export const HTTP_TASK_QUERY_KEY: StringRule = {
  min: 1,
  max: Number.MAX_SAFE_INTEGER,
  // eslint-disable-next-line no-control-regex
  pattern: /^[^\x00-\x1F\x7F]+$/,
  text: 'must be 1 or more characters with no control characters',
};

/** A query parameter value: no control characters (it may be empty). */
export const HTTP_TASK_QUERY_VALUE: StringRule = {
  min: 0,
  max: Number.MAX_SAFE_INTEGER,
  // eslint-disable-next-line no-control-regex
  pattern: /^[^\x00-\x1F\x7F]*$/,
  text: 'must have no control characters',
};

/**
 * A state name, as `Next` names it: the Amazon States Language specification
 * ("Names of states ... MUST have length which is less than or equal to 80
 * Unicode characters").
 */
export const STATE_NAME: StringRule = {
  min: 1,
  max: 80,
  text: 'must be a state name of 1-80 characters',
};
