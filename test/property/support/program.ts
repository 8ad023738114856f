/**
 * One program using every feature, for determinism checks: built twice in
 * one process, and once in each of two separate node processes
 * (support/synth-main.ts), it must synthesize byte-identical JSON.
 */
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  ApiKeyConnection,
  Authorization,
  BasicConnection,
  Connection,
  HttpMethod,
  HttpParameter,
  OAuthConnection,
  SecretValue,
} from '../../../src';
import { newStack } from '../../util';

export interface ProgramOptions {
  /** Unrelated constructs added before the program's own. */
  readonly before?: boolean;
  /** Unrelated constructs added after the program's own. */
  readonly after?: boolean;
}

/** Unrelated constructs: another connection reading other secrets, variables, data sources, a group. */
function unrelated(stack: TerraformStack, tag: string): void {
  const group = new Construct(stack, `Unrelated${tag}`);
  new ApiKeyConnection(group, 'Other', {
    apiKeyName: 'x-other',
    apiKeyValue: SecretValue.secretsManager('other/secret'),
    headerParameters: { 'X-Other': HttpParameter.fromSecret(SecretValue.ssmSecureString('/other/param')) },
  });
  new ApiKeyConnection(stack, `Sibling${tag}`, { apiKeyName: 'k', apiKeyValue: SecretValue.secretsManager('prod/partner') });
  new TerraformVariable(stack, `unrelated_${tag}`, { type: 'string', sensitive: true });
  new DataAwsCallerIdentity(stack, `unrelated_me_${tag}`);
}

export function buildProgram(app: App, options: ProgramOptions = {}): TerraformStack {
  const stack = newStack('determinism', { app });
  const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
  if (options.before) unrelated(stack, 'Before');

  const signing = new TerraformVariable(stack, 'signing_key', { type: 'string', sensitive: true });
  const me = new DataAwsCallerIdentity(stack, 'me');

  new ApiKeyConnection(stack, 'ApiKey', {
    apiKeyName: 'x-api-key',
    apiKeyValue: SecretValue.secretsManager('prod/partner', { jsonField: 'token' }),
    headerParameters: {
      'X-Token': HttpParameter.fromSecret(SecretValue.secretsManager('prod/partner', { jsonField: 'token' })),
      'X-Version': HttpParameter.fromString('2'),
    },
    queryStringParameters: { tenant: HttpParameter.fromSecret(SecretValue.ssmSecureString('/prod/tenant')) },
    bodyParameters: { account: HttpParameter.fromString(me.accountId) },
  });
  new BasicConnection(new Construct(stack, 'Group'), 'Basic', {
    description: 'nested, default name',
    username: 'svc',
    password: SecretValue.ssmSecureString('/prod/basic'),
    kmsKeyIdentifier: 'alias/connections',
  });
  new OAuthConnection(stack, 'OAuth', {
    authorizationEndpoint: 'https://auth.example.com/oauth2/token',
    httpMethod: HttpMethod.POST,
    clientId: 'client',
    clientSecret: SecretValue.fromTerraformVariable(signing),
    oauthBodyParameters: { grant_type: HttpParameter.fromString('client_credentials') },
    oauthHeaderParameters: { 'X-Secret': HttpParameter.fromSecret(SecretValue.fromToken(me.userId)) },
    oauthQueryStringParameters: { scope: HttpParameter.fromString('api') },
  });
  new Connection(stack, 'West', {
    provider: west,
    authorization: Authorization.basic('u', SecretValue.secretsManager(me.arn, { versionStage: 'AWSCURRENT' })),
    resourceConfigurationArn: 'arn:aws:vpc-lattice:us-west-2:123456789012:resourceconfiguration/rcfg-0123456789abcdefg',
  });
  Connection.fromConnectionName(stack, 'Looked', 'existing');

  if (options.after) unrelated(stack, 'After');
  return stack;
}
