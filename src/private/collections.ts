import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkString, described, fail, StringRule } from './validation';

/** How to check a map of strings to strings. */
export interface StringMapRule {
  readonly key: StringRule;
  readonly keyFix: string;
  readonly value: StringRule;
  readonly valueFix: string;
  /** The most entries the map may hold. */
  readonly maxEntries?: number;
}

/**
 * Checks a map of plain strings (keys against one rule, values against
 * another) and returns it, or undefined when absent or empty. An unresolved
 * map passes as is; unresolved keys and values pass.
 */
export function checkStringMap(
  scope: IConstruct,
  property: string,
  map: { readonly [key: string]: string } | undefined,
  rule: StringMapRule,
): { [key: string]: string } | undefined {
  if (map === undefined) return undefined;
  if (Token.isUnresolved(map)) return map as { [key: string]: string };
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    fail(scope, property, 'must be a map of strings to strings', map, 'Pass an object such as { "key": "value" }.');
  }
  const keys = Object.keys(map);
  if (rule.maxEntries !== undefined && keys.length > rule.maxEntries) {
    fail(scope, property, `must have at most ${rule.maxEntries} entries`, described(`${keys.length} entries`),
      'Remove entries.');
  }
  for (const key of keys) {
    checkString(scope, property, key, rule.key, rule.keyFix);
    checkString(scope, `${property}[${JSON.stringify(key)}]`, map[key], rule.value, rule.valueFix);
  }
  return keys.length > 0 ? { ...map } : undefined;
}

/**
 * Checks a list of plain strings, each against a rule, and returns it, or
 * undefined when absent or empty. An unresolved list passes as is.
 */
export function checkStringList(
  scope: IConstruct,
  property: string,
  list: string[] | undefined,
  rule: StringRule,
  fix: string,
): string[] | undefined {
  if (list === undefined) return undefined;
  if (Token.isUnresolved(list)) return list;
  if (!Array.isArray(list)) {
    fail(scope, property, 'must be a list of strings', list, 'Pass an array such as ["value"].');
  }
  list.forEach((item, i) => checkString(scope, `${property}[${i}]`, item, rule, fix));
  return list.length > 0 ? [...list] : undefined;
}
