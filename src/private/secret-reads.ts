import { createHash } from 'crypto';
import type { DataAwsSecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version';
import type { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { binding } from './bindings';
import type { Placement } from './placement';

/*
 * The data sources that read secrets from Secrets Manager and SSM Parameter Store.
 *
 * A literal reference (secret id and version, or parameter name) is read once per stack,
 * provider and region, by a data source at the top of the stack that every consumer shares:
 * 200 connections over 3 secrets make 3 reads at plan time and keep 3 copies of the secrets in
 * state, as a hand-written stack would. Its id is a hash of the reference, provider and region
 * (e.g. `data.aws_secretsmanager_secret_version.SecretsManagerSecretVersion_1095f571`), so it
 * never depends on which consumer came first: adding or removing a consumer renames nothing.
 *
 * A reference that is itself a token (a secret id from a variable, say) has no stable text to
 * hash; it is read in the consuming construct's scope, under an id made from the consuming
 * property, as before.
 */

/**
 * Context a consuming construct gives when it turns a secret into a string.
 * @internal
 */
export interface SecretResolveContext extends Placement {
  /** The property that receives the secret, for messages and for ids of token references. */
  readonly property: string;
}

/** What a Secrets Manager read is keyed by. */
export interface SecretVersionReference {
  readonly secretId: string;
  readonly versionStage?: string;
  readonly versionId?: string;
}

/** The data source that reads a Secrets Manager secret version for a consumer. */
export function secretVersionRead(
  consumer: Construct,
  context: SecretResolveContext,
  reference: SecretVersionReference,
): DataAwsSecretsmanagerSecretVersion {
  return sharedRead(consumer, context, 'SecretsManagerSecretVersion',
    [reference.secretId, reference.versionStage, reference.versionId],
    (scope, id) => new (binding('DataAwsSecretsmanagerSecretVersion'))(scope, id, {
      secretId: reference.secretId,
      versionStage: reference.versionStage,
      versionId: reference.versionId,
      provider: context.provider,
      region: context.region,
    }));
}

/** The data source that reads and decrypts an SSM parameter for a consumer. */
export function ssmParameterRead(consumer: Construct, context: SecretResolveContext, parameterName: string): DataAwsSsmParameter {
  return sharedRead(consumer, context, 'SsmParameter', [parameterName, undefined, undefined],
    (scope, id) => new (binding('DataAwsSsmParameter'))(scope, id, {
      name: parameterName,
      withDecryption: true,
      provider: context.provider,
      region: context.region,
    }));
}

/** The reference each read was created for, to find it again and to detect an id clash. */
const READ_KEYS = new WeakMap<IConstruct, string>();

/**
 * The literal reads of each stack by kind and reference: a consumer after the first finds its read
 * without hashing the reference again (the id is a function of the reference alone).
 */
const STACK_READS = new WeakMap<IConstruct, Map<string, IConstruct>>();

/**
 * One token per read and attribute (e.g. an SSM parameter's `value`): the binding's getter makes a
 * new token, with a stack trace capture, on every read, and every consumer of a shared read asks
 * for it. The token resolves to the same reference whichever consumer holds it.
 */
const ATTRIBUTE_TOKENS = new WeakMap<IConstruct, Map<string, string>>();

/** The token `make` returns for `read`'s attribute `name`, made on the first call only. */
export function attributeToken(read: IConstruct, name: string, make: () => string): string {
  let tokens = ATTRIBUTE_TOKENS.get(read);
  if (tokens === undefined) {
    tokens = new Map();
    ATTRIBUTE_TOKENS.set(read, tokens);
  }
  let token = tokens.get(name);
  if (token === undefined) {
    token = make();
    tokens.set(name, token);
  }
  return token;
}

function sharedRead<T extends Construct>(
  consumer: Construct,
  context: SecretResolveContext,
  prefix: string,
  reference: [string, string | undefined, string | undefined],
  create: (scope: Construct, id: string) => T,
): T {
  const parts: unknown[] = [...reference, context.provider?.node.path];
  if (context.region !== undefined) parts.push(context.region);
  const key = JSON.stringify(parts);
  const literal = reference.every((part) => part === undefined || !Token.isUnresolved(part));
  if (literal) {
    const stack = TerraformStack.of(consumer);
    let reads = STACK_READS.get(stack);
    if (reads === undefined) {
      reads = new Map();
      STACK_READS.set(stack, reads);
    }
    const known = reads.get(`${prefix} ${key}`);
    if (known !== undefined && stack.node.tryFindChild(known.node.id) === known) return known as T;
    const id = `${prefix}_${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
    const existing = stack.node.tryFindChild(id);
    if (existing === undefined) {
      const read = remember(create(stack, id), key);
      reads.set(`${prefix} ${key}`, read);
      return read;
    }
    if (READ_KEYS.get(existing) === key) {
      reads.set(`${prefix} ${key}`, existing);
      return existing as T;
    }
    throw new Error(`A construct with id "${id}" already exists at the top of stack ${stack.node.path}: ` +
      'the library keeps that id for the data source that reads a secret. Rename your construct.');
  }
  // A token reference: in the consumer's scope, under an id from the consuming property.
  let id = `${prefix}_${context.property.replace(/[^A-Za-z0-9]+/g, '_').replace(/_+$/, '')}`;
  for (let existing = consumer.node.tryFindChild(id); existing !== undefined; existing = consumer.node.tryFindChild(id)) {
    if (READ_KEYS.get(existing) === key) return existing as T;
    id = `${id}_`; // the same property already reads another secret
  }
  return remember(create(consumer, id), key);
}

function remember<T extends IConstruct>(read: T, key: string): T {
  READ_KEYS.set(read, key);
  return read;
}
