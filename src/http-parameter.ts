import { Construct } from 'constructs';
import { SecretResolveContext } from './private/secret-reads';
import { Checker, described } from './private/validation';
import { SecretValue } from './secret-value';

/**
 * A rendered parameter.
 * @internal
 */
export interface RenderedHttpParameter {
  readonly value: string;
  readonly isValueSecret: boolean;
  readonly secret?: SecretValue;
}

/**
 * The value of an HTTP parameter (header, query string or body) that
 * EventBridge sends with a request: to the OAuth authorization endpoint, or
 * with every invocation of an API destination.
 *
 * A parameter made with {@link HttpParameter.fromSecret} is stored by
 * EventBridge in the connection's Secrets Manager secret and is not returned
 * by the API (`is_value_secret = true`); one made with
 * {@link HttpParameter.fromString} is stored in clear (`is_value_secret = false`).
 * The library always writes `is_value_secret` explicitly.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ConnectionHttpParameters.html
 */
export abstract class HttpParameter {
  /**
   * A parameter whose value is not secret (`is_value_secret = false`).
   *
   * @param value the value, sent as given
   */
  public static fromString(value: string): HttpParameter {
    return new StringHttpParameter(value);
  }

  /**
   * A parameter whose value is secret (`is_value_secret = true`).
   *
   * @param value the secret value
   */
  public static fromSecret(value: SecretValue): HttpParameter {
    return new SecretHttpParameter(value);
  }

  /**
   * Renders the parameter's value in the consuming construct's scope.
   *
   * @internal
   */
  public abstract _render(scope: Construct, context: SecretResolveContext): RenderedHttpParameter;
}

class StringHttpParameter extends HttpParameter {
  constructor(private readonly value: string) {
    super();
  }

  public _render(): RenderedHttpParameter {
    return { value: this.value, isValueSecret: false };
  }
}

class SecretHttpParameter extends HttpParameter {
  constructor(private readonly secret: SecretValue) {
    super();
  }

  public _render(scope: Construct, context: SecretResolveContext): RenderedHttpParameter {
    if (!(this.secret instanceof SecretValue)) {
      new Checker(scope).fail(context.property, 'must be given a SecretValue by `HttpParameter.fromSecret()`',
        typeof this.secret === 'string' ? described('a plain string (redacted)') : this.secret,
        'Use SecretValue.secretsManager(), SecretValue.ssmSecureString(), SecretValue.fromTerraformVariable() ' +
          'or, for tests, SecretValue.unsafePlainText(); use HttpParameter.fromString() for a value that is not secret.');
    }
    return { value: this.secret._resolve(scope, context), isValueSecret: true, secret: this.secret };
  }
}
