import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsKmsKey } from '@cdktf/provider-aws/lib/data-aws-kms-key';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  ApiDestination,
  ApiKeyConnection,
  ApiKeyConnectionProps,
  Connection,
  IApiDestination,
  IConnection,
  RoleGrant,
  SecretValue,
  StepFunctionsHttpTaskGrant,
} from '../src';
import { HAS_PER_RESOURCE_REGION } from './flavour';
import { newStack, resolved, synthObject } from './util';

const CONNECTION_ARN = 'arn:aws:events:us-east-1:123456789012:connection/partner/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/partner/1a2b3c-XyZ123';
const DESTINATION_ARN = 'arn:aws:events:us-east-1:123456789012:api-destination/partner-orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const DESTINATION_ARN_FOR_POLICY = 'arn:aws:events:us-east-1:123456789012:api-destination/partner-orders';
const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const KMS_CONDITIONS = (secretArn: string) => [
  { test: 'StringLike', variable: 'kms:ViaService', values: ['secretsmanager.*.amazonaws.com'] },
  { test: 'StringLike', variable: 'kms:EncryptionContext:SecretARN', values: [secretArn] },
];

function createdDestination(stack: TerraformStack, provider?: AwsProvider): ApiDestination {
  const connection = Connection.fromConnectionArn(stack, 'Connection', CONNECTION_ARN);
  return new ApiDestination(stack, 'Dest', { connection, endpoint: 'https://api.partner.example/orders', provider });
}

function apiKeyConnection(stack: TerraformStack, props: Partial<ApiKeyConnectionProps> = {}): ApiKeyConnection {
  return new ApiKeyConnection(stack, 'Conn', {
    apiKeyName: 'x-api-key',
    apiKeyValue: SecretValue.secretsManager('partner/api-key'),
    ...props,
  });
}

/** The statements of the one aws_iam_policy_document under `grant`. */
function statementsOf(stack: TerraformStack, grant: { readonly policyJson: string }): any[] {
  const documents = synthObject(stack).data.aws_iam_policy_document;
  const name = (resolved(stack, grant.policyJson) as string).match(/^\$\{data\.aws_iam_policy_document\.(.+)\.json\}$/)![1];
  return documents[name].statement;
}

function rolePolicies(stack: TerraformStack): any[] {
  return Object.values(synthObject(stack).resource?.aws_iam_role_policy ?? {});
}

