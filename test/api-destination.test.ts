import { CloudwatchEventApiDestination } from '@cdktf/provider-aws/lib/cloudwatch-event-api-destination';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { ApiDestination, Connection, HttpMethod, IConnection } from '../src';
import { newStack, resolved, synthObject } from './util';

const CONNECTION_ARN = 'arn:aws:events:us-east-1:123456789012:connection/partner/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f';
const ARN = 'arn:aws:events:us-east-1:123456789012:api-destination/partner-orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';

function connection(stack: TerraformStack): IConnection {
  return Connection.fromConnectionArn(stack, 'Connection', CONNECTION_ARN);
}

function destinationBlock(stack: TerraformStack): any {
  return Object.values<any>(synthObject(stack).resource.aws_cloudwatch_event_api_destination)[0];
}

describe('ApiDestination', () => {
  test('writes the endpoint, method, rate limit, name and description', () => {
    const stack = newStack();
    new ApiDestination(stack, 'Dest', {
      connection: connection(stack),
      endpoint: 'https://api.partner.example/v1/orders/*',
      httpMethod: HttpMethod.PUT,
      rateLimitPerSecond: 10,
      apiDestinationName: 'partner-orders',
      description: 'Orders to the partner',
    });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(CloudwatchEventApiDestination, {
      name: 'partner-orders',
      description: 'Orders to the partner',
      connection_arn: CONNECTION_ARN,
      invocation_endpoint: 'https://api.partner.example/v1/orders/*',
      http_method: 'PUT',
      invocation_rate_limit_per_second: 10,
    });
  });

  test('defaults to POST, a derived name, and no rate limit or description', () => {
    const stack = newStack('Shop');
    new ApiDestination(stack, 'Orders', { connection: connection(stack), endpoint: 'https://api.partner.example/orders' });
    const block = destinationBlock(stack);
    expect(block).toMatchObject({ name: 'Shop-Orders', http_method: 'POST' });
    expect(block).not.toHaveProperty('invocation_rate_limit_per_second');
    expect(block).not.toHaveProperty('description');
  });

  test.each(Object.values(HttpMethod))('accepts the method %s', (method) => {
    const stack = newStack();
    new ApiDestination(stack, 'Dest', { connection: connection(stack), endpoint: 'https://x.example', httpMethod: method });
    expect(destinationBlock(stack).http_method).toBe(method);
  });

  test('references a connection created in the stack', () => {
    const stack = newStack();
    const conn = Connection.fromConnectionName(stack, 'Conn', 'shared');
    const dest = new ApiDestination(stack, 'Dest', { connection: conn, endpoint: 'https://x.example' });
    expect(destinationBlock(stack).connection_arn).toBe('${data.aws_cloudwatch_event_connection.Conn_48E61EBD.arn}');
    expect(dest.connection).toBe(conn);
  });

  test('exposes the resource with id Resource and its attributes as tokens', () => {
    const stack = newStack();
    const dest = new ApiDestination(stack, 'Dest', { connection: connection(stack), endpoint: 'https://x.example' });
    expect(dest.resource).toBeInstanceOf(CloudwatchEventApiDestination);
    expect(dest.resource.node.id).toBe('Resource');
    expect(resolved(stack, [dest.apiDestinationArn, dest.apiDestinationName])).toEqual([
      '${aws_cloudwatch_event_api_destination.Dest_C383B82A.arn}',
      '${aws_cloudwatch_event_api_destination.Dest_C383B82A.name}',
    ]);
  });

  test('uses the given provider', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    new ApiDestination(stack, 'Dest', { connection: connection(stack), endpoint: 'https://x.example', provider: west });
    expect(destinationBlock(stack).provider).toBe('aws.west');
  });

  test('accepts unresolved tokens for every prop', () => {
    const stack = newStack();
    const v = (name: string, type = 'string') => new TerraformVariable(stack, name, { type });
    new ApiDestination(stack, 'Dest', {
      connection: connection(stack),
      endpoint: v('endpoint').stringValue,
      apiDestinationName: v('name').stringValue,
      description: v('description').stringValue,
      rateLimitPerSecond: v('rate', 'number').numberValue,
    });
    expect(destinationBlock(stack)).toMatchObject({
      name: '${var.name}',
      description: '${var.description}',
      invocation_endpoint: '${var.endpoint}',
      invocation_rate_limit_per_second: '${var.rate}',
    });
  });

  describe('rejects invalid input with a message naming the property, rule, value, path and fix', () => {
    test.each<[string, any, string]>([
      ['an http:// endpoint', { endpoint: 'http://api.example.com' },
        '`endpoint` must be an https:// URL of 1-2048 characters (letters, digits, percent-escapes and -()_.!~*\';/?:@&=+$,), got "http://api.example.com" (at TestStack/Dest). Use the full https:// URL of the endpoint, with `*` for path parameters.'],
      ['an endpoint with a space', { endpoint: 'https://api.example.com/a b' },
        '`endpoint` must be an https:// URL of 1-2048 characters (letters, digits, percent-escapes and -()_.!~*\';/?:@&=+$,), got "https://api.example.com/a b" (at TestStack/Dest). Use the full https:// URL of the endpoint, with `*` for path parameters.'],
      ['no endpoint', { endpoint: undefined },
        '`endpoint` is required, got undefined (at TestStack/Dest). Pass a string for `endpoint`.'],
      ['a rate limit of 0', { rateLimitPerSecond: 0 },
        '`rateLimitPerSecond` must be an integer of at least 1, got number 0 (at TestStack/Dest). Use a whole number of invocations per second, or omit it for the default of 300.'],
      ['a fractional rate limit', { rateLimitPerSecond: 1.5 },
        '`rateLimitPerSecond` must be an integer of at least 1, got number 1.5 (at TestStack/Dest). Use a whole number of invocations per second, or omit it for the default of 300.'],
      ['a name with a slash', { apiDestinationName: 'my/dest' },
        '`apiDestinationName` must be 1-64 characters of A-Z a-z 0-9 . - _, got "my/dest" (at TestStack/Dest). Use a name such as "my-destination", or omit `apiDestinationName` to get a generated one.'],
      ['a name of 65 characters', { apiDestinationName: 'a'.repeat(65) },
        `\`apiDestinationName\` must be 1-64 characters of A-Z a-z 0-9 . - _, got "${'a'.repeat(65)}" (at TestStack/Dest). Use a name such as "my-destination", or omit \`apiDestinationName\` to get a generated one.`],
      ['a description of 513 characters', { description: 'a'.repeat(513) },
        `\`description\` must be at most 512 characters, got "${'a'.repeat(59)}..." (513 characters) (at TestStack/Dest). Shorten the description.`],
      ['an unknown method', { httpMethod: 'CONNECT' },
        '`httpMethod` must be one of POST, GET, HEAD, OPTIONS, PUT, PATCH, DELETE, got "CONNECT" (at TestStack/Dest). Use a value of HttpMethod.'],
      ['no connection', { connection: undefined },
        '`connection` must be a connection (IConnection), got undefined (at TestStack/Dest). Pass a Connection, ApiKeyConnection, BasicConnection, OAuthConnection or an imported connection.'],
      ['a connection ARN string', { connection: CONNECTION_ARN },
        '`connection` must be a connection (IConnection), got "arn:aws:events:us-east-1:123456789012:connection/partner/2d..." (93 characters) (at TestStack/Dest). Pass a Connection, ApiKeyConnection, BasicConnection, OAuthConnection or an imported connection.'],
    ])('rejects %s', (_case, override, message) => {
      const stack = newStack();
      expect(() => new ApiDestination(stack, 'Dest', {
        connection: connection(stack),
        endpoint: 'https://api.example.com',
        ...override,
      })).toThrow(message);
    });

    test('rejects a props value that is not an object', () => {
      const stack = newStack();
      expect(() => new ApiDestination(stack, 'Dest', undefined as any)).toThrow(
        '`props` must be an object, got undefined (at TestStack/Dest). Pass the API destination\'s properties, with at least `connection` and `endpoint`.');
    });
  });
});

