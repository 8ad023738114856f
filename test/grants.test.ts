import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsKmsKey } from '@cdktf/provider-aws/lib/data-aws-kms-key';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  ApiKeyConnection,
  Connection,
  HttpMethod,
  IConnection,
  SecretValue,
  StepFunctionsHttpTaskGrant,
  StepFunctionsHttpTaskGrantProps,
} from '../src';
import { HAS_PER_RESOURCE_REGION } from './flavour';
import { newStack, resolved, synthObject } from './util';

const CONNECTION_ARN = 'arn:aws:events:us-east-1:123456789012:connection/stripe/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/stripe/1a2b3c-XyZ123';
const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:payments';

function imported(stack: TerraformStack): IConnection {
  return Connection.fromConnectionAttributes(stack, 'Connection', { connectionArn: CONNECTION_ARN, connectionSecretArn: SECRET_ARN });
}

function grant(stack: TerraformStack, props: Partial<StepFunctionsHttpTaskGrantProps> = {}): StepFunctionsHttpTaskGrant {
  return new StepFunctionsHttpTaskGrant(stack, 'Grant', { connection: imported(stack), ...props });
}

function statements(stack: TerraformStack): any[] {
  return Object.values<any>(synthObject(stack).data.aws_iam_policy_document)[0].statement;
}

