/*
 * A webhook to a third-party API, end to end: every "order placed" event on
 * the shop's event bus is POSTed to the partner's API, authorized with an API
 * key that EventBridge reads from Secrets Manager, reshaped by an input
 * transformer, retried for an hour and, if it still fails, parked in a
 * dead-letter queue.
 *
 *   npx cdktf synth     # writes cdktf.out/stacks/webhook/cdk.tf.json
 *
 * In your own app, import from 'cdktf-eventbridge-connection' instead.
 */
import { CloudwatchEventBus } from '@cdktf/provider-aws/lib/cloudwatch-event-bus';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  ApiDestination,
  ApiDestinationTarget,
  ApiKeyConnection,
  HttpMethod,
  HttpParameter,
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

    new TerraformOutput(this, 'api_destination_arn', { value: destination.apiDestinationArn });
    new TerraformOutput(this, 'connection_arn', { value: connection.connectionArn });
    new TerraformOutput(this, 'target_role_arn', { value: target.roleArn });
    new TerraformOutput(this, 'dead_letter_queue_url', { value: deadLetters.url });
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
