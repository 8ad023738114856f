/*
 * A webhook to a third-party API, end to end: every "order placed" event on
 * the shop's event bus is POSTed to the partner's API, authorized with an API
 * key that EventBridge reads from Secrets Manager, reshaped by an input
 * transformer, retried for an hour and, if it still fails, parked in a
 * dead-letter queue. Refunds, which another system queues in SQS, reach the
 * same partner through an EventBridge pipe.
 *
 *   CHECKPOINT_DISABLE=1 npx cdktf synth   # writes cdktf.out/stacks/webhook/cdk.tf.json
 *
 * In your own app, import from 'cdktf-eventbridge-connection' instead.
 */
import { CloudwatchEventBus } from '@cdktf/provider-aws/lib/cloudwatch-event-bus';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { App, Fn, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  ApiDestination,
  ApiDestinationPipe,
  ApiDestinationTarget,
  ApiKeyConnection,
  HttpMethod,
  HttpParameter,
  PipeSource,
  SecretValue,
} from '../../src';

export class WebhookStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-1' });

    // 1. The connection: the partner's API key, read from a JSON field of a
    //    Secrets Manager secret at plan time (never written to cdk.tf.json).
    const connection = new ApiKeyConnection(this, 'PartnerConnection', {
      connectionName: 'partner-orders',
      description: 'Authorization for the partner order API',
      apiKeyName: 'x-api-key',
      apiKeyValue: SecretValue.secretsManager('shop/partner', { jsonField: 'api_key' }),
      headerParameters: { 'Content-Type': HttpParameter.fromString('application/json') },
    });

    // 2. The API destination: where and how to call, at most 10 calls a second.
    //    The `*` is filled in by the target's path parameter.
    const destination = new ApiDestination(this, 'PartnerOrders', {
      apiDestinationName: 'partner-orders',
      description: 'The partner order API',
      connection,
      endpoint: 'https://api.partner.example.com/v1/orders/*',
      httpMethod: HttpMethod.PUT,
      rateLimitPerSecond: 10,
    });

    // 3. The rule: "order placed" events of the shop's bus.
    const bus = new CloudwatchEventBus(this, 'Bus', { name: 'shop' });
    const rule = new CloudwatchEventRule(this, 'OrderPlaced', {
      name: 'order-placed-to-partner',
      description: 'Order placed events for the partner',
      eventBusName: bus.name,
      eventPattern: JSON.stringify({
        'source': ['shop.orders'],
        'detail-type': ['OrderPlaced'],
      }),
    });

    // 4. The dead-letter queue. The target writes its policy (ownsDeadLetterQueuePolicy below):
    //    EventBridge may send to it for this rule only. The queue is this stack's, so no other
    //    statement of its policy is lost.
    const deadLetters = new SqsQueue(this, 'DeadLetters', {
      name: 'partner-orders-dlq',
      messageRetentionSeconds: 14 * 24 * 3600,
    });

    // 5. The target: the rule's events, reshaped, to the API destination, with
    //    a role (created) allowed to invoke it, retries and the dead-letter queue.
    const target = new ApiDestinationTarget(this, 'ToPartner', {
      ruleName: rule.name,
      eventBusName: bus.name,
      apiDestination: destination,
      targetId: 'partner-orders',
      pathParameterValues: ['$.detail.orderId'],
      headerParameters: { 'X-Shop-Event-Id': '$.id' },
      inputTransformer: {
        inputPathsMap: { orderId: '$.detail.orderId', total: '$.detail.total', currency: '$.detail.currency' },
        inputTemplate: '{"order": <orderId>, "amount": {"value": <total>, "currency": <currency>}}',
      },
      maximumEventAgeInSeconds: 3600,
      maximumRetryAttempts: 20,
      deadLetterQueueArn: deadLetters.arn,
      ownsDeadLetterQueuePolicy: true,
      ruleArn: rule.arn,
    });

    // 6. Refunds: another system queues them in SQS; a pipe sends each full refund to the
    //    partner's refund API (the queue's messages are JSON: the filter matches under `body`).
    //    The pipe creates its role, allowed only to read this queue and invoke this destination.
    //    The queue's redrive policy keeps what the partner refuses: a pipe to an API destination
    //    has no dead-letter queue of its own.
    const refundFailures = new SqsQueue(this, 'RefundFailures', { name: 'partner-refunds-failed' });
    const refunds = new SqsQueue(this, 'Refunds', {
      name: 'partner-refunds',
      visibilityTimeoutSeconds: 60,
      redrivePolicy: Fn.jsonencode({ deadLetterTargetArn: refundFailures.arn, maxReceiveCount: 5 }),
    });
    const refundApi = new ApiDestination(this, 'PartnerRefunds', {
      apiDestinationName: 'partner-refunds',
      connection,
      endpoint: 'https://api.partner.example.com/v1/orders/*/refunds',
      httpMethod: HttpMethod.POST,
      rateLimitPerSecond: 5,
    });
    const refundPipe = new ApiDestinationPipe(this, 'RefundsToPartner', {
      pipeName: 'partner-refunds',
      source: PipeSource.sqsQueue(refunds.arn, { batchSize: 1 }),
      filters: [JSON.stringify({ body: { kind: ['full'] } })],
      apiDestination: refundApi,
      pathParameterValues: ['$.body.orderId'],
      inputTemplate: '{"order": "<$.body.orderId>", "amount": <$.body.amount>}',
    });

    new TerraformOutput(this, 'api_destination_arn', { value: destination.apiDestinationArn });
    new TerraformOutput(this, 'connection_arn', { value: connection.connectionArn });
    new TerraformOutput(this, 'target_role_arn', { value: target.roleArn });
    new TerraformOutput(this, 'dead_letter_queue_url', { value: deadLetters.url });
    new TerraformOutput(this, 'refund_pipe_arn', { value: refundPipe.pipeArn });
  }
}

export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  new WebhookStack(app, 'webhook');
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