describe('StepFunctionsHttpTaskGrant', () => {
  test('allows invoking HTTP endpoints and reading the connection\'s credentials and secret', () => {
    const stack = newStack();
    grant(stack);
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [
        { sid: 'InvokeHttpEndpoint', effect: 'Allow', actions: ['states:InvokeHTTPEndpoint'], resources: ['*'] },
        { sid: 'RetrieveConnectionCredentials', effect: 'Allow', actions: ['events:RetrieveConnectionCredentials'], resources: [CONNECTION_ARN] },
        {
          sid: 'ReadConnectionSecret',
          effect: 'Allow',
          actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          resources: [SECRET_ARN],
        },
      ],
    });
    expect(statements(stack)[0]).not.toHaveProperty('condition');
  });

  test('limits states:InvokeHTTPEndpoint to a state machine, an endpoint and a method', () => {
    const stack = newStack();
    grant(stack, { stateMachineArn: STATE_MACHINE_ARN, endpoint: 'https://api.stripe.com/*', httpMethod: HttpMethod.POST });
    expect(statements(stack)[0]).toEqual({
      sid: 'InvokeHttpEndpoint',
      effect: 'Allow',
      actions: ['states:InvokeHTTPEndpoint'],
      resources: [STATE_MACHINE_ARN],
      condition: [
        { test: 'StringLike', variable: 'states:HTTPEndpoint', values: ['https://api.stripe.com/*'] },
        { test: 'StringEquals', variable: 'states:HTTPMethod', values: ['POST'] },
      ],
    });
  });

  test('uses the attributes of a connection created in the stack', () => {
    const stack = newStack();
    const connection = new ApiKeyConnection(stack, 'Stripe', {
      apiKeyName: 'Authorization',
      apiKeyValue: SecretValue.secretsManager('stripe/api-key'),
    });
    new StepFunctionsHttpTaskGrant(stack, 'Grant', { connection });
    const [, credentials, secret] = statements(stack);
    expect(credentials.resources).toEqual(['${aws_cloudwatch_event_connection.Stripe_1170476B.arn}']);
    expect(secret.resources).toEqual(['${aws_cloudwatch_event_connection.Stripe_1170476B.secret_arn}']);
  });

  test('covers the connection\'s EventBridge secrets when its secret ARN is unknown', () => {
    const stack = newStack();
    new StepFunctionsHttpTaskGrant(stack, 'Grant', { connection: Connection.fromConnectionArn(stack, 'Connection', CONNECTION_ARN) });
    expect(statements(stack)[2].resources).toEqual(['arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/stripe/*']);
  });

  test('builds that pattern with Terraform functions when the connection ARN is a token', () => {
    const stack = newStack();
    const arn = new TerraformVariable(stack, 'arn', { type: 'string' }).stringValue;
    new StepFunctionsHttpTaskGrant(stack, 'Grant', { connection: Connection.fromConnectionArn(stack, 'Connection', arn) });
    expect(statements(stack)[2].resources).toEqual([
      'arn:${element(split(":", var.arn), 1)}:secretsmanager:${element(split(":", var.arn), 3)}:${element(split(":", var.arn), 4)}' +
      ':secret:events!connection/${element(split("/", var.arn), 1)}/*',
    ]);
  });

  test('exposes the policy JSON and attaches nothing without a role name', () => {
    const stack = newStack();
    const g = grant(stack);
    expect(g.document.node.id).toBe('Document');
    expect(resolved(stack, g.policyJson)).toBe('${data.aws_iam_policy_document.Grant_Document_66397D9B.json}');
    expect(g.rolePolicy).toBeUndefined();
    expect(synthObject(stack).resource).toBeUndefined();
  });

  test('attaches the policy to a role by name', () => {
    const stack = newStack('Shop');
    const g = grant(stack, { roleName: 'payments-state-machine' });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(IamRolePolicy, {
      role: 'payments-state-machine',
      name: 'Shop-Grant',
      policy: '${data.aws_iam_policy_document.Grant_Document_66397D9B.json}',
    });
    expect(g.rolePolicy?.node.id).toBe('Resource');
  });

  test('names the inline policy as asked', () => {
    const stack = newStack();
    grant(stack, { roleName: 'sfn', policyName: 'invoke-stripe' });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(IamRolePolicy, { name: 'invoke-stripe' });
  });

  test('uses the given provider', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    grant(stack, { roleName: 'sfn', provider: west });
    const synth = synthObject(stack);
    expect(Object.values<any>(synth.data.aws_iam_policy_document)[0].provider).toBe('aws.west');
    expect(Object.values<any>(synth.resource.aws_iam_role_policy)[0].provider).toBe('aws.west');
  });

  test('accepts unresolved tokens for every prop', () => {
    const stack = newStack();
    const v = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    grant(stack, { endpoint: v('endpoint'), stateMachineArn: v('sm'), roleName: v('role'), policyName: v('policy') });
    expect(statements(stack)[0]).toMatchObject({
      resources: ['${var.sm}'],
      condition: [{ test: 'StringLike', variable: 'states:HTTPEndpoint', values: ['${var.endpoint}'] }],
    });
    expect(Object.values<any>(synthObject(stack).resource.aws_iam_role_policy)[0]).toMatchObject({ role: '${var.role}', name: '${var.policy}' });
  });

  describe('rejects invalid input with a message naming the property, rule, value, path and fix', () => {
    test.each<[string, any, string]>([
      ['an http:// endpoint', { endpoint: 'http://api.stripe.com/*' },
        '`endpoint` must be an https:// URL of 1-2048 characters (letters, digits, percent-escapes and -()_.!~*\';/?:@&=+$,), got "http://api.stripe.com/*" (at TestStack/Grant). Use the https:// URL the task calls, with `*` as a wildcard, e.g. "https://api.example.com/*".'],
      ['an unknown method', { httpMethod: 'TRACE' },
        '`httpMethod` must be one of POST, GET, HEAD, OPTIONS, PUT, PATCH, DELETE, got "TRACE" (at TestStack/Grant). Use a value of HttpMethod.'],
      ['a Lambda ARN as state machine', { stateMachineArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' },
        '`stateMachineArn` must be a Step Functions state machine ARN (arn:<partition>:states:<region>:<account>:stateMachine:<name>) or "*", got "arn:aws:lambda:us-east-1:123456789012:function:f" (at TestStack/Grant). Pass the state machine\'s ARN, e.g. `stateMachine.arn`, or omit it.'],
      ['a role ARN as role name', { roleName: 'arn:aws:iam::123456789012:role/sfn' },
        '`roleName` must be 1-64 characters of A-Z a-z 0-9 + = , . @ _ -, got "arn:aws:iam::123456789012:role/sfn" (at TestStack/Grant). Pass the role\'s name, e.g. `role.name`.'],
      ['a policy name with a space', { roleName: 'sfn', policyName: 'my policy' },
        '`policyName` must be 1-128 characters of A-Z a-z 0-9 + = , . @ _ -, got "my policy" (at TestStack/Grant). Use a name such as "invoke-http-endpoint", or omit `policyName` to get a generated one.'],
      ['no connection', { connection: undefined },
        '`connection` must be a connection (IConnection), got undefined (at TestStack/Grant). Pass a Connection, ApiKeyConnection, BasicConnection, OAuthConnection or an imported connection.'],
    ])('rejects %s', (_case, override, message) => {
      const stack = newStack();
      expect(() => grant(stack, override)).toThrow(message);
    });

    test('rejects a props value that is not an object', () => {
      const stack = newStack();
      expect(() => new StepFunctionsHttpTaskGrant(stack, 'Grant', 'x' as any)).toThrow(
        '`props` must be an object, got "x" (at TestStack/Grant). Pass the grant\'s properties, with at least `connection`.');
    });
  });
});

