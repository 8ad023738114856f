/*
 * Nothing a user gives is dropped silently by a provider binding that cannot express it.
 *
 * A generated binding ignores the config keys it does not know: with @cdktf/provider-aws
 * 20.x, `region` used to vanish from cdk.tf.json without a word. This suite runs in every
 * matrix entry (FLAVOUR) and proves, for every option of every props struct in the jsii
 * assembly, one of:
 * - the option is set in a whole-stack fixture (test/fixtures/stacks.ts), and every entry
 *   synthesizes every fixture exactly as the reviewed file but for the provider pin
 *   (fixtures.test.ts): so every binding expresses it;
 * - or the option is set below, alone, and its value is found in the synthesized stack;
 * - or the option needs a newer binding (NEEDS_AWS_PROVIDER_6): where the binding has the
 *   argument it is written, where it does not the construct refuses it with the usual error.
 * A new option fails this suite until it is covered one of these ways.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import {
  ApiDestination,
  ApiDestinationPipe,
  ApiDestinationTarget,
  ApiKeyConnection,
  Authorization,
  Connection,
  HttpMethod,
  HttpParameter,
  OAuthConnection,
  PipeSource,
  SecretValue,
  StepFunctionsHttpTaskGrant,
} from '../src';
import { freshBuild, HAS_OAUTH_CONNECTIVITY, HAS_PER_RESOURCE_REGION, TARGET } from './flavour';
import { newStack, synthObject } from './util';

const ROOT = path.join(__dirname, '..');
const assembly = JSON.parse(fs.readFileSync(freshBuild('jsii'), 'utf-8'));
const fixtureSource = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'stacks.ts'), 'utf-8');

/** Every `Struct.option` of the assembly's props structs. */
const OPTIONS: string[] = Object.values<any>(assembly.types)
  .filter((type) => type.kind === 'interface' && type.datatype)
  .flatMap((type) => (type.properties ?? []).map((p: any) => `${type.name}.${p.name}`));

const key = () => SecretValue.unsafePlainText('key-value');
const CONNECTION_ARN = 'arn:aws:events:us-east-1:123456789012:connection/partner/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f';
const DESTINATION_ARN = 'arn:aws:events:us-east-1:123456789012:api-destination/orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const RESOURCE_CONFIGURATION = 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0';

