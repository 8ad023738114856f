/*
 * Adopting what already runs: adoptExisting() (Terraform `import` blocks) and moveFrom()
 * (Terraform `moved` blocks) on Connection, ApiDestination and ApiDestinationTarget.
 */
import { CloudwatchEventApiDestination } from '@cdktf/provider-aws/lib/cloudwatch-event-api-destination';
import { CloudwatchEventConnection } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  ApiDestination,
  ApiDestinationTarget,
  ApiDestinationTargetProps,
  ApiKeyConnection,
  ApiKeyConnectionProps,
  Connection,
  HttpParameter,
  SecretValue,
} from '../src';
import { HAS_PER_RESOURCE_REGION } from './flavour';
import { newStack, synthObject } from './util';

const CONNECTION_ARN = 'arn:aws:events:us-east-1:123456789012:connection/partner/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f';
const DESTINATION_ARN = 'arn:aws:events:us-east-1:123456789012:api-destination/partner-orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/events-invoke';

function connection(stack: TerraformStack, props: Partial<ApiKeyConnectionProps> = {}): ApiKeyConnection {
  return new ApiKeyConnection(stack, 'Payments', {
    connectionName: 'payments',
    apiKeyName: 'x-api-key',
    apiKeyValue: SecretValue.unsafePlainText('k'),
    ...props,
  });
}

function destination(stack: TerraformStack, name: string | null = 'orders', provider?: AwsProvider): ApiDestination {
  return new ApiDestination(stack, 'Orders', {
    connection: Connection.fromConnectionArn(stack, 'Connection', CONNECTION_ARN),
    endpoint: 'https://api.partner.example/orders',
    apiDestinationName: name ?? undefined,
    provider,
  });
}

function target(stack: TerraformStack, props: Partial<ApiDestinationTargetProps> = {}): ApiDestinationTarget {
  return new ApiDestinationTarget(stack, 'ToPartner', {
    ruleName: 'order-placed',
    apiDestination: ApiDestination.fromApiDestinationArn(stack, 'Dest', DESTINATION_ARN),
    targetId: 'partner',
    roleArn: ROLE_ARN,
    ...props,
  });
}

function importBlocks(stack: TerraformStack): any[] {
  return synthObject(stack).import ?? [];
}

function movedBlocks(stack: TerraformStack): any[] {
  return synthObject(stack).moved ?? [];
}

