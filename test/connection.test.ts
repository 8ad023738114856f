import { CloudwatchEventConnection } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { DataAwsCloudwatchEventConnection } from '@cdktf/provider-aws/lib/data-aws-cloudwatch-event-connection';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Authorization, Connection, HttpParameter, SecretValue } from '../src';
import { HAS_PER_RESOURCE_REGION } from './flavour';
import { connectionBlock, entries, newStack, resolved, synthObject } from './util';

const apiKey = () => Authorization.apiKey('x-api-key', SecretValue.unsafePlainText('key-value'));

describe('Connection', () => {
  test('derives authorization_type from the authorization and writes its parameters', () => {
    const stack = newStack();
    const connection = new Connection(stack, 'Conn', {
      connectionName: 'orders',
      description: 'Orders webhook',
      authorization: Authorization.basic('user', SecretValue.unsafePlainText('pass')),
    });

    expect(Testing.synth(stack)).toHaveResourceWithProperties(CloudwatchEventConnection, {
      name: 'orders',
      description: 'Orders webhook',
      authorization_type: 'BASIC',
      auth_parameters: { basic: { username: 'user', password: 'pass' } },
    });
    expect(connection.authorizationType).toBe('BASIC');
  });

  test.each([
    ['apiKey', apiKey(), 'API_KEY'],
    ['basic', Authorization.basic('u', SecretValue.unsafePlainText('p')), 'BASIC'],
    ['oauth', Authorization.oauth({
      authorizationEndpoint: 'https://auth.example.com/token',
      httpMethod: 'POST' as any,
      clientId: 'id',
      clientSecret: SecretValue.unsafePlainText('s'),
      bodyParameters: { grant_type: HttpParameter.fromString('client_credentials') },
    }), 'OAUTH_CLIENT_CREDENTIALS'],
  ])('Authorization.%s gives authorization_type %s', (_name, authorization, type) => {
    const stack = newStack();
    const connection = new Connection(stack, 'Conn', { authorization });
    expect(connection.authorizationType).toBe(type);
    expect(connectionBlock(stack).authorization_type).toBe(type);
  });

  test('exposes the resource with id Resource and its attributes as tokens', () => {
    const stack = newStack();
    const connection = new Connection(stack, 'Conn', { authorization: apiKey() });
    expect(connection.resource).toBeInstanceOf(CloudwatchEventConnection);
    expect(connection.resource.node.id).toBe('Resource');
    expect(resolved(stack, [connection.connectionArn, connection.connectionName, connection.connectionSecretArn])).toEqual([
      '${aws_cloudwatch_event_connection.Conn_48E61EBD.arn}',
      '${aws_cloudwatch_event_connection.Conn_48E61EBD.name}',
      '${aws_cloudwatch_event_connection.Conn_48E61EBD.secret_arn}',
    ]);
  });

  describe('default name', () => {
    test('is the stack name and the construct path', () => {
      const stack = newStack('Shop');
      const group = new Construct(stack, 'Webhooks');
      new Connection(group, 'Orders', { authorization: apiKey() });
      expect(connectionBlock(stack).name).toBe('Shop-Webhooks-Orders');
    });

    test('gets a hash when characters had to be removed, so paths never collide', () => {
      const stack = newStack();
      new Connection(stack, 'My Conn', { authorization: apiKey() });
      new Connection(stack, 'MyConn', { authorization: apiKey() });
      const names = Object.values<any>(synthObject(stack).resource.aws_cloudwatch_event_connection).map((r) => r.name);
      expect(names).toEqual(['TestStack-MyConn-8035D264', 'TestStack-MyConn']);
    });

    test('is cut to 64 characters, keeping the end of the path and a hash', () => {
      const stack = newStack();
      let scope: Construct = stack;
      for (const id of ['AVeryLongGroupNameForConnections', 'AnotherQuiteLongGroupName']) scope = new Construct(scope, id);
      new Connection(scope, 'PaymentsProviderWebhook', { authorization: apiKey() });
      const name: string = connectionBlock(stack).name;
      expect(name.length).toBe(64);
      expect(name).toMatch(/^[.\-_A-Za-z0-9]{1,64}$/);
      expect(name).toMatch(/-PaymentsProviderWebhook-[0-9A-F]{8}$/);
    });

    test('does not change when unrelated constructs are added', () => {
      const build = (extra: boolean) => {
        const stack = newStack();
        if (extra) new Connection(stack, 'Before', { authorization: apiKey() });
        new Connection(new Construct(stack, 'Group'), 'Conn', { authorization: apiKey() });
        if (extra) new Connection(stack, 'After', { authorization: apiKey() });
        return synthObject(stack).resource.aws_cloudwatch_event_connection;
      };
      const name = (resources: any) => Object.entries<any>(resources).find(([k]) => k.startsWith('Group_Conn'))![1].name;
      expect(name(build(true))).toBe(name(build(false)));
    });
  });

  test('writes invocation HTTP parameters with is_value_secret always explicit', () => {
    const stack = newStack();
    new Connection(stack, 'Conn', {
      authorization: apiKey(),
      headerParameters: { 'X-Version': HttpParameter.fromString('1') },
      queryStringParameters: { token: HttpParameter.fromSecret(SecretValue.unsafePlainText('t0k3n')) },
      bodyParameters: { source: HttpParameter.fromString('eventbridge') },
    });
    expect(connectionBlock(stack).auth_parameters.invocation_http_parameters).toEqual({
      header: [{ key: 'X-Version', value: '1', is_value_secret: false }],
      query_string: [{ key: 'token', value: 't0k3n', is_value_secret: true }],
      body: [{ key: 'source', value: 'eventbridge', is_value_secret: false }],
    });
  });

  test('omits invocation_http_parameters when no parameter is given', () => {
    const stack = newStack();
    new Connection(stack, 'Conn', { authorization: apiKey(), headerParameters: {} });
    expect(connectionBlock(stack).auth_parameters).not.toHaveProperty('invocation_http_parameters');
  });

  test('keeps the order in which parameters are given', () => {
    const stack = newStack();
    new Connection(stack, 'Conn', {
      authorization: apiKey(),
      headerParameters: { 'X-B': HttpParameter.fromString('b'), 'X-A': HttpParameter.fromString('a') },
    });
    expect(connectionBlock(stack).auth_parameters.invocation_http_parameters.header.map((h: any) => h.key))
      .toEqual(['X-B', 'X-A']);
  });

  test('accepts exactly 100 parameters in each list', () => {
    const stack = newStack();
    const hundred = entries(100, (i) => HttpParameter.fromString(`v${i}`));
    new Connection(stack, 'Conn', {
      authorization: apiKey(),
      headerParameters: hundred,
      queryStringParameters: hundred,
      bodyParameters: hundred,
    });
    const params = connectionBlock(stack).auth_parameters.invocation_http_parameters;
    expect([params.header.length, params.query_string.length, params.body.length]).toEqual([100, 100, 100]);
  });

  test('writes the KMS key and the private API resource configuration', () => {
    const stack = newStack();
    new Connection(stack, 'Conn', {
      authorization: apiKey(),
      kmsKeyIdentifier: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      resourceConfigurationArn: 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0',
    });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(CloudwatchEventConnection, {
      kms_key_identifier: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      invocation_connectivity_parameters: {
        resource_parameters: {
          resource_configuration_arn: 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0',
        },
      },
    });
  });

  test('uses the given provider for the connection and for the secrets it reads', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    new Connection(stack, 'Conn', {
      authorization: Authorization.apiKey('x-api-key', SecretValue.secretsManager('webhook-key')),
      provider: west,
    });
    const synth = synthObject(stack);
    expect(connectionBlock(stack).provider).toBe('aws.west');
    expect(Object.values<any>(synth.data.aws_secretsmanager_secret_version)[0].provider).toBe('aws.west');
  });

  // Where the binding lacks `region` (provider-aws 20.x), binding-support.test.ts proves the refusal.
  (HAS_PER_RESOURCE_REGION ? test : test.skip)('manages the connection, and reads its secrets, in the given region', () => {
    const stack = newStack();
    new Connection(stack, 'Conn', {
      authorization: Authorization.basic('u', SecretValue.ssmSecureString('/pw')),
      region: 'eu-central-1',
    });
    expect(connectionBlock(stack).region).toBe('eu-central-1');
    expect(Object.values<any>(synthObject(stack).data.aws_ssm_parameter)[0].region).toBe('eu-central-1');
  });

  test('rejects a region that is not a region code', () => {
    expect(() => new Connection(newStack(), 'Conn', { authorization: apiKey(), region: 'Frankfurt' })).toThrow(
      '`region` must be an AWS region code such as "us-east-1", got "Frankfurt" (at TestStack/Conn). ' +
      'Use a region code such as "us-east-1", or omit `region` to use the provider\'s.');
  });

  test('accepts unresolved tokens for every string prop', () => {
    const stack = newStack();
    const v = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    new Connection(stack, 'Conn', {
      connectionName: v('name'),
      description: v('description'),
      authorization: Authorization.apiKey(v('key_name'), SecretValue.fromToken(v('key_value'))),
      headerParameters: { 'X-A': HttpParameter.fromString(v('header')) },
      kmsKeyIdentifier: v('kms'),
      resourceConfigurationArn: v('rcfg'),
    });
    expect(connectionBlock(stack)).toMatchObject({
      name: '${var.name}',
      description: '${var.description}',
      kms_key_identifier: '${var.kms}',
    });
  });

  describe('rejects invalid input with a message naming the property, rule, value, path and fix', () => {
    const long = (n: number) => 'a'.repeat(n);
    test.each<[string, any, string]>([
      ['a name with a space', { connectionName: 'my conn' },
        '`connectionName` must be 1-64 characters of A-Z a-z 0-9 . - _, got "my conn" (at TestStack/Conn). Use a name such as "my-connection", or omit `connectionName` to get a generated one.'],
      ['an empty name', { connectionName: '' },
        '`connectionName` must be 1-64 characters of A-Z a-z 0-9 . - _, got "" (at TestStack/Conn). Use a name such as "my-connection", or omit `connectionName` to get a generated one.'],
      ['a name of 65 characters', { connectionName: long(65) },
        `\`connectionName\` must be 1-64 characters of A-Z a-z 0-9 . - _, got "${long(65)}" (at TestStack/Conn). Use a name such as "my-connection", or omit \`connectionName\` to get a generated one.`],
      ['a description of 513 characters', { description: long(513) },
        `\`description\` must be at most 512 characters, got "${long(59)}..." (513 characters) (at TestStack/Conn). Shorten the description.`],
      ['a KMS key with a space', { kmsKeyIdentifier: 'alias/my key' },
        '`kmsKeyIdentifier` must be a KMS key id, key ARN, alias name or alias ARN of 1-2048 characters of A-Z a-z 0-9 _ - / :, got "alias/my key" (at TestStack/Conn). Use a key ID, key ARN, alias name (alias/...) or alias ARN.'],
      ['a resource configuration ARN of another service', { resourceConfigurationArn: 'arn:aws:s3:::bucket' },
        '`resourceConfigurationArn` must be a VPC Lattice resource configuration ARN (arn:<partition>:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-<17 characters>), got "arn:aws:s3:::bucket" (at TestStack/Conn). Use the ARN of an aws_vpclattice_resource_configuration.'],
      ['a header key with a space', { headerParameters: { 'X Bad': HttpParameter.fromString('v') } },
        '`headerParameters` must be 1-512 HTTP token characters (A-Z a-z 0-9 ! # $ % & \' * + , - . ^ _ ` | ~), got "X Bad" (at TestStack/Conn). Use a valid HTTP header name such as "X-Api-Key".'],
      ['a header value with a line break', { headerParameters: { 'X-A': HttpParameter.fromString('a\nb') } },
        '`headerParameters["X-A"]` must be 1-512 printable ASCII characters, got "a\\nb" (at TestStack/Conn). Remove control characters from the value, or shorten it to 512 characters.'],
      ['a secret header value with a line break, without echoing it', { headerParameters: { 'X-A': HttpParameter.fromSecret(SecretValue.unsafePlainText('s3cret\n')) } },
        '`headerParameters["X-A"]` must be 1-512 printable ASCII characters, got a secret value of 7 characters (redacted) (at TestStack/Conn). Remove control characters from the value, or shorten it to 512 characters.'],
      ['a query key with a control character', { queryStringParameters: { 'a\u0001': HttpParameter.fromString('v') } },
        '`queryStringParameters` must be 1-512 characters with no control characters, got "a\\u0001" (at TestStack/Conn). Remove control characters from the key.'],
      ['an empty query value', { queryStringParameters: { a: HttpParameter.fromString('') } },
        '`queryStringParameters["a"]` must be 1-512 characters with no control characters other than line breaks, got "" (at TestStack/Conn). Remove control characters from the value, or shorten it to 512 characters.'],
      ['an empty body key', { bodyParameters: { '': HttpParameter.fromString('v') } },
        '`bodyParameters` must not be empty, got "" (at TestStack/Conn). Name the body field.'],
      ['101 header parameters', { headerParameters: entries(101, () => HttpParameter.fromString('v')) },
        '`headerParameters` must have at most 100 entries, got 101 entries (at TestStack/Conn). Remove entries, or move values into fewer parameters.'],
      ['101 body parameters', { bodyParameters: entries(101, () => HttpParameter.fromString('v')) },
        '`bodyParameters` must have at most 100 entries, got 101 entries (at TestStack/Conn). Remove entries, or move values into fewer parameters.'],
      ['a raw string as a parameter', { headerParameters: { 'X-A': 'plain' } },
        '`headerParameters["X-A"]` must be made with HttpParameter.fromString() or HttpParameter.fromSecret(), got "plain" (at TestStack/Conn). Wrap the value, for example HttpParameter.fromString("value").'],
      ['an authorization not made by the factories', { authorization: { authorizationType: 'API_KEY' } },
        '`authorization` must be made with Authorization.apiKey(), Authorization.basic() or Authorization.oauth(), got an object (at TestStack/Conn). Create the authorization with one of those factories, or use ApiKeyConnection, BasicConnection or OAuthConnection.'],
      ['no authorization', { authorization: undefined },
        '`authorization` must be made with Authorization.apiKey(), Authorization.basic() or Authorization.oauth(), got undefined (at TestStack/Conn). Create the authorization with one of those factories, or use ApiKeyConnection, BasicConnection or OAuthConnection.'],
    ])('rejects %s', (_case, override, message) => {
      const stack = newStack();
      expect(() => new Connection(stack, 'Conn', { authorization: apiKey(), ...override })).toThrow(message);
    });

    test('rejects a props value that is not an object', () => {
      const stack = newStack();
      expect(() => new Connection(stack, 'Conn', null as any)).toThrow(
        '`props` must be an object, got null (at TestStack/Conn). Pass the connection\'s properties, with at least `authorization`.');
    });
  });
});

