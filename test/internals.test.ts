import { createHash } from 'crypto';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ApiDestination, ApiDestinationTarget, ApiKeyConnection, Connection, HttpParameter, SecretValue } from '../src';
import { connectionBlock, newStack, synthObject } from './util';
import { defaultPhysicalName } from '../src/private/names';
import { ssmParameterRead } from '../src/private/secret-reads';

/*
 * Contracts of the private helpers that the constructs' own tests reach only in part (found by
 * mutation testing, see tools/mutation/README.md): generated names at their limits, the ids of
 * grants and of secret reads, and how a value is described in a message.
 */

const sha8 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8).toUpperCase();

describe('defaultPhysicalName', () => {
  function nameAt(stackId: string, ...ids: string[]): string {
    const stack = new TerraformStack(new App(), stackId);
    let scope: Construct = stack;
    for (const id of ids) scope = new Construct(scope, id);
    return defaultPhysicalName(scope);
  }

  test('is the readable path when it is exact and at most 64 characters', () => {
    const ids = ['A'.repeat(30), 'B'.repeat(28)]; // "Stac" + "-" + 30 + "-" + 28 = 64 characters
    const name = nameAt('Stac', ...ids);
    expect(name).toHaveLength(64);
    expect(name).toBe(`Stac-${ids[0]}-${ids[1]}`);
  });

  test('keeps the end of a path longer than 64 characters and appends the hash of the whole path', () => {
    const ids = ['Payments', 'C'.repeat(70)];
    const readable = `Stack-${ids.join('-')}`;
    expect(nameAt('Stack', ...ids)).toBe(`${readable.slice(readable.length - 55)}-${sha8(['Stack', ...ids].join('/'))}`);
  });

  test('drops the "-" a cut leaves at the front', () => {
    // 55 characters kept from the end start at the "-" between the two ids.
    const ids = ['Head', 'D'.repeat(54)];
    const name = nameAt('Stack', ...ids);
    expect(name).toBe(`${'D'.repeat(54)}-${sha8(['Stack', ...ids].join('/'))}`);
  });

  test('drops ids with no valid character and hashes, so two such paths never meet', () => {
    const name = nameAt('Stack', 'ünïcødé', 'Conn');
    expect(name).toBe(`Stack-ncd-Conn-${sha8('Stack/ünïcødé/Conn')}`);
    expect(nameAt('Stack', '€€', 'Conn')).toBe(`Stack-Conn-${sha8('Stack/€€/Conn')}`);
  });

  test('hashes a path where one id of several holds the "-" that joins them', () => {
    expect(nameAt('Stack', 'a-b', 'Conn')).toBe(`Stack-a-b-Conn-${sha8('Stack/a-b/Conn')}`);
    expect(nameAt('Stack', 'a', 'b', 'Conn')).toBe('Stack-a-b-Conn');
  });

  test('drops every "-" a cut leaves at the front', () => {
    const ids = ['Head', `--${'E'.repeat(53)}`];
    expect(nameAt('Stack', ...ids)).toBe(`${'E'.repeat(53)}-${sha8(['Stack', ...ids].join('/'))}`);
  });

  test('is the hash alone when no character of the path is valid', () => {
    expect(nameAt('€', '€€')).toBe(sha8('€/€€'));
  });
});

describe('grant ids', () => {
  test('hash the resolved reference of a role given as a token, so they do not depend on token order', () => {
    const stack = newStack();
    const connection = Connection.fromConnectionArn(stack, 'Conn',
      'arn:aws:events:us-east-1:123456789012:connection/partner/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f');
    const role = new IamRole(stack, 'Role', { assumeRolePolicy: '{}' });
    const grant = connection.grantRetrieveCredentials(role.name);
    expect(grant.node.id).toBe(`CredentialsGrant${sha8('${aws_iam_role.Role.name}')}`);
  });

  test('hash a literal role name as it is', () => {
    const stack = newStack();
    const destination = ApiDestination.fromApiDestinationArn(stack, 'Dest',
      'arn:aws:events:us-east-1:123456789012:api-destination/orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d');
    expect(destination.grantInvoke('pipe-role').node.id).toBe(`InvokeGrant${sha8('pipe-role')}`);
  });
});

describe('secret reads of a token reference', () => {
  test('go in the consumer\'s scope under an id from the property, without its punctuation', () => {
    const stack = newStack();
    const token = new TerraformVariable(stack, 'param', { type: 'string' }).stringValue;
    const connection = new ApiKeyConnection(stack, 'Conn', {
      apiKeyName: 'k',
      apiKeyValue: SecretValue.unsafePlainText('v'),
      headerParameters: { 'X-Token': HttpParameter.fromSecret(SecretValue.ssmSecureString(token)) },
    });
    expect(connection.node.tryFindChild('SsmParameter_headerParameters_X_Token')).toBeDefined();
    expect(connectionBlock(stack).auth_parameters.invocation_http_parameters.header[0].value)
      .toMatch(/^\$\{data\.aws_ssm_parameter\.Conn_SsmParameter_headerParameters_X_Token_[0-9A-F]{8}\.value\}$/);
  });

  test('of two secrets for one property get two ids, and the same secret its first read', () => {
    const stack = newStack();
    const consumer = new Construct(stack, 'Consumer');
    const first = new TerraformVariable(stack, 'first', { type: 'string' }).stringValue;
    const second = new TerraformVariable(stack, 'second', { type: 'string' }).stringValue;
    const context = { property: 'apiKeyValue' };
    const a = ssmParameterRead(consumer, context, first);
    const b = ssmParameterRead(consumer, context, second);
    expect([a.node.id, b.node.id]).toEqual(['SsmParameter_apiKeyValue', 'SsmParameter_apiKeyValue_']);
    expect(ssmParameterRead(consumer, context, second)).toBe(b);
    expect(Object.keys(synthObject(stack).data.aws_ssm_parameter)).toHaveLength(2);
  });
});

