import { ApiKeyConnection, Connection, Errors, SecretValue, StepFunctionsHttpTaskGrant, ValidationError } from '../src';
import { newStack, synthObject } from './util';

/** The error a construct throws for bad input, caught. */
function caught(make: () => unknown): unknown {
  try {
    make();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('ValidationError and Errors', () => {
  test('bad input throws a ValidationError that names the construct path and the property', () => {
    const error = caught(() => new ApiKeyConnection(newStack(), 'Payments', {
      connectionName: 'my conn', apiKeyName: 'x-api-key', apiKeyValue: SecretValue.unsafePlainText('k'),
    }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ValidationError', constructPath: 'TestStack/Payments', property: 'connectionName' });
    expect(Errors.isValidationError(error)).toBe(true);
  });

  test.each([
    ['a plain Error', new Error('x')],
    ['an object that looks like one', { name: 'ValidationError', message: 'x' }],
    ['null', null],
    ['a string', 'ValidationError'],
  ])('Errors.isValidationError is false for %s', (_case, value) => {
    expect(Errors.isValidationError(value)).toBe(false);
  });

  test('a grant on a connection imported by ARN needs no exception to find the secret pattern', () => {
    const stack = newStack();
    const connection = Connection.fromConnectionArn(stack, 'Imported',
      'arn:aws:events:us-east-1:123456789012:connection/partner/2d1e0aa0-0000-4000-8000-000000000000');
    // The getter still refuses, with the library's error ...
    expect(Errors.isValidationError(caught(() => connection.connectionSecretArn))).toBe(true);
    // ... and the grant covers the secrets EventBridge makes for that name.
    new StepFunctionsHttpTaskGrant(stack, 'Grant', { connection });
    const statements = Object.values<any>(synthObject(stack).data.aws_iam_policy_document)[0].statement;
    expect(statements.find((s: any) => s.sid === 'ReadConnectionSecret').resources)
      .toEqual(['arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/partner/*']);
  });
});
