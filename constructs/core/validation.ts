import { IConstruct } from "constructs";
import { isToken } from "./tokens";

/** One broken rule: which property, what it was, what the rule says and how to fix it. */
export interface Violation {
  readonly property: string;
  readonly value: unknown;
  readonly rule: string;
  readonly fix: string;
}

/**
 * A rule of a rule table: `test` returns a violation (or undefined when the props comply).
 * Tables let a construct report every problem at once instead of the first one.
 */
export type Rule<P> = (props: P) => Violation | undefined;

/** Thrown at synth time when a construct's props break one or more rules. */
export class ValidationError extends Error {
  constructor(
    readonly constructPath: string,
    readonly constructType: string,
    readonly violations: readonly Violation[],
  ) {
    super(formatViolations(constructPath, constructType, violations));
    this.name = "ValidationError";
  }
}

/**
 * A violation when `value` is not one of `allowed`. TypeScript's unions vanish at runtime: props
 * built in JavaScript or read from JSON can carry any string, and Azure would refuse it only at
 * apply, so every closed choice that reaches Azure or Terraform is checked against its list.
 */
export function oneOf(property: string, value: unknown, allowed: readonly string[]): Violation | undefined {
  if (typeof value === "string" && allowed.includes(value)) return undefined;
  return {
    property,
    value,
    rule: `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`,
    fix: "use one of the listed values (they are case-sensitive)",
  };
}

/** Runs every rule and throws one error that lists all the violations. */
export function validate<P>(scope: IConstruct, constructType: string, props: P, rules: ReadonlyArray<Rule<P>>): void {
  throwIfAny(scope, constructType, violationsOf(props, rules));
}

/**
 * The violations of every rule. A violation whose value is a Terraform token (a resource
 * attribute, a `TerraformVariable`) is dropped: the value is only known at apply time, so
 * judging its placeholder (`${TfToken[...]}`, a huge negative number) as a literal would
 * refuse valid input with a nonsense value. Terraform and the API servers judge it then.
 */
export function violationsOf<P>(props: P, rules: ReadonlyArray<Rule<P>>): Violation[] {
  return rules.map((rule) => rule(props)).filter((v): v is Violation => v !== undefined && !isToken(v.value));
}

export function throwIfAny(scope: IConstruct, constructType: string, violations: readonly Violation[]): void {
  if (violations.length > 0) {
    throw new ValidationError(scope.node.path, constructType, violations);
  }
}

/** Renders a value for an error message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "undefined";
  return JSON.stringify(value);
}

function formatViolations(path: string, type: string, violations: readonly Violation[]): string {
  const lines = violations.map((v) => `  - ${v.property} = ${show(v.value)}: ${v.rule}. Fix: ${v.fix}`);
  const count = violations.length === 1 ? "1 invalid property" : `${violations.length} invalid properties`;
  return [`${type} at "${path}" has ${count}:`, ...lines].join("\n");
}
