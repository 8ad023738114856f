import { createHash } from 'crypto';
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DefaultTokenResolver, StringConcat, TerraformProvider, Tokenization, Token } from 'cdktf';
import { Construct } from 'constructs';
import { RoleGrant } from '../role-grant';
import { ROLE_NAME } from './rules';
import { Checker } from './validation';

/** What a {@link RoleGrant} is made of. */
export interface RoleGrantOptions {
  /** The role to attach the inline policy to, by name. */
  readonly roleName: string;
  /** The statements, rendered in the grant's scope (where a data source they need goes). */
  readonly statements: (grant: Construct) => DataAwsIamPolicyDocumentStatement[];
  /** The provider of the data source and the role policy. */
  readonly provider?: TerraformProvider;
}

/**
 * Grants `statements` to the role named `roleName` as an inline policy, in `scope` (the API
 * destination or connection the grant is about), under the id `<kind><hash of the role name>`.
 * The same kind of grant to the same role returns the grant made first.
 *
 * A role name that is a token (e.g. `role.name` of an `aws_iam_role`) is hashed in its
 * resolved form (`${aws_iam_role.Role_1A2B3C4D.name}`), which names the role's resource and not
 * the order in which tokens were made: the id does not change when unrelated code does.
 */
export function grantToRole(
  scope: Construct,
  kind: string,
  roleName: string,
  statements: (grant: Construct) => DataAwsIamPolicyDocumentStatement[],
  provider?: TerraformProvider,
): RoleGrant {
  new Checker(scope).string('roleName', roleName, ROLE_NAME,
    'Pass the role\'s name (not its ARN), e.g. `role.name` of an aws_iam_role.');
  const id = `${kind}${hashOf(stableText(scope, roleName))}`;
  return RoleGrant._attach(scope, id, { roleName, statements, provider });
}

function stableText(scope: Construct, value: string): string {
  if (!Token.isUnresolved(value)) return value;
  try {
    const resolved = Tokenization.resolve(value, { scope, preparing: false, resolver: RESOLVER });
    return typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
  } catch {
    // A token that cannot be resolved yet: its own text still names it uniquely in this app.
    return value;
  }
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8).toUpperCase();
}
