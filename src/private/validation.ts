import { Token } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * The error every validation rule of this library throws.
 *
 * Its message names, in this order: the property, the rule, the value that
 * broke it (a secret is described, never echoed), the construct path, and
 * how to fix it.
 */
export class ConnectionValidationError extends Error {
  /** The path of the construct that received the bad input. */
  public readonly constructPath: string;
  /** The property that holds the bad input. */
  public readonly property: string;

  constructor(scope: IConstruct, property: string, message: string) {
    super(message);
    this.name = 'ValidationError';
    this.constructPath = scope.node.path;
    this.property = property;
  }
}

/** How a rule describes the value it refused. */
export type Shown = { readonly secret: boolean };

const PLAIN: Shown = { secret: false };
const SECRET: Shown = { secret: true };

/** A value already put in words, shown as is by describeValue. */
export class Described {
  constructor(public readonly text: string) {}
}

/** Puts a value in words for an error message, e.g. `3 entries`. */
export function described(text: string): Described {
  return new Described(text);
}

/** Describes a value for an error message; a secret is never echoed. */
export function describeValue(value: unknown, shown: Shown = PLAIN): string {
  if (value instanceof Described) return value.text;
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (shown.secret) {
      const n = codePointLength(value);
      return `a secret value of ${n} character${n === 1 ? '' : 's'} (redacted)`;
    }
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 60)}..." (${codePointLength(value)} characters)` : json;
  }
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') {
    const ctor = (value as object).constructor;
    return ctor && ctor !== Object ? `an instance of ${ctor.name}` : 'an object';
  }
  return `${typeof value} ${String(value)}`;
}

/** Length in characters (code points), as the EventBridge API counts them. */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** The one message format of the library. */
export function fail(
  scope: IConstruct,
  property: string,
  rule: string,
  value: unknown,
  fix: string,
  shown: Shown = PLAIN,
): never {
  throw new ConnectionValidationError(
    scope,
    property,
    `\`${property}\` ${rule}, got ${describeValue(value, shown)} (at ${scope.node.path}). ${fix}`,
  );
}

/**
 * A string rule from the EventBridge API model: length bounds and a pattern.
 * Patterns are compiled once, at module load, and match the whole value.
 */
export interface StringRule {
  readonly min: number;
  readonly max: number;
  readonly pattern?: RegExp;
  /** The rule in words, e.g. "must be 1-64 characters of A-Z a-z 0-9 . - _". */
  readonly text: string;
}

/**
 * Checks a string against a rule. Unresolved tokens pass: their value is
 * known only to Terraform.
 */
export function checkString(
  scope: IConstruct,
  property: string,
  value: string,
  rule: StringRule,
  fix: string,
  shown: Shown = PLAIN,
): void {
  requireString(scope, property, value, shown);
  if (Token.isUnresolved(value)) return;
  const n = codePointLength(value);
  if (n < rule.min || n > rule.max || (rule.pattern && !rule.pattern.test(value))) {
    fail(scope, property, rule.text, value, fix, shown);
  }
}

/** Rejects what is not a string (JSON-driven or Python callers). */
export function requireString(scope: IConstruct, property: string, value: unknown, shown: Shown = PLAIN): void {
  if (value === undefined || value === null) {
    fail(scope, property, 'is required', value, `Pass a string for \`${property}\`.`, shown);
  }
  if (typeof value !== 'string') {
    fail(scope, property, 'must be a string', value, `Pass a string for \`${property}\`.`, shown);
  }
}

/**
 * Refuses an option that the installed provider binding cannot express. A generated
 * binding has an accessor on its prototype for each argument it knows; it silently
 * ignores any other key of its config, so without this check the option would be lost.
 *
 * @param binding the generated resource or data source class that would receive the argument
 * @param argument the argument's name in the binding (camelCase)
 * @param since which provider versions have the argument, for the message
 * @param fix what to do instead
 */
export function requireBindingArgument(
  scope: IConstruct,
  property: string,
  value: unknown,
  binding: { readonly prototype: object; readonly tfResourceType?: string },
  argument: string,
  since: string,
  fix: string,
): void {
  if (value === undefined || bindingHasArgument(binding, argument)) return;
  fail(scope, property,
    `needs the \`${argument}\` argument of ${binding.tfResourceType ?? 'the resource'}, which the installed provider binding does not have (${since})`,
    value, fix);
}

/** Whether a generated binding class has an argument (an accessor on its prototype chain). */
export function bindingHasArgument(binding: { readonly prototype: object }, argument: string): boolean {
  for (let proto: object | null = binding.prototype; proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.getOwnPropertyDescriptor(proto, argument) !== undefined) return true;
  }
  return false;
}

/** Marks a value as secret for describeValue. */
export const secret: Shown = SECRET;

/** A shallow copy of props without the keys whose value is null: null means "not given". */
export function withoutNulls<T extends object>(props: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value !== null) copy[key] = value;
  }
  return copy as T;
}