describe('Connection.adoptExisting', () => {
  test('imports the connection of the construct\'s name into its resource', () => {
    const stack = newStack();
    const c = connection(stack);
    c.adoptExisting();
    expect(importBlocks(stack)).toEqual([{ id: 'payments', to: 'aws_cloudwatch_event_connection.Payments_130453D3' }]);
    // The resource is still described in full: Terraform compares it with what it imports.
    expect(synthObject(stack).resource.aws_cloudwatch_event_connection.Payments_130453D3.name).toBe('payments');
    expect(c.resource.friendlyUniqueId).toBe('Payments_130453D3');
  });

  test('uses the generated name when no connectionName is given', () => {
    const stack = newStack('Shop');
    new ApiKeyConnection(stack, 'Payments', { apiKeyName: 'k', apiKeyValue: SecretValue.unsafePlainText('v') }).adoptExisting();
    expect(importBlocks(stack)[0].id).toBe('Shop-Payments');
  });

  test('imports with the connection\'s provider', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    connection(stack, { provider: west }).adoptExisting();
    expect(importBlocks(stack)).toEqual([{ id: 'payments', to: 'aws_cloudwatch_event_connection.Payments_130453D3', provider: 'aws.west' }]);
  });

  (HAS_PER_RESOURCE_REGION ? test : test.skip)('appends @<region> for a connection with a region, as AWS provider 6 imports it', () => {
    const stack = newStack();
    connection(stack, { region: 'eu-west-1' }).adoptExisting();
    expect(importBlocks(stack)[0].id).toBe('payments@eu-west-1');
  });

  test('takes an explicit import ID, also a token', () => {
    const stack = newStack();
    connection(stack).adoptExisting('payments');
    expect(importBlocks(stack)[0].id).toBe('payments');

    const other = newStack();
    const name = new TerraformVariable(other, 'name', { type: 'string' }).stringValue;
    connection(other, { connectionName: name }).adoptExisting(name);
    expect(importBlocks(other)[0].id).toBe('${var.name}');
  });

  test('keeps an explicit import ID that differs from the default one', () => {
    // The connection's name with a region (AWS provider 6's import ID form) names this
    // connection, so it is accepted, and written as given, not replaced by "payments".
    const stack = newStack();
    connection(stack).adoptExisting('payments@eu-west-1');
    expect(importBlocks(stack)).toEqual([{ id: 'payments@eu-west-1', to: 'aws_cloudwatch_event_connection.Payments_130453D3' }]);

    // A token import ID is not checked against the literal name; it is written as given too.
    const other = newStack();
    const id = new TerraformVariable(other, 'import_id', { type: 'string' }).stringValue;
    connection(other).adoptExisting(id);
    expect(importBlocks(other)[0].id).toBe('${var.import_id}');
  });

  test('rejects an import ID that names another connection: Terraform would replace it', () => {
    const stack = newStack();
    expect(() => connection(stack).adoptExisting('billing')).toThrow(
      '`importId` must name this connection ("payments"); Terraform would replace the imported one, got "billing" (at TestStack/Payments). ' +
      'Set `connectionName` to the existing connection\'s name, or omit `importId`.');
  });

  test.each<[string, any, string]>([
    ['an empty import ID', '', '""'],
    ['an import ID with a space', 'pay ments', '"pay ments"'],
  ])('rejects %s', (_case, id, shown) => {
    const stack = newStack();
    expect(() => connection(stack).adoptExisting(id)).toThrow(
      `\`importId\` must be a non-empty import ID without white space, got ${shown} (at TestStack/Payments). ` +
      'Pass the ID that `terraform import` takes for this resource type (see the README, "Adopting existing infrastructure").');
  });

  test('rejects an import ID that is not a string', () => {
    const stack = newStack();
    expect(() => connection(stack).adoptExisting(7 as any)).toThrow(
      '`importId` must be a string, got number 7 (at TestStack/Payments). Pass a string for `importId`.');
  });
});

describe('Connection.moveFrom', () => {
  test('moves a raw CloudwatchEventConnection to the construct\'s resource', () => {
    const stack = newStack();
    connection(stack).moveFrom('aws_cloudwatch_event_connection.payments');
    expect(movedBlocks(stack)).toEqual([{
      from: 'aws_cloudwatch_event_connection.payments',
      to: 'aws_cloudwatch_event_connection.Payments_130453D3',
    }]);
  });

  test('accepts an address in a module and with an instance key', () => {
    const stack = newStack();
    connection(stack).moveFrom('module.events["eu"].aws_cloudwatch_event_connection.payments[0]');
    expect(movedBlocks(stack)[0].from).toBe('module.events["eu"].aws_cloudwatch_event_connection.payments[0]');
  });

  test('renders the same resource body as the raw binding given the same arguments, so the move changes nothing', () => {
    const raw = newStack();
    new CloudwatchEventConnection(raw, 'payments', {
      name: 'payments',
      authorizationType: 'API_KEY',
      authParameters: {
        apiKey: { key: 'x-api-key', value: 'k' },
        invocationHttpParameters: { header: [{ key: 'Content-Type', value: 'application/json', isValueSecret: false }] },
      },
    });
    const adopted = newStack();
    connection(adopted, { headerParameters: { 'Content-Type': HttpParameter.fromString('application/json') } })
      .moveFrom('aws_cloudwatch_event_connection.payments');
    const body = (stack: TerraformStack, id: string) => {
      const { ['//']: _metadata, ...rest } = synthObject(stack).resource.aws_cloudwatch_event_connection[id];
      return rest;
    };
    expect(body(adopted, 'Payments_130453D3')).toEqual(body(raw, 'payments'));
  });

  test.each<[string, string]>([
    ['another resource type', 'aws_cloudwatch_event_api_destination.payments'],
    ['a bare name', 'payments'],
    ['a name starting with a digit', 'aws_cloudwatch_event_connection.1payments'],
  ])('rejects %s', (_case, address) => {
    const stack = newStack();
    expect(() => connection(stack).moveFrom(address)).toThrow(
      '`resourceAddress` must be the address of a aws_cloudwatch_event_connection resource (aws_cloudwatch_event_connection.<name>, optionally under module.<name>.), ' +
      `got "${address}" (at TestStack/Payments). Use the address \`terraform state list\` shows for the old resource, e.g. "aws_cloudwatch_event_connection.example".`);
  });

  test('rejects the construct\'s own address', () => {
    const stack = newStack();
    expect(() => connection(stack).moveFrom('aws_cloudwatch_event_connection.Payments_130453D3')).toThrow(
      '`resourceAddress` must differ from the construct\'s own address, got "aws_cloudwatch_event_connection.Payments_130453D3" (at TestStack/Payments). ' +
      'Pass the address the resource had before, in the old configuration.');
  });

  test('rejects a second move', () => {
    const stack = newStack();
    const c = connection(stack);
    c.moveFrom('aws_cloudwatch_event_connection.a');
    expect(() => c.moveFrom('aws_cloudwatch_event_connection.b')).toThrow(
      '`resourceAddress` cannot be set twice: the resource is already moved from "aws_cloudwatch_event_connection.a", ' +
      'got "aws_cloudwatch_event_connection.b" (at TestStack/Payments). A resource can be moved from one address only; remove the other moveFrom() call.');
  });
});

