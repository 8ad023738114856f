import { CloudwatchEventConnection } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { Testing } from 'cdktf';
import { ApiKeyConnection, Connection, HttpParameter, SecretValue } from '../src';
import { connectionBlock, newStack } from './util';

describe('ApiKeyConnection', () => {
  test('creates an API_KEY connection from flat props', () => {
    const stack = newStack();
    const connection = new ApiKeyConnection(stack, 'Conn', {
      connectionName: 'ngrok-connection',
      description: 'A connection description',
      apiKeyName: 'x-signature',
      apiKeyValue: SecretValue.unsafePlainText('1234'),
    });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(CloudwatchEventConnection, {
      name: 'ngrok-connection',
      description: 'A connection description',
      authorization_type: 'API_KEY',
      auth_parameters: { api_key: { key: 'x-signature', value: '1234' } },
    });
    expect(connection).toBeInstanceOf(Connection);
    expect(connection.authorizationType).toBe('API_KEY');
  });

  test('takes the shared options: invocation parameters and KMS key', () => {
    const stack = newStack();
    new ApiKeyConnection(stack, 'Conn', {
      apiKeyName: 'x-api-key',
      apiKeyValue: SecretValue.secretsManager('webhook'),
      bodyParameters: { source: HttpParameter.fromString('aws') },
      kmsKeyIdentifier: 'alias/connections',
    });
    const block = connectionBlock(stack);
    expect(block.kms_key_identifier).toBe('alias/connections');
    expect(block.auth_parameters.invocation_http_parameters).toEqual({
      body: [{ key: 'source', value: 'aws', is_value_secret: false }],
    });
  });

  test.each<[string, any, string]>([
    ['a missing apiKeyName', { apiKeyValue: SecretValue.unsafePlainText('v') },
      '`apiKeyName` is required, got undefined (at TestStack/Conn). Pass a string for `apiKeyName`.'],
    ['a missing apiKeyValue', { apiKeyName: 'x-api-key' },
      '`apiKeyValue` must be a SecretValue, got undefined (at TestStack/Conn). Use SecretValue.secretsManager(), SecretValue.ssmSecureString(), SecretValue.fromTerraformVariable() or, for tests, SecretValue.unsafePlainText().'],
    ['a number as apiKeyName', { apiKeyName: 42, apiKeyValue: SecretValue.unsafePlainText('v') },
      '`apiKeyName` must be a string, got number 42 (at TestStack/Conn). Pass a string for `apiKeyName`.'],
    ['no props at all', undefined,
      '`apiKeyName` is required, got undefined (at TestStack/Conn). Pass a string for `apiKeyName`.'],
  ])('rejects %s', (_case, props, message) => {
    expect(() => new ApiKeyConnection(newStack(), 'Conn', props)).toThrow(message);
  });
});
