import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { ApiDestination, ApiDestinationTarget, ApiDestinationTargetProps, Connection, IApiDestination } from '../src';
import { newStack, resolved, synthObject } from './util';

const DESTINATION_ARN = 'arn:aws:events:us-east-1:123456789012:api-destination/partner-orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:webhook-dlq';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/eventbridge-invoke';

function destination(stack: TerraformStack): IApiDestination {
  return ApiDestination.fromApiDestinationArn(stack, 'Destination', DESTINATION_ARN);
}

function target(stack: TerraformStack, props: Partial<ApiDestinationTargetProps> = {}): ApiDestinationTarget {
  return new ApiDestinationTarget(stack, 'Target', { ruleName: 'orders', apiDestination: destination(stack), ...props });
}

function targetBlock(stack: TerraformStack): any {
  return Object.values<any>(synthObject(stack).resource.aws_cloudwatch_event_target)[0];
}

describe('ApiDestinationTarget', () => {
  test('sends the rule\'s events to the API destination with the created role', () => {
    const stack = newStack();
    const t = target(stack);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(CloudwatchEventTarget, {
      rule: 'orders',
      arn: DESTINATION_ARN,
      role_arn: '${aws_iam_role.Target_Role_C4ED8ABA.arn}',
    });
    expect(t.resource.node.id).toBe('Resource');
    expect(t.role).toBeInstanceOf(IamRole);
    expect(resolved(stack, t.roleArn)).toBe('${aws_iam_role.Target_Role_C4ED8ABA.arn}');
  });

  test('creates a role that only events.amazonaws.com can assume', () => {
    const stack = newStack();
    target(stack);
    const synth = Testing.synth(stack);
    expect(synth).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [{
        effect: 'Allow',
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
      }],
    });
    expect(synth).toHaveResourceWithProperties(IamRole, {
      assume_role_policy: '${data.aws_iam_policy_document.Target_AssumeRolePolicy_0DCA200E.json}',
    });
  });

  test('grants events:InvokeApiDestination on the destination\'s ARN for policies only, as an inline policy', () => {
    const stack = newStack();
    target(stack);
    const synth = Testing.synth(stack);
    // The ARN without its trailing ID: the resource form IAM matches for api-destination.
    expect(synth).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [{
        sid: 'InvokeApiDestination',
        effect: 'Allow',
        actions: ['events:InvokeApiDestination'],
        resources: ['arn:aws:events:us-east-1:123456789012:api-destination/partner-orders'],
      }],
    });
    expect(synth).toHaveResourceWithProperties(IamRolePolicy, {
      role: '${aws_iam_role.Target_Role_C4ED8ABA.name}',
      name: 'invoke-api-destination',
      policy: '${data.aws_iam_policy_document.Target_PolicyDocument_53B61C8D.json}',
    });
  });

  test('gives its role the statement grantInvoke() gives, for a created and an imported destination', () => {
    const stack = newStack();
    const connection = Connection.fromConnectionArn(stack, 'Conn',
      'arn:aws:events:us-east-1:123456789012:connection/partner/00000000-0000-0000-0000-000000000000');
    const created = new ApiDestination(stack, 'Created', { connection, endpoint: 'https://example.com/hook' });
    for (const dest of [created, destination(stack)]) {
      const t = new ApiDestinationTarget(stack, `To${dest.node.id}`, { ruleName: 'orders', apiDestination: dest });
      const grant = dest.grantInvoke('some-role');
      const documents = synthObject(stack).data.aws_iam_policy_document;
      const own = documents[(t.node.findChild('PolicyDocument') as DataAwsIamPolicyDocument).friendlyUniqueId];
      const granted = documents[grant.document.friendlyUniqueId];
      expect(own.statement).toEqual(granted.statement);
      expect(own.statement[0].actions).toEqual(['events:InvokeApiDestination']);
    }
  });

  test('sends the part of the event an inputPath selects', () => {
    const stack = newStack();
    target(stack, { inputPath: '$.detail' });
    const block = targetBlock(stack);
    expect(block.input_path).toBe('$.detail');
    expect(block.input).toBeUndefined();
    expect(block.input_transformer).toBeUndefined();
  });

  test('takes an inputPath that is a token, unjudged', () => {
    const stack = newStack();
    const path = new TerraformVariable(stack, 'path', { type: 'string' }).stringValue;
    target(stack, { inputPath: path });
    expect(targetBlock(stack).input_path).toBe('${var.path}');
  });

  test('uses a given role instead of creating one', () => {
    const stack = newStack();
    const t = target(stack, { roleArn: ROLE_ARN });
    const synth = synthObject(stack);
    expect(targetBlock(stack).role_arn).toBe(ROLE_ARN);
    expect(t.role).toBeUndefined();
    expect(t.roleArn).toBe(ROLE_ARN);
    expect(synth.resource.aws_iam_role).toBeUndefined();
    expect(synth.data).toBeUndefined();
  });

  test('references a destination created in the stack', () => {
    const stack = newStack();
    const dest = new ApiDestination(stack, 'Dest', {
      connection: Connection.fromConnectionName(stack, 'Connection', 'partner'),
      endpoint: 'https://api.example.com',
    });
    new ApiDestinationTarget(stack, 'Target', { ruleName: 'orders', apiDestination: dest });
    expect(targetBlock(stack).arn).toBe('${aws_cloudwatch_event_api_destination.Dest_C383B82A.arn}');
  });

  test('writes the HTTP parameters, the event bus and the target ID', () => {
    const stack = newStack();
    target(stack, {
      eventBusName: 'shop',
      targetId: 'partner-webhook',
      headerParameters: { 'X-Source': 'eventbridge', 'X-Order': '$.detail.id' },
      pathParameterValues: ['$.detail.id'],
      queryStringParameters: { tenant: 'acme' },
    });
    expect(targetBlock(stack)).toMatchObject({
      event_bus_name: 'shop',
      target_id: 'partner-webhook',
      http_target: {
        header_parameters: { 'X-Source': 'eventbridge', 'X-Order': '$.detail.id' },
        path_parameter_values: ['$.detail.id'],
        query_string_parameters: { tenant: 'acme' },
      },
    });
  });

  test('omits http_target, input, retry policy and dead-letter config when not given', () => {
    const stack = newStack();
    target(stack, { headerParameters: {}, pathParameterValues: [] });
    const block = targetBlock(stack);
    for (const key of ['http_target', 'input', 'input_transformer', 'retry_policy', 'dead_letter_config', 'event_bus_name', 'target_id']) {
      expect(block).not.toHaveProperty(key);
    }
  });

  test('writes a fixed JSON input', () => {
    const stack = newStack();
    target(stack, { input: JSON.stringify({ hello: 'world' }) });
    expect(targetBlock(stack).input).toBe('{"hello":"world"}');
  });

  test('writes an input transformer', () => {
    const stack = newStack();
    target(stack, {
      inputTransformer: {
        inputPathsMap: { orderId: '$.detail.id', total: '$.detail.total' },
        inputTemplate: '{"id": <orderId>, "amount": <total>}',
      },
    });
    expect(targetBlock(stack).input_transformer).toEqual({
      input_paths: { orderId: '$.detail.id', total: '$.detail.total' },
      input_template: '{"id": <orderId>, "amount": <total>}',
    });
  });

  test('writes the retry policy and the dead-letter queue', () => {
    const stack = newStack();
    target(stack, { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 10, deadLetterQueueArn: QUEUE_ARN });
    expect(targetBlock(stack)).toMatchObject({
      retry_policy: { maximum_event_age_in_seconds: 3600, maximum_retry_attempts: 10 },
      dead_letter_config: { arn: QUEUE_ARN },
    });
  });

  test.each([
    ['the bounds 60 and 0', 60, 0],
    ['the bounds 86400 and 185', 86400, 185],
  ])('accepts %s', (_case, age, attempts) => {
    const stack = newStack();
    target(stack, { maximumEventAgeInSeconds: age, maximumRetryAttempts: attempts });
    expect(targetBlock(stack).retry_policy).toEqual({ maximum_event_age_in_seconds: age, maximum_retry_attempts: attempts });
  });

  test('uses the given provider for the target, the role and its policy', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    target(stack, { provider: west });
    const synth = synthObject(stack);
    const providers = [
      ...Object.values<any>(synth.resource.aws_cloudwatch_event_target),
      ...Object.values<any>(synth.resource.aws_iam_role),
      ...Object.values<any>(synth.resource.aws_iam_role_policy),
      ...Object.values<any>(synth.data.aws_iam_policy_document),
    ].map((r) => r.provider);
    expect(providers).toEqual(['aws.west', 'aws.west', 'aws.west', 'aws.west', 'aws.west']);
  });

  test('accepts unresolved tokens for every prop', () => {
    const stack = newStack();
    const v = (name: string, type = 'string') => new TerraformVariable(stack, name, { type });
    target(stack, {
      ruleName: v('rule').stringValue,
      eventBusName: v('bus').stringValue,
      targetId: v('target_id').stringValue,
      headerParameters: { 'X-A': v('header').stringValue },
      pathParameterValues: v('paths', 'list(string)').listValue,
      queryStringParameters: { q: v('query').stringValue },
      input: v('input').stringValue,
      maximumEventAgeInSeconds: v('age', 'number').numberValue,
      maximumRetryAttempts: v('attempts', 'number').numberValue,
      deadLetterQueueArn: v('dlq').stringValue,
      roleArn: v('role').stringValue,
    });
    expect(targetBlock(stack)).toMatchObject({
      rule: '${var.rule}',
      event_bus_name: '${var.bus}',
      target_id: '${var.target_id}',
      input: '${var.input}',
      role_arn: '${var.role}',
      http_target: { header_parameters: { 'X-A': '${var.header}' }, path_parameter_values: '${var.paths}' },
      retry_policy: { maximum_event_age_in_seconds: '${var.age}', maximum_retry_attempts: '${var.attempts}' },
      dead_letter_config: { arn: '${var.dlq}' },
    });
  });

  test('accepts an unresolved input paths map and template', () => {
    const stack = newStack();
    const paths = new TerraformVariable(stack, 'paths', { type: 'map(string)' });
    const template = new TerraformVariable(stack, 'template', { type: 'string' });
    target(stack, { inputTransformer: { inputPathsMap: paths.value, inputTemplate: template.stringValue } });
    expect(targetBlock(stack).input_transformer).toEqual({ input_paths: '${var.paths}', input_template: '${var.template}' });
  });

  describe('rejects invalid input with a message naming the property, rule, value, path and fix', () => {
    const transformer = { inputTemplate: '<a>', inputPathsMap: { a: '$.detail.a' } };
    test.each<[string, any, string]>([
      ['a rule name with a slash', { ruleName: 'bus/orders' },
        '`ruleName` must be 1-64 characters of A-Z a-z 0-9 . - _, got "bus/orders" (at TestStack/Target). Pass the rule\'s name, e.g. `rule.name`.'],
      ['no rule name', { ruleName: undefined },
        '`ruleName` is required, got undefined (at TestStack/Target). Pass a string for `ruleName`.'],
      ['an event bus name with a space', { eventBusName: 'my bus' },
        '`eventBusName` must be an event bus name or ARN of 1-1600 characters (A-Z a-z 0-9 / . - _), got "my bus" (at TestStack/Target). Pass the event bus\'s name or ARN, or omit it for the default bus.'],
      ['no API destination', { apiDestination: undefined },
        '`apiDestination` must be an API destination (IApiDestination), got undefined (at TestStack/Target). Pass an ApiDestination or ApiDestination.fromApiDestinationArn().'],
      ['a target ID of 65 characters', { targetId: 'a'.repeat(65) },
        `\`targetId\` must be 1-64 characters of A-Z a-z 0-9 . - _, got "${'a'.repeat(65)}" (at TestStack/Target). Use an ID such as "webhook", or omit \`targetId\` to get a generated one.`],
      ['a header name with a space', { headerParameters: { 'X Source': 'a' } },
        '`headerParameters` must be 1-512 HTTP token characters (A-Z a-z 0-9 ! # $ % & \' * + , - . ^ _ ` | ~), got "X Source" (at TestStack/Target). Use a valid HTTP header name such as "X-Source".'],
      ['a header value with a line break', { headerParameters: { 'X-Source': 'a\nb' } },
        '`headerParameters["X-Source"]` must be 1-512 printable ASCII characters, got "a\\nb" (at TestStack/Target). Remove control characters from the value, or shorten it to 512 characters.'],
      ['an empty query value', { queryStringParameters: { q: '' } },
        '`queryStringParameters["q"]` must be 1-512 characters with no control characters other than line breaks, got "" (at TestStack/Target). Remove control characters from the value, or shorten it to 512 characters.'],
      ['a blank path parameter', { pathParameterValues: ['$.detail.id', '  '] },
        '`pathParameterValues[1]` must not be empty or only white space, got "  " (at TestStack/Target). Pass a value or a JSON path such as "$.detail.id" for each `*` of the endpoint.'],
      ['a path parameter list that is a string', { pathParameterValues: '$.detail.id' },
        '`pathParameterValues` must be a list of strings, got "$.detail.id" (at TestStack/Target). Pass an array such as ["value"].'],
      ['both input and inputTransformer', { input: '{}', inputTransformer: transformer },
        '`input` cannot be combined with `inputTransformer`, got both `input` and `inputTransformer` (at TestStack/Target). Pass a fixed `input` or an `inputTransformer`, not both.'],
      ['both inputPath and input', { inputPath: '$.detail', input: '{}' },
        '`inputPath` cannot be combined with `input`, got both `inputPath` and `input` (at TestStack/Target). Pass one of `input`, `inputPath` and `inputTransformer`: EventBridge takes only one.'],
      ['both inputPath and inputTransformer', { inputPath: '$.detail', inputTransformer: transformer },
        '`inputPath` cannot be combined with `inputTransformer`, got both `inputPath` and `inputTransformer` (at TestStack/Target). Pass one of `input`, `inputPath` and `inputTransformer`: EventBridge takes only one.'],
      ['an input path of 257 characters', { inputPath: `$.${'a'.repeat(255)}` },
        `\`inputPath\` must be at most 256 characters, got "$.${'a'.repeat(57)}..." (257 characters) (at TestStack/Target). Use a JSONPath of at most 256 characters, e.g. "$.detail".`],
      ['an input that is not JSON', { input: 'hello' },
        '`input` must be valid JSON, got "hello" (at TestStack/Target). Pass JSON text, e.g. JSON.stringify({ ... }), or use `inputTransformer` for a template.'],
      ['an input of 8193 characters', { input: `"${'a'.repeat(8191)}"` },
        `\`input\` must be at most 8192 characters, got "\\"${'a'.repeat(57)}..." (8193 characters) (at TestStack/Target). Shorten the input.`],
      ['an empty input template', { inputTransformer: { inputTemplate: '' } },
        '`inputTransformer.inputTemplate` must be 1-8192 characters, got "" (at TestStack/Target). Write a template of 1-8192 characters.'],
      ['an input path name with a dot', { inputTransformer: { inputTemplate: '<a>', inputPathsMap: { 'a.b': '$.detail' } } },
        '`inputTransformer.inputPathsMap` must be 1-256 characters of A-Z a-z 0-9 _ -, got "a.b" (at TestStack/Target). Name the path with letters, digits, _ and -, e.g. "orderId".'],
      ['an input path of 257 characters', { inputTransformer: { inputTemplate: '<a>', inputPathsMap: { a: `$.${'a'.repeat(255)}` } } },
        `\`inputTransformer.inputPathsMap["a"]\` must be at most 256 characters, got "$.${'a'.repeat(57)}..." (257 characters) (at TestStack/Target). Use a shorter JSON path, e.g. "$.detail.id".`],
      ['101 input paths', { inputTransformer: { inputTemplate: '<a>', inputPathsMap: Object.fromEntries([...Array(101).keys()].map((i) => [`k${i}`, '$.a'])) } },
        '`inputTransformer.inputPathsMap` must have at most 100 entries, got 101 entries (at TestStack/Target). Remove entries.'],
      ['an input transformer that is a string', { inputTransformer: '<a>' },
        '`inputTransformer` must be an object with `inputTemplate`, got "<a>" (at TestStack/Target). Pass { inputTemplate, inputPathsMap }.'],
      ['a maximum event age of 59 seconds', { maximumEventAgeInSeconds: 59 },
        '`maximumEventAgeInSeconds` must be an integer from 60 to 86400 (1 minute to 24 hours), got number 59 (at TestStack/Target). Use a number of seconds from 60 to 86400.'],
      ['a maximum event age of 86401 seconds', { maximumEventAgeInSeconds: 86401 },
        '`maximumEventAgeInSeconds` must be an integer from 60 to 86400 (1 minute to 24 hours), got number 86401 (at TestStack/Target). Use a number of seconds from 60 to 86400.'],
      ['186 retry attempts', { maximumRetryAttempts: 186 },
        '`maximumRetryAttempts` must be an integer from 0 to 185, got number 186 (at TestStack/Target). Use a number of attempts from 0 to 185.'],
      ['a fractional number of retry attempts', { maximumRetryAttempts: 2.5 },
        '`maximumRetryAttempts` must be an integer from 0 to 185, got number 2.5 (at TestStack/Target). Use a number of attempts from 0 to 185.'],
      ['a dead-letter queue that is an SNS topic', { deadLetterQueueArn: 'arn:aws:sns:us-east-1:123456789012:topic' },
        '`deadLetterQueueArn` must be an SQS queue ARN (arn:<partition>:sqs:<region>:<account>:<queue name>), got "arn:aws:sns:us-east-1:123456789012:topic" (at TestStack/Target). Pass the queue\'s ARN, e.g. `queue.arn` of an aws_sqs_queue.'],
      ['a role ARN that is a user ARN', { roleArn: 'arn:aws:iam::123456789012:user/bob' },
        '`roleArn` must be an IAM role ARN (arn:<partition>:iam::<account>:role/<name>), got "arn:aws:iam::123456789012:user/bob" (at TestStack/Target). Pass the role\'s ARN, or omit `roleArn` to get a role created.'],
    ])('rejects %s', (_case, override, message) => {
      const stack = newStack();
      expect(() => target(stack, override)).toThrow(message);
    });

    test('rejects a props value that is not an object', () => {
      const stack = newStack();
      expect(() => new ApiDestinationTarget(stack, 'Target', null as any)).toThrow(
        '`props` must be an object, got null (at TestStack/Target). Pass the target\'s properties, with at least `ruleName` and `apiDestination`.');
    });
  });
});