describe('Connection imports', () => {
  const ARN = 'arn:aws:events:us-east-1:123456789012:connection/legacy-webhook/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f';
  const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/legacy-webhook/1a2b3c-XyZ123';

  test('fromConnectionArn takes the name from the ARN and creates nothing', () => {
    const stack = newStack();
    const imported = Connection.fromConnectionArn(stack, 'Imported', ARN);
    expect(imported.connectionArn).toBe(ARN);
    expect(imported.connectionName).toBe('legacy-webhook');
    expect(synthObject(stack).resource).toBeUndefined();
  });

  test('fromConnectionArn refuses to give a secret ARN it does not know', () => {
    const stack = newStack();
    const imported = Connection.fromConnectionArn(stack, 'Imported', ARN);
    expect(() => imported.connectionSecretArn).toThrow(
      '`connectionSecretArn` is not known for a connection imported with Connection.fromConnectionArn() (at TestStack/Imported). ' +
      'Import it with Connection.fromConnectionAttributes() and `connectionSecretArn`, or with Connection.fromConnectionName().');
  });

  test('fromConnectionArn reads the name from an unresolved ARN with Terraform functions', () => {
    const stack = newStack();
    const arn = new TerraformVariable(stack, 'arn', { type: 'string' }).stringValue;
    const imported = Connection.fromConnectionArn(stack, 'Imported', arn);
    expect(resolved(stack, imported.connectionName)).toBe('${element(split("/", var.arn), 1)}');
  });

  test('fromConnectionArn rejects a string that is not a connection ARN', () => {
    const stack = newStack();
    expect(() => Connection.fromConnectionArn(stack, 'Imported', 'arn:aws:events:us-east-1:123456789012:rule/my-rule')).toThrow(
      '`connectionArn` must be an EventBridge connection ARN (arn:<partition>:events:<region>:<account>:connection/<name>/<id>), ' +
      'got "arn:aws:events:us-east-1:123456789012:rule/my-rule" (at TestStack/Imported). ' +
      'Copy the ARN from the EventBridge console or `aws events describe-connection`.');
  });

  test('fromConnectionAttributes keeps the given attributes', () => {
    const stack = newStack();
    const imported = Connection.fromConnectionAttributes(stack, 'Imported', {
      connectionArn: ARN,
      connectionName: 'legacy-webhook',
      connectionSecretArn: SECRET_ARN,
    });
    expect([imported.connectionArn, imported.connectionName, imported.connectionSecretArn])
      .toEqual([ARN, 'legacy-webhook', SECRET_ARN]);
  });

  test('fromConnectionAttributes rejects a secret ARN of another service', () => {
    const stack = newStack();
    expect(() => Connection.fromConnectionAttributes(stack, 'Imported', {
      connectionArn: ARN,
      connectionSecretArn: 'arn:aws:ssm:us-east-1:123456789012:parameter/x',
    })).toThrow('`connectionSecretArn` must be a Secrets Manager secret ARN (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>), ' +
      'got "arn:aws:ssm:us-east-1:123456789012:parameter/x" (at TestStack/Imported). Use the SecretArn that `aws events describe-connection` returns.');
  });

  test('fromConnectionName reads the connection through the data source', () => {
    const stack = newStack();
    const imported = Connection.fromConnectionName(stack, 'Imported', 'shared-monitoring');
    const synth = Testing.synth(stack);
    expect(synth).toHaveDataSourceWithProperties(DataAwsCloudwatchEventConnection, { name: 'shared-monitoring' });
    expect(imported.connectionName).toBe('shared-monitoring');
    expect(resolved(stack, imported.connectionArn)).toBe('${data.aws_cloudwatch_event_connection.Imported_4F5B38B1.arn}');
    expect(resolved(stack, imported.connectionSecretArn)).toBe('${data.aws_cloudwatch_event_connection.Imported_4F5B38B1.secret_arn}');
  });

  test('fromConnectionName rejects an invalid name', () => {
    const stack = newStack();
    expect(() => Connection.fromConnectionName(stack, 'Imported', 'no/slashes')).toThrow(
      '`connectionName` must be 1-64 characters of A-Z a-z 0-9 . - _, got "no/slashes" (at TestStack/Imported). Use the connection\'s exact name.');
  });

  test('an imported connection works in a stack of its own', () => {
    const stack = newStack('Other', { region: 'eu-west-1' });
    const imported = Connection.fromConnectionName(stack, 'Imported', 'x');
    expect(imported.node.path).toBe('Other/Imported');
  });
});

