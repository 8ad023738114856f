import { CloudwatchEventApiDestination } from '@cdktf/provider-aws/lib/cloudwatch-event-api-destination';
import { CloudwatchEventConnection } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { PipesPipe } from '@cdktf/provider-aws/lib/pipes-pipe';
import { Testing } from 'cdktf';
import { WebhookStack } from '../examples/webhook/main';

describe('examples/webhook', () => {
  const synth = () => Testing.synth(new WebhookStack(Testing.app(), 'webhook'));

  test('sends the rule\'s events through the API destination and its connection', () => {
    const json = synth();
    expect(json).toHaveResourceWithProperties(CloudwatchEventConnection, { name: 'partner-orders', authorization_type: 'API_KEY' });
    expect(json).toHaveResourceWithProperties(CloudwatchEventApiDestination, {
      name: 'partner-orders',
      connection_arn: '${aws_cloudwatch_event_connection.PartnerConnection_5F6AC640.arn}',
      invocation_endpoint: 'https://api.partner.example.com/v1/orders/*',
      http_method: 'PUT',
      invocation_rate_limit_per_second: 10,
    });
    expect(json).toHaveResourceWithProperties(CloudwatchEventTarget, {
      rule: '${aws_cloudwatch_event_rule.OrderPlaced.name}',
      event_bus_name: '${aws_cloudwatch_event_bus.Bus.name}',
      arn: '${aws_cloudwatch_event_api_destination.PartnerOrders_58E80ECF.arn}',
      http_target: { path_parameter_values: ['$.detail.orderId'], header_parameters: { 'X-Shop-Event-Id': '$.id' } },
      retry_policy: { maximum_event_age_in_seconds: 3600, maximum_retry_attempts: 20 },
      dead_letter_config: { arn: '${aws_sqs_queue.DeadLetters.arn}' },
    });
    expect(json).toHaveResourceWithProperties(IamRolePolicy, { name: 'invoke-api-destination' });
  });

  test('lets EventBridge write to the dead-letter queue for this rule only, through the target', () => {
    const parsed = JSON.parse(synth());
    const [queuePolicy] = Object.values<any>(parsed.resource.aws_sqs_queue_policy);
    const document = queuePolicy.policy.match(/^\$\{data\.aws_iam_policy_document\.([\w]+)\.json\}$/)[1];
    expect(parsed.data.aws_iam_policy_document[document].statement).toEqual([expect.objectContaining({
      actions: ['sqs:SendMessage'],
      principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
      resources: ['${aws_sqs_queue.DeadLetters.arn}'],
      condition: [{ test: 'ArnEquals', variable: 'aws:SourceArn', values: ['${aws_cloudwatch_event_rule.OrderPlaced.arn}'] }],
    })]);
  });

  test('keeps the API key out of the JSON and writes an event pattern and transformer that parse', () => {
    const json = synth();
    const parsed = JSON.parse(json);
    const connection = Object.values<any>(parsed.resource.aws_cloudwatch_event_connection)[0];
    expect(connection.auth_parameters.api_key.value).toMatch(/^\$\{jsondecode\(data\.aws_secretsmanager_secret_version\./);
    const rule = Object.values<any>(parsed.resource.aws_cloudwatch_event_rule)[0];
    expect(JSON.parse(rule.event_pattern)).toEqual({ 'source': ['shop.orders'], 'detail-type': ['OrderPlaced'] });
    const target = Object.values<any>(parsed.resource.aws_cloudwatch_event_target)[0];
    expect(target.input_transformer.input_paths).toEqual({ orderId: '$.detail.orderId', total: '$.detail.total', currency: '$.detail.currency' });
    // The template is JSON once each placeholder is replaced by a value.
    expect(() => JSON.parse(target.input_transformer.input_template.replace(/<\w+>/g, '1'))).not.toThrow();
  });

  test('sends the queued full refunds to the partner through a pipe whose role reads only that queue', () => {
    const json = synth();
    expect(json).toHaveResourceWithProperties(PipesPipe, {
      name: 'partner-refunds',
      source: '${aws_sqs_queue.Refunds.arn}',
      target: '${aws_cloudwatch_event_api_destination.PartnerRefunds_13CE0149.arn}',
      source_parameters: {
        filter_criteria: { filter: [{ pattern: '{"body":{"kind":["full"]}}' }] },
        sqs_queue_parameters: { batch_size: 1 },
      },
      target_parameters: {
        http_parameters: { path_parameter_values: ['$.body.orderId'] },
        input_template: '{"order": "<$.body.orderId>", "amount": <$.body.amount>}',
      },
    });
    const parsed = JSON.parse(json);
    const pipe = Object.values<any>(parsed.resource.aws_pipes_pipe)[0];
    const role = pipe.role_arn.match(/^\$\{aws_iam_role\.(.+)\.arn\}$/)[1];
    const policy = Object.values<any>(parsed.resource.aws_iam_role_policy).find((p) => p.role === `\${aws_iam_role.${role}.name}`);
    const document = policy.policy.match(/^\$\{data\.aws_iam_policy_document\.(.+)\.json\}$/)[1];
    expect(parsed.data.aws_iam_policy_document[document].statement.map((s: any) => [s.actions, s.resources])).toEqual([
      [['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], ['${aws_sqs_queue.Refunds.arn}']],
      [['events:InvokeApiDestination'], [expect.stringContaining('aws_cloudwatch_event_api_destination.PartnerRefunds_13CE0149.arn')]],
    ]);
  });
});
