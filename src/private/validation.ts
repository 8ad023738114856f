import { Token } from 'cdktf';
import type { IApiDestination } from '../api-destination';
import type { IConnection } from '../connection';
import { ValidationError } from '../errors';

/*
 * The library's one way to refuse input. A construct makes a `Checker` bound to itself and
 * checks each prop at the call site:
 *
 *   const check = new Checker(this);
 *   const props = check.props(given, 'Pass ... with at least `connection`.');
 *   check.string('description', props.description, DESCRIPTION, 'Shorten the description.');
 *
 * Every message has one form: the property, the rule, the value that broke it (a secret is
 * described, never shown), the construct path, and how to fix it. Unresolved tokens pass every
 * value check: their value is known only to Terraform.
 */

/** A string rule from the EventBridge API model: length bounds and a pattern matching the whole value. */
export interface StringRule {
  readonly min: number;
  readonly max: number;
  readonly pattern?: RegExp;
  /** The rule in words, e.g. "must be 1-64 characters of A-Z a-z 0-9 . - _". */
  readonly text: string;
}

/** An integer rule from the EventBridge API model: inclusive bounds. */
export interface IntegerRule {
  readonly min: number;
  readonly max: number;
  /** The rule in words, e.g. "must be an integer from 0 to 185". */
  readonly text: string;
}

/** How to check a map of strings to strings. */
export interface StringMapRule {
  readonly key: StringRule;
  readonly keyFix: string;
  readonly value: StringRule;
  readonly valueFix: string;
  /** The most entries the map may hold. */
  readonly maxEntries?: number;
}

/** How a check shows the value it refuses. */
export interface CheckOptions {
  /** The value is a secret: describe it (its length), never show it. */
  readonly secret?: boolean;
}

/** A value already put in words, shown as is in a message. */
export class Described {
  constructor(public readonly text: string) {}
}

/** Puts a value in words for a message, e.g. `3 entries`. */
export function described(text: string): Described {
  return new Described(text);
}

/**
 * What a {@link Checker} checks the input of: a construct or, for a plain class that is not one
 * (`HttpInvokeTask`), an object that names where it belongs by a path of the same form.
 */
export interface CheckSubject {
  readonly node: { readonly path: string };
}

/** The checks of one construct's input, each failing with the library's message. */
export class Checker {
  constructor(private readonly scope: CheckSubject) {}

  /** Throws the library's error for `property`. */
  public fail(property: string, rule: string, value: unknown, fix: string, options: CheckOptions = {}): never {
    throw new ValidationError(this.scope, property,
      `\`${property}\` ${rule}, got ${describeValue(value, options)} (at ${this.scope.node.path}). ${fix}`);
  }

  /**
   * The props object with its `null` values removed: an optional prop given as `null`
   * (Python `None`, JSON) means "not given", on every construct and struct. A missing or
   * non-object props is refused.
   */
  public props<T extends object>(given: T, fix: string, property = 'props'): T {
    if (given === null || typeof given !== 'object') this.fail(property, 'must be an object', given, fix);
    return withoutNulls(given);
  }

  /** A required string that must satisfy `rule`. */
  public string(property: string, value: string, rule: StringRule, fix: string, options: CheckOptions = {}): void {
    this.requireString(property, value, options);
    if (Token.isUnresolved(value)) return;
    const n = codePointLength(value);
    if (n < rule.min || n > rule.max || (rule.pattern && !rule.pattern.test(value))) {
      this.fail(property, rule.text, value, fix, options);
    }
  }

  /** An optional string: checked against `rule` when given. */
  public optionalString(property: string, value: string | undefined, rule: StringRule, fix: string): void {
    if (value !== undefined) this.string(property, value, rule, fix);
  }

  /** Refuses what is not a string (JSON-driven or Python callers). */
  public requireString(property: string, value: unknown, options: CheckOptions = {}): void {
    if (value === undefined || value === null) this.fail(property, 'is required', value, `Pass a string for \`${property}\`.`, options);
    if (typeof value !== 'string') this.fail(property, 'must be a string', value, `Pass a string for \`${property}\`.`, options);
  }