describe('Connection kmsKeyIdentifier (grants decrypt the connection\'s secret)', () => {
  const ARN = 'arn:aws:events:us-east-1:123456789012:connection/legacy-webhook/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f';

  test('a created connection exposes the key it was given, and none by default', () => {
    const stack = newStack();
    const withKey = new Connection(stack, 'WithKey', { authorization: apiKey(), kmsKeyIdentifier: 'alias/eventbridge' });
    const without = new Connection(stack, 'Without', { authorization: apiKey() });
    expect(withKey.kmsKeyIdentifier).toBe('alias/eventbridge');
    expect(without.kmsKeyIdentifier).toBeUndefined();
  });

  test('fromConnectionAttributes keeps the key; the other imports do not know it', () => {
    const stack = newStack();
    expect(Connection.fromConnectionAttributes(stack, 'A', { connectionArn: ARN, kmsKeyIdentifier: 'alias/eventbridge' }).kmsKeyIdentifier)
      .toBe('alias/eventbridge');
    expect(Connection.fromConnectionArn(stack, 'B', ARN).kmsKeyIdentifier).toBeUndefined();
    expect(Connection.fromConnectionName(stack, 'C', 'legacy-webhook').kmsKeyIdentifier).toBeUndefined();
  });

  test('fromConnectionAttributes rejects a key identifier with a space', () => {
    const stack = newStack();
    expect(() => Connection.fromConnectionAttributes(stack, 'Imported', { connectionArn: ARN, kmsKeyIdentifier: 'alias/my key' })).toThrow(
      '`kmsKeyIdentifier` must be a KMS key id, key ARN, alias name or alias ARN of 1-2048 characters of A-Z a-z 0-9 _ - / :, got "alias/my key" ' +
      '(at TestStack/Imported). Use the KmsKeyIdentifier that `aws events describe-connection` returns: a key ID, key ARN, alias name or alias ARN.');
  });

  test('fromConnectionAttributes accepts a key identifier that is a token', () => {
    const stack = newStack();
    const key = new TerraformVariable(stack, 'key', { type: 'string' }).stringValue;
    const imported = Connection.fromConnectionAttributes(stack, 'Imported', { connectionArn: ARN, kmsKeyIdentifier: key });
    expect(resolved(stack, imported.kmsKeyIdentifier)).toBe('${var.key}');
  });
});

describe('parameter map order (README, "HTTP parameters")', () => {
  test('writes integer-like keys first, in ascending numeric order, then the others in the order given', () => {
    const stack = newStack();
    new Connection(stack, 'Conn', {
      authorization: apiKey(),
      headerParameters: {
        'X-B': HttpParameter.fromString('b'),
        '10': HttpParameter.fromString('ten'),
        'X-A': HttpParameter.fromString('a'),
        '2': HttpParameter.fromString('two'),
        '01': HttpParameter.fromString('zero-one'),
      },
    });
    expect(connectionBlock(stack).auth_parameters.invocation_http_parameters.header.map((h: any) => h.key))
      .toEqual(['2', '10', 'X-B', 'X-A', '01']);
  });
});
