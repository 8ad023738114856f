/** Marks the library's validation errors, across copies of the library in one process. */
const VALIDATION_ERROR = Symbol.for('eventbridge-connection.ValidationError');

/**
 * Tells the library's errors apart from others.
 *
 * Every error this library throws for bad input is a `ValidationError` (its `name`), whose
 * message names the property, the rule, the value (a secret described, never shown), the
 * construct path and the fix. In TypeScript, `error instanceof ValidationError` works too
 * (`import { ValidationError } from '<package>'`); from Python the error arrives as a jsii
 * error (`RuntimeError`) whose message starts with the same text.
 */
export class Errors {
  /**
   * Whether `x` is a validation error of this library.
   *
   * @param x anything caught
   */
  public static isValidationError(x: any): boolean {
    return x !== null && typeof x === 'object' && VALIDATION_ERROR in x;
  }

  private constructor() {}
}

/** The base of the library's errors; not part of the jsii API (jsii cannot export Error subclasses). */
abstract class LibraryError extends Error {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * The error every validation rule of this library throws (its `name` is `ValidationError`).
 *
 * Exported for TypeScript (`instanceof`); jsii languages use {@link Errors.isValidationError}.
 *
 * @internal
 */
export class ValidationError extends LibraryError {
  /** The path of the construct that received the bad input. */
  public readonly constructPath: string;
  /** The property that holds the bad input. */
  public readonly property: string;

  /**
   * @param scope what received the bad input: a construct, or a plain class that names itself
   * by the construct it belongs to (only its `node.path` is read)
   */
  constructor(scope: { readonly node: { readonly path: string } }, property: string, message: string) {
    super(message);
    this.name = 'ValidationError';
    this.constructPath = scope.node.path;
    this.property = property;
    Object.defineProperty(this, VALIDATION_ERROR, { value: true });
  }
}