describe('ApiDestination.fromApiDestinationArn', () => {
  test('takes the name from the ARN and creates nothing', () => {
    const stack = newStack();
    const imported = ApiDestination.fromApiDestinationArn(stack, 'Imported', ARN);
    expect(imported.apiDestinationArn).toBe(ARN);
    expect(imported.apiDestinationName).toBe('partner-orders');
    expect(synthObject(stack).resource).toBeUndefined();
  });

  test('reads the name from an unresolved ARN with Terraform functions', () => {
    const stack = newStack();
    const arn = new TerraformVariable(stack, 'arn', { type: 'string' }).stringValue;
    const imported = ApiDestination.fromApiDestinationArn(stack, 'Imported', arn);
    expect(resolved(stack, imported.apiDestinationName)).toBe('${element(split("/", var.arn), 1)}');
  });

  test.each([
    ['a connection ARN', CONNECTION_ARN,
      '"arn:aws:events:us-east-1:123456789012:connection/partner/2d..." (93 characters)'],
    ['an ARN without the id', 'arn:aws:events:us-east-1:123456789012:api-destination/partner-orders',
      '"arn:aws:events:us-east-1:123456789012:api-destination/partner-orders"'],
    ['an empty string', '', '""'],
  ])('rejects %s', (_case, arn, shown) => {
    const stack = newStack();
    expect(() => ApiDestination.fromApiDestinationArn(stack, 'Imported', arn)).toThrow(
      '`apiDestinationArn` must be an EventBridge API destination ARN (arn:<partition>:events:<region>:<account>:api-destination/<name>/<id>), ' +
      `got ${shown} (at TestStack/Imported). Copy the ARN from the EventBridge console or \`aws events describe-api-destination\`.`);
  });
});

