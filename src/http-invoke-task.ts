import { TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import { IConnection } from './connection';
import { HttpMethod } from './http-method';
import { arnField } from './private/arns';
import {
  API_DESTINATION_HTTP_METHODS,
  HTTP_TASK_HEADER_KEY,
  HTTP_TASK_HEADER_VALUE,
  HTTP_TASK_QUERY_KEY,
  HTTP_TASK_QUERY_VALUE,
  HTTPS_ENDPOINT,
  STATE_NAME,
} from './private/rules';
import { Checker, CheckSubject, withoutNulls } from './private/validation';
import { StepFunctionsHttpTaskGrant } from './step-functions-http-task-grant';

/**
 * How Step Functions encodes the request body of an HTTP task
 * (`Transform.RequestBodyEncoding`).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html
 */
export enum RequestBodyEncoding {
  /** The body is sent as JSON (Step Functions' default): no `Transform` is rendered. */
  NONE = 'NONE',
  /**
   * The body (a JSON object) is sent URL-encoded, as
   * `application/x-www-form-urlencoded` form data.
   */
  URL_ENCODED = 'URL_ENCODED',
}

/**
 * How a URL-encoded request body writes arrays
 * (`Transform.RequestEncodingOptions.ArrayFormat`), shown for
 * `{"array": ["a", "b", "c"]}`.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html
 */
export enum UrlEncodingArrayFormat {
  /** `array[]=a&array[]=b&array[]=c` */
  BRACKETS = 'BRACKETS',
  /** `array=a,b,c` */
  COMMAS = 'COMMAS',
  /** `array[0]=a&array[1]=b&array[2]=c` (Step Functions' default) */
  INDICES = 'INDICES',
  /** `array=a&array=b&array=c` */
  REPEAT = 'REPEAT',
}

/**
 * Properties of an {@link HttpInvokeTask}.
 */
export interface HttpInvokeTaskProps {
  /**
   * The connection that authorizes the request (`Authentication.ConnectionArn`):
   * created in the stack or imported.
   */
  readonly connection: IConnection;

  /**
   * The URL the task calls (`ApiEndpoint`): an `https://` URL of at most 2048
   * characters, without the query string (use `queryParameters`). A token
   * (e.g. a Terraform variable) is not judged.
   *
   * The grant made by {@link HttpInvokeTask.grant} allows this endpoint only.
   */
  readonly endpoint: string;

  /**
   * The HTTP method (`Method`, which the task state requires).
   *
   * @default HttpMethod.GET
   */
  readonly method?: HttpMethod;

  /**
   * Request headers (`Headers`). Names are HTTP token characters; values
   * have no control characters but tab. In a JSONPath state, a name ending in
   * `.$` takes its value from a path, e.g. `{ "X-Request-Id.$": "$.id" }`.
   *
   * With `RequestBodyEncoding.URL_ENCODED`, a `Content-Type` header of
   * `application/x-www-form-urlencoded` is added when none is given.
   *
   * @default - no headers besides those the connection adds
   */
  readonly headers?: { [name: string]: string };

  /**
   * Query string parameters (`QueryParameters`), appended to the endpoint
   * by Step Functions. Names are not empty; names and values have no control
   * characters.
   *
   * @default - no query string besides what the connection adds
   */
  readonly queryParameters?: { [name: string]: string };

  /**
   * The request body (`RequestBody`). A string that starts with `{` or `[`
   * is JSON text: it is put in the state as the object or array it denotes
   * (so a JSONPath payload template such as `{"amount.$": "$.amount"}` works)
   * and must be valid JSON. Any other string, e.g. a JSONata expression
   * `{% $states.input.order %}`, is put in the state as a string. JSON text
   * that contains a token and cannot be parsed before Terraform resolves it
   * is put in as a string too.
   *
   * @default - no body
   */
  readonly requestBody?: string;

  /**
   * How the request body is encoded (`Transform.RequestBodyEncoding`).
   *
   * @default RequestBodyEncoding.NONE - the body is sent as JSON, no `Transform`
   */
  readonly requestBodyEncoding?: RequestBodyEncoding;

  /**
   * How a URL-encoded body writes arrays
   * (`Transform.RequestEncodingOptions.ArrayFormat`). Only with
   * `requestBodyEncoding: RequestBodyEncoding.URL_ENCODED`.
   *
   * @default - not rendered: Step Functions uses INDICES
   */
  readonly arrayFormat?: UrlEncodingArrayFormat;

  /**
   * A description of the state (`Comment`).
   *
   * @default - no comment
   */
  readonly comment?: string;
}

/**
 * Where a rendered state goes: exactly one of `next` and `end: true`, as
 * every Task state has exactly one of `Next` and `End`.
 */
export interface HttpInvokeTaskStateOptions {
  /**
   * The name of the state that follows (`Next`): 1-80 characters.
   *
   * @default - none: then `end` must be true
   */
  readonly next?: string;

  /**
   * Whether the state ends the execution (`End: true`).
   *
   * @default false - then `next` must be given
   */
  readonly end?: boolean;
}

/**
 * Options of {@link HttpInvokeTask.grant}: the endpoint, method and
 * connection come from the task.
 */
export interface HttpInvokeTaskGrantOptions {
  /**
   * The name of the state machine's IAM role, to attach the policy to as an
   * inline policy (`aws_iam_role_policy`).
   *
   * @default - the policy is not attached: use the grant's `policyJson` yourself
   */
  readonly roleName?: string;

  /**
   * The state machine allowed to invoke the endpoint (the `Resource` of the
   * `states:InvokeHTTPEndpoint` statement).
   *
   * @default "*" - any state machine that runs with the role
   */
  readonly stateMachineArn?: string;

  /**
   * The name of the inline policy on the role. Only used with `roleName`.
   *
   * @default - a name unique in the stack, derived from the stack name and the construct path
   */
  readonly policyName?: string;

  /**
   * The AWS provider to create the data source and the role policy with.
   *
   * @default - the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

/** The headers that carry the content type, compared without case and without a JSONPath `.$`. */
const CONTENT_TYPE = 'content-type';
const FORM_URLENCODED = 'application/x-www-form-urlencoded';

/**
 * A Step Functions HTTP task (`arn:<partition>:states:::http:invoke`) that
 * calls an HTTPS endpoint with an EventBridge connection, rendered as a state
 * of your state machine definition, so that the state's fields are not
 * written by hand. Not a construct: it creates nothing; `grant()` creates the
 * IAM policy the state machine's role needs.
 *
 * The rendered state is a plain object. Values that are tokens (the ARN of a
 * connection created in the stack, a Terraform variable) stay tokens in it:
 * build the definition with `Fn.jsonencode`, and Terraform fills them in.
 *
 * ```ts
 * const task = new HttpInvokeTask({
 *   connection,
 *   endpoint: 'https://api.stripe.com/v1/customers',
 *   method: HttpMethod.GET,
 * });
 * const stateMachine = new SfnStateMachine(this, 'Customers', {
 *   name: 'customers',
 *   roleArn: role.arn,
 *   definition: Fn.jsonencode({
 *     StartAt: 'ListCustomers',
 *     States: { ListCustomers: task.toJsonPathState({ end: true }) },
 *   }),
 * });
 * task.grant(this, 'CustomersHttp', { roleName: role.name, stateMachineArn: stateMachine.arn });
 * ```
 *
 * Literal input is checked when the task is made (endpoint, method, headers,
 * query parameters, body) and when it is rendered (`next`, `end`); a refusal
 * is a `ValidationError` that names the connection's construct path.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html
 */
export class HttpInvokeTask {
  /** The connection the task authorizes its requests with. */
  public readonly connection: IConnection;

  /** The URL the task calls (`ApiEndpoint`). */
  public readonly endpoint: string;

  /** The HTTP method (`Method`). */
  public readonly method: HttpMethod;

  private readonly check: Checker;
  private readonly comment?: string;
  private readonly headers?: { [name: string]: string };
  private readonly queryParameters?: { [name: string]: string };
  private readonly requestBody?: unknown;
  private readonly transform?: { [key: string]: unknown };

  constructor(props: HttpInvokeTaskProps) {
    const fix = 'Pass the task\'s properties, with at least `connection` and `endpoint`.';
    props = new Checker(subject('HttpInvokeTask')).props(props, fix);
    this.connection = new Checker(subject('HttpInvokeTask')).connection('connection', props.connection);
    const check = new Checker(subject(`HttpInvokeTask of ${this.connection.node.path}`));
    this.check = check;

    check.string('endpoint', props.endpoint, HTTPS_ENDPOINT,
      'Use the https:// URL the task calls, e.g. "https://api.example.com/v1/orders", with the query string in `queryParameters`.');
    this.endpoint = props.endpoint;

    this.method = props.method ?? HttpMethod.GET;
    if (!API_DESTINATION_HTTP_METHODS.includes(this.method)) {
      check.fail('method', `must be one of ${API_DESTINATION_HTTP_METHODS.join(', ')}`, this.method, 'Use a value of HttpMethod.');
    }

    if (props.comment !== undefined) check.requireString('comment', props.comment);
    this.comment = props.comment;

    let headers = check.stringMap('headers', props.headers, {
      key: HTTP_TASK_HEADER_KEY,
      keyFix: 'Use a header name such as "Content-Type" (or "X-Request-Id.$" for a JSONPath value).',
      value: HTTP_TASK_HEADER_VALUE,
      valueFix: 'Remove the line breaks and control characters from the value.',
    });
    this.queryParameters = check.stringMap('queryParameters', props.queryParameters, {
      key: HTTP_TASK_QUERY_KEY,
      keyFix: 'Use a parameter name such as "limit".',
      value: HTTP_TASK_QUERY_VALUE,
      valueFix: 'Remove the control characters from the value.',
    });

    if (props.requestBody !== undefined) {
      check.requireString('requestBody', props.requestBody);
      this.requestBody = parseBody(check, props.requestBody);
    }

    const encoding = props.requestBodyEncoding ?? RequestBodyEncoding.NONE;
    oneOf(check, 'requestBodyEncoding', encoding, RequestBodyEncoding, 'RequestBodyEncoding');
    if (props.arrayFormat !== undefined) {
      oneOf(check, 'arrayFormat', props.arrayFormat, UrlEncodingArrayFormat, 'UrlEncodingArrayFormat');
      if (encoding !== RequestBodyEncoding.URL_ENCODED) {
        check.fail('arrayFormat', 'applies only to a URL-encoded body', props.arrayFormat,
          'Set `requestBodyEncoding: RequestBodyEncoding.URL_ENCODED`, or omit `arrayFormat`.');
      }
    }
    if (encoding === RequestBodyEncoding.URL_ENCODED) {
      headers = withFormContentType(check, headers);
      this.transform = {
        RequestBodyEncoding: encoding,
        ...(props.arrayFormat !== undefined ? { RequestEncodingOptions: { ArrayFormat: props.arrayFormat } } : {}),
      };
    }
    this.headers = headers;
  }

  /**
   * The task as a JSONPath state (the default query language):
   * `{ Type: 'Task', Resource, Parameters: { ApiEndpoint, Method, Authentication, ... }, Next | End }`.
   * A new plain object on every call.
   *
   * @param options where the state goes: exactly one of `next` and `end: true`
   * @returns the state, for the `States` of a definition
   */
  public toJsonPathState(options?: HttpInvokeTaskStateOptions): any {
    const transition = this.transition(options);
    return {
      Type: 'Task',
      ...(this.comment !== undefined ? { Comment: this.comment } : {}),
      Resource: this.resource(),
      Parameters: this.arguments(),
      ...transition,
    };
  }

  /**
   * The task as a JSONata state:
   * `{ Type: 'Task', QueryLanguage: 'JSONata', Resource, Arguments: { ApiEndpoint, Method, Authentication, ... }, Next | End }`.
   * Values may be JSONata expressions (`"{% ... %}"`); names ending in `.$`
   * (JSONPath) are refused. A new plain object on every call.
   *
   * @param options where the state goes: exactly one of `next` and `end: true`
   * @returns the state, for the `States` of a definition
   */
  public toJsonataState(options?: HttpInvokeTaskStateOptions): any {
    const transition = this.transition(options);
    for (const [property, map] of [['headers', this.headers], ['queryParameters', this.queryParameters]] as const) {
      if (map === undefined || Token.isUnresolved(map)) continue;
      const key = Object.keys(map).find((k) => k.endsWith('.$'));
      if (key !== undefined) {
        this.check.fail(property, 'must not have names ending in ".$" in a JSONata state (that is JSONPath)', key,
          `Render the task with toJsonPathState(), or write the value as a JSONata expression under "${key.slice(0, -2)}".`);
      }
    }
    return {
      Type: 'Task',
      QueryLanguage: 'JSONata',
      ...(this.comment !== undefined ? { Comment: this.comment } : {}),
      Resource: this.resource(),
      Arguments: this.arguments(),
      ...transition,
    };
  }

  /**
   * Allows a state machine's role to run this task: a
   * {@link StepFunctionsHttpTaskGrant} for the task's connection, limited to
   * its endpoint (`states:HTTPEndpoint`) and method (`states:HTTPMethod`),
   * so that the task and its permission cannot drift apart.
   *
   * @param scope the scope of the grant construct
   * @param id the grant construct's id
   * @param options the role, state machine, policy name and provider
   */
  public grant(scope: Construct, id: string, options: HttpInvokeTaskGrantOptions = {}): StepFunctionsHttpTaskGrant {
    const given = options === null || options === undefined ? {} : withoutNulls(options);
    return new StepFunctionsHttpTaskGrant(scope, id, {
      ...given,
      connection: this.connection,
      endpoint: this.endpoint,
      httpMethod: this.method,
    });
  }

  /** `arn:<partition>:states:::http:invoke`, in the connection's partition. */
  private resource(): string {
    return `arn:${arnField(this.connection.connectionArn, 1)}:states:::http:invoke`;
  }

  /** The task's parameters (JSONPath) or arguments (JSONata): fresh copies. */
  private arguments(): { [key: string]: unknown } {
    return {
      ApiEndpoint: this.endpoint,
      Method: this.method,
      Authentication: { ConnectionArn: this.connection.connectionArn },
      ...(this.headers !== undefined ? { Headers: copy(this.headers) } : {}),
      ...(this.queryParameters !== undefined ? { QueryParameters: copy(this.queryParameters) } : {}),
      ...(this.requestBody !== undefined ? { RequestBody: copy(this.requestBody) } : {}),
      ...(this.transform !== undefined ? { Transform: copy(this.transform) } : {}),
    };
  }

  /** `{ Next }` or `{ End: true }`: exactly one. */
  private transition(given: HttpInvokeTaskStateOptions | undefined): { Next: string } | { End: true } {
    const fix = 'Pass `{ next: "<state name>" }` or `{ end: true }`.';
    const options = given === undefined || given === null ? {} : this.check.props(given, fix, 'options');
    const end = this.check.optionalBoolean('end', options.end);
    if (options.next !== undefined) {
      this.check.string('next', options.next, STATE_NAME, 'Use the name of the state that follows, as in the definition\'s `States`.');
      if (end === true) {
        this.check.fail('end', 'must not be true when `next` is given (a state has exactly one of Next and End)', end, fix);
      }
      return { Next: options.next };
    }
    if (end !== true) {
      this.check.fail('next', 'is required unless `end` is true (a state has exactly one of Next and End)', options.next, fix);
    }
    return { End: true };
  }
}

/** What a task's checks name: the task, by the connection it belongs to. */
function subject(path: string): CheckSubject {
  return { node: { path } };
}

/** Refuses a value that is not one of an enum's. */
function oneOf(check: Checker, property: string, value: string, values: object, name: string): void {
  if (!Object.values(values).includes(value)) {
    check.fail(property, `must be one of ${Object.values(values).join(', ')}`, value, `Use a value of ${name}.`);
  }
}

/**
 * The body as it goes into the state: JSON text (starting with `{` or `[`) parsed, any other
 * string (a JSONata expression `{% ... %}` among them) as is. Literal JSON text that does not parse is refused; with a token in it, it is
 * kept as a string.
 */
function parseBody(check: Checker, body: string): unknown {
  const trimmed = body.trim();
  const start = trimmed[0];
  if (start !== '{' && start !== '[') return body;
  if (trimmed.startsWith('{%') && trimmed.endsWith('%}')) return body; // a JSONata expression
  try {
    return JSON.parse(body);
  } catch (e) {
    if (Token.isUnresolved(body)) return body;
    return check.fail('requestBody', `must be valid JSON when it starts with "${start}" (${(e as Error).message})`, body,
      'Write the body with JSON.stringify(), or pass a string that does not start with { or [.');
  }
}

/**
 * The headers of a URL-encoded body: Step Functions needs `Content-Type:
 * application/x-www-form-urlencoded`. Added when no content type is given; a literal other one
 * is refused; a token or a JSONPath value is not judged.
 */
function withFormContentType(check: Checker, headers: { [name: string]: string } | undefined): { [name: string]: string } | undefined {
  if (headers !== undefined && Token.isUnresolved(headers)) return headers;
  const given = Object.keys(headers ?? {}).find((k) => k.replace(/\.\$$/, '').toLowerCase() === CONTENT_TYPE);
  if (given === undefined) return { ...headers, 'Content-Type': FORM_URLENCODED };
  const value = headers![given];
  if (!given.endsWith('.$') && !Token.isUnresolved(value) && value.split(';')[0].trim().toLowerCase() !== FORM_URLENCODED) {
    check.fail(`headers[${JSON.stringify(given)}]`, `must be ${FORM_URLENCODED} for a URL-encoded body`, value,
      `Use "${FORM_URLENCODED}", or omit the header to have it added.`);
  }
  return headers;
}

/** A deep copy of a JSON value; tokens in strings stay as they are, a token map is returned as is. */
function copy<T>(value: T): T {
  return Token.isUnresolved(value) ? value : JSON.parse(JSON.stringify(value));
}
