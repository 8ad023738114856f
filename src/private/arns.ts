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
