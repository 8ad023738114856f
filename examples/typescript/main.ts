/*
 * Webhooks for an online shop: three EventBridge connections, one of each
 * authorization type, with secrets kept out of cdk.tf.json.
 *
 *   npx cdktf synth     # writes cdktf.out/stacks/webhooks/cdk.tf.json
 *
 * In your own app, import from 'cdktf-eventbridge-connection' instead.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  ApiKeyConnection,
  BasicConnection,
  HttpMethod,
  HttpParameter,
  OAuthConnection,
  SecretValue,
} from '../../src';

export class WebhooksStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-1' });

    // API key read from a JSON field of a Secrets Manager secret at plan time.
    const payments = new ApiKeyConnection(this, 'Payments', {
      connectionName: 'payments-webhook',
      description: 'Payment events to the payment provider',
      apiKeyName: 'x-api-key',
      apiKeyValue: SecretValue.secretsManager('shop/payments', { jsonField: 'api_key' }),
      headerParameters: { 'Content-Type': HttpParameter.fromString('application/json') },
    });

    // Basic authentication with the password in an SSM SecureString.
    const fulfilment = new BasicConnection(this, 'Fulfilment', {
      description: 'Orders to the warehouse system',
      username: 'eventbridge',
      password: SecretValue.ssmSecureString('/shop/fulfilment/password'),
      queryStringParameters: { warehouse: HttpParameter.fromString('eu-1') },
    });

    // OAuth client credentials; the client secret is a sensitive variable.
    const crmClientSecret = new TerraformVariable(this, 'crm_client_secret', {
      type: 'string',
      sensitive: true,
      description: 'Client secret of the CRM OAuth app',
    });
    const crm = new OAuthConnection(this, 'Crm', {
      connectionName: 'crm',
      authorizationEndpoint: 'https://login.crm.example.com/oauth2/token',
      httpMethod: HttpMethod.POST,
      clientId: 'shop-eventbridge',
      clientSecret: SecretValue.fromTerraformVariable(crmClientSecret),
      oauthBodyParameters: { grant_type: HttpParameter.fromString('client_credentials') },
      bodyParameters: {
        source: HttpParameter.fromString('shop'),
        signature: HttpParameter.fromSecret(SecretValue.secretsManager('shop/crm', { jsonField: 'signature' })),
      },
    });

    for (const connection of [payments, fulfilment, crm]) {
      new TerraformOutput(this, `${connection.node.id}Arn`, { value: connection.connectionArn });
    }
  }
}

export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  new WebhooksStack(app, 'webhooks');
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
