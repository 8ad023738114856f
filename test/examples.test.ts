import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudwatchEventConnection } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { Testing } from 'cdktf';
import { WebhooksStack } from '../examples/typescript/main';

const EXAMPLE = path.join(__dirname, '..', 'examples', 'typescript');

describe('examples/typescript', () => {
  test('the app declares one connection of each type with no secret in the JSON', () => {
    const synth = Testing.synth(new WebhooksStack(Testing.app(), 'webhooks'));
    const connections = JSON.parse(synth).resource.aws_cloudwatch_event_connection;
    expect(Object.values<any>(connections).map((c) => c.authorization_type).sort())
      .toEqual(['API_KEY', 'BASIC', 'OAUTH_CLIENT_CREDENTIALS']);
    expect(synth).toHaveResourceWithProperties(CloudwatchEventConnection, { name: 'payments-webhook' });
    // Every secret-bearing field is a Terraform reference, never a literal.
    const secrets = Object.values<any>(connections).flatMap((c) => {
      const auth = c.auth_parameters;
      const params = Object.values<any>(auth.invocation_http_parameters ?? {}).flat().filter((p: any) => p.is_value_secret);
      return [auth.api_key?.value, auth.basic?.password, auth.oauth?.client_parameters.client_secret, ...params.map((p: any) => p.value)]
        .filter((v) => v !== undefined);
    });
    expect(secrets).toHaveLength(4);
    for (const value of secrets) expect(value).toMatch(/^\$\{(data\.|var\.|jsondecode\()/);
  });

  test('`cdktf synth` writes cdk.tf.json for the app', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'example-ts-'));
    try {
      execFileSync(process.execPath, [require.resolve('cdktf-cli/bundle/bin/cdktf'), 'synth', '--output', out], {
        cwd: EXAMPLE,
        env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0' },
        stdio: 'pipe',
        timeout: 120_000,
      });
      const json = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'webhooks', 'cdk.tf.json'), 'utf-8'));
      expect(Object.keys(json.resource.aws_cloudwatch_event_connection)).toHaveLength(3);
      expect(json.variable.crm_client_secret.sensitive).toBe(true);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
