/*
 * The example app (examples/typescript): what it declares, and `cdktf synth` (or `cdktn synth`)
 * of it through the matrix entry's CLI.
 *
 * @every-node-line the CLI starts the app with the Node.js of the line under test
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudwatchEventConnection } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { Testing } from 'cdktf';
import { AWS_PROVIDER_VERSION, EXAMPLE_DIR, exampleCli, TARGET } from './flavour';
import { WebhooksStack } from '../examples/typescript/main';

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

  // The app as this matrix entry builds it (build/<entry>/examples/typescript for the others:
  // imports rewritten for cdktn, the compiled library on provider-aws 20.1.0 for cdktf-aws5),
  // synthesized by the entry's CLI: cdktf-cli, or cdktn-cli 0.24.0 from tools/cdktn (see exampleCli).
  const cli = exampleCli();
  const synthTest = cli ? test : test.skip;
  if (!cli) process.stdout.write('SKIPPED: cdktn-cli is not installed (run `npx projen tools:cdktn`)\n');
  synthTest(`\`${cli?.name ?? 'cdktn'} synth\` writes cdk.tf.json for the app (${TARGET.name})`, () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'example-ts-'));
    try {
      execFileSync(cli!.node, [cli!.script, 'synth', '--output', out], {
        cwd: EXAMPLE_DIR,
        // The CLI runs the app with `npx ts-node`: the entry's Node first on PATH.
        env: { ...process.env, PATH: `${path.dirname(cli!.appNode)}${path.delimiter}${process.env.PATH}`, CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0' },
        stdio: 'pipe',
        timeout: 120_000,
      });
      const json = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'webhooks', 'cdk.tf.json'), 'utf-8'));
      expect(Object.keys(json.resource.aws_cloudwatch_event_connection)).toHaveLength(3);
      expect(json.variable.crm_client_secret.sensitive).toBe(true);
      // The entry's own binding wrote it: its provider pin.
      expect(json.terraform.required_providers.aws.version).toBe(AWS_PROVIDER_VERSION);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
