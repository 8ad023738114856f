import { createHash } from 'crypto';
import { DataAwsSecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { Annotations, Fn, TerraformProvider, TerraformVariable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { described, fail } from './private/validation';

/**
 * Options for {@link SecretValue.secretsManager}.
 */
export interface SecretsManagerSecretOptions {
  /**
   * The key of a field in a secret whose value is a JSON object.
   *
   * The secret string is read with Terraform's `jsondecode()` and this field
   * is taken from it; Terraform fails at plan time if the field is missing.
   *
   * @default - the whole secret string
   */
  readonly jsonField?: string;

  /**
   * The staging label of the version to read, for example `AWSCURRENT` or `AWSPREVIOUS`.
   *
   * Cannot be combined with `versionId`.
   *
   * @default - `AWSCURRENT`, Secrets Manager's default
   */
  readonly versionStage?: string;

  /**
   * The unique identifier of the version to read.
   *
   * Cannot be combined with `versionStage`.
   *
   * @default - the version staged as `AWSCURRENT`
   */
  readonly versionId?: string;
}

/** What a secret is made of, for rendering; never holds the plain value for display. */
enum SecretSource {
  PLAIN_TEXT = 'plain text',
  TERRAFORM_VARIABLE = 'Terraform variable',
  SECRETS_MANAGER = 'Secrets Manager',
  SSM_SECURE_STRING = 'SSM SecureString',
  TOKEN = 'token',
}

/**
 * Where a consuming construct's resources go: its provider and region.
 * @internal
 */
export interface ResourceTarget {
  /** The provider the consuming construct uses, for the data sources it creates. */
  readonly provider?: TerraformProvider;
  /** The region the consuming construct is managed in (provider 6 `region`), likewise. */
  readonly region?: string;
}

/**
 * Context a consuming construct gives when it turns a secret into a string.
 * @internal
 */
export interface SecretResolveContext extends ResourceTarget {
  /** The property that receives the secret, for messages. */
  readonly property: string;
}

/**
 * A secret, such as a password, an API key or an OAuth client secret.
 *
 * Every secret of this library is a `SecretValue`, never a bare string, so
 * that where the secret comes from is a choice made in code and visible in
 * review. Prefer sources that keep the secret out of `cdk.tf.json`:
 * {@link SecretValue.secretsManager}, {@link SecretValue.ssmSecureString},
 * {@link SecretValue.fromTerraformVariable} (a `sensitive` variable) or
 * {@link SecretValue.fromToken}. {@link SecretValue.unsafePlainText} writes the
 * secret into `cdk.tf.json` and adds a warning.
 *
 * Whatever the source, EventBridge connection secrets end up in Terraform
 * state, as Terraform stores every argument of a resource: protect the state.
 *
 * A secret is turned into a string when a construct consumes it, in that
 * construct's scope: the data source that reads a Secrets Manager secret or an
 * SSM parameter is created there, once per scope and secret.
 */
export class SecretValue {
  /**
   * A secret given as a literal string.
   *
   * The value is written as-is into `cdk.tf.json`, which is usually committed
   * or stored as a build artifact; the construct that consumes it gets a
   * warning annotation. Use it for tests and examples only.
   *
   * @param value the secret
   */
  public static unsafePlainText(value: string): SecretValue {
    return new SecretValue(SecretSource.PLAIN_TEXT, { value });
  }

  /**
   * A secret held by a Terraform input variable.
   *
   * The variable must be declared with `sensitive: true`, so that Terraform
   * redacts it in plans and output; a variable that is not sensitive is
   * refused when the secret is consumed. Its value is given at plan time
   * (`-var`, a `.tfvars` file or `TF_VAR_<name>`), never in `cdk.tf.json`.
   *
   * @param variable a sensitive Terraform variable of type string
   */
  public static fromTerraformVariable(variable: TerraformVariable): SecretValue {
    return new SecretValue(SecretSource.TERRAFORM_VARIABLE, { variable });
  }

  /**
   * A secret stored in AWS Secrets Manager.
   *
   * Read at plan time through the `aws_secretsmanager_secret_version` data
   * source, so the secret never appears in `cdk.tf.json`.
   *
   * @param secretId the name or ARN of the secret
   * @param options which version and which JSON field to read
   * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/secretsmanager_secret_version
   */
  public static secretsManager(secretId: string, options: SecretsManagerSecretOptions = {}): SecretValue {
    return new SecretValue(SecretSource.SECRETS_MANAGER, { secretId, options: options ?? {} });
  }

  /**
   * A secret stored as an SSM Parameter Store `SecureString`.
   *
   * Read and decrypted at plan time through the `aws_ssm_parameter` data
   * source (`with_decryption = true`), so the secret never appears in
   * `cdk.tf.json`.
   *
   * @param parameterName the name or ARN of the parameter
   * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/ssm_parameter
   */
  public static ssmSecureString(parameterName: string): SecretValue {
    return new SecretValue(SecretSource.SSM_SECURE_STRING, { parameterName });
  }

  /**
   * A secret given as an unresolved token, for example an attribute of
   * another resource or data source (`randomPassword.result`).
   *
   * A literal string is refused when the secret is consumed: use
   * {@link SecretValue.unsafePlainText} for that, deliberately.
   *
   * @param token a string token
   */
  public static fromToken(token: string): SecretValue {
    return new SecretValue(SecretSource.TOKEN, { value: token });
  }

  /** Plain value, for PLAIN_TEXT and TOKEN; never printed. */
  readonly #value?: string;
  readonly #variable?: TerraformVariable;
  readonly #secretId?: string;
  readonly #options?: SecretsManagerSecretOptions;
  readonly #parameterName?: string;
  readonly #source: SecretSource;

  private constructor(
    source: SecretSource,
    parts: {
      value?: string;
      variable?: TerraformVariable;
      secretId?: string;
      options?: SecretsManagerSecretOptions;
      parameterName?: string;
    },
  ) {
    this.#source = source;
    this.#value = parts.value;
    this.#variable = parts.variable;
    this.#secretId = parts.secretId;
    this.#options = parts.options;
    this.#parameterName = parts.parameterName;
  }

  /**
   * Whether the secret's value is known at synth time, that is, given with
   * {@link SecretValue.unsafePlainText} as a literal.
   *
   * Only such a value can be checked against the API's rules before deployment.
   */
  public get isPlainText(): boolean {
    return this.#source === SecretSource.PLAIN_TEXT && !Token.isUnresolved(this.#value);
  }

  /**
   * Turns the secret into a string (a literal or a Terraform reference) for a
   * construct's property. Creates the data source it reads from, once per scope.
   *
   * @internal
   */
  public _resolve(scope: Construct, context: SecretResolveContext): string {
    const property = context.property;
    switch (this.#source) {
      case SecretSource.PLAIN_TEXT: {
        const value = this.#value as unknown;
        if (typeof value !== 'string') {
          fail(scope, property, 'must be a string given to `SecretValue.unsafePlainText()`', redactedPrimitive(value),
            'Pass the secret as a string.');
        }
        warnPlainTextOnce(scope, property);
        return value;
      }
      case SecretSource.TOKEN: {
        const value = this.#value as unknown;
        if (typeof value !== 'string' || !Token.isUnresolved(value)) {
          fail(scope, property, 'must be an unresolved token when given to `SecretValue.fromToken()`',
            typeof value === 'string' ? described('a literal string (redacted)') : redactedPrimitive(value),
            'Pass a token such as another resource\'s attribute, or use `SecretValue.unsafePlainText()` for a literal.',
          );
        }
        return value;
      }
      case SecretSource.TERRAFORM_VARIABLE:
        return resolveVariable(scope, property, this.#variable);
      case SecretSource.SECRETS_MANAGER:
        return resolveSecretsManager(scope, context, this.#secretId, this.#options ?? {});
      case SecretSource.SSM_SECURE_STRING:
        return resolveSsm(scope, context, this.#parameterName);
    }
  }

  /**
   * Checks a literal secret without ever showing it: calls `check` with the
   * value when it is known at synth time.
   *
   * @internal
   */
  public _checkLiteral(check: (value: string) => void): void {
    if (this.isPlainText && typeof this.#value === 'string') {
      check(this.#value);
    }
  }

  /**
   * Describes where the secret comes from, never its value.
   */
  public toString(): string {
    switch (this.#source) {
      case SecretSource.SECRETS_MANAGER:
        return `SecretValue(${this.#source}: ${String(this.#secretId)})`;
      case SecretSource.SSM_SECURE_STRING:
        return `SecretValue(${this.#source}: ${String(this.#parameterName)})`;
      case SecretSource.TERRAFORM_VARIABLE:
        return `SecretValue(${this.#source}: ${this.#variable?.node?.path ?? 'unknown'})`;
      default:
        return `SecretValue(${this.#source}, redacted)`;
    }
  }

  /**
   * The JSON form of a secret: its description, never its value.
   */
  public toJSON(): string {
    return this.toString();
  }
}

/** A value given where a secret was expected, described without echoing a number or boolean. */
function redactedPrimitive(value: unknown): unknown {
  return value !== null && value !== undefined && typeof value !== 'object' ? described(`a ${typeof value} (redacted)`) : value;
}

const WARNED = new WeakMap<IConstruct, Set<string>>();

function warnPlainTextOnce(scope: IConstruct, property: string): void {
  let seen = WARNED.get(scope);
  if (!seen) {
    seen = new Set();
    WARNED.set(scope, seen);
  }
  if (seen.has(property)) return;
  seen.add(property);
  Annotations.of(scope).addWarning(
    `\`${property}\` is a plain-text secret (SecretValue.unsafePlainText): its value is written to cdk.tf.json ` +
      'and Terraform state. Use SecretValue.secretsManager(), SecretValue.ssmSecureString() or a sensitive ' +
      'SecretValue.fromTerraformVariable() instead.',
  );
}

function resolveVariable(scope: Construct, property: string, variable: TerraformVariable | undefined): string {
  if (!(variable instanceof TerraformVariable)) {
    fail(scope, property, 'must be given a TerraformVariable by `SecretValue.fromTerraformVariable()`',
      typeof variable === 'string' ? described('a plain string (redacted)') : redactedPrimitive(variable),
      'Pass the TerraformVariable that holds the secret.');
  }
  if (variable.sensitive !== true) {
    fail(
      scope,
      property,
      'must come from a Terraform variable declared with `sensitive: true`',
      described(`variable "${variable.node.path}" with sensitive ${variable.sensitive === undefined ? 'unset' : 'false'}`),
      'Declare the variable with `sensitive: true` so that Terraform redacts it in plans and output.',
    );
  }
  // One token per variable: `stringValue` makes a new token, with a stack
  // trace capture, on every read.
  let token = VARIABLE_TOKENS.get(variable);
  if (token === undefined) {
    token = variable.stringValue;
    VARIABLE_TOKENS.set(variable, token);
  }
  return token;
}

const VARIABLE_TOKENS = new WeakMap<TerraformVariable, string>();

function resolveSecretsManager(
  scope: Construct,
  context: SecretResolveContext,
  secretId: string | undefined,
  options: SecretsManagerSecretOptions,
): string {
  const property = context.property;
  if (typeof secretId !== 'string' || secretId.length === 0) {
    fail(scope, property, 'must name a secret in `SecretValue.secretsManager()`', secretId,
      'Pass the secret\'s name or ARN.');
  }
  if (options.versionStage !== undefined && options.versionId !== undefined) {
    fail(scope, property, 'can read a Secrets Manager secret by `versionStage` or by `versionId`, not both',
      described(`versionStage ${JSON.stringify(options.versionStage)} and versionId ${JSON.stringify(options.versionId)}`),
      'Remove one of them.');
  }
  if (options.jsonField !== undefined && (typeof options.jsonField !== 'string' || options.jsonField.length === 0)) {
    fail(scope, property, 'must have a non-empty `jsonField` when one is given', options.jsonField,
      'Name the field of the JSON secret to read, or omit `jsonField` to read the whole secret string.');
  }
  const version = dataSourceFor(scope, 'SecretsManagerSecretVersion',
    [secretId, options.versionStage, options.versionId, context], (id) => new DataAwsSecretsmanagerSecretVersion(scope, id, {
      secretId,
      versionStage: options.versionStage,
      versionId: options.versionId,
      provider: context.provider,
      region: context.region,
    }));
  if (options.jsonField === undefined) {
    return version.secretString;
  }
  return Token.asString(Fn.lookup(Fn.jsondecode(version.secretString), options.jsonField));
}

function resolveSsm(scope: Construct, context: SecretResolveContext, parameterName: string | undefined): string {
  if (typeof parameterName !== 'string' || parameterName.length === 0) {
    fail(scope, context.property, 'must name a parameter in `SecretValue.ssmSecureString()`', parameterName,
      'Pass the SecureString parameter\'s name or ARN.');
  }
  const parameter = dataSourceFor(scope, 'SsmParameter', [parameterName, undefined, undefined, context],
    (id) => new DataAwsSsmParameter(scope, id, {
      name: parameterName,
      withDecryption: true,
      provider: context.provider,
      region: context.region,
    }));
  return parameter.value;
}

/**
 * The data source that reads a secret, created once per consuming scope and
 * secret reference. Its construct id depends only on the reference when that
 * is a literal (a hash of it), or on the consuming property when it is a
 * token, never on a global counter: adding constructs elsewhere in the stack
 * never renames it.
 */
function dataSourceFor<T extends Construct>(
  scope: Construct,
  prefix: string,
  reference: [string, string | undefined, string | undefined, SecretResolveContext],
  create: (id: string) => T,
): T {
  const [name, stage, version, context] = reference;
  const parts = [name, stage, version, context.provider?.node.path];
  const key = JSON.stringify(context.region === undefined ? parts : [...parts, context.region]);
  const literal = !Token.isUnresolved(name) && !Token.isUnresolved(stage ?? '') && !Token.isUnresolved(version ?? '');
  const id = literal
    ? `${prefix}_${createHash('sha256').update(key).digest('hex').slice(0, 8)}`
    : `${prefix}_${context.property.replace(/[^A-Za-z0-9]+/g, '_').replace(/_+$/, '')}`;
  const existing = scope.node.tryFindChild(id);
  if (existing) {
    if (DATA_SOURCE_KEYS.get(existing) === key) return existing as T;
    // A token reference whose property already reads another secret.
    return dataSourceFor(scope, prefix, [name, stage, version, { ...context, property: `${context.property}_` }], create);
  }
  const created = create(id);
  DATA_SOURCE_KEYS.set(created, key);
  return created;
}

const DATA_SOURCE_KEYS = new WeakMap<IConstruct, string>();
