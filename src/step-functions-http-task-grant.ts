import type { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { IConnection } from './connection';
import { HttpMethod } from './http-method';
import { connectionCredentialStatements } from './private/connection-permissions';
import { defaultPhysicalName } from './private/names';
import { renderPolicy } from './private/policies';
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
 * connection, `secretsmanager:GetSecretValue` and
 * `secretsmanager:DescribeSecret` on the connection's secret and, for a
 * connection encrypted with a customer managed key (`kmsKeyIdentifier`),
 * `kms:Decrypt` on that key. These connection statements are the ones
 * `connection.grantRetrieveCredentials()` gives.
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
 * `kms:Decrypt` is limited by the conditions AWS documents for connection
 * keys: through Secrets Manager (`kms:ViaService`) and for the connection's
 * secret (`kms:EncryptionContext:SecretARN`). Its resource is the key ARN: a
 * key ARN as given, a key ID completed with the connection's partition,
 * region and account, and an alias or a token resolved by an `aws_kms_key`
 * data source (construct id `ConnectionKey`). The connection's key is known
 * when it was created in the stack or imported with `kmsKeyIdentifier`; a
 * connection looked up by name is taken to use an AWS owned key.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/encryption-connections.html
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

  constructor(scope: Construct, id: string, props: StepFunctionsHttpTaskGrantProps) {
    super(scope, id);
    const check: Checker = new Checker(this);
    props = check.props(props, 'Pass the grant\'s properties, with at least `connection`.');
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

    const policy = renderPolicy(this, {
      statements: [
        {
          sid: 'InvokeHttpEndpoint',
          effect: 'Allow',
          actions: ['states:InvokeHTTPEndpoint'],
          resources: [stateMachineArn],
          condition: conditions.length > 0 ? conditions : undefined,
        },
        ...connectionCredentialStatements(this, conn, { provider: props.provider }),
      ],
      provider: props.provider,
      documentId: 'Document',
      attachTo: props.roleName === undefined ? undefined
        : { roleName: props.roleName, policyName: props.policyName ?? defaultPhysicalName(this), id: 'Resource' },
    });
    this.document = policy.document;
    this.policyJson = policy.policyJson;
    this.rolePolicy = policy.rolePolicy;
  }
}
