import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { fail } from './validation';

/** An integer rule from the EventBridge API model: inclusive bounds. */
export interface IntegerRule {
  readonly min: number;
  readonly max: number;
  /** The rule in words, e.g. "must be an integer from 0 to 185". */
  readonly text: string;
}

/**
 * Checks a number against an integer rule. Unresolved tokens pass: their
 * value is known only to Terraform.
 */
export function checkInteger(scope: IConstruct, property: string, value: number, rule: IntegerRule, fix: string): void {
  if (typeof value !== 'number') {
    fail(scope, property, rule.text, value, fix);
  }
  if (Token.isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < rule.min || value > rule.max) {
    fail(scope, property, rule.text, value, fix);
  }
}