describe('IApiDestination.grantInvoke', () => {
  test('attaches events:InvokeApiDestination on the ARN for policies of a created destination to the role', () => {
    const stack = newStack('Shop');
    const grant = createdDestination(stack).grantInvoke('pipe-role');
    const synth = Testing.synth(stack);
    expect(synth).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [{
        sid: 'InvokeApiDestination',
        effect: 'Allow',
        actions: ['events:InvokeApiDestination'],
        resources: ['${join("/", slice(split("/", aws_cloudwatch_event_api_destination.Dest_C383B82A.arn), 0, 2))}'],
      }],
    });
    expect(synth).toHaveResourceWithProperties(IamRolePolicy, {
      role: 'pipe-role',
      name: grant.policyName,
      policy: resolved(stack, grant.policyJson),
    });
    expect(grant.policyName).toMatch(/^Shop-Dest-InvokeGrant[0-9A-F]{8}$/);
  });

  test('returns the grant it made, in the destination\'s scope', () => {
    const stack = newStack();
    const destination = createdDestination(stack);
    const grant = destination.grantInvoke('pipe-role');
    expect(grant).toBeInstanceOf(RoleGrant);
    expect(grant.node.scope).toBe(destination);
    expect(grant.roleName).toBe('pipe-role');
    expect(grant.document).toBeInstanceOf(DataAwsIamPolicyDocument);
    expect(grant.document.node.id).toBe('Document');
    expect(grant.rolePolicy).toBeInstanceOf(IamRolePolicy);
    expect(grant.rolePolicy.node.id).toBe('Resource');
  });

  test('grants only once to the same role: the second call returns the first grant', () => {
    const stack = newStack();
    const destination = createdDestination(stack);
    const first = destination.grantInvoke('pipe-role');
    expect(destination.grantInvoke('pipe-role')).toBe(first);
    expect(rolePolicies(stack)).toHaveLength(1);
  });

  test('gives each role its own policy', () => {
    const stack = newStack();
    const destination = createdDestination(stack);
    const a = destination.grantInvoke('pipe-role');
    const b = destination.grantInvoke('scheduler-role');
    expect(a).not.toBe(b);
    expect(rolePolicies(stack).map((p) => p.role).sort()).toEqual(['pipe-role', 'scheduler-role']);
    expect(new Set(rolePolicies(stack).map((p) => p.name)).size).toBe(2);
  });

  test('takes a role name that is a reference, and names the grant after the role\'s resource', () => {
    const make = (unrelatedTokens: number) => {
      const stack = newStack();
      for (let i = 0; i < unrelatedTokens; i++) new TerraformVariable(stack, `v${i}`, { type: 'string' }).stringValue;
      const role = new IamRole(stack, 'PipeRole', { assumeRolePolicy: '{}' });
      const grant = createdDestination(stack).grantInvoke(role.name);
      return { stack, grant };
    };
    const { stack, grant } = make(0);
    expect(rolePolicies(stack)[0].role).toBe('${aws_iam_role.PipeRole.name}');
    // Tokens made elsewhere first do not change the grant's id (and so its Terraform address).
    expect(make(5).grant.node.id).toBe(grant.node.id);
  });

  test('uses the ARN without the trailing id for a destination imported by ARN', () => {
    const stack = newStack();
    const destination = ApiDestination.fromApiDestinationArn(stack, 'Imported', DESTINATION_ARN);
    const grant = destination.grantInvoke('pipe-role');
    expect(statementsOf(stack, grant)).toEqual([{
      sid: 'InvokeApiDestination',
      effect: 'Allow',
      actions: ['events:InvokeApiDestination'],
      resources: [DESTINATION_ARN_FOR_POLICY],
    }]);
    expect(grant.node.scope).toBe(destination);
  });

  test('works the same on a destination imported with its attributes', () => {
    const stack = newStack();
    const destination = ApiDestination.fromApiDestinationAttributes(stack, 'Imported', {
      apiDestinationArn: DESTINATION_ARN,
      connection: Connection.fromConnectionArn(stack, 'Connection', CONNECTION_ARN),
    });
    expect(statementsOf(stack, destination.grantInvoke('pipe-role'))[0].resources).toEqual([DESTINATION_ARN_FOR_POLICY]);
  });

  test('builds the ARN for policies with Terraform functions when the imported ARN is a token', () => {
    const stack = newStack();
    const arn = new TerraformVariable(stack, 'arn', { type: 'string' }).stringValue;
    const grant = ApiDestination.fromApiDestinationArn(stack, 'Imported', arn).grantInvoke('pipe-role');
    expect(statementsOf(stack, grant)[0].resources).toEqual(['${join("/", slice(split("/", var.arn), 0, 2))}']);
  });

  test('uses the provider of a created destination', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    createdDestination(stack, west).grantInvoke('pipe-role');
    expect(rolePolicies(stack)[0].provider).toBe('aws.west');
    expect(Object.values<any>(synthObject(stack).data.aws_iam_policy_document)[0].provider).toBe('aws.west');
  });

  describe('rejects a role that is not given by name', () => {
    const imported = (stack: TerraformStack): IApiDestination => ApiDestination.fromApiDestinationArn(stack, 'Dest', DESTINATION_ARN);
    test.each<[string, (stack: TerraformStack) => IApiDestination]>([
      ['a created', createdDestination],
      ['an imported', imported],
    ])('on %s destination', (_case, make) => {
      const stack = newStack();
      expect(() => make(stack).grantInvoke('arn:aws:iam::123456789012:role/pipe-role')).toThrow(
        '`roleName` must be 1-64 characters of A-Z a-z 0-9 + = , . @ _ -, got "arn:aws:iam::123456789012:role/pipe-role" (at TestStack/Dest). ' +
        'Pass the role\'s name (not its ARN), e.g. `role.name` of an aws_iam_role.');
    });

    test.each<[string, any, string]>([
      ['an empty name', '', '""'],
      ['a name of 65 characters', 'r'.repeat(65), `"${'r'.repeat(65)}"`],
    ])('rejects %s', (_case, roleName, shown) => {
      const stack = newStack();
      expect(() => createdDestination(stack).grantInvoke(roleName)).toThrow(
        `\`roleName\` must be 1-64 characters of A-Z a-z 0-9 + = , . @ _ -, got ${shown} (at TestStack/Dest). ` +
        'Pass the role\'s name (not its ARN), e.g. `role.name` of an aws_iam_role.');
    });

    test('rejects a value that is not a string', () => {
      const stack = newStack();
      expect(() => createdDestination(stack).grantInvoke(42 as any)).toThrow(
        '`roleName` must be a string, got number 42 (at TestStack/Dest). Pass a string for `roleName`.');
    });
  });
});

