import { Fn, Op, Token } from 'cdktf';

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

/** The name in an event bus ARN `arn:...:event-bus/<name>`. */
const EVENT_BUS_ARN = /^arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:event-bus\/(.+)$/;

/**
 * The ARN of a rule, from an ARN of its partition, region and account (`sibling`, e.g. the API
 * destination's): `arn:<partition>:events:<region>:<account>:rule/[<bus>/]<rule>`, the bus (given
 * by name or ARN) left out for the default one; with Terraform's functions for a bus that is a
 * token.
 */
export function ruleArnFrom(sibling: string, eventBusName: string | undefined, ruleName: string): string {
  let path: string;
  if (eventBusName !== undefined && Token.isUnresolved(eventBusName)) {
    // The last "/"-separated part: the name of a bus ARN, or the name itself.
    const bus = Token.asString(Fn.element(Fn.reverse(Fn.split('/', eventBusName)), 0));
    path = Token.asString(Fn.conditional(Op.eq(bus, 'default'), ruleName, `${bus}/${ruleName}`));
  } else {
    const bus = eventBusName === undefined ? undefined : EVENT_BUS_ARN.exec(eventBusName)?.[1] ?? eventBusName;
    path = bus === undefined || bus === 'default' ? ruleName : `${bus}/${ruleName}`;
  }
  return `arn:${arnField(sibling, 1)}:events:${arnField(sibling, 3)}:${arnField(sibling, 4)}:rule/${path}`;
}

/**
 * The URL of an SQS queue from its ARN `arn:<partition>:sqs:<region>:<account>:<name>`:
 * `https://sqs.<region>.amazonaws.com[.cn]/<account>/<name>`, with Terraform's functions when
 * the ARN is a token.
 */
export function queueUrlFromArn(queueArn: string): string {
  const partition = arnField(queueArn, 1);
  const domain = Token.isUnresolved(queueArn)
    ? Token.asString(Fn.conditional(Op.eq(partition, 'aws-cn'), 'amazonaws.com.cn', 'amazonaws.com'))
    : partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sqs.${arnField(queueArn, 3)}.${domain}/${arnField(queueArn, 4)}/${arnField(queueArn, 5)}`;
}
