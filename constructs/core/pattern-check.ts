import { isToken } from "./tokens";
import { Violation } from "./validation";

/** Checks one string property: the violation, or undefined when `value` complies. */
export type StringCheck = (property: string, value: string) => Violation | undefined;

/** A grammar for names and other strings, and what to tell the user when a value breaks it. */
export interface PatternRule {
  /** Matches every valid value in full (anchor it: `^...$`). No `g` or `y` flag: those make `test` stateful. */
  readonly pattern: RegExp;
  /**
   * The longest valid value, for grammars whose length bound a regular expression states badly
   * (a repeated group such as a DNS subdomain's labels).
   * @default no bound beyond the pattern's own
   */
  readonly maxLength?: number;
  /** What a valid value is, e.g. `must be 3-24 lowercase letters and digits`. */
  readonly rule: string;
  /** How to fix the value; a function receives the value ("" when it is not a string), to suggest a valid one. */
  readonly fix: string | ((value: string) => string);
}

/**
 * The check of a string grammar: one place states that a value complies when it matches
 * `pattern` (and is at most `maxLength` long), and how a violation reads. The name rules
 * of Azure, Kubernetes and the Functions host are each one such rule. A value that holds a
 * Terraform token is only known at apply time, so it is never judged as a literal.
 */
export function patternCheck(rule: PatternRule): StringCheck {
  if (rule.pattern.global || rule.pattern.sticky) {
    throw new Error(`patternCheck needs a pattern without the g or y flag (got ${String(rule.pattern)}): those flags make RegExp.test remember its last match`);
  }
  return (property, value) => {
    if (isToken(value)) return undefined;
    // JS and JSON callers can pass anything: RegExp.test would judge String(undefined), and "undefined" or "null" fit many grammars.
    if (typeof value === "string" && (rule.maxLength === undefined || value.length <= rule.maxLength) && rule.pattern.test(value)) return undefined;
    return { property, value, rule: rule.rule, fix: typeof rule.fix === "string" ? rule.fix : rule.fix(typeof value === "string" ? value : "") };
  };
}