describe('ApiDestination adoption', () => {
  test('adoptExisting imports the destination of the construct\'s name, with its provider', () => {
    const stack = newStack();
    const west = new AwsProvider(stack, 'west', { region: 'us-west-2', alias: 'west' });
    destination(stack, 'orders', west).adoptExisting();
    expect(importBlocks(stack)).toEqual([{ id: 'orders', to: 'aws_cloudwatch_event_api_destination.Orders_A9B65338', provider: 'aws.west' }]);
  });

  test('adoptExisting uses the generated name', () => {
    const stack = newStack('Shop');
    destination(stack, null).adoptExisting();
    expect(importBlocks(stack)[0].id).toBe('Shop-Orders');
  });

  test('adoptExisting keeps an explicit import ID that differs from the default one', () => {
    const stack = newStack();
    destination(stack).adoptExisting('orders@us-west-2');
    expect(importBlocks(stack)).toEqual([{ id: 'orders@us-west-2', to: 'aws_cloudwatch_event_api_destination.Orders_A9B65338' }]);
  });

  test('adoptExisting rejects an import ID that names another destination', () => {
    const stack = newStack();
    expect(() => destination(stack).adoptExisting('refunds')).toThrow(
      '`importId` must name this API destination ("orders"); Terraform would replace the imported one, got "refunds" (at TestStack/Orders). ' +
      'Set `apiDestinationName` to the existing API destination\'s name, or omit `importId`.');
  });

  test('moveFrom moves a raw CloudwatchEventApiDestination', () => {
    const stack = newStack();
    const d = destination(stack);
    d.moveFrom('aws_cloudwatch_event_api_destination.orders');
    expect(movedBlocks(stack)).toEqual([{ from: 'aws_cloudwatch_event_api_destination.orders', to: `aws_cloudwatch_event_api_destination.${d.resource.friendlyUniqueId}` }]);
  });

  test('moveFrom rejects a connection address', () => {
    const stack = newStack();
    expect(() => destination(stack).moveFrom('aws_cloudwatch_event_connection.orders')).toThrow(
      '`resourceAddress` must be the address of a aws_cloudwatch_event_api_destination resource');
  });

  test('renders the same resource body as the raw binding given the same arguments', () => {
    const raw = newStack();
    new CloudwatchEventApiDestination(raw, 'orders', {
      name: 'orders',
      connectionArn: CONNECTION_ARN,
      invocationEndpoint: 'https://api.partner.example/orders',
      httpMethod: 'POST',
    });
    const adopted = newStack();
    destination(adopted).moveFrom('aws_cloudwatch_event_api_destination.orders');
    const body = (stack: TerraformStack) => {
      const { ['//']: _metadata, ...rest } = Object.values<any>(synthObject(stack).resource.aws_cloudwatch_event_api_destination)[0];
      return rest;
    };
    expect(body(adopted)).toEqual(body(raw));
  });
});

