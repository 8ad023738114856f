import { Fn, Token } from 'cdktf';

/**
 * The `<name>` of an EventBridge ARN `arn:...:<type>/<name>/<id>`; with
 * Terraform's `split` and `element` when the ARN is a token.
 */
export function resourceNameFromArn(arn: string): string {
  if (Token.isUnresolved(arn)) {
    return Token.asString(Fn.element(Fn.split('/', arn), 1));
  }
  return arn.split('/')[1];
}

/**
 * One of the colon-separated fields of an ARN (1 partition, 3 region,
 * 4 account); with Terraform's `split` and `element` when the ARN is a token.
 */
export function arnField(arn: string, index: number): string {
  if (Token.isUnresolved(arn)) {
    return Token.asString(Fn.element(Fn.split(':', arn), index));
  }
  return arn.split(':')[index];
}

/**
 * An EventBridge ARN `arn:...:<type>/<name>/<id>` without its trailing `/<id>`: the form IAM
 * policies use for API destinations (CloudFormation's `ArnForPolicy`); with Terraform's `split`,
 * `slice` and `join` when the ARN is a token.
 */
export function arnForPolicy(arn: string): string {
  if (Token.isUnresolved(arn)) {
    return Token.asString(Fn.join('/', Fn.slice(Fn.split('/', arn), 0, 2)));
  }
  return arn.split('/').slice(0, 2).join('/');
}

/**
 * The secrets EventBridge creates for a connection, as a pattern for policies:
 * `arn:<partition>:secretsmanager:<region>:<account>:secret:events!connection/<name>/*`.
 */
export function connectionSecretArnPattern(connectionArn: string, connectionName: string): string {
  return `arn:${arnField(connectionArn, 1)}:secretsmanager:${arnField(connectionArn, 3)}:${arnField(connectionArn, 4)}`
    + `:secret:events!connection/${connectionName}/*`;
}
