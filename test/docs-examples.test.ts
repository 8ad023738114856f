/*
 * The four examples of the Terraform documentation for
 * aws_cloudwatch_event_connection, written with this library, synthesize the
 * same resource block as the raw binding given the same values.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_event_connection
 */
import { CloudwatchEventConnection, CloudwatchEventConnectionConfig } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  ApiKeyConnection,
  BasicConnection,
  HttpMethod,
  HttpParameter,
  OAuthConnection,
  SecretValue,
} from '../src';
import { newStack, synthObject } from './util';

/** The raw binding under the same construct path as the library's `test` construct. */
function raw(config: CloudwatchEventConnectionConfig): TerraformStack {
  const stack = newStack();
  new CloudwatchEventConnection(new Construct(stack, 'test'), 'Resource', config);
  return stack;
}

const plain = (key: string, value: string) => ({ key, value, isValueSecret: false });

const EXAMPLES: Array<[string, (stack: TerraformStack) => void, CloudwatchEventConnectionConfig]> = [
  ['API key', (stack) => new ApiKeyConnection(stack, 'test', {
    connectionName: 'ngrok-connection',
    description: 'A connection description',
    apiKeyName: 'x-signature',
    apiKeyValue: SecretValue.unsafePlainText('1234'),
  }), {
    name: 'ngrok-connection',
    description: 'A connection description',
    authorizationType: 'API_KEY',
    authParameters: { apiKey: { key: 'x-signature', value: '1234' } },
  }],

  ['basic authorization', (stack) => new BasicConnection(stack, 'test', {
    connectionName: 'ngrok-connection',
    description: 'A connection description',
    username: 'user',
    password: SecretValue.unsafePlainText('Pass1234!'),
  }), {
    name: 'ngrok-connection',
    description: 'A connection description',
    authorizationType: 'BASIC',
    authParameters: { basic: { username: 'user', password: 'Pass1234!' } },
  }],

  ['OAuth authorization', (stack) => new OAuthConnection(stack, 'test', {
    connectionName: 'ngrok-connection',
    description: 'A connection description',
    authorizationEndpoint: 'https://auth.url.com/endpoint',
    httpMethod: HttpMethod.GET,
    clientId: '1234567890',
    clientSecret: SecretValue.unsafePlainText('Pass1234!'),
    oauthBodyParameters: { 'body-parameter-key': HttpParameter.fromString('body-parameter-value') },
    oauthHeaderParameters: { 'header-parameter-key': HttpParameter.fromString('header-parameter-value') },
    oauthQueryStringParameters: { 'query-string-parameter-key': HttpParameter.fromString('query-string-parameter-value') },
  }), {
    name: 'ngrok-connection',
    description: 'A connection description',
    authorizationType: 'OAUTH_CLIENT_CREDENTIALS',
    authParameters: {
      oauth: {
        authorizationEndpoint: 'https://auth.url.com/endpoint',
        httpMethod: 'GET',
        clientParameters: { clientId: '1234567890', clientSecret: 'Pass1234!' },
        oauthHttpParameters: {
          body: [plain('body-parameter-key', 'body-parameter-value')],
          header: [plain('header-parameter-key', 'header-parameter-value')],
          queryString: [plain('query-string-parameter-key', 'query-string-parameter-value')],
        },
      },
    },
  }],

  ['invocation HTTP parameters', (stack) => new BasicConnection(stack, 'test', {
    connectionName: 'ngrok-connection',
    description: 'A connection description',
    username: 'user',
    password: SecretValue.unsafePlainText('Pass1234!'),
    bodyParameters: {
      'body-parameter-key': HttpParameter.fromString('body-parameter-value'),
      'body-parameter-key2': HttpParameter.fromSecret(SecretValue.unsafePlainText('body-parameter-value2')),
    },
    headerParameters: { 'header-parameter-key': HttpParameter.fromString('header-parameter-value') },
    queryStringParameters: { 'query-string-parameter-key': HttpParameter.fromString('query-string-parameter-value') },
  }), {
    name: 'ngrok-connection',
    description: 'A connection description',
    authorizationType: 'BASIC',
    authParameters: {
      basic: { username: 'user', password: 'Pass1234!' },
      invocationHttpParameters: {
        body: [
          plain('body-parameter-key', 'body-parameter-value'),
          { key: 'body-parameter-key2', value: 'body-parameter-value2', isValueSecret: true },
        ],
        header: [plain('header-parameter-key', 'header-parameter-value')],
        queryString: [plain('query-string-parameter-key', 'query-string-parameter-value')],
      },
    },
  }],
];

describe('Terraform documentation examples', () => {
  test.each(EXAMPLES)('%s: the library synthesizes what the raw binding does', (_name, build, config) => {
    const library = newStack();
    build(library);
    const expected = synthObject(raw(config));
    const actual = synthObject(library);
    expect(actual.resource).toEqual(expected.resource);
    expect(actual).toEqual(expected);
  });
});
