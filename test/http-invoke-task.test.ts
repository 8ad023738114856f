import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SfnStateMachine } from '@cdktf/provider-aws/lib/sfn-state-machine';
import { Fn, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  ApiKeyConnection,
  Connection,
  HttpInvokeTask,
  HttpInvokeTaskProps,
  HttpMethod,
  IConnection,
  RequestBodyEncoding,
  SecretValue,
  StepFunctionsHttpTaskGrant,
  UrlEncodingArrayFormat,
} from '../src';
import { newStack, resolved, synthObject } from './util';

// asl-validator ships no type declarations: (definition) => { isValid, errors }.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator: (definition: unknown) => { isValid: boolean; errors: unknown[] } = require('asl-validator');

/** What asl-validator says of a definition: `{ isValid, errors }`. */
function validate(asl: unknown): { isValid: boolean; errors: unknown[] } {
  const { isValid, errors } = aslValidator(asl);
  return { isValid, errors };
}

const CONNECTION_ARN = 'arn:aws:events:us-east-1:123456789012:connection/stripe/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f';
const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:payments';
const ENDPOINT = 'https://api.stripe.com/v1/customers';
const AT = '(at HttpInvokeTask of TestStack/Connection)';

function imported(stack: TerraformStack): IConnection {
  return Connection.fromConnectionArn(stack, 'Connection', CONNECTION_ARN);
}

function task(stack: TerraformStack, props: Partial<HttpInvokeTaskProps> = {}): HttpInvokeTask {
  return new HttpInvokeTask({ connection: imported(stack), endpoint: ENDPOINT, ...props });
}

/** Every option set. */
const FULL: Partial<HttpInvokeTaskProps> = {
  method: HttpMethod.POST,
  comment: 'Creates the customer',
  headers: { 'Idempotency-Key.$': '$.orderId' },
  queryParameters: { expand: 'sources' },
  requestBody: '{"email.$": "$.email", "tags": ["new"]}',
  requestBodyEncoding: RequestBodyEncoding.URL_ENCODED,
  arrayFormat: UrlEncodingArrayFormat.BRACKETS,
};

/** A definition with the task first, then a Succeed state. */
function definition(state: any, jsonata = false): any {
  return {
    ...(jsonata ? { QueryLanguage: 'JSONata' } : {}),
    StartAt: 'Call',
    States: { Call: state, Done: { Type: 'Succeed' } },
  };
}