/** Options no fixture sets, each set alone: the stack and the value that must reach the JSON. */
const SET_ALONE: Record<string, () => { json: string; value: string }> = {
  'ApiDestinationProps.apiDestinationName': () => {
    const stack = newStack();
    const connection = new ApiKeyConnection(stack, 'Conn', { apiKeyName: 'k', apiKeyValue: key() });
    new ApiDestination(stack, 'Dest', { connection, endpoint: 'https://example.com', apiDestinationName: 'orders-destination' });
    return { json: Testing.synth(stack), value: '"name": "orders-destination"' };
  },
  'ApiDestinationAttributes.apiDestinationArn': () => {
    const stack = newStack();
    const arn = 'arn:aws:events:us-east-1:123456789012:api-destination/orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
    const apiDestination = ApiDestination.fromApiDestinationAttributes(stack, 'Dest', { apiDestinationArn: arn });
    new ApiDestinationTarget(stack, 'Target', { ruleName: 'orders', apiDestination, roleArn: 'arn:aws:iam::123456789012:role/r' });
    return { json: Testing.synth(stack), value: `"arn": "${arn}"` };
  },
  'ApiDestinationTargetProps.inputPath': () => {
    const stack = newStack();
    new ApiDestinationTarget(stack, 'Target', {
      ruleName: 'orders', apiDestination: ApiDestination.fromApiDestinationArn(stack, 'Dest', DESTINATION_ARN), inputPath: '$.detail',
    });
    return { json: Testing.synth(stack), value: '"input_path": "$.detail"' };
  },
  'ApiDestinationTargetProps.ownsDeadLetterQueuePolicy': () => {
    const stack = newStack();
    new ApiDestinationTarget(stack, 'Target', {
      ruleName: 'orders',
      apiDestination: ApiDestination.fromApiDestinationArn(stack, 'Dest', DESTINATION_ARN),
      deadLetterQueueArn: 'arn:aws:sqs:us-east-1:123456789012:orders-dlq',
      ownsDeadLetterQueuePolicy: true,
    });
    return { json: Testing.synth(stack), value: '"queue_url": "https://sqs.us-east-1.amazonaws.com/123456789012/orders-dlq"' };
  },
  'ApiDestinationTargetProps.ruleArn': () => {
    const stack = newStack();
    new ApiDestinationTarget(stack, 'Target', {
      ruleName: 'orders',
      apiDestination: ApiDestination.fromApiDestinationArn(stack, 'Dest', DESTINATION_ARN),
      deadLetterQueueArn: 'arn:aws:sqs:us-east-1:123456789012:orders-dlq',
      ruleArn: 'arn:aws:events:us-east-1:123456789012:rule/shop/orders',
    });
    return { json: Testing.synth(stack), value: '"arn:aws:events:us-east-1:123456789012:rule/shop/orders"' };
  },
  'SecretsManagerSecretOptions.versionId': () => {
    const stack = newStack();
    new ApiKeyConnection(stack, 'Conn', {
      apiKeyName: 'k',
      apiKeyValue: SecretValue.secretsManager('webhook', { versionId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111' }),
    });
    return { json: Testing.synth(stack), value: '"version_id": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"' };
  },
  'StepFunctionsHttpTaskGrantProps.policyName': () => {
    const stack = newStack();
    const connection = new ApiKeyConnection(stack, 'Conn', { apiKeyName: 'k', apiKeyValue: key() });
    new StepFunctionsHttpTaskGrant(stack, 'Grant', { connection, roleName: 'sfn-role', policyName: 'call-partner-api' });
    return { json: Testing.synth(stack), value: '"name": "call-partner-api"' };
  },
};

/**
 * Options that only AWS provider 6 bindings (@cdktf/provider-aws 21.x, @cdktn/provider-aws)
 * can express: set, they are written where the binding can and refused where it cannot.
 */
const NEEDS_AWS_PROVIDER_6: Record<string, {
  make: () => any;
  written: (json: any) => unknown;
  expected: unknown;
  message: string;
  /** Whether this entry's binding has the argument (default: whether it has the per-resource region). */
  has?: boolean;
}> = {
  'PlacementOptions.region': {
    make: () => {
      const stack = newStack();
      new Connection(stack, 'Conn', {
        authorization: Authorization.basic('u', SecretValue.ssmSecureString('/pw')),
        region: 'eu-central-1',
      });
      return synthObject(stack);
    },
    written: (json) => ({
      connection: Object.values<any>(json.resource.aws_cloudwatch_event_connection)[0].region,
      secret: Object.values<any>(json.data.aws_ssm_parameter)[0].region,
    }),
    expected: { connection: 'eu-central-1', secret: 'eu-central-1' },
    message: '`region` needs the `region` argument of aws_cloudwatch_event_connection, which the installed provider binding ' +
      'does not have (AWS provider 6: @cdktf/provider-aws 21.x or @cdktn/provider-aws 25.x), got "eu-central-1" ' +
      '(at TestStack/Conn). Upgrade the provider binding to @cdktf/provider-aws 21.x (AWS provider 6), or omit `region` ' +
      'and pass an AwsProvider for that region as `provider`.',
  },
  // Private OAuth endpoints: AWS provider 6.66 (@cdktn/provider-aws 25.7), not @cdktf/provider-aws 21.x.
  ...Object.fromEntries((['OAuthAuthorizationProps', 'OAuthConnectionProps'] as const).map((struct) => [
    `${struct}.authorizationEndpointResourceConfigurationArn`, {
      has: HAS_OAUTH_CONNECTIVITY,
      make: () => {
        const stack = newStack();
        const oauth = {
          authorizationEndpoint: 'https://auth.internal.example.com/token',
          httpMethod: HttpMethod.POST,
          clientId: 'id',
          clientSecret: key(),
          authorizationEndpointResourceConfigurationArn: RESOURCE_CONFIGURATION,
        };
        if (struct === 'OAuthConnectionProps') {
          new OAuthConnection(stack, 'Conn', { ...oauth, oauthBodyParameters: { grant_type: HttpParameter.fromString('client_credentials') } });
        } else {
          new Connection(stack, 'Conn', {
            authorization: Authorization.oauth({ ...oauth, bodyParameters: { grant_type: HttpParameter.fromString('client_credentials') } }),
          });
        }
        return synthObject(stack);
      },
      written: (json: any) => Object.values<any>(json.resource.aws_cloudwatch_event_connection)[0]
        .auth_parameters.connectivity_parameters?.resource_parameters?.resource_configuration_arn,
      expected: RESOURCE_CONFIGURATION,
      message: '`authorizationEndpointResourceConfigurationArn` needs the `connectivity_parameters` argument of the `auth_parameters` ' +
        'of aws_cloudwatch_event_connection, which the installed provider binding does not have',
    },
  ])),
  // The same option on every other construct that takes it: written, or refused naming its resource.
  ...Object.fromEntries(([
    ['ApiDestination', 'aws_cloudwatch_event_api_destination', 'TestStack/Dest', (stack: any) => new ApiDestination(stack, 'Dest', {
      connection: Connection.fromConnectionArn(stack, 'Conn', CONNECTION_ARN), endpoint: 'https://example.com', region: 'eu-central-1',
    }), (json: any) => Object.values<any>(json.resource.aws_cloudwatch_event_api_destination)[0].region],
    ['ApiDestinationTarget', 'aws_cloudwatch_event_target', 'TestStack/Target', (stack: any) => new ApiDestinationTarget(stack, 'Target', {
      ruleName: 'orders', apiDestination: ApiDestination.fromApiDestinationArn(stack, 'Dest', DESTINATION_ARN), region: 'eu-central-1',
    }), (json: any) => Object.values<any>(json.resource.aws_cloudwatch_event_target)[0].region],
    ['ApiDestinationPipe', 'aws_pipes_pipe', 'TestStack/Pipe', (stack: any) => new ApiDestinationPipe(stack, 'Pipe', {
      source: PipeSource.sqsQueue('arn:aws:sqs:eu-central-1:123456789012:orders'),
      apiDestination: ApiDestination.fromApiDestinationArn(stack, 'Dest', DESTINATION_ARN),
      region: 'eu-central-1',
    }), (json: any) => Object.values<any>(json.resource.aws_pipes_pipe)[0].region],
    ['Connection.fromConnectionName', 'aws_cloudwatch_event_connection', 'TestStack/Looked',
      (stack: any) => Connection.fromConnectionName(stack, 'Looked', 'shared', { region: 'eu-central-1' }),
      (json: any) => Object.values<any>(json.data.aws_cloudwatch_event_connection)[0].region],
    ['ApiDestination.fromApiDestinationAttributes', 'aws_cloudwatch_event_api_destination', 'TestStack/Imported',
      (stack: any) => new ApiDestinationTarget(stack, 'Target', {
        ruleName: 'orders',
        apiDestination: ApiDestination.fromApiDestinationAttributes(stack, 'Imported', { apiDestinationArn: DESTINATION_ARN, region: 'eu-central-1' }),
      }), (json: any) => Object.values<any>(json.resource.aws_cloudwatch_event_target)[0].region],
  ] as const).map(([construct, resource, at, build, written]) => [`PlacementOptions.region (${construct})`, {
    make: () => {
      const stack = newStack();
      build(stack);
      return synthObject(stack);
    },
    written,
    expected: 'eu-central-1',
    message: `\`region\` needs the \`region\` argument of ${resource}, which the installed provider binding ` +
      'does not have (AWS provider 6: @cdktf/provider-aws 21.x or @cdktn/provider-aws 25.x), got "eu-central-1" ' +
      `(at ${at}). Upgrade the provider binding to @cdktf/provider-aws 21.x (AWS provider 6), or omit \`region\` ` +
      'and pass an AwsProvider for that region as `provider`.',
  }])),
};

/** Whether a fixture sets the option: its name as a key of an object literal. */
function setInFixture(option: string): boolean {
  return new RegExp(`\\b${option.split('.')[1]}\\s*[:,]`).test(fixtureSource);
}

describe(`no option is dropped silently (${TARGET.name})`, () => {
  test('the assembly has the props structs this suite walks', () => {
    expect(OPTIONS).toEqual(expect.arrayContaining(['PlacementOptions.region', 'ApiDestinationProps.endpoint']));
  });

  test.each(OPTIONS)('%s is covered by a fixture, set alone here, or listed as needing a newer binding', (option) => {
    const covered = [
      setInFixture(option) && 'fixture',
      option in SET_ALONE && 'set alone',
      option in NEEDS_AWS_PROVIDER_6 && 'AWS provider 6',
    ].filter(Boolean);
    expect({ option, covered: covered.length > 0 }).toEqual({ option, covered: true });
  });

  test.each(Object.keys(SET_ALONE))('%s reaches cdk.tf.json', (option) => {
    const { json, value } = SET_ALONE[option]();
    expect(json).toContain(value);
  });

  test.each(Object.keys(NEEDS_AWS_PROVIDER_6))(
    '%s is written where this binding has it, else refused', (option) => {
      const { make, written, expected, message, has = HAS_PER_RESOURCE_REGION } = NEEDS_AWS_PROVIDER_6[option];
      if (has) {
        expect(written(make())).toEqual(expected);
      } else {
        expect(make).toThrow(message);
      }
    });
});