describe('ApiDestinationTarget adoption', () => {
  test('adoptExisting imports "<rule>/<target ID>" for a rule on the default bus', () => {
    const stack = newStack();
    const t = target(stack);
    t.adoptExisting();
    expect(importBlocks(stack)).toEqual([{ id: 'order-placed/partner', to: `aws_cloudwatch_event_target.${t.resource.friendlyUniqueId}` }]);
  });

  test.each<[string, string]>([
    ['a bus name', 'shop'],
    // The provider's import takes an ARN before the last two "/" as event_bus_name: the same form as
    // the configuration's, so the adopted target is not planned for replacement.
    ['a bus ARN', 'arn:aws:events:us-east-1:123456789012:event-bus/shop'],
  ])('adoptExisting imports "<bus>/<rule>/<target ID>" for %s, with the bus as given', (_case, eventBusName) => {
    const stack = newStack();
    target(stack, { eventBusName }).adoptExisting();
    expect(importBlocks(stack)[0].id).toBe(`${eventBusName}/order-placed/partner`);
  });

  test('adoptExisting needs an import ID when Terraform generates the target ID', () => {
    const stack = newStack();
    expect(() => target(stack, { targetId: undefined }).adoptExisting()).toThrow(
      '`importId` is required here, got undefined (at TestStack/ToPartner). Set `targetId` to the existing target\'s ID ' +
      '(Terraform cannot import a target whose ID it generates), or pass `importId` as "<rule name>/<target ID>".');
  });

  test('adoptExisting keeps an explicit import ID that differs from the default one', () => {
    // The bus-qualified form names the same target on the default bus: accepted and written as given.
    const stack = newStack();
    const t = target(stack);
    t.adoptExisting('default/order-placed/partner');
    expect(importBlocks(stack)).toEqual([{ id: 'default/order-placed/partner', to: `aws_cloudwatch_event_target.${t.resource.friendlyUniqueId}` }]);
  });

  test('adoptExisting takes an explicit import ID when the target ID is generated', () => {
    const stack = newStack();
    target(stack, { targetId: undefined }).adoptExisting('order-placed/legacy');
    expect(importBlocks(stack)[0].id).toBe('order-placed/legacy');
  });

  test.each<[string, string, string]>([
    ['another target ID', 'order-placed/other', 'must name this target\'s targetId ("partner"); Terraform would replace the imported target, got "order-placed/other" (at TestStack/ToPartner). Set `targetId` to the existing target\'s, or omit `importId`.'],
    ['another rule', 'refunds/partner', 'must name this target\'s ruleName ("order-placed"); Terraform would replace the imported target, got "refunds/partner" (at TestStack/ToPartner). Set `ruleName` to the existing target\'s, or omit `importId`.'],
    ['no "/"', 'partner', 'must be "<rule name>/<target ID>" or "<event bus name>/<rule name>/<target ID>", got "partner" (at TestStack/ToPartner). Pass the rule\'s name and the target\'s ID, separated by "/".'],
  ])('adoptExisting rejects an import ID with %s', (_case, id, message) => {
    const stack = newStack();
    expect(() => target(stack).adoptExisting(id)).toThrow(`\`importId\` ${message}`);
  });

  test('moveFrom moves a raw CloudwatchEventTarget, and only the target', () => {
    const stack = newStack();
    const t = target(stack, { roleArn: undefined });
    t.moveFrom('aws_cloudwatch_event_target.partner');
    expect(movedBlocks(stack)).toEqual([{ from: 'aws_cloudwatch_event_target.partner', to: `aws_cloudwatch_event_target.${t.resource.friendlyUniqueId}` }]);
  });

  test('renders the same resource body as the raw binding given the same arguments', () => {
    const raw = newStack();
    new CloudwatchEventTarget(raw, 'partner', { rule: 'order-placed', targetId: 'partner', arn: DESTINATION_ARN, roleArn: ROLE_ARN });
    const adopted = newStack();
    target(adopted).moveFrom('aws_cloudwatch_event_target.partner');
    const body = (stack: TerraformStack) => {
      const { ['//']: _metadata, ...rest } = Object.values<any>(synthObject(stack).resource.aws_cloudwatch_event_target)[0];
      return rest;
    };
    expect(body(adopted)).toEqual(body(raw));
  });
});