describe('ApiDestinationTarget dead-letter queue policy', () => {
  function dlqStatement(stack: TerraformStack, t: ApiDestinationTarget): any {
    const documents = synthObject(stack).data.aws_iam_policy_document;
    const document = t.node.findChild('DeadLetterQueuePolicyDocument') as DataAwsIamPolicyDocument;
    expect(resolved(stack, t.deadLetterQueuePolicyJson)).toBe(`\${data.aws_iam_policy_document.${document.friendlyUniqueId}.json}`);
    return documents[document.friendlyUniqueId].statement;
  }

  test('renders what EventBridge needs, for this rule only, and leaves the queue alone', () => {
    const stack = newStack();
    const t = target(stack, { deadLetterQueueArn: QUEUE_ARN });
    expect(dlqStatement(stack, t)).toEqual([{
      sid: 'EventBridgeDeadLetterQueue',
      effect: 'Allow',
      actions: ['sqs:SendMessage'],
      principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
      resources: [QUEUE_ARN],
      condition: [{ test: 'ArnEquals', variable: 'aws:SourceArn', values: ['arn:aws:events:us-east-1:123456789012:rule/orders'] }],
    }]);
    expect(t.deadLetterQueuePolicy).toBeUndefined();
    expect(synthObject(stack).resource.aws_sqs_queue_policy).toBeUndefined();
    expect(targetBlock(stack).dead_letter_config).toEqual({ arn: QUEUE_ARN });
  });

  test.each<[string, string | undefined, string]>([
    ['the default bus', undefined, 'rule/orders'],
    ['the default bus by name', 'default', 'rule/orders'],
    ['a bus by name', 'shop', 'rule/shop/orders'],
    ['a bus by ARN', 'arn:aws:events:us-east-1:123456789012:event-bus/shop', 'rule/shop/orders'],
    ['the default bus by ARN', 'arn:aws:events:us-east-1:123456789012:event-bus/default', 'rule/orders'],
  ])('names the rule\'s ARN on %s', (_case, eventBusName, path) => {
    const stack = newStack();
    const t = target(stack, { deadLetterQueueArn: QUEUE_ARN, eventBusName });
    expect(dlqStatement(stack, t)[0].condition[0].values).toEqual([`arn:aws:events:us-east-1:123456789012:${path}`]);
  });

  test('names the rule of a bus given as a token with Terraform\'s functions', () => {
    const stack = newStack();
    const bus = new TerraformVariable(stack, 'bus', { type: 'string' }).stringValue;
    const t = target(stack, { deadLetterQueueArn: QUEUE_ARN, eventBusName: bus });
    expect(dlqStatement(stack, t)[0].condition[0].values).toEqual([
      'arn:aws:events:us-east-1:123456789012:rule/${(element(reverse(split("/", var.bus)), 0) == "default") ? "orders" : "${element(reverse(split("/", var.bus)), 0)}/orders"}',
    ]);
  });

  test('uses a given ruleArn', () => {
    const stack = newStack();
    const t = target(stack, { deadLetterQueueArn: QUEUE_ARN, ruleArn: 'arn:aws:events:us-east-1:123456789012:rule/shop/orders' });
    expect(dlqStatement(stack, t)[0].condition[0].values).toEqual(['arn:aws:events:us-east-1:123456789012:rule/shop/orders']);
  });

  test('writes the queue\'s whole policy only when told the target owns it', () => {
    const stack = newStack();
    const t = target(stack, { deadLetterQueueArn: QUEUE_ARN, ownsDeadLetterQueuePolicy: true });
    const document = t.node.findChild('DeadLetterQueuePolicyDocument') as DataAwsIamPolicyDocument;
    const policies = synthObject(stack).resource.aws_sqs_queue_policy;
    expect(Object.values(policies)).toEqual([{
      queue_url: 'https://sqs.us-east-1.amazonaws.com/123456789012/webhook-dlq',
      policy: `\${data.aws_iam_policy_document.${document.friendlyUniqueId}.json}`,
    }]);
    expect(t.deadLetterQueuePolicy!.node.id).toBe('DeadLetterQueuePolicy');
  });

  test('builds the URL of a queue given as a token, in its partition', () => {
    const stack = newStack();
    const queue = new TerraformVariable(stack, 'queue', { type: 'string' }).stringValue;
    target(stack, { deadLetterQueueArn: queue, ownsDeadLetterQueuePolicy: true });
    const [policy] = Object.values<any>(synthObject(stack).resource.aws_sqs_queue_policy);
    expect(policy.queue_url).toBe('https://sqs.${element(split(":", var.queue), 3)}.${(element(split(":", var.queue), 1) == "aws-cn") ? "amazonaws.com.cn" : "amazonaws.com"}/${element(split(":", var.queue), 4)}/${element(split(":", var.queue), 5)}');
  });

  test('a China queue has its own domain', () => {
    const stack = newStack();
    target(stack, {
      apiDestination: ApiDestination.fromApiDestinationArn(stack, 'Cn', 'arn:aws-cn:events:cn-north-1:123456789012:api-destination/d/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d'),
      deadLetterQueueArn: 'arn:aws-cn:sqs:cn-north-1:123456789012:dlq',
      ownsDeadLetterQueuePolicy: true,
    });
    const [policy] = Object.values<any>(synthObject(stack).resource.aws_sqs_queue_policy);
    expect(policy.queue_url).toBe('https://sqs.cn-north-1.amazonaws.com.cn/123456789012/dlq');
  });

  test.each<[string, Partial<ApiDestinationTargetProps>, string]>([
    ['owning a queue policy without a queue', { ownsDeadLetterQueuePolicy: true },
      '`ownsDeadLetterQueuePolicy` needs `deadLetterQueueArn`, got boolean true (at TestStack/Target). Set `deadLetterQueueArn`, or omit `ownsDeadLetterQueuePolicy`.'],
    ['a non-boolean owner flag', { deadLetterQueueArn: QUEUE_ARN, ownsDeadLetterQueuePolicy: 'yes' as any },
      '`ownsDeadLetterQueuePolicy` must be true or false, got "yes" (at TestStack/Target). Pass a literal true or false for `ownsDeadLetterQueuePolicy`, or omit it.'],
    ['a rule ARN that is a queue ARN', { deadLetterQueueArn: QUEUE_ARN, ruleArn: QUEUE_ARN },
      '`ruleArn` must be an EventBridge rule ARN (arn:<partition>:events:<region>:<account>:rule/[<event bus>/]<rule name>), got "arn:aws:sqs:us-east-1:123456789012:webhook-dlq" (at TestStack/Target). Pass the rule\'s ARN, e.g. `rule.arn` of an aws_cloudwatch_event_rule.'],
  ])('rejects %s', (_case, props, message) => {
    const stack = newStack();
    expect(() => target(stack, props)).toThrow(message);
  });
});
