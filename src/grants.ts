import type { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { IConnection } from './connection';
import { HttpMethod } from './http-method';
import { arnField } from './private/arns';
import { binding } from './private/bindings';
import { knownConnectionSecretArn } from './private/imported-connection';
import { defaultPhysicalName } from './private/names';
import {
  API_DESTINATION_HTTP_METHODS,
  HTTPS_ENDPOINT,
  POLICY_NAME,
  ROLE_NAME,
  STATE_MACHINE_ARN,
} from './private/rules';
import { Checker } from './private/validation';

/**
 * Properties of a {@link StepFunctionsHttpTaskGrant}.
 */
export interface StepFunctionsHttpTaskGrantProps {
  /**
   * The connection the HTTP task uses (`Authentication.ConnectionArn` of the
   * task).
   */
  readonly connection: IConnection;

  /**
   * Limits `states:InvokeHTTPEndpoint` to this endpoint (condition
   * `StringLike` on `states:HTTPEndpoint`): an `https://` URL, in which `*`
   * matches any characters, e.g. `https://api.stripe.com/*`.
   *
   * @default - any endpoint
   */
  readonly endpoint?: string;

  /**
   * Limits `states:InvokeHTTPEndpoint` to this HTTP method (condition
   * `StringEquals` on `states:HTTPMethod`).
   *
   * @default - any method
   */
  readonly httpMethod?: HttpMethod;

  /**
   * The state machine allowed to invoke the endpoint: the `Resource` of the
   * `states:InvokeHTTPEndpoint` statement. `*` wildcards are allowed.
   *
   * @default "*" - any state machine that runs with the role
   */
  readonly stateMachineArn?: string;

  /**
   * The name of the state machine's IAM role, to attach the policy to as an
   * inline policy (`aws_iam_role_policy`): 1-64 characters of
   * A-Z a-z 0-9 + = , . @ _ -.
   *
   * @default - the policy is not attached: use `policyJson` yourself
   */
  readonly roleName?: string;

  /**
   * The name of the inline policy on the role: 1-128 characters of
   * A-Z a-z 0-9 + = , . @ _ -. Only used with `roleName`.
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

/**
 * The IAM permissions a Step Functions HTTP task needs to call an HTTPS
 * endpoint with a connection: `states:InvokeHTTPEndpoint` (optionally only
 * for one endpoint and method), `events:RetrieveConnectionCredentials` on the
 * connection, and `secretsmanager:GetSecretValue` and
 * `secretsmanager:DescribeSecret` on the connection's secret.
 *
 * Renders the policy with the `aws_iam_policy_document` data source
 * (`policyJson`) and, when `roleName` is given, attaches it to that role with
 * an `aws_iam_role_policy`.
 *
 * When the connection's secret ARN is not known (a connection imported with
 * `Connection.fromConnectionArn()`), the secret statement covers the secrets
 * EventBridge creates for that connection name:
 * `arn:<partition>:secretsmanager:<region>:<account>:secret:events!connection/<name>/*`.
 *
 * A connection encrypted with a customer managed KMS key also needs
 * `kms:Decrypt` on that key, which this grant does not give.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
 */
export class StepFunctionsHttpTaskGrant extends Construct {
  /**
   * The policy document, as JSON (a reference to the data source's `json`).
   */
  public readonly policyJson: string;

  /**
   * The `aws_iam_policy_document` data source (construct id `Document`).
   */
  public readonly document: DataAwsIamPolicyDocument;

  /**
   * The inline policy on the role (construct id `Resource`).
   *
   * @default - undefined when no `roleName` was given
   */
  public readonly rolePolicy?: IamRolePolicy;

  constructor(scope: Construct, id: string, given: StepFunctionsHttpTaskGrantProps) {
    super(scope, id);
    const check: Checker = new Checker(this);
    const props = check.props(given, 'Pass the grant\'s properties, with at least `connection`.');
    const conn = check.connection('connection', props.connection);

    const conditions = [];
    if (props.endpoint !== undefined) {
      check.string('endpoint', props.endpoint, HTTPS_ENDPOINT,
        'Use the https:// URL the task calls, with `*` as a wildcard, e.g. "https://api.example.com/*".');
      conditions.push({ test: 'StringLike', variable: 'states:HTTPEndpoint', values: [props.endpoint] });
    }
    if (props.httpMethod !== undefined) {
      if (!API_DESTINATION_HTTP_METHODS.includes(props.httpMethod)) {
        check.fail('httpMethod', `must be one of ${API_DESTINATION_HTTP_METHODS.join(', ')}`, props.httpMethod,
          'Use a value of HttpMethod.');
      }
      conditions.push({ test: 'StringEquals', variable: 'states:HTTPMethod', values: [props.httpMethod] });
    }
    const stateMachineArn = props.stateMachineArn ?? '*';
    check.string('stateMachineArn', stateMachineArn, STATE_MACHINE_ARN,
      'Pass the state machine\'s ARN, e.g. `stateMachine.arn`, or omit it.');
    check.optionalString('roleName', props.roleName, ROLE_NAME, 'Pass the role\'s name, e.g. `role.name`.');
    check.optionalString('policyName', props.policyName, POLICY_NAME,
      'Use a name such as "invoke-http-endpoint", or omit `policyName` to get a generated one.');

    this.document = new (binding('DataAwsIamPolicyDocument'))(this, 'Document', {
      statement: [
        {
          sid: 'InvokeHttpEndpoint',
          effect: 'Allow',
          actions: ['states:InvokeHTTPEndpoint'],
          resources: [stateMachineArn],
          condition: conditions.length > 0 ? conditions : undefined,
        },
        {
          sid: 'RetrieveConnectionCredentials',
          effect: 'Allow',
          actions: ['events:RetrieveConnectionCredentials'],
          resources: [conn.connectionArn],
        },
        {
          sid: 'ReadConnectionSecret',
          effect: 'Allow',
          actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          resources: [connectionSecretArn(conn)],
        },
      ],
      provider: props.provider,
    });
    this.policyJson = this.document.json;

    if (props.roleName !== undefined) {
      this.rolePolicy = new (binding('IamRolePolicy'))(this, 'Resource', {
        role: props.roleName,
        name: props.policyName ?? defaultPhysicalName(this),
        policy: this.policyJson,
        provider: props.provider,
      });
    }
  }
}

/**
 * The connection's secret ARN or, when it is not known, a pattern of the
 * secrets EventBridge creates for the connection's name.
 */
function connectionSecretArn(connection: IConnection): string {
  const known = knownConnectionSecretArn(connection);
  if (known !== undefined) return known;
  const arn = connection.connectionArn;
  return `arn:${arnField(arn, 1)}:secretsmanager:${arnField(arn, 3)}:${arnField(arn, 4)}:secret:events!connection/${connection.connectionName}/*`;
}