  /**
   * An optional literal boolean (it decides what is synthesized, so a token cannot stand for it);
   * returns it, or undefined when absent.
   */
  public optionalBoolean(property: string, value: boolean | undefined): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') {
      this.fail(property, 'must be true or false', value, `Pass a literal true or false for \`${property}\`, or omit it.`);
    }
    return value;
  }

  /** A number that must be an integer within `rule`. */
  public integer(property: string, value: number, rule: IntegerRule, fix: string): void {
    if (typeof value !== 'number') this.fail(property, rule.text, value, fix);
    if (Token.isUnresolved(value)) return;
    if (!Number.isInteger(value) || value < rule.min || value > rule.max) this.fail(property, rule.text, value, fix);
  }

  /**
   * A map of plain strings (keys against one rule, values against another); returns a copy,
   * or undefined when absent or empty. An unresolved map passes as is.
   */
  public stringMap(property: string, map: { readonly [key: string]: string } | undefined, rule: StringMapRule):
  { [key: string]: string } | undefined {
    if (map === undefined) return undefined;
    if (Token.isUnresolved(map)) return map as { [key: string]: string };
    if (map === null || typeof map !== 'object' || Array.isArray(map)) {
      this.fail(property, 'must be a map of strings to strings', map, 'Pass an object such as { "key": "value" }.');
    }
    const keys = Object.keys(map);
    if (rule.maxEntries !== undefined && keys.length > rule.maxEntries) {
      this.fail(property, `must have at most ${rule.maxEntries} entries`, described(`${keys.length} entries`), 'Remove entries.');
    }
    for (const key of keys) {
      this.string(property, key, rule.key, rule.keyFix);
      this.string(`${property}[${JSON.stringify(key)}]`, map[key], rule.value, rule.valueFix);
    }
    return keys.length > 0 ? { ...map } : undefined;
  }

  /**
   * A list of plain strings, each against `rule`; returns a copy, or undefined when absent or
   * empty. An unresolved list passes as is.
   */
  public stringList(property: string, list: string[] | undefined, rule: StringRule, fix: string): string[] | undefined {
    if (list === undefined) return undefined;
    if (Token.isUnresolved(list)) return list;
    if (!Array.isArray(list)) this.fail(property, 'must be a list of strings', list, 'Pass an array such as ["value"].');
    list.forEach((item, i) => this.string(`${property}[${i}]`, item, rule, fix));
    return list.length > 0 ? [...list] : undefined;
  }

  /** A connection made by this library or imported with it (an {@link IConnection}); `optional` says so in the fix. */
  public connection(property: string, value: IConnection, optional = false): IConnection {
    const candidate = value as unknown;
    if (candidate === null || typeof candidate !== 'object' || typeof (candidate as IConnection).connectionArn !== 'string') {
      this.fail(property, 'must be a connection (IConnection)', candidate,
        `Pass a Connection, ApiKeyConnection, BasicConnection, OAuthConnection or an imported connection${optional ? ', or omit it' : ''}.`);
    }
    return value;
  }

  /** An API destination made by this library or imported with it (an {@link IApiDestination}). */
  public apiDestination(property: string, value: IApiDestination): IApiDestination {
    const candidate = value as unknown;
    if (candidate === null || typeof candidate !== 'object' || typeof (candidate as IApiDestination).apiDestinationArn !== 'string') {
      this.fail(property, 'must be an API destination (IApiDestination)', candidate,
        'Pass an ApiDestination or ApiDestination.fromApiDestinationArn().');
    }
    return value;
  }

  /**
   * Refuses an option that the installed provider binding cannot express. A generated
   * binding has an accessor on its prototype for each argument it knows; it silently
   * ignores any other key of its config, so without this check the option would be lost.
   *
   * @param binding the generated resource or data source class that would receive the argument
   * @param argument the argument's name in the binding (camelCase)
   * @param since which provider versions have the argument, for the message
   */
  public bindingArgument(
    property: string,
    value: unknown,
    binding: { readonly prototype: object; readonly tfResourceType?: string },
    argument: string,
    since: string,
    fix: string,
  ): void {
    if (value === undefined || bindingHasArgument(binding, argument)) return;
    this.fail(property,
      `needs the \`${argument}\` argument of ${binding.tfResourceType ?? 'the resource'}, which the installed provider binding does not have (${since})`,
      value, fix);
  }
}

/** Whether a generated binding class has an argument (an accessor on its prototype chain). */
export function bindingHasArgument(binding: { readonly prototype: object }, argument: string): boolean {
  for (let proto: object | null = binding.prototype; proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.getOwnPropertyDescriptor(proto, argument) !== undefined) return true;
  }
  return false;
}

/** Describes a value for a message; a secret is never echoed. */
export function describeValue(value: unknown, options: CheckOptions = {}): string {
  if (value instanceof Described) return value.text;
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (options.secret) {
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

/** A shallow copy of props without the keys whose value is null: null means "not given". */
export function withoutNulls<T extends object>(props: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value !== null) copy[key] = value;
  }
  return copy as T;
}
