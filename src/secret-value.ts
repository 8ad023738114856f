import { Annotations, Fn, TerraformVariable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { attributeToken, SecretResolveContext, secretVersionRead, ssmParameterRead } from './private/secret-reads';
import { Checker, described, StringRule, withoutNulls } from './private/validation';

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
 * A secret is turned into a string when a construct consumes it. A Secrets
 * Manager secret or an SSM parameter is read by one data source per stack,
 * provider and region, at the top of the stack, shared by every construct that
 * consumes the same reference.
 */
export abstract class SecretValue {
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
    return new PlainTextSecret(value);
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
    return new VariableSecret(variable);
  }

  /**
   * A secret stored in AWS Secrets Manager.
   *
   * Read at plan time through the `aws_secretsmanager_secret_version` data
   * source, so the secret never appears in `cdk.tf.json`. Every construct of a
   * stack that reads the same secret version shares one data source.
   *
   * @param secretId the name or ARN of the secret
   * @param options which version and which JSON field to read
   * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/secretsmanager_secret_version
   */
  public static secretsManager(secretId: string, options: SecretsManagerSecretOptions = {}): SecretValue {
    return new SecretsManagerSecret(secretId, options !== null && typeof options === 'object' ? withoutNulls(options) : {});
  }

  /**
   * A secret stored as an SSM Parameter Store `SecureString`.
   *
   * Read and decrypted at plan time through the `aws_ssm_parameter` data
   * source (`with_decryption = true`), so the secret never appears in
   * `cdk.tf.json`. Every construct of a stack that reads the same parameter
   * shares one data source.
   *
   * @param parameterName the name or ARN of the parameter
   * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/ssm_parameter
   */
  public static ssmSecureString(parameterName: string): SecretValue {
    return new SsmSecureStringSecret(parameterName);
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
    return new TokenSecret(token);
  }

  /**
   * Resolves a secret prop in the consuming scope: refuses anything that is
   * not a SecretValue (a plain string without showing it), checks a literal
   * value, if any, against `rule` without echoing it, then resolves it.
   *
   * @internal
   */
  public static _resolveProp(scope: Construct, value: SecretValue, rule: StringRule, fix: string, context: SecretResolveContext): string {
    // A SecretValue subclass not made by the factories (say, from Python) has no `_resolve`.
    if (!(value instanceof SecretValue) || typeof (value as SecretValue)._resolve !== 'function') {
      new Checker(scope).fail(
        context.property,
        'must be a SecretValue',
        typeof value === 'string' ? described('a plain string (redacted)') : value,
        'Use SecretValue.secretsManager(), SecretValue.ssmSecureString(), SecretValue.fromTerraformVariable() ' +
          'or, for tests, SecretValue.unsafePlainText().',
      );
    }
    const check: Checker = new Checker(scope);
    value._checkLiteral((literal) => check.string(context.property, literal, rule, fix, { secret: true }));
    return value._resolve(scope, context);
  }

  /** Only the factories above make secrets. */
  protected constructor() {}

  /**
   * Whether the secret's value is known at synth time, that is, given with
   * {@link SecretValue.unsafePlainText} as a literal.
   *
   * Only such a value can be checked against the API's rules before deployment.
   */
  public get isPlainText(): boolean {
    return false;
  }

  /**
   * Turns the secret into a string (a literal or a Terraform reference) for a
   * construct's property, creating the data source it reads from if needed.
   *
   * @internal
   */
  public abstract _resolve(scope: Construct, context: SecretResolveContext): string;

  /**
   * Checks a literal secret without ever showing it: calls `check` with the
   * value when it is known at synth time.
   *
   * @internal
   */
  public _checkLiteral(_check: (value: string) => void): void {
    // Only a plain-text secret has a value known at synth time.
  }

  /**
   * Describes where the secret comes from, never its value.
   */
  public toString(): string {
    return `SecretValue(${this._describe()})`;
  }

  /**
   * The JSON form of a secret: its description, never its value.
   */
  public toJSON(): string {
    return this.toString();
  }

  /**
   * The source of the secret in words, e.g. `Secrets Manager: prod/db`; never its value.
   *
   * @internal
   */
  protected abstract _describe(): string;
}

/** `SecretValue.unsafePlainText()`: the value itself, with a warning on the consumer. */
class PlainTextSecret extends SecretValue {
  /** Never printed. */
  readonly #value: string;

  constructor(value: string) {
    super();
    this.#value = value;
  }

  public get isPlainText(): boolean {
    return typeof this.#value === 'string' && !Token.isUnresolved(this.#value);
  }

  public _resolve(scope: Construct, context: SecretResolveContext): string {
    const check: Checker = new Checker(scope);
    const value = this.#value as unknown;
    if (typeof value !== 'string') {
      check.fail(context.property, 'must be a string given to `SecretValue.unsafePlainText()`', redactedPrimitive(value),
        'Pass the secret as a string.');
    }
    warnPlainTextOnce(scope, context.property);
    return value;
  }

