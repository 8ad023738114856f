import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import type { IConnection } from '../connection';
import { arnField } from './arns';
import { binding } from './bindings';
import type { Placement } from './placement';

/*
 * The IAM statements that let a principal use a connection's credentials: what a Step Functions
 * HTTP task's role needs (StepFunctionsHttpTaskGrant) and what `grantRetrieveCredentials()` gives
 * any role. One renderer, so both grants say exactly the same thing.
 */

/** A KMS key ID: a UUID, or `mrk-` and 32 hex digits for a multi-Region key. */
const KEY_ID = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$/;

/** A KMS key ARN. */
const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/.+$/;

/**
 * `events:RetrieveConnectionCredentials` on the connection, `secretsmanager:GetSecretValue` and
 * `secretsmanager:DescribeSecret` on its secret and, when the connection is encrypted with a
 * customer managed key (`kmsKeyIdentifier`), `kms:Decrypt` on that key through Secrets Manager
 * for that secret only.
 *
 * @param scope where a data source that resolves the key goes, when one is needed
 * @param target the provider and region of that data source
 */
export function connectionCredentialStatements(
  scope: Construct,
  connection: IConnection,
  target: Placement,
): DataAwsIamPolicyDocumentStatement[] {
  const secretArn = connection._secretArnForPolicy ?? connection.connectionSecretArn;
  const statements: DataAwsIamPolicyDocumentStatement[] = [
    {
      sid: 'RetrieveConnectionCredentials',
      effect: 'Allow',
      actions: ['events:RetrieveConnectionCredentials'],
      resources: [connection.connectionArn],
    },
    {
      sid: 'ReadConnectionSecret',
      effect: 'Allow',
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: [secretArn],
    },
  ];
  const kmsKeyIdentifier = connection.kmsKeyIdentifier;
  if (kmsKeyIdentifier !== undefined && kmsKeyIdentifier !== null) {
    statements.push({
      sid: 'DecryptConnectionSecret',
      effect: 'Allow',
      actions: ['kms:Decrypt'],
      resources: [kmsKeyArn(scope, connection, kmsKeyIdentifier, target)],
      // The conditions AWS documents for the key of an EventBridge connection: the key is used
      // by Secrets Manager (kms:ViaService), for the connection's secret (the encryption context
      // Secrets Manager binds to the secret's data keys, kms:EncryptionContext:SecretARN). The
      // documented key policy uses `secretsmanager.*.amazonaws.com` and
      // `arn:aws:secretsmanager:*:*:secret:events!connection/*`; the grant narrows the second
      // to this connection's secret.
      // https://docs.aws.amazon.com/eventbridge/latest/userguide/encryption-connections.html
      condition: [
        { test: 'StringLike', variable: 'kms:ViaService', values: ['secretsmanager.*.amazonaws.com'] },
        { test: 'StringLike', variable: 'kms:EncryptionContext:SecretARN', values: [secretArn] },
      ],
    });
  }
  return statements;
}

/**
 * The ARN of the key a `kmsKeyIdentifier` names, for the `Resource` of `kms:Decrypt` (IAM matches
 * key operations against the key ARN, never an alias):
 * - a key ARN is used as it is;
 * - a key ID is completed with the partition, region and account of the connection (EventBridge
 *   looks a key ID up in the connection's account and region);
 * - an alias (name or ARN) or an unresolved token is resolved at plan time by an `aws_kms_key`
 *   data source (construct id `ConnectionKey`), whose `key_id` accepts all four forms, with the
 *   provider and region of the connection when it was created in the stack.
 */
function kmsKeyArn(scope: Construct, connection: IConnection, identifier: string, target: Placement): string {
  if (!Token.isUnresolved(identifier)) {
    if (KEY_ARN.test(identifier)) return identifier;
    if (KEY_ID.test(identifier)) {
      const arn = connection.connectionArn;
      return `arn:${arnField(arn, 1)}:kms:${arnField(arn, 3)}:${arnField(arn, 4)}:key/${identifier}`;
    }
  }
  // The key is in the connection's account and region: a connection created in the stack says
  // where that is (its provider and region); for another one, the grant's provider is all we know.
  const where = connection._placement ?? target;
  const existing = scope.node.tryFindChild('ConnectionKey');
  const DataAwsKmsKey = binding('DataAwsKmsKey');
  const key = existing instanceof DataAwsKmsKey ? existing : new DataAwsKmsKey(scope, 'ConnectionKey', {
    keyId: identifier,
    provider: where.provider,
    region: where.region,
  });
  return key.arn;
}
