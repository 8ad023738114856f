/*
 * Placement, one way: `provider` and `region` (PlacementOptions) on every construct that creates
 * resources, inherited down connection -> API destination -> rule target, and a destination or
 * target in another region than what it builds on refused.
 */
import { CloudwatchEventApiDestination } from '@cdktf/provider-aws/lib/cloudwatch-event-api-destination';
import { CloudwatchEventConnection } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  ApiDestination,
  ApiDestinationTarget,
  ApiKeyConnection,
  Connection,
  IConnection,
  SecretValue,
} from '../src';
import { HAS_PER_RESOURCE_REGION } from './flavour';
import { newStack, synthObject } from './util';

const CONNECTION_ARN = 'arn:aws:events:us-east-1:123456789012:connection/partner/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f';
const DESTINATION_ARN = 'arn:aws:events:us-east-1:123456789012:api-destination/orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/events-invoke';

/** Region tests need a binding with the per-resource `region` (AWS provider 6). */
const withRegion = HAS_PER_RESOURCE_REGION ? test : test.skip;

function connection(stack: TerraformStack, props: { provider?: AwsProvider; region?: string } = {}): ApiKeyConnection {
  return new ApiKeyConnection(stack, 'Conn', {
    connectionName: 'partner',
    apiKeyName: 'x-api-key',
    apiKeyValue: SecretValue.unsafePlainText('k'),
    ...props,
  });
}

function destination(stack: TerraformStack, conn: IConnection, props: { provider?: AwsProvider; region?: string } = {}): ApiDestination {
  return new ApiDestination(stack, 'Dest', { connection: conn, endpoint: 'https://api.partner.example/orders', ...props });
}

function only(json: any, kind: 'resource' | 'data', type: string): any {
  const blocks = Object.values<any>(json[kind][type]);
  expect(blocks).toHaveLength(1);
  return blocks[0];
}

describe('placement is inherited', () => {
  test('an API destination and its target use the connection\'s provider', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    const dest = destination(stack, connection(stack, { provider: west }));
    new ApiDestinationTarget(stack, 'Target', { ruleName: 'orders', apiDestination: dest });
    const json = synthObject(stack);
    expect(only(json, 'resource', 'aws_cloudwatch_event_api_destination').provider).toBe('aws.west');
    expect(only(json, 'resource', 'aws_cloudwatch_event_target').provider).toBe('aws.west');
    expect(only(json, 'resource', 'aws_iam_role').provider).toBe('aws.west');
  });

  withRegion('an API destination and its target use the connection\'s region', () => {
    const stack = newStack();
    const dest = destination(stack, connection(stack, { region: 'eu-west-1' }));
    new ApiDestinationTarget(stack, 'Target', { ruleName: 'orders', apiDestination: dest, roleArn: ROLE_ARN });
    const json = synthObject(stack);
    expect(only(json, 'resource', 'aws_cloudwatch_event_api_destination').region).toBe('eu-west-1');
    expect(only(json, 'resource', 'aws_cloudwatch_event_target').region).toBe('eu-west-1');
  });

  test('with neither the connection\'s nor its own placement, a destination uses the stack\'s default provider', () => {
    const stack = newStack();
    destination(stack, Connection.fromConnectionArn(stack, 'Imported', CONNECTION_ARN));
    const block = only(synthObject(stack), 'resource', 'aws_cloudwatch_event_api_destination');
    expect(block.provider).toBeUndefined();
    expect(block.region).toBeUndefined();
  });

  withRegion('a connection looked up by name is read where it is, and its destinations go there', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    const looked = Connection.fromConnectionName(stack, 'Shared', 'shared', { provider: west, region: 'eu-west-1' });
    destination(stack, looked);
    const json = synthObject(stack);
    expect(only(json, 'data', 'aws_cloudwatch_event_connection')).toMatchObject({ name: 'shared', provider: 'aws.west', region: 'eu-west-1' });
    expect(only(json, 'resource', 'aws_cloudwatch_event_api_destination')).toMatchObject({ provider: 'aws.west', region: 'eu-west-1' });
  });

  withRegion('a destination imported with attributes places its targets and its grants', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    const imported = ApiDestination.fromApiDestinationAttributes(stack, 'Imported', {
      apiDestinationArn: DESTINATION_ARN, provider: west, region: 'eu-west-1',
    });
    new ApiDestinationTarget(stack, 'Target', { ruleName: 'orders', apiDestination: imported, roleArn: ROLE_ARN });
    imported.grantInvoke('invoker');
    const json = synthObject(stack);
    expect(only(json, 'resource', 'aws_cloudwatch_event_target')).toMatchObject({ provider: 'aws.west', region: 'eu-west-1' });
    expect(only(json, 'resource', 'aws_iam_role_policy').provider).toBe('aws.west');
  });

  withRegion('adoptExisting() appends the inherited region to the default import IDs', () => {
    const stack = newStack();
    const dest = new ApiDestination(stack, 'Dest', {
      connection: connection(stack, { region: 'eu-west-1' }), endpoint: 'https://api.partner.example/orders', apiDestinationName: 'orders',
    });
    dest.adoptExisting();
    new ApiDestinationTarget(stack, 'Target', { ruleName: 'orders', targetId: 'partner', apiDestination: dest, roleArn: ROLE_ARN })
      .adoptExisting();
    expect(synthObject(stack).import.map((block: any) => block.id)).toEqual(['orders@eu-west-1', 'orders/partner@eu-west-1']);
  });
});