  public _checkLiteral(check: (value: string) => void): void {
    if (this.isPlainText) check(this.#value);
  }

  protected _describe(): string {
    return 'plain text, redacted';
  }
}

/** `SecretValue.fromToken()`: an unresolved token, passed through. */
class TokenSecret extends SecretValue {
  /** Never printed. */
  readonly #token: string;

  constructor(token: string) {
    super();
    this.#token = token;
  }

  public _resolve(scope: Construct, context: SecretResolveContext): string {
    const check: Checker = new Checker(scope);
    const value = this.#token as unknown;
    if (typeof value !== 'string' || !Token.isUnresolved(value)) {
      check.fail(context.property, 'must be an unresolved token when given to `SecretValue.fromToken()`',
        typeof value === 'string' ? described('a literal string (redacted)') : redactedPrimitive(value),
        'Pass a token such as another resource\'s attribute, or use `SecretValue.unsafePlainText()` for a literal.',
      );
    }
    return value;
  }

  protected _describe(): string {
    return 'token, redacted';
  }
}

/** `SecretValue.fromTerraformVariable()`: a sensitive input variable. */
class VariableSecret extends SecretValue {
  constructor(private readonly variable: TerraformVariable) {
    super();
  }

  public _resolve(scope: Construct, context: SecretResolveContext): string {
    const check: Checker = new Checker(scope);
    const variable = this.variable as unknown;
    if (!(variable instanceof TerraformVariable)) {
      check.fail(context.property, 'must be given a TerraformVariable by `SecretValue.fromTerraformVariable()`',
        typeof variable === 'string' ? described('a plain string (redacted)') : redactedPrimitive(variable),
        'Pass the TerraformVariable that holds the secret.');
    }
    if (variable.sensitive !== true) {
      check.fail(context.property, 'must come from a Terraform variable declared with `sensitive: true`',
        described(`variable "${variable.node.path}" with sensitive ${variable.sensitive === undefined ? 'unset' : 'false'}`),
        'Declare the variable with `sensitive: true` so that Terraform redacts it in plans and output.');
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

  protected _describe(): string {
    return `Terraform variable: ${(this.variable as TerraformVariable | undefined)?.node?.path ?? 'unknown'}`;
  }
}

const VARIABLE_TOKENS = new WeakMap<TerraformVariable, string>();

/** `SecretValue.secretsManager()`: read through a shared `aws_secretsmanager_secret_version`. */
class SecretsManagerSecret extends SecretValue {
  constructor(private readonly secretId: string, private readonly options: SecretsManagerSecretOptions) {
    super();
  }

  public _resolve(scope: Construct, context: SecretResolveContext): string {
    const check: Checker = new Checker(scope);
    const { secretId, options } = this;
    const property = context.property;
    if (typeof secretId !== 'string' || secretId.length === 0) {
      check.fail(property, 'must name a secret in `SecretValue.secretsManager()`', secretId, 'Pass the secret\'s name or ARN.');
    }
    if (options.versionStage !== undefined && options.versionId !== undefined) {
      check.fail(property, 'can read a Secrets Manager secret by `versionStage` or by `versionId`, not both',
        described(`versionStage ${JSON.stringify(options.versionStage)} and versionId ${JSON.stringify(options.versionId)}`),
        'Remove one of them.');
    }
    if (options.jsonField !== undefined && (typeof options.jsonField !== 'string' || options.jsonField.length === 0)) {
      check.fail(property, 'must have a non-empty `jsonField` when one is given', options.jsonField,
        'Name the field of the JSON secret to read, or omit `jsonField` to read the whole secret string.');
    }
    const version = secretVersionRead(scope, context,
      { secretId, versionStage: options.versionStage, versionId: options.versionId });
    // One token per read (and field), shared by every consumer: see attributeToken().
    const secretString = attributeToken(version, 'secretString', () => version.secretString);
    const jsonField = options.jsonField;
    if (jsonField === undefined) {
      return secretString;
    }
    return attributeToken(version, `secretString.${jsonField}`,
      () => Token.asString(Fn.lookup(Fn.jsondecode(secretString), jsonField)));
  }

  protected _describe(): string {
    return `Secrets Manager: ${String(this.secretId)}`;
  }
}

/** `SecretValue.ssmSecureString()`: read through a shared `aws_ssm_parameter`. */
class SsmSecureStringSecret extends SecretValue {
  constructor(private readonly parameterName: string) {
    super();
  }

  public _resolve(scope: Construct, context: SecretResolveContext): string {
    const check: Checker = new Checker(scope);
    const parameterName = this.parameterName;
    if (typeof parameterName !== 'string' || parameterName.length === 0) {
      check.fail(context.property, 'must name a parameter in `SecretValue.ssmSecureString()`', parameterName,
        'Pass the SecureString parameter\'s name or ARN.');
    }
    const read = ssmParameterRead(scope, context, parameterName);
    return attributeToken(read, 'value', () => read.value);
  }

  protected _describe(): string {
    return `SSM SecureString: ${String(this.parameterName)}`;
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