describe('IConnection.grantRetrieveCredentials', () => {
  test('allows the connection\'s credentials and secret, and no key without kmsKeyIdentifier', () => {
    const stack = newStack();
    const connection = apiKeyConnection(stack);
    const grant = connection.grantRetrieveCredentials('sfn-role');
    expect(grant.node.scope).toBe(connection);
    expect(statementsOf(stack, grant)).toEqual([
      {
        sid: 'RetrieveConnectionCredentials',
        effect: 'Allow',
        actions: ['events:RetrieveConnectionCredentials'],
        resources: ['${aws_cloudwatch_event_connection.Conn_48E61EBD.arn}'],
      },
      {
        sid: 'ReadConnectionSecret',
        effect: 'Allow',
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: ['${aws_cloudwatch_event_connection.Conn_48E61EBD.secret_arn}'],
      },
    ]);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(IamRolePolicy, { role: 'sfn-role', name: grant.policyName });
  });

  test('adds kms:Decrypt on a key given by ARN, through Secrets Manager, for the connection\'s secret only', () => {
    const stack = newStack();
    const grant = apiKeyConnection(stack, { kmsKeyIdentifier: KEY_ARN }).grantRetrieveCredentials('sfn-role');
    expect(statementsOf(stack, grant)[2]).toEqual({
      sid: 'DecryptConnectionSecret',
      effect: 'Allow',
      actions: ['kms:Decrypt'],
      resources: [KEY_ARN],
      condition: KMS_CONDITIONS('${aws_cloudwatch_event_connection.Conn_48E61EBD.secret_arn}'),
    });
    expect(synthObject(stack).data.aws_kms_key).toBeUndefined();
  });

  test('completes a key ID into the key ARN of the connection\'s partition, region and account', () => {
    const stack = newStack();
    const connection = Connection.fromConnectionAttributes(stack, 'Imported', {
      connectionArn: CONNECTION_ARN,
      connectionSecretArn: SECRET_ARN,
      kmsKeyIdentifier: 'mrk-1234abcd12ab34cd56ef1234567890ab',
    });
    const [, , decrypt] = statementsOf(stack, connection.grantRetrieveCredentials('sfn-role'));
    expect(decrypt.resources).toEqual(['arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab']);
    expect(decrypt.condition).toEqual(KMS_CONDITIONS(SECRET_ARN));
  });

  test('resolves an alias with an aws_kms_key data source of the connection\'s provider', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    const grant = apiKeyConnection(stack, { kmsKeyIdentifier: 'alias/eventbridge', provider: west }).grantRetrieveCredentials('sfn-role');
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataAwsKmsKey, { key_id: 'alias/eventbridge', provider: 'aws.west' });
    const [, , decrypt] = statementsOf(stack, grant);
    expect(decrypt.resources).toEqual([resolved(stack, (grant.node.findChild('ConnectionKey') as DataAwsKmsKey).arn)]);
  });

  (HAS_PER_RESOURCE_REGION ? test : test.skip)('reads the key in the connection\'s region', () => {
    const stack = newStack();
    apiKeyConnection(stack, { kmsKeyIdentifier: 'alias/eventbridge', region: 'eu-west-1' }).grantRetrieveCredentials('sfn-role');
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataAwsKmsKey, { key_id: 'alias/eventbridge', region: 'eu-west-1' });
  });

  test('resolves a key given as a token with the data source', () => {
    const stack = newStack();
    const key = new TerraformVariable(stack, 'key', { type: 'string' }).stringValue;
    apiKeyConnection(stack, { kmsKeyIdentifier: key }).grantRetrieveCredentials('sfn-role');
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataAwsKmsKey, { key_id: '${var.key}' });
  });

  test('covers the EventBridge secrets of the connection\'s name when its secret ARN is unknown', () => {
    const stack = newStack();
    const grant = Connection.fromConnectionArn(stack, 'Imported', CONNECTION_ARN).grantRetrieveCredentials('sfn-role');
    expect(statementsOf(stack, grant).map((s) => s.resources)).toEqual([
      [CONNECTION_ARN],
      ['arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/partner/*'],
    ]);
  });

  test('uses the attributes of a connection looked up by name', () => {
    const stack = newStack();
    const grant = Connection.fromConnectionName(stack, 'Shared', 'shared').grantRetrieveCredentials('sfn-role');
    expect(statementsOf(stack, grant).map((s) => s.resources)).toEqual([
      ['${data.aws_cloudwatch_event_connection.Shared_DACC02AA.arn}'],
      ['${data.aws_cloudwatch_event_connection.Shared_DACC02AA.secret_arn}'],
    ]);
  });

  test('grants only once to the same role', () => {
    const stack = newStack();
    const connection: IConnection = apiKeyConnection(stack);
    expect(connection.grantRetrieveCredentials('sfn-role')).toBe(connection.grantRetrieveCredentials('sfn-role'));
    expect(rolePolicies(stack)).toHaveLength(1);
  });

  test('renders exactly the connection statements of StepFunctionsHttpTaskGrant', () => {
    const stack = newStack();
    const connection = apiKeyConnection(stack, { kmsKeyIdentifier: KEY_ARN });
    const grant = connection.grantRetrieveCredentials('sfn-role');
    const stepFunctions = new StepFunctionsHttpTaskGrant(stack, 'Sfn', { connection });
    const [, ...connectionStatements] = statementsOf(stack, stepFunctions);
    expect(connectionStatements).toEqual(statementsOf(stack, grant));
  });
});