describe('ApiDestination ARN for policies and fromApiDestinationAttributes', () => {
  const ARN_FOR_POLICY = 'arn:aws:events:us-east-1:123456789012:api-destination/partner-orders';

  test('a created destination gives its ARN without the trailing id, with Terraform functions', () => {
    const stack = newStack();
    const dest = new ApiDestination(stack, 'Dest', { connection: connection(stack), endpoint: 'https://x.example' });
    expect(resolved(stack, dest.apiDestinationArnForPolicy)).toBe(
      '${join("/", slice(split("/", aws_cloudwatch_event_api_destination.Dest_C383B82A.arn), 0, 2))}');
    // One token, made on first read, for every read.
    expect(dest.apiDestinationArnForPolicy).toBe(dest.apiDestinationArnForPolicy);
  });

  test('fromApiDestinationArn gives the ARN for policies too', () => {
    const stack = newStack();
    expect(ApiDestination.fromApiDestinationArn(stack, 'Imported', ARN).apiDestinationArnForPolicy).toBe(ARN_FOR_POLICY);
  });

  test('fromApiDestinationAttributes takes the name and the ARN for policies from the ARN, and creates nothing', () => {
    const stack = newStack();
    const imported = ApiDestination.fromApiDestinationAttributes(stack, 'Imported', { apiDestinationArn: ARN, connection: connection(stack) });
    expect([imported.apiDestinationArn, imported.apiDestinationName, imported.apiDestinationArnForPolicy])
      .toEqual([ARN, 'partner-orders', ARN_FOR_POLICY]);
    expect(synthObject(stack).resource).toBeUndefined();
  });

  test('fromApiDestinationAttributes works without a connection, and with a null one (Python None)', () => {
    const stack = newStack();
    expect(ApiDestination.fromApiDestinationAttributes(stack, 'A', { apiDestinationArn: ARN }).apiDestinationName).toBe('partner-orders');
    expect(ApiDestination.fromApiDestinationAttributes(stack, 'B', { apiDestinationArn: ARN, connection: null as any }).apiDestinationName)
      .toBe('partner-orders');
  });

  test('fromApiDestinationAttributes reads an unresolved ARN with Terraform functions', () => {
    const stack = newStack();
    const arn = new TerraformVariable(stack, 'arn', { type: 'string' }).stringValue;
    const imported = ApiDestination.fromApiDestinationAttributes(stack, 'Imported', { apiDestinationArn: arn });
    expect(resolved(stack, [imported.apiDestinationName, imported.apiDestinationArnForPolicy])).toEqual([
      '${element(split("/", var.arn), 1)}',
      '${join("/", slice(split("/", var.arn), 0, 2))}',
    ]);
  });

  test('fromApiDestinationAttributes rejects a connection of another region', () => {
    const stack = newStack();
    const other = Connection.fromConnectionArn(stack, 'Connection', CONNECTION_ARN.replace('us-east-1', 'eu-west-1'));
    expect(() => ApiDestination.fromApiDestinationAttributes(stack, 'Imported', { apiDestinationArn: ARN, connection: other })).toThrow(
      '`connection` must be in the API destination\'s partition, region and account (arn:aws:events:us-east-1:123456789012), ' +
      'got "arn:aws:events:eu-west-1:123456789012:connection/partner/2d..." (93 characters) (at TestStack/Imported). ' +
      'Pass the connection the API destination uses: EventBridge requires it in the same account and region.');
  });

  test.each<[string, any, string]>([
    ['attributes that are not an object', 'arn', '`attrs` must be an object, got "arn" (at TestStack/Imported). Pass at least `apiDestinationArn`.'],
    ['a connection that is a string', { apiDestinationArn: ARN, connection: CONNECTION_ARN },
      '`connection` must be a connection (IConnection), got "arn:aws:events:us-east-1:123456789012:connection/partner/2d..." (93 characters) ' +
      '(at TestStack/Imported). Pass a Connection, ApiKeyConnection, BasicConnection, OAuthConnection or an imported connection, or omit it.'],
    ['a missing ARN', {}, '`apiDestinationArn` is required, got undefined (at TestStack/Imported). Pass a string for `apiDestinationArn`.'],
  ])('fromApiDestinationAttributes rejects %s', (_case, attrs, message) => {
    const stack = newStack();
    expect(() => ApiDestination.fromApiDestinationAttributes(stack, 'Imported', attrs)).toThrow(message);
  });
});