describe('StepFunctionsHttpTaskGrant with a customer managed key', () => {
  const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

  test('adds kms:Decrypt on the connection\'s key, through Secrets Manager, for the connection\'s secret', () => {
    const stack = newStack();
    const connection = Connection.fromConnectionAttributes(stack, 'Connection', {
      connectionArn: CONNECTION_ARN,
      connectionSecretArn: SECRET_ARN,
      kmsKeyIdentifier: KEY_ARN,
    });
    new StepFunctionsHttpTaskGrant(stack, 'Grant', { connection });
    expect(statements(stack)).toHaveLength(4);
    expect(statements(stack)[3]).toEqual({
      sid: 'DecryptConnectionSecret',
      effect: 'Allow',
      actions: ['kms:Decrypt'],
      resources: [KEY_ARN],
      condition: [
        { test: 'StringLike', variable: 'kms:ViaService', values: ['secretsmanager.*.amazonaws.com'] },
        { test: 'StringLike', variable: 'kms:EncryptionContext:SecretARN', values: [SECRET_ARN] },
      ],
    });
  });

  test('resolves the alias of a connection created in the stack with a data source in the grant', () => {
    const stack = newStack();
    const connection = new ApiKeyConnection(stack, 'Stripe', {
      apiKeyName: 'Authorization',
      apiKeyValue: SecretValue.secretsManager('stripe/api-key'),
      kmsKeyIdentifier: 'alias/stripe',
    });
    new StepFunctionsHttpTaskGrant(stack, 'Grant', { connection });
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataAwsKmsKey, { key_id: 'alias/stripe' });
    expect(statements(stack)[3].resources).toEqual(['${data.aws_kms_key.Grant_ConnectionKey_73819E14.arn}']);
  });

  test('gives no kms:Decrypt for a connection with an AWS owned key', () => {
    const stack = newStack();
    grant(stack);
    expect(statements(stack).map((s) => s.sid)).toEqual(['InvokeHttpEndpoint', 'RetrieveConnectionCredentials', 'ReadConnectionSecret']);
    expect(synthObject(stack).data.aws_kms_key).toBeUndefined();
  });
});

describe('StepFunctionsHttpTaskGrant reads a connection\'s key where the connection is', () => {
  test('with the connection\'s provider, not the grant\'s', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    const connection = new ApiKeyConnection(stack, 'Stripe', {
      apiKeyName: 'Authorization',
      apiKeyValue: SecretValue.secretsManager('stripe/api-key'),
      kmsKeyIdentifier: 'alias/stripe',
      provider: west,
    });
    new StepFunctionsHttpTaskGrant(stack, 'Grant', { connection });
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataAwsKmsKey, { key_id: 'alias/stripe', provider: 'aws.west' });
  });

  (HAS_PER_RESOURCE_REGION ? test : test.skip)('in the connection\'s region', () => {
    const stack = newStack();
    const connection = new ApiKeyConnection(stack, 'Stripe', {
      apiKeyName: 'Authorization',
      apiKeyValue: SecretValue.secretsManager('stripe/api-key'),
      kmsKeyIdentifier: 'alias/stripe',
      region: 'eu-west-1',
    });
    new StepFunctionsHttpTaskGrant(stack, 'Grant', { connection });
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataAwsKmsKey, { key_id: 'alias/stripe', region: 'eu-west-1' });
  });
});