describe('a refused value in a message', () => {
  function message(connectionName: unknown): string {
    const stack = newStack();
    try {
      new ApiKeyConnection(stack, 'Conn', { apiKeyName: 'k', apiKeyValue: SecretValue.unsafePlainText('v'), connectionName: connectionName as any });
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('not refused');
  }

  test.each<[string, unknown, string]>([
    ['an array of one item', ['a'], 'an array of 1 item'],
    ['an array of two items', ['a', 'b'], 'an array of 2 items'],
    ['a plain object', { name: 'a' }, 'an object'],
    ['an instance', new Date(0), 'an instance of Date'],
    ['a string of 78 characters, whose JSON is 80', `${'a'.repeat(77)}!`, `"${'a'.repeat(77)}!"`],
    ['a string of 79 characters, whose JSON is 81', `${'a'.repeat(78)}!`, `"${'a'.repeat(59)}..." (79 characters)`],
  ])('describes %s', (_case, value, described) => {
    expect(message(value)).toContain(`, got ${described} (at TestStack/Conn).`);
  });

  test('counts a one-character secret in the singular, never showing it', () => {
    const stack = newStack();
    expect(() => new ApiKeyConnection(stack, 'Conn', { apiKeyName: 'k', apiKeyValue: SecretValue.unsafePlainText('\u0001') }))
      .toThrow('got a secret value of 1 character (redacted)');
  });
});

describe('moved blocks', () => {
  test('refuse an address that is not a string, and take one that is a token', () => {
    const stack = newStack();
    const connection = new ApiKeyConnection(stack, 'Conn', { apiKeyName: 'k', apiKeyValue: SecretValue.unsafePlainText('v') });
    expect(() => connection.moveFrom(3 as any)).toThrow('`resourceAddress` must be a string, got number 3 (at TestStack/Conn). Pass a string for `resourceAddress`.');
    const address = new TerraformVariable(stack, 'address', { type: 'string' }).stringValue;
    connection.moveFrom(address);
    expect(connection.resource.hasResourceMove()).toBeDefined();
  });
});

describe('adoption by name', () => {
  test('does not judge an explicit import ID against a name that is a token', () => {
    const stack = newStack();
    const name = new TerraformVariable(stack, 'name', { type: 'string' }).stringValue;
    const connection = new ApiKeyConnection(stack, 'Conn', { apiKeyName: 'k', apiKeyValue: SecretValue.unsafePlainText('v'), connectionName: name });
    connection.adoptExisting('payments');
    expect(synthObject(stack).import).toEqual([{ id: 'payments', to: `aws_cloudwatch_event_connection.${connection.resource.friendlyUniqueId}` }]);
  });
});

describe('messages for input only untyped callers (JavaScript, Python, JSON) can give', () => {
  const base = () => ({ apiKeyName: 'k', apiKeyValue: SecretValue.unsafePlainText('v') });

  test.each<[string, unknown, string]>([
    ['a string', 'X-Api-Key', '"X-Api-Key"'],
    ['an array', [HttpParameter.fromString('a')], 'an array of 1 item'],
  ])('a parameter map that is %s', (_case, headerParameters, described) => {
    const stack = newStack();
    expect(() => new ApiKeyConnection(stack, 'Conn', { ...base(), headerParameters: headerParameters as any })).toThrow(
      `\`headerParameters\` must be a map of parameter names to HttpParameter values, got ${described} (at TestStack/Conn). ` +
      'Pass an object such as { "X-Api-Key": HttpParameter.fromString("value") }.');
  });

  test('a parameter whose value is not a string', () => {
    const stack = newStack();
    expect(() => new ApiKeyConnection(stack, 'Conn', { ...base(), headerParameters: { 'X-Count': HttpParameter.fromString(3 as any) } }))
      .toThrow('`headerParameters["X-Count"]` must have a string value, got number 3 (at TestStack/Conn). ' +
        'Pass a string to HttpParameter.fromString() or a SecretValue to HttpParameter.fromSecret().');
  });

  test('a string map of a rule target that is an array', () => {
    const stack = newStack();
    const apiDestination = ApiDestination.fromApiDestinationArn(stack, 'Dest',
      'arn:aws:events:us-east-1:123456789012:api-destination/orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d');
    expect(() => new ApiDestinationTarget(stack, 'Target', { ruleName: 'orders', apiDestination, headerParameters: ['X-A'] as any }))
      .toThrow('`headerParameters` must be a map of strings to strings, got an array of 1 item (at TestStack/Target). Pass an object such as { "key": "value" }.');
  });
});
