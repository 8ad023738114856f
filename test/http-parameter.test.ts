import { Connection, Authorization, HttpMethod, HttpParameter, SecretValue } from '../src';
import { connectionBlock, newStack } from './util';

describe('HttpParameter', () => {
  const render = (parameter: HttpParameter) => {
    const stack = newStack();
    new Connection(stack, 'Conn', {
      authorization: Authorization.apiKey('k', SecretValue.unsafePlainText('v')),
      queryStringParameters: { p: parameter },
    });
    return connectionBlock(stack).auth_parameters.invocation_http_parameters.query_string[0];
  };

  test('fromString writes is_value_secret = false', () => {
    expect(render(HttpParameter.fromString('visible'))).toEqual({ key: 'p', value: 'visible', is_value_secret: false });
  });

  test('fromSecret writes is_value_secret = true and reads the secret through the data source shared in the stack', () => {
    expect(render(HttpParameter.fromSecret(SecretValue.ssmSecureString('/p')))).toEqual({
      key: 'p',
      value: '${data.aws_ssm_parameter.SsmParameter_01e4c34f.value}',
      is_value_secret: true,
    });
  });

  test('HttpMethod holds the seven methods with their wire names', () => {
    expect(Object.values(HttpMethod).sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
  });

  test('a secret parameter value never shows in toString or JSON', () => {
    const parameter = HttpParameter.fromSecret(SecretValue.unsafePlainText('top-secret-value'));
    expect(String(parameter)).not.toContain('top-secret-value');
    expect(JSON.stringify(parameter)).not.toContain('top-secret-value');
  });
});