describe('HttpInvokeTask', () => {
  test('renders the smallest JSONPath state: GET, the endpoint and the connection', () => {
    expect(task(newStack()).toJsonPathState({ end: true })).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::http:invoke',
      Parameters: {
        ApiEndpoint: ENDPOINT,
        Method: 'GET',
        Authentication: { ConnectionArn: CONNECTION_ARN },
      },
      End: true,
    });
  });

  test('renders every option as a JSONPath state', () => {
    expect(task(newStack(), FULL).toJsonPathState({ next: 'Done' })).toEqual({
      Type: 'Task',
      Comment: 'Creates the customer',
      Resource: 'arn:aws:states:::http:invoke',
      Parameters: {
        ApiEndpoint: ENDPOINT,
        Method: 'POST',
        Authentication: { ConnectionArn: CONNECTION_ARN },
        Headers: { 'Idempotency-Key.$': '$.orderId', 'Content-Type': 'application/x-www-form-urlencoded' },
        QueryParameters: { expand: 'sources' },
        RequestBody: { 'email.$': '$.email', 'tags': ['new'] },
        Transform: { RequestBodyEncoding: 'URL_ENCODED', RequestEncodingOptions: { ArrayFormat: 'BRACKETS' } },
      },
      Next: 'Done',
    });
  });

  test('renders a JSONata state: QueryLanguage and Arguments with the same fields', () => {
    const t = task(newStack(), {
      method: HttpMethod.PUT,
      headers: { 'X-Request-Id': '{% $states.context.Execution.Name %}' },
      queryParameters: { tenant: 'acme' },
      requestBody: '{% $states.input.customer %}',
    });
    expect(t.toJsonataState({ next: 'Done' })).toEqual({
      Type: 'Task',
      QueryLanguage: 'JSONata',
      Resource: 'arn:aws:states:::http:invoke',
      Arguments: {
        ApiEndpoint: ENDPOINT,
        Method: 'PUT',
        Authentication: { ConnectionArn: CONNECTION_ARN },
        Headers: { 'X-Request-Id': '{% $states.context.Execution.Name %}' },
        QueryParameters: { tenant: 'acme' },
        RequestBody: '{% $states.input.customer %}',
      },
      Next: 'Done',
    });
  });

  test('JSON text is parsed; a JSONata expression, a token and any other string are kept as strings', () => {
    const body = (requestBody: string) => task(newStack(), { requestBody }).toJsonataState({ end: true }).Arguments.RequestBody;
    expect(body(' [1, 2]')).toEqual([1, 2]);
    expect(body('{"email": "{% $states.input.email %}"}')).toEqual({ email: '{% $states.input.email %}' });
    expect(body(' {% $states.input %} ')).toBe(' {% $states.input %} ');
    expect(body('plain text')).toBe('plain text');
    const stack = newStack();
    const variable = new TerraformVariable(stack, 'body', { type: 'string' });
    const connection = imported(stack);
    const withToken = (requestBody: string) => new HttpInvokeTask({ connection, endpoint: ENDPOINT, requestBody }).toJsonPathState({ end: true });
    expect(resolved(stack, withToken(variable.stringValue).Parameters.RequestBody)).toBe('${var.body}');
    expect(resolved(stack, withToken(`{"id": ${variable.stringValue}}`).Parameters.RequestBody)).toBe('{"id": ${var.body}}');
  });

  test('a URL-encoded body keeps a given content type, and renders no ArrayFormat unless given', () => {
    const t = task(newStack(), {
      requestBodyEncoding: RequestBodyEncoding.URL_ENCODED,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
    expect(t.toJsonPathState({ end: true }).Parameters).toMatchObject({
      Headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      Transform: { RequestBodyEncoding: 'URL_ENCODED' },
    });
    expect(t.toJsonPathState({ end: true }).Parameters.Transform).not.toHaveProperty('RequestEncodingOptions');
    expect(task(newStack(), { requestBodyEncoding: RequestBodyEncoding.NONE }).toJsonPathState({ end: true }).Parameters)
      .not.toHaveProperty('Transform');
  });

  test('returns a new object on every call', () => {
    const t = task(newStack(), FULL);
    const first = t.toJsonPathState({ end: true });
    first.Parameters.Headers['X-Changed'] = 'yes';
    first.Parameters.RequestBody.tags.push('changed');
    expect(t.toJsonPathState({ end: true })).toEqual(task(newStack(), FULL).toJsonPathState({ end: true }));
  });

  test('takes the partition from the connection ARN', () => {
    const stack = newStack();
    const connection = Connection.fromConnectionArn(stack, 'China',
      'arn:aws-cn:events:cn-north-1:123456789012:connection/orders/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f');
    expect(new HttpInvokeTask({ connection, endpoint: ENDPOINT }).toJsonataState({ end: true }).Resource)
      .toBe('arn:aws-cn:states:::http:invoke');
  });

  test('null options mean "not given" (Python None)', () => {
    const stack = newStack();
    const t = new HttpInvokeTask({ connection: imported(stack), endpoint: ENDPOINT, method: null, headers: null, comment: null } as any);
    expect(t.toJsonPathState({ next: null, end: true } as any)).toEqual(task(newStack()).toJsonPathState({ end: true }));
    expect(t.grant(stack, 'Grant', null as any)).toBeInstanceOf(StepFunctionsHttpTaskGrant);
  });

  describe('in a state machine definition (Fn.jsonencode)', () => {
    function created(stack: TerraformStack): HttpInvokeTask {
      const connection = new ApiKeyConnection(stack, 'Stripe', {
        apiKeyName: 'Authorization',
        apiKeyValue: SecretValue.secretsManager('stripe/api-key'),
      });
      return new HttpInvokeTask({ connection, endpoint: ENDPOINT, method: HttpMethod.POST, requestBody: '{"email.$": "$.email"}' });
    }

    test('the connection\'s ARN and partition become references to the created connection', () => {
      const stack = newStack();
      const t = created(stack);
      expect(resolved(stack, t.toJsonPathState({ end: true }))).toEqual({
        Type: 'Task',
        Resource: 'arn:${element(split(":", aws_cloudwatch_event_connection.Stripe_1170476B.arn), 1)}:states:::http:invoke',
        Parameters: {
          ApiEndpoint: ENDPOINT,
          Method: 'POST',
          Authentication: { ConnectionArn: '${aws_cloudwatch_event_connection.Stripe_1170476B.arn}' },
          RequestBody: { 'email.$': '$.email' },
        },
        End: true,
      });
    });

    test('synthesizes the same definition as the state written by hand', () => {
      const withTask = newStack();
      const t = created(withTask);
      new SfnStateMachine(withTask, 'Machine', {
        name: 'customers',
        roleArn: 'arn:aws:iam::123456789012:role/customers',
        definition: Fn.jsonencode({ StartAt: 'Call', States: { Call: t.toJsonPathState({ end: true }) } }),
      });

      const byHand = newStack();
      const connection = created(byHand).connection;
      new SfnStateMachine(byHand, 'Machine', {
        name: 'customers',
        roleArn: 'arn:aws:iam::123456789012:role/customers',
        definition: Fn.jsonencode({
          StartAt: 'Call',
          States: {
            Call: {
              Type: 'Task',
              Resource: `arn:${Fn.element(Fn.split(':', connection.connectionArn), 1)}:states:::http:invoke`,
              Parameters: {
                ApiEndpoint: ENDPOINT,
                Method: 'POST',
                Authentication: { ConnectionArn: connection.connectionArn },
                RequestBody: { 'email.$': '$.email' },
              },
              End: true,
            },
          },
        }),
      });

      const machine = (stack: TerraformStack) => synthObject(stack).resource.aws_sfn_state_machine.Machine;
      expect(machine(withTask)).toEqual(machine(byHand));
      expect(machine(withTask).definition).toContain('"ConnectionArn" = aws_cloudwatch_event_connection.Stripe_1170476B.arn');
      expect(Testing.synth(withTask)).toHaveResourceWithProperties(SfnStateMachine, { name: 'customers' });
    });

    test('the definition with the references filled in is valid ASL, in both query languages', () => {
      const stack = newStack();
      const t = created(stack);
      const filled = (value: unknown) => JSON.parse(JSON.stringify(resolved(stack, value))
        .replace(/\$\{element\(split\(\\":\\", aws_cloudwatch_event_connection\.Stripe_1170476B\.arn\), 1\)\}/g, 'aws')
        .replace(/\$\{aws_cloudwatch_event_connection\.Stripe_1170476B\.arn\}/g, CONNECTION_ARN));
      const jsonPath = filled(definition(t.toJsonPathState({ next: 'Done' })));
      expect(jsonPath.States.Call.Resource).toBe('arn:aws:states:::http:invoke');
      expect(validate(jsonPath)).toEqual({ isValid: true, errors: [] });
      expect(validate(filled(definition(t.toJsonataState({ next: 'Done' }), true)))).toEqual({ isValid: true, errors: [] });
    });
  });

  describe('is valid ASL (asl-validator)', () => {
    test.each([
      ['JSONPath, every option', () => definition(task(newStack(), FULL).toJsonPathState({ next: 'Done' }))],
      ['JSONPath, the smallest', () => ({ StartAt: 'Call', States: { Call: task(newStack()).toJsonPathState({ end: true }) } })],
      ['JSONata state in a JSONPath definition', () => definition(task(newStack(), { method: HttpMethod.DELETE }).toJsonataState({ next: 'Done' }))],
      ['JSONata definition', () => definition(task(newStack(), { ...FULL, headers: { 'Idempotency-Key': '{% $states.input.orderId %}' } })
        .toJsonataState({ next: 'Done' }), true)],
    ])('%s', (_name, make) => {
      expect(validate(make())).toEqual({ isValid: true, errors: [] });
    });

    test('the validator refuses a state with both Next and End (what the task refuses to render)', () => {
      const state = { ...task(newStack()).toJsonPathState({ next: 'Done' }), End: true };
      expect(validate(definition(state)).isValid).toBe(false);
    });
  });

  describe('grant()', () => {
    test('limits states:InvokeHTTPEndpoint to the task\'s endpoint and method', () => {
      const stack = newStack();
      const grant = task(stack, { method: HttpMethod.POST })
        .grant(stack, 'Grant', { roleName: 'payments', stateMachineArn: STATE_MACHINE_ARN, policyName: 'stripe-customers' });
      expect(grant).toBeInstanceOf(StepFunctionsHttpTaskGrant);
      const synth = Testing.synth(stack);
      expect(synth).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
        statement: [
          {
            sid: 'InvokeHttpEndpoint',
            effect: 'Allow',
            actions: ['states:InvokeHTTPEndpoint'],
            resources: [STATE_MACHINE_ARN],
            condition: [
              { test: 'StringLike', variable: 'states:HTTPEndpoint', values: [ENDPOINT] },
              { test: 'StringEquals', variable: 'states:HTTPMethod', values: ['POST'] },
            ],
          },
          { sid: 'RetrieveConnectionCredentials', effect: 'Allow', actions: ['events:RetrieveConnectionCredentials'], resources: [CONNECTION_ARN] },
          {
            sid: 'ReadConnectionSecret',
            effect: 'Allow',
            actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
            resources: ['arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/stripe/*'],
          },
        ],
      });
      expect(synth).toHaveResourceWithProperties(IamRolePolicy, { role: 'payments', name: 'stripe-customers' });
    });

    test('grants GET when the task has no method, and the endpoint token of a variable', () => {
      const stack = newStack();
      const endpoint = new TerraformVariable(stack, 'endpoint', { type: 'string' }).stringValue;
      task(stack, { endpoint }).grant(stack, 'Grant');
      const statement = Object.values<any>(synthObject(stack).data.aws_iam_policy_document)[0].statement[0];
      expect(statement.condition).toEqual([
        { test: 'StringLike', variable: 'states:HTTPEndpoint', values: ['${var.endpoint}'] },
        { test: 'StringEquals', variable: 'states:HTTPMethod', values: ['GET'] },
      ]);
    });

    test('options cannot replace the task\'s connection, endpoint or method', () => {
      const stack = newStack();
      task(stack).grant(stack, 'Grant', { endpoint: 'https://*', httpMethod: HttpMethod.DELETE } as any);
      const statement = Object.values<any>(synthObject(stack).data.aws_iam_policy_document)[0].statement[0];
      expect(statement.condition.map((c: any) => c.values[0])).toEqual([ENDPOINT, 'GET']);
    });

    test('refuses bad options with the grant\'s message', () => {
      const stack = newStack();
      expect(() => task(stack).grant(stack, 'Grant', { roleName: 'arn:aws:iam::123456789012:role/payments' })).toThrow(
        '`roleName` must be 1-64 characters of A-Z a-z 0-9 + = , . @ _ -, got "arn:aws:iam::123456789012:role/payments" ' +
        '(at TestStack/Grant). Pass the role\'s name, e.g. `role.name`.');
    });
  });

  describe('refuses bad input', () => {
    test.each<[string, Partial<HttpInvokeTaskProps>, string]>([
      ['a non-https endpoint', { endpoint: 'http://api.stripe.com/v1/customers' },
        '`endpoint` must be an https:// URL of 1-2048 characters (letters, digits, percent-escapes and -()_.!~*\';/?:@&=+$,), ' +
        `got "http://api.stripe.com/v1/customers" ${AT}. Use the https:// URL the task calls, e.g. ` +
        '"https://api.example.com/v1/orders", with the query string in `queryParameters`.'],
      ['a missing endpoint', { endpoint: undefined },
        `\`endpoint\` is required, got undefined ${AT}. Pass a string for \`endpoint\`.`],
      ['a method that is not an HttpMethod', { method: 'TRACE' as HttpMethod },
        `\`method\` must be one of POST, GET, HEAD, OPTIONS, PUT, PATCH, DELETE, got "TRACE" ${AT}. Use a value of HttpMethod.`],
      ['a header name with a space', { headers: { 'X Request': 'a' } },
        '`headers` must be an HTTP header name: HTTP token characters (A-Z a-z 0-9 ! # $ % & \' * + - . ^ _ ` | ~), ' +
        `got "X Request" ${AT}. Use a header name such as "Content-Type" (or "X-Request-Id.$" for a JSONPath value).`],
      ['a header value with a line break', { headers: { 'X-Request': 'a\r\nInjected: b' } },
        `\`headers["X-Request"]\` must have no control characters other than tab, got "a\\r\\nInjected: b" ${AT}. ` +
        'Remove the line breaks and control characters from the value.'],
      ['a header value that is not a string', { headers: { 'X-Count': 3 as any } },
        `\`headers["X-Count"]\` must be a string, got number 3 ${AT}. Pass a string for \`headers["X-Count"]\`.`],
      ['headers that are not a map', { headers: ['X-A'] as any },
        `\`headers\` must be a map of strings to strings, got an array of 1 item ${AT}. Pass an object such as { "key": "value" }.`],
      ['an empty query parameter name', { queryParameters: { '': 'a' } },
        `\`queryParameters\` must be 1 or more characters with no control characters, got "" ${AT}. Use a parameter name such as "limit".`],
      ['a query parameter value with a line break', { queryParameters: { q: 'a\nb' } },
        `\`queryParameters["q"]\` must have no control characters, got "a\\nb" ${AT}. Remove the control characters from the value.`],
      ['JSON text that does not parse', { requestBody: '{"email": }' },
        '`requestBody` must be valid JSON when it starts with "{" (Unexpected token \'}\', "{"email": }" is not valid JSON), ' +
        `got "{\\"email\\": }" ${AT}. Write the body with JSON.stringify(), or pass a string that does not start with { or [.`],
      ['a body that is not a string', { requestBody: { email: 'a' } as any },
        `\`requestBody\` must be a string, got an object ${AT}. Pass a string for \`requestBody\`.`],
      ['an array format without URL encoding', { arrayFormat: UrlEncodingArrayFormat.COMMAS },
        `\`arrayFormat\` applies only to a URL-encoded body, got "COMMAS" ${AT}. ` +
        'Set `requestBodyEncoding: RequestBodyEncoding.URL_ENCODED`, or omit `arrayFormat`.'],
      ['an unknown array format', { requestBodyEncoding: RequestBodyEncoding.URL_ENCODED, arrayFormat: 'COMMA' as UrlEncodingArrayFormat },
        `\`arrayFormat\` must be one of BRACKETS, COMMAS, INDICES, REPEAT, got "COMMA" ${AT}. Use a value of UrlEncodingArrayFormat.`],
      ['an unknown body encoding', { requestBodyEncoding: 'FORM' as RequestBodyEncoding },
        `\`requestBodyEncoding\` must be one of NONE, URL_ENCODED, got "FORM" ${AT}. Use a value of RequestBodyEncoding.`],
      ['a JSON content type with a URL-encoded body', {
        requestBodyEncoding: RequestBodyEncoding.URL_ENCODED, headers: { 'Content-Type': 'application/json' },
      }, `\`headers["Content-Type"]\` must be application/x-www-form-urlencoded for a URL-encoded body, got "application/json" ${AT}. ` +
        'Use "application/x-www-form-urlencoded", or omit the header to have it added.'],
      ['a comment that is not a string', { comment: 42 as any },
        `\`comment\` must be a string, got number 42 ${AT}. Pass a string for \`comment\`.`],
    ])('%s', (_name, props, message) => {
      expect(() => task(newStack(), props)).toThrow(message);
    });

    test('a missing or foreign connection, and missing props', () => {
      expect(() => new HttpInvokeTask({ connection: undefined as any, endpoint: ENDPOINT })).toThrow(
        '`connection` must be a connection (IConnection), got undefined (at HttpInvokeTask). ' +
        'Pass a Connection, ApiKeyConnection, BasicConnection, OAuthConnection or an imported connection.');
      expect(() => new HttpInvokeTask({ connection: CONNECTION_ARN as any, endpoint: ENDPOINT })).toThrow(
        '`connection` must be a connection (IConnection), got "arn:aws:events:us-east-1:123456789012:connection/stripe/2d1..." ' +
        '(92 characters) (at HttpInvokeTask). Pass a Connection, ApiKeyConnection, BasicConnection, OAuthConnection or an imported connection.');
      expect(() => new HttpInvokeTask(undefined as any)).toThrow(
        '`props` must be an object, got undefined (at HttpInvokeTask). Pass the task\'s properties, with at least `connection` and `endpoint`.');
    });

    test.each<[string, () => unknown, string]>([
      ['both next and end', () => task(newStack()).toJsonPathState({ next: 'Done', end: true }),
        `\`end\` must not be true when \`next\` is given (a state has exactly one of Next and End), got boolean true ${AT}. ` +
        'Pass `{ next: "<state name>" }` or `{ end: true }`.'],
      ['neither next nor end', () => task(newStack()).toJsonataState(),
        `\`next\` is required unless \`end\` is true (a state has exactly one of Next and End), got undefined ${AT}. ` +
        'Pass `{ next: "<state name>" }` or `{ end: true }`.'],
      ['end: false alone', () => task(newStack()).toJsonPathState({ end: false }),
        `\`next\` is required unless \`end\` is true (a state has exactly one of Next and End), got undefined ${AT}. ` +
        'Pass `{ next: "<state name>" }` or `{ end: true }`.'],
      ['a state name over 80 characters', () => task(newStack()).toJsonPathState({ next: 'N'.repeat(81) }),
        `\`next\` must be a state name of 1-80 characters, got "${'N'.repeat(59)}..." (81 characters) ${AT}. ` +
        'Use the name of the state that follows, as in the definition\'s `States`.'],
      ['end that is not a boolean', () => task(newStack()).toJsonPathState({ end: 'true' as any }),
        `\`end\` must be true or false, got "true" ${AT}. Pass a literal true or false for \`end\`, or omit it.`],
      ['a JSONPath header in a JSONata state', () => task(newStack(), FULL).toJsonataState({ end: true }),
        `\`headers\` must not have names ending in ".$" in a JSONata state (that is JSONPath), got "Idempotency-Key.$" ${AT}. ` +
        'Render the task with toJsonPathState(), or write the value as a JSONata expression under "Idempotency-Key".'],
    ])('%s', (_name, render, message) => {
      expect(render).toThrow(message);
    });
  });
});
