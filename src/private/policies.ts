import { createHash } from 'crypto';
import type { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { DefaultTokenResolver, StringConcat, TerraformProvider, Tokenization, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { IApiDestination } from '../api-destination';
import { binding } from './bindings';

/*
 * The one path by which the library writes IAM permissions: a policy document rendered by an
 * `aws_iam_policy_document` data source and, when a role is named, attached to that role as an
 * inline `aws_iam_role_policy`. RoleGrant (grantInvoke, grantRetrieveCredentials),
 * StepFunctionsHttpTaskGrant, the roles ApiDestinationTarget and ApiDestinationPipe create and the
 * target's dead-letter queue policy all go through renderPolicy; the statements come from invokeApiDestinationStatement and
 * deadLetterQueueStatement here and connectionCredentialStatements (connection-permissions.ts).
 */

/** What to render, where and for whom. */
export interface PolicyOptions {
  /** The statements. */
  readonly statements: DataAwsIamPolicyDocumentStatement[];
  /** The provider of the data source and the role policy. */
  readonly provider?: TerraformProvider;
  /** The data source's construct id. */
  readonly documentId: string;
  /**
   * The role to attach the policy to (by name), the inline policy's name and its construct id;
   * none: the document only.
   */
  readonly attachTo?: { readonly roleName: string; readonly policyName: string; readonly id: string };
}

/** The rendered policy. */
export interface RenderedPolicy {
  readonly document: DataAwsIamPolicyDocument;
  /** The document as JSON (a reference to the data source's `json`). */
  readonly policyJson: string;
  /** The inline policy on the role, when a role was named. */
  readonly rolePolicy?: IamRolePolicy;
}

/** Renders `statements` as a policy document in `scope` and attaches it to the role, if any. */
export function renderPolicy(scope: Construct, options: PolicyOptions): RenderedPolicy {
  const document = new (binding('DataAwsIamPolicyDocument'))(scope, options.documentId, {
    statement: options.statements,
    provider: options.provider,
  });
  const policyJson = document.json;
  if (options.attachTo === undefined) return { document, policyJson };
  const rolePolicy = new (binding('IamRolePolicy'))(scope, options.attachTo.id, {
    role: options.attachTo.roleName,
    name: options.attachTo.policyName,
    policy: policyJson,
    provider: options.provider,
  });
  return { document, policyJson, rolePolicy };
}

/**
 * `events:InvokeApiDestination` on the destinations' ARNs for policies (the ARN without its
 * trailing ID, as aws-cdk's grantInvokeApiDestination and CloudFormation's `ArnForPolicy`): what
 * `grantInvoke()` gives a role, and what the roles an ApiDestinationTarget and an
 * ApiDestinationPipe create get (a pipe's for its target and its enrichment: one statement, as a
 * policy's statement ids must be unique).
 */
export function invokeApiDestinationStatement(...destinations: IApiDestination[]): DataAwsIamPolicyDocumentStatement {
  const resources = [...new Set(destinations.map((d) => d.apiDestinationArnForPolicy))];
  return {
    sid: 'InvokeApiDestination',
    effect: 'Allow',
    actions: ['events:InvokeApiDestination'],
    resources,
  };
}

/**
 * The trust statement of a role that an AWS service assumes (`sts:AssumeRole` for the service
 * principal), limited to calls on behalf of one account (`aws:SourceAccount`) when given.
 */
export function assumeRoleStatement(servicePrincipal: string, sourceAccount?: string): DataAwsIamPolicyDocumentStatement {
  return {
    effect: 'Allow',
    actions: ['sts:AssumeRole'],
    principals: [{ type: 'Service', identifiers: [servicePrincipal] }],
    condition: sourceAccount === undefined ? undefined
      : [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [sourceAccount] }],
  };
}

/** What {@link createServiceRole} is given. */
export interface ServiceRoleOptions {
  /** The service that assumes the role, e.g. `events.amazonaws.com`. */
  readonly servicePrincipal: string;
  /** The account the service may act for (`aws:SourceAccount`); none: any. */
  readonly sourceAccount?: string;
  /** The role's description (made valid by {@link roleDescription}). */
  readonly description: string;
  /** The statements of its inline policy. */
  readonly statements: DataAwsIamPolicyDocumentStatement[];
  /** The inline policy's name. */
  readonly policyName: string;
  /** The provider of the role, its policy and their documents. */
  readonly provider?: TerraformProvider;
}

/**
 * The role a service assumes to act for a construct (a rule target, a pipe), in `scope`: the
 * trust policy document (`AssumeRolePolicy`), the role (`Role`) and one inline policy (document
 * `PolicyDocument`, role policy `Policy`).
 */
export function createServiceRole(scope: Construct, options: ServiceRoleOptions): { role: IamRole; policy: IamRolePolicy } {
  const trust = renderPolicy(scope, {
    statements: [assumeRoleStatement(options.servicePrincipal, options.sourceAccount)],
    provider: options.provider,
    documentId: 'AssumeRolePolicy',
  });
  const role = new (binding('IamRole'))(scope, 'Role', {
    assumeRolePolicy: trust.policyJson,
    description: roleDescription(options.description),
    provider: options.provider,
  });
  const policy = renderPolicy(scope, {
    statements: options.statements,
    provider: options.provider,
    documentId: 'PolicyDocument',
    attachTo: { roleName: role.name, policyName: options.policyName, id: 'Policy' },
  });
  return { role, policy: policy.rolePolicy! };
}

/** An IAM role description: at most 1000 characters of tab, line breaks and printable Latin-1. */
export function roleDescription(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[^\x09\x0A\x0D\x20-\x7E\xA1-\xFF]/g, '?').slice(0, 1000);
}

/**
 * What a dead-letter queue's policy must allow for EventBridge to send it a rule's undelivered
 * events: `sqs:SendMessage` on the queue for the service principal `events.amazonaws.com`, only
 * on behalf of that rule (`aws:SourceArn`).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 */
export function deadLetterQueueStatement(queueArn: string, ruleArn: string): DataAwsIamPolicyDocumentStatement {
  return {
    sid: 'EventBridgeDeadLetterQueue',
    effect: 'Allow',
    actions: ['sqs:SendMessage'],
    principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
    resources: [queueArn],
    condition: [{ test: 'ArnEquals', variable: 'aws:SourceArn', values: [ruleArn] }],
  };
}

/**
 * The construct id of a grant of one kind to one role, in the scope of what it is about:
 * `<kind><hash of the role name>`, so that granting the same thing to the same role again finds
 * the grant made first.
 *
 * A role name that is a token (e.g. `role.name` of an `aws_iam_role`) is hashed in its
 * resolved form (`${aws_iam_role.Role_1A2B3C4D.name}`), which names the role's resource and not
 * the order in which tokens were made: the id does not change when unrelated code does.
 */
export function grantId(scope: Construct, kind: string, roleName: string): string {
  return `${kind}${hashOf(stableText(scope, roleName))}`;
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
