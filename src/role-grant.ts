import type { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { defaultPhysicalName } from './private/names';
import { grantId, renderPolicy } from './private/policies';
import { ROLE_NAME } from './private/rules';
import { Checker } from './private/validation';

/**
 * Permissions given to an IAM role, by name, as an inline policy: what
 * `apiDestination.grantInvoke(roleName)` and
 * `connection.grantRetrieveCredentials(roleName)` return.
 *
 * The policy document is rendered by an `aws_iam_policy_document` data source
 * (construct id `Document`) and attached with an `aws_iam_role_policy`
 * (construct id `Resource`). A grant lives in the scope of the API
 * destination or connection it is about, under an id derived from the role
 * name: granting the same thing to the same role again returns the same
 * grant, never a second policy.
 *
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy
 */
export class RoleGrant extends Construct {
  /**
   * Grants the statements to the role named `roleName`, in `scope` (the API
   * destination or connection the grant is about), under the id
   * `<kind><hash of the role name>`; the same kind of grant to the same role
   * returns the grant made first.
   *
   * @param statements the statements, made in the grant's scope (where a data
   * source they need goes)
   * @internal
   */
  public static _grant(
    scope: Construct,
    kind: string,
    roleName: string,
    statements: (grant: Construct) => DataAwsIamPolicyDocumentStatement[],
    provider: TerraformProvider | undefined,
  ): RoleGrant {
    new Checker(scope).string('roleName', roleName, ROLE_NAME,
      'Pass the role\'s name (not its ARN), e.g. `role.name` of an aws_iam_role.');
    const id = grantId(scope, kind, roleName);
    const existing = scope.node.tryFindChild(id);
    if (existing instanceof RoleGrant) return existing;
    return new RoleGrant(scope, id, roleName, statements, provider);
  }

  /**
   * The name of the role the policy is attached to (as given: a literal or a token).
   */
  public readonly roleName: string;

  /**
   * The name of the inline policy on the role: derived from the stack name and
   * the grant's construct path, unique in the stack.
   */
  public readonly policyName: string;

  /**
   * The `aws_iam_policy_document` data source (construct id `Document`).
   */
  public readonly document: DataAwsIamPolicyDocument;

  /**
   * The policy document, as JSON (a reference to the data source's `json`).
   */
  public readonly policyJson: string;

  /**
   * The inline policy on the role (construct id `Resource`).
   */
  public readonly rolePolicy: IamRolePolicy;

  private constructor(
    scope: Construct,
    id: string,
    roleName: string,
    statements: (grant: Construct) => DataAwsIamPolicyDocumentStatement[],
    provider: TerraformProvider | undefined,
  ) {
    super(scope, id);
    this.roleName = roleName;
    this.policyName = defaultPhysicalName(this);
    const policy = renderPolicy(this, {
      statements: statements(this),
      provider,
      documentId: 'Document',
      attachTo: { roleName, policyName: this.policyName, id: 'Resource' },
    });
    this.document = policy.document;
    this.policyJson = policy.policyJson;
    this.rolePolicy = policy.rolePolicy!;
  }
}