describe('the provider\'s region_override identity config', () => {
  withRegion('an API destination and its connection in var.region synthesize what the raw bindings do', () => {
    const body = (stack: TerraformStack, type: string) => {
      const { ['//']: _metadata, ...rest } = only(synthObject(stack), 'resource', type);
      return rest;
    };
    const raw = newStack();
    const rawRegion = new TerraformVariable(raw, 'region', { type: 'string' }).stringValue;
    const rawName = new TerraformVariable(raw, 'rName', { type: 'string' }).stringValue;
    const rawConnection = new CloudwatchEventConnection(raw, 'test', {
      region: rawRegion,
      name: rawName,
      authorizationType: 'API_KEY',
      authParameters: { apiKey: { key: 'testKey', value: 'testValue' } },
    });
    new CloudwatchEventApiDestination(raw, 'test_destination', {
      region: rawRegion,
      name: rawName,
      invocationEndpoint: 'https://example.com/',
      httpMethod: 'POST',
      connectionArn: rawConnection.arn,
    });

    const l2 = newStack();
    const region = new TerraformVariable(l2, 'region', { type: 'string' }).stringValue;
    const name = new TerraformVariable(l2, 'rName', { type: 'string' }).stringValue;
    const conn = new ApiKeyConnection(l2, 'test', {
      region, connectionName: name, apiKeyName: 'testKey', apiKeyValue: SecretValue.unsafePlainText('testValue'),
    });
    new ApiDestination(l2, 'test_destination', { connection: conn, endpoint: 'https://example.com/', apiDestinationName: name });

    expect(body(l2, 'aws_cloudwatch_event_connection')).toEqual(body(raw, 'aws_cloudwatch_event_connection'));
    const destinationBody = body(l2, 'aws_cloudwatch_event_api_destination');
    expect({ ...destinationBody, connection_arn: 'the connection' })
      .toEqual({ ...body(raw, 'aws_cloudwatch_event_api_destination'), connection_arn: 'the connection' });
    expect(destinationBody.connection_arn).toMatch(/^\$\{aws_cloudwatch_event_connection\.test_[0-9A-F]{8}\.arn\}$/);
    expect(destinationBody.region).toBe('${var.region}');
  });
});

describe('an API destination in another region than its connection is refused', () => {
  withRegion('by its own region', () => {
    const stack = newStack();
    const conn = connection(stack, { region: 'eu-west-1' });
    expect(() => destination(stack, conn, { region: 'eu-central-1' })).toThrow(
      '`region` must place the API destination in its connection\'s region ("eu-west-1" for TestStack/Conn); ' +
      'EventBridge requires an API destination and its connection in one account and region, got "eu-central-1" (at TestStack/Dest). ' +
      'Omit `provider` and `region` to use the connection\'s, or place the connection in "eu-central-1" too.');
  });

  test('by its provider\'s region', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    const conn = connection(stack); // the default provider, us-east-1
    expect(() => destination(stack, conn, { provider: west })).toThrow(
      '`provider` must place the API destination in its connection\'s region ("us-east-1" for TestStack/Conn); ' +
      'EventBridge requires an API destination and its connection in one account and region, got a provider in "us-west-2" (at TestStack/Dest). ' +
      'Omit `provider` and `region` to use the connection\'s, or place the connection in "us-west-2" too.');
  });

  test('a rule target in another region than its API destination, likewise', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    const dest = destination(stack, connection(stack));
    expect(() => new ApiDestinationTarget(stack, 'Target', { ruleName: 'orders', apiDestination: dest, provider: west })).toThrow(
      '`provider` must place the rule target in its API destination\'s region ("us-east-1" for TestStack/Dest); ' +
      'EventBridge sends a rule\'s events only to an API destination in the rule\'s account and region, got a provider in "us-west-2" ' +
      '(at TestStack/Target). Omit `provider` and `region` to use the API destination\'s, or place the API destination in "us-west-2" too.');
  });

  test('two providers in one region are fine', () => {
    const stack = newStack();
    const other = new AwsProvider(stack, 'other_account', { region: 'us-east-1', alias: 'other_account' });
    const dest = destination(stack, connection(stack), { provider: other });
    expect(dest.resource.provider).toBe(other);
  });

  withRegion('a region given as a token is not judged', () => {
    const stack = newStack();
    const region = new TerraformVariable(stack, 'region', { type: 'string' }).stringValue;
    const dest = destination(stack, connection(stack, { region: 'eu-west-1' }), { region });
    expect(only(synthObject(stack), 'resource', 'aws_cloudwatch_event_api_destination').region).toBe('${var.region}');
    expect(dest.apiDestinationArn).toBeDefined();
  });

  test('a connection imported by ARN is not judged (its placement is not known)', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    destination(stack, Connection.fromConnectionArn(stack, 'Imported', CONNECTION_ARN), { provider: west });
    expect(only(synthObject(stack), 'resource', 'aws_cloudwatch_event_api_destination').provider).toBe('aws.west');
  });

  test('a provider that is not a TerraformProvider is refused', () => {
    const stack = newStack();
    expect(() => destination(stack, connection(stack), { provider: 'aws.west' as any })).toThrow(
      '`provider` must be a TerraformProvider, got "aws.west" (at TestStack/Dest). ' +
      'Pass an AwsProvider construct, or omit `provider` to use the connection\'s.');
  });

  withRegion('a region that is not a region code is refused', () => {
    const stack = newStack();
    expect(() => new ApiDestinationTarget(stack, 'Target', {
      ruleName: 'orders', apiDestination: ApiDestination.fromApiDestinationArn(stack, 'D', DESTINATION_ARN), region: 'Frankfurt',
    })).toThrow('`region` must be an AWS region code such as "us-east-1", got "Frankfurt" (at TestStack/Target). ' +
      'Use a region code such as "us-east-1", or omit `region` to use the API destination\'s.');
  });
});
