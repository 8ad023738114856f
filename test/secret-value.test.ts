import { createHash } from 'crypto';
import { DataAwsSecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { TerraformVariable, Testing } from 'cdktf';
import { ApiKeyConnection, BasicConnection, HttpParameter, SecretValue } from '../src';
import { HAS_PER_RESOURCE_REGION } from './flavour';
import { connectionBlock, newStack, synthObject, warnings } from './util';

function password(secret: SecretValue, extra: Partial<{ header: SecretValue }> = {}) {
  const stack = newStack();
  new BasicConnection(stack, 'Conn', {
    username: 'user',
    password: secret,
    headerParameters: extra.header ? { 'X-Secret': HttpParameter.fromSecret(extra.header) } : undefined,
  });
  return { stack, block: connectionBlock(stack), synth: Testing.synth(stack) };
}

describe('SecretValue', () => {
  test('unsafePlainText writes the literal and warns on the consuming construct', () => {
    const { stack, block } = password(SecretValue.unsafePlainText('Pass1234!'));
    expect(block.auth_parameters.basic.password).toBe('Pass1234!');
    expect(warnings(stack)).toHaveLength(1);
    expect(warnings(stack)[0]).toMatch(/^TestStack\/Conn: `password` is a plain-text secret/);
  });

  test('unsafePlainText warns once per property, not once per use', () => {
    const secret = SecretValue.unsafePlainText('same');
    const { stack } = password(secret, { header: secret });
    expect(warnings(stack).map((w) => w.split(' ')[1])).toEqual(['`password`', '`headerParameters["X-Secret"]`']);
  });

  test('fromTerraformVariable references a sensitive variable', () => {
    const stack = newStack();
    const variable = new TerraformVariable(stack, 'jira_password', { type: 'string', sensitive: true });
    new BasicConnection(stack, 'Conn', { username: 'u', password: SecretValue.fromTerraformVariable(variable) });
    expect(connectionBlock(stack).auth_parameters.basic.password).toBe('${var.jira_password}');
    expect(warnings(stack)).toEqual([]);
  });

  test.each([
    ['not set', undefined, 'unset'],
    ['false', false, 'false'],
  ])('fromTerraformVariable refuses a variable whose sensitive flag is %s', (_case, sensitive, shown) => {
    const stack = newStack();
    const variable = new TerraformVariable(stack, 'pw', { type: 'string', sensitive });
    expect(() => new BasicConnection(stack, 'Conn', { username: 'u', password: SecretValue.fromTerraformVariable(variable) }))
      .toThrow(`\`password\` must come from a Terraform variable declared with \`sensitive: true\`, got variable "TestStack/pw" with sensitive ${shown} (at TestStack/Conn). ` +
        'Declare the variable with `sensitive: true` so that Terraform redacts it in plans and output.');
  });

  test('secretsManager reads the secret string through the data source', () => {
    const { synth, block } = password(SecretValue.secretsManager('prod/jira'));
    expect(synth).toHaveDataSourceWithProperties(DataAwsSecretsmanagerSecretVersion, { secret_id: 'prod/jira' });
    expect(block.auth_parameters.basic.password).toMatch(
      /^\$\{data\.aws_secretsmanager_secret_version\.SecretsManagerSecretVersion_[0-9a-f]{8}\.secret_string\}$/);
  });

  test('secretsManager reads a JSON field with jsondecode', () => {
    const { block } = password(SecretValue.secretsManager('prod/jira', { jsonField: 'password' }));
    expect(block.auth_parameters.basic.password).toMatch(
      /^\$\{jsondecode\(data\.aws_secretsmanager_secret_version\.SecretsManagerSecretVersion_[0-9a-f]{8}\.secret_string\)\.password\}$/);
  });

  test('secretsManager quotes a JSON field that is not an identifier', () => {
    const { block } = password(SecretValue.secretsManager('prod/jira', { jsonField: 'api-token' }));
    expect(block.auth_parameters.basic.password).toMatch(/\.secret_string\)\["api-token"\]\}$/);
  });

  test.each([
    [{ versionStage: 'AWSPREVIOUS' }, { version_stage: 'AWSPREVIOUS' }],
    [{ versionId: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE' }, { version_id: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE' }],
  ])('secretsManager passes version options %o', (options, expected) => {
    const { synth } = password(SecretValue.secretsManager('prod/jira', options));
    expect(synth).toHaveDataSourceWithProperties(DataAwsSecretsmanagerSecretVersion, { secret_id: 'prod/jira', ...expected });
  });

  test('secretsManager refuses both versionStage and versionId', () => {
    expect(() => password(SecretValue.secretsManager('prod/jira', { versionStage: 'AWSCURRENT', versionId: 'v1' })))
      .toThrow('`password` can read a Secrets Manager secret by `versionStage` or by `versionId`, not both, ' +
        'got versionStage "AWSCURRENT" and versionId "v1" (at TestStack/Conn). Remove one of them.');
  });

  test('one data source per secret, however many properties read it', () => {
    const secret = SecretValue.secretsManager('shared', { jsonField: 'a' });
    const other = SecretValue.secretsManager('shared', { jsonField: 'b' });
    const { stack } = password(secret, { header: other });
    expect(Object.keys(synthObject(stack).data.aws_secretsmanager_secret_version)).toHaveLength(1);
  });

  describe('one data source per secret reference, provider and region in a stack', () => {
    /** The id of the read of SSM parameter `/pw` with the default provider: `SsmParameter_` and a hash of the reference. */
    const PW_READ = `SsmParameter_${createHash('sha256').update(JSON.stringify(['/pw', null, null, null])).digest('hex').slice(0, 8)}`;
    const keyFrom = (secret: SecretValue) => ({ apiKeyName: 'x-api-key', apiKeyValue: secret });
    /** The data source ids of a stack with these consumers of shared secrets, in order. */
    const reads = (consumers: string[], extra: (stack: ReturnType<typeof newStack>) => void = () => undefined) => {
      const stack = newStack();
      extra(stack);
      for (const id of consumers) {
        new ApiKeyConnection(stack, id, keyFrom(SecretValue.secretsManager(`team/${id.length % 3}`, { jsonField: id })));
        new BasicConnection(stack, `${id}Basic`, { username: 'u', password: SecretValue.ssmSecureString('/shared/password') });
      }
      const data = synthObject(stack).data;
      return { secrets: Object.keys(data.aws_secretsmanager_secret_version).sort(), parameters: Object.keys(data.aws_ssm_parameter) };
    };

    test('200 connections over 3 secrets read 3 secrets and 1 parameter', () => {
      const consumers = Array.from({ length: 100 }, (_, i) => `C${'x'.repeat(i % 3)}${i}`);
      const { secrets, parameters } = reads(consumers);
      expect(secrets).toHaveLength(3);
      expect(parameters).toHaveLength(1);
    });

    test('ids depend on the reference only: adding or removing consumers, before or after, renames nothing', () => {
      const base = reads(['A', 'Bb', 'Ccc']);
      expect(reads(['Ccc', 'Bb', 'A'])).toEqual(base);
      expect(reads(['New', 'A', 'Bb', 'Ccc', 'Last'])).toEqual(base);
      // Removing the only consumer of one secret removes its read and keeps the others' ids.
      const withoutCcc = reads(['A', 'Bb']);
      for (const id of withoutCcc.secrets) expect(base.secrets).toContain(id);
      expect(withoutCcc.parameters).toEqual(base.parameters);
    });

    test('live at the top of the stack and are referenced by every consumer', () => {
      const stack = newStack();
      new BasicConnection(stack, 'A', { username: 'u', password: SecretValue.ssmSecureString('/pw') });
      new BasicConnection(stack, 'B', { username: 'u', password: SecretValue.ssmSecureString('/pw') });
      const json = synthObject(stack);
      expect(stack.node.tryFindChild(PW_READ)).toBeInstanceOf(DataAwsSsmParameter);
      expect(Object.keys(json.data.aws_ssm_parameter)).toEqual([PW_READ]);
      const passwords = Object.values<any>(json.resource.aws_cloudwatch_event_connection).map((c) => c.auth_parameters.basic.password);
      expect(passwords).toEqual([`\${data.aws_ssm_parameter.${PW_READ}.value}`, `\${data.aws_ssm_parameter.${PW_READ}.value}`]);
    });

    test('a different version, provider or region is a different read', () => {
      const stack = newStack();
      const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
      new ApiKeyConnection(stack, 'A', keyFrom(SecretValue.secretsManager('s')));
      new ApiKeyConnection(stack, 'B', keyFrom(SecretValue.secretsManager('s', { versionStage: 'AWSPREVIOUS' })));
      new ApiKeyConnection(stack, 'C', { ...keyFrom(SecretValue.secretsManager('s')), provider: west });
      new ApiKeyConnection(stack, 'D', keyFrom(SecretValue.secretsManager('s', { jsonField: 'f' }))); // same read as A
      const versions = Object.values<any>(synthObject(stack).data.aws_secretsmanager_secret_version);
      // Listed by id, a hash: in no particular order.
      expect(versions).toHaveLength(3);
      expect(versions).toEqual(expect.arrayContaining([
        { secret_id: 's' },
        { secret_id: 's', version_stage: 'AWSPREVIOUS' },
        { secret_id: 's', provider: 'aws.west' },
      ]));
    });

    (HAS_PER_RESOURCE_REGION ? test : test.skip)('the same secret in two regions is two reads, each consumer reading its own region', () => {
      const stack = newStack();
      const secret = SecretValue.secretsManager('s');
      new ApiKeyConnection(stack, 'Home', keyFrom(secret));
      new ApiKeyConnection(stack, 'Frankfurt', { ...keyFrom(secret), region: 'eu-central-1' });
      new ApiKeyConnection(stack, 'Ireland', { ...keyFrom(secret), region: 'eu-west-1' });
      new ApiKeyConnection(stack, 'Ireland2', { ...keyFrom(secret), region: 'eu-west-1' }); // shares Ireland's read
      const synth = synthObject(stack);
      const versions = synth.data.aws_secretsmanager_secret_version;
      expect(Object.values(versions)).toHaveLength(3);
      // Each connection's key comes from the read in the connection's own region.
      const regionOfRead = (connection: string) => {
        const value = synth.resource.aws_cloudwatch_event_connection[connection].auth_parameters.api_key.value;
        const id = /^\$\{data\.aws_secretsmanager_secret_version\.([^.]+)\.secret_string\}$/.exec(value)?.[1];
        expect(versions).toHaveProperty([id!]);
        return versions[id!].region ?? '(provider default)';
      };
      const ids = Object.keys(synth.resource.aws_cloudwatch_event_connection);
      const byConstruct = (name: string) => ids.find((id) => id.startsWith(`${name}_`))!;
      expect(['Home', 'Frankfurt', 'Ireland', 'Ireland2'].map((c) => regionOfRead(byConstruct(c))))
        .toEqual(['(provider default)', 'eu-central-1', 'eu-west-1', 'eu-west-1']);
    });

    test('each stack reads for itself', () => {
      const app = Testing.app();
      for (const id of ['one', 'two']) {
        new ApiKeyConnection(newStack(id, { app }), 'A', keyFrom(SecretValue.secretsManager('s')));
      }
      const ids = app.node.findAll().filter((c) => c instanceof DataAwsSecretsmanagerSecretVersion).map((c) => c.node.path);
      expect(ids).toEqual([expect.stringMatching(/^one\/SecretsManagerSecretVersion_[0-9a-f]{8}$/), expect.stringMatching(/^two\/SecretsManagerSecretVersion_[0-9a-f]{8}$/)]);
    });

    describe('one secret object given to many consumers', () => {
      /** The data source each connection's API key references, by the connection's construct id. */
      const keyReads = (stack: ReturnType<typeof newStack>) => Object.fromEntries(
        Object.entries<any>(synthObject(stack).resource.aws_cloudwatch_event_connection).map(([logicalId, c]) => [
          logicalId.split('_')[0],
          /^\$\{data\.([a-z_]+\.[^.}]+)\.[a-z_]+\}$/.exec(c.auth_parameters.api_key.value)?.[1],
        ]));

      test('reads in each stack and placement it is used in, in any order', () => {
        const app = Testing.app();
        const [one, two] = ['one', 'two'].map((id) => newStack(id, { app }));
        const west = new AwsProvider(one, 'west', { region: 'us-west-2', alias: 'west' });
        const secret = SecretValue.ssmSecureString('/pw');
        new ApiKeyConnection(one, 'A', keyFrom(secret));
        new ApiKeyConnection(two, 'B', keyFrom(secret));
        new ApiKeyConnection(one, 'C', { ...keyFrom(secret), provider: west });
        new ApiKeyConnection(one, 'D', keyFrom(secret));
        new ApiKeyConnection(two, 'E', keyFrom(secret));
        const westRead = one.node.children.find((c) => c instanceof DataAwsSsmParameter && c.node.id !== PW_READ)!.node.id;
        expect(keyReads(one)).toEqual({
          A: `aws_ssm_parameter.${PW_READ}`,
          C: `aws_ssm_parameter.${westRead}`,
          D: `aws_ssm_parameter.${PW_READ}`,
        });
        expect(keyReads(two)).toEqual({
          B: `aws_ssm_parameter.${PW_READ}`,
          E: `aws_ssm_parameter.${PW_READ}`,
        });
        expect(synthObject(one).data.aws_ssm_parameter[westRead]).toEqual({ name: '/pw', with_decryption: true, provider: 'aws.west' });
      });

      test('reads again when its read was removed from the stack', () => {
        const stack = newStack();
        const secret = SecretValue.ssmSecureString('/pw');
        new ApiKeyConnection(stack, 'A', keyFrom(secret));
        stack.node.tryRemoveChild('A');
        expect(stack.node.tryRemoveChild(PW_READ)).toBe(true);
        new ApiKeyConnection(stack, 'B', keyFrom(secret));
        expect(stack.node.tryFindChild(PW_READ)).toBeInstanceOf(DataAwsSsmParameter);
        expect(keyReads(stack)).toEqual({ B: `aws_ssm_parameter.${PW_READ}` });
      });

      test('with a token reference, reads in each consumer', () => {
        const stack = newStack();
        const name = new TerraformVariable(stack, 'secret_name', { type: 'string' });
        const secret = SecretValue.secretsManager(name.stringValue);
        new ApiKeyConnection(stack, 'A', keyFrom(secret));
        new ApiKeyConnection(stack, 'B', keyFrom(secret));
        expect(keyReads(stack)).toEqual({
          A: 'aws_secretsmanager_secret_version.A_SecretsManagerSecretVersion_apiKeyValue_AEE7D561',
          B: 'aws_secretsmanager_secret_version.B_SecretsManagerSecretVersion_apiKeyValue_2C78C800',
        });
      });
    });

    test('a user construct that takes the id of a read is reported, not reused', () => {
      const stack = newStack();
      new BasicConnection(stack, 'A', { username: 'u', password: SecretValue.ssmSecureString('/pw') });
      const clash = newStack();
      new TerraformVariable(clash, PW_READ, { type: 'string' });
      expect(() => new BasicConnection(clash, 'A', { username: 'u', password: SecretValue.ssmSecureString('/pw') })).toThrow(
        `A construct with id "${PW_READ}" already exists at the top of stack TestStack: the library keeps that id ` +
        'for the data source that reads a secret. Rename your construct.');
      expect(stack.node.tryFindChild(PW_READ)).toBeInstanceOf(DataAwsSsmParameter);
    });
  });

  test('ssmSecureString reads and decrypts the parameter through the data source', () => {
    const { synth, block } = password(SecretValue.ssmSecureString('/jira/password'));
    expect(synth).toHaveDataSourceWithProperties(DataAwsSsmParameter, { name: '/jira/password', with_decryption: true });
    expect(block.auth_parameters.basic.password).toMatch(/^\$\{data\.aws_ssm_parameter\.SsmParameter_[0-9a-f]{8}\.value\}$/);
  });

  test('fromToken passes another resource\'s attribute through', () => {
    const stack = newStack();
    const parameter = new SsmParameter(stack, 'Param', { name: '/x', type: 'SecureString', value: 'ignored' });
    new BasicConnection(stack, 'Conn', { username: 'u', password: SecretValue.fromToken(parameter.value) });
    expect(connectionBlock(stack).auth_parameters.basic.password).toBe('${aws_ssm_parameter.Param.value}');
  });

  test('fromToken refuses a literal string without echoing it', () => {
    expect(() => password(SecretValue.fromToken('literal-secret'))).toThrow(
      '`password` must be an unresolved token when given to `SecretValue.fromToken()`, got a literal string (redacted) (at TestStack/Conn). ' +
      'Pass a token such as another resource\'s attribute, or use `SecretValue.unsafePlainText()` for a literal.');
  });

  test('data source ids for token references do not depend on global token numbering', () => {
    const build = (extraTokensFirst: boolean) => {
      const stack = newStack();
      if (extraTokensFirst) for (let i = 0; i < 5; i++) new TerraformVariable(stack, `v${i}`, { type: 'string' }).stringValue;
      const name = new TerraformVariable(stack, 'secret_name', { type: 'string' });
      new BasicConnection(stack, 'Conn', { username: 'u', password: SecretValue.secretsManager(name.stringValue) });
      return Object.keys(synthObject(stack).data.aws_secretsmanager_secret_version);
    };
    expect(build(true)).toEqual(build(false));
    expect(build(false)).toEqual(['Conn_SecretsManagerSecretVersion_password_11402102']);
  });

  test.each([
    ['unsafePlainText', SecretValue.unsafePlainText('s3cr3t-literal'), 'SecretValue(plain text, redacted)'],
    ['fromToken', SecretValue.fromToken('${var.x}'), 'SecretValue(token, redacted)'],
    ['secretsManager', SecretValue.secretsManager('prod/db'), 'SecretValue(Secrets Manager: prod/db)'],
    ['ssmSecureString', SecretValue.ssmSecureString('/db/pw'), 'SecretValue(SSM SecureString: /db/pw)'],
  ])('%s describes its source, never its value, in toString and JSON', (_name, secret, text) => {
    expect(secret.toString()).toBe(text);
    expect(JSON.stringify({ secret })).toBe(JSON.stringify({ secret: text }));
    expect(`${secret}`).not.toContain('s3cr3t-literal');
  });

  test('isPlainText tells whether the value is known at synth time', () => {
    expect(SecretValue.unsafePlainText('x').isPlainText).toBe(true);
    expect(SecretValue.secretsManager('x').isPlainText).toBe(false);
    expect(SecretValue.fromToken('${var.x}').isPlainText).toBe(false);
  });
});
