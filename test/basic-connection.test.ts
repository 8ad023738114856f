import { CloudwatchEventConnection } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { Testing } from 'cdktf';
import { BasicConnection, SecretValue } from '../src';
import { newStack, warnings } from './util';

describe('BasicConnection', () => {
  test('creates a BASIC connection from flat props', () => {
    const stack = newStack();
    new BasicConnection(stack, 'Conn', {
      connectionName: 'jira',
      username: 'eventbridge@example.com',
      password: SecretValue.ssmSecureString('/jira/token'),
    });
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(CloudwatchEventConnection, {
      name: 'jira',
      authorization_type: 'BASIC',
      auth_parameters: {
        basic: { username: 'eventbridge@example.com', password: '${data.aws_ssm_parameter.SsmParameter_df004cb5.value}' },
      },
    });
    expect(synth).toHaveDataSourceWithProperties(DataAwsSsmParameter, { name: '/jira/token', with_decryption: true });
    expect(warnings(stack)).toEqual([]);
  });

  test('warns once, on the connection, when the password is plain text', () => {
    const stack = newStack();
    new BasicConnection(stack, 'Conn', { username: 'u', password: SecretValue.unsafePlainText('Pass1234!') });
    expect(warnings(stack)).toEqual([
      'TestStack/Conn: `password` is a plain-text secret (SecretValue.unsafePlainText): its value is written to cdk.tf.json ' +
      'and Terraform state. Use SecretValue.secretsManager(), SecretValue.ssmSecureString() or a sensitive ' +
      'SecretValue.fromTerraformVariable() instead.',
    ]);
  });

  test.each<[string, any, string]>([
    ['a username with ":"', { username: 'a:b', password: SecretValue.unsafePlainText('p') },
      '`username` must be 1-512 characters with no control characters and no ":", got "a:b" (at TestStack/Conn). Remove control characters and ":" and keep it within 512 characters.'],
    ['a null password', { username: 'u', password: null },
      '`password` must be a SecretValue, got null (at TestStack/Conn). Use SecretValue.secretsManager(), SecretValue.ssmSecureString(), SecretValue.fromTerraformVariable() or, for tests, SecretValue.unsafePlainText().'],
  ])('rejects %s', (_case, props, message) => {
    expect(() => new BasicConnection(newStack(), 'Conn', props)).toThrow(message);
  });
});
