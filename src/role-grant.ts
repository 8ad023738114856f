import type { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { binding } from './private/bindings';
import { defaultPhysicalName } from './private/names';
import type { RoleGrantOptions } from './private/role-grants';

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
   * Creates the grant, or returns the one already in `scope` under `id`.
   * @internal
   */
  public static _attach(scope: Construct, id: string, options: RoleGrantOptions): RoleGrant {
    const existing = scope.node.tryFindChild(id);
    if (existing instanceof RoleGrant) return existing;
    return new RoleGrant(scope, id, options);
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

  private constructor(scope: Construct, id: string, options: RoleGrantOptions) {
    super(scope, id);
    this.roleName = options.roleName;
    this.policyName = defaultPhysicalName(this);
    this.document = new (binding('DataAwsIamPolicyDocument'))(this, 'Document', {
      statement: options.statements(this),
      provider: options.provider,
    });
    this.policyJson = this.document.json;
    this.rolePolicy = new (binding('IamRolePolicy'))(this, 'Resource', {
      role: options.roleName,
      name: this.policyName,
      policy: this.policyJson,
      provider: options.provider,
    });
  }
}
