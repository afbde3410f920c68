import { Fn, IResolvable, Token, Tokenization } from "cdktf";

/**
 * True when `value` holds a Terraform expression (a cdktf token) anywhere: a string with
 * `${...}` inside, a number or list token. Such values are known only at apply time, so
 * they are never validated as literals and never taken apart with string operations.
 */
export function isToken(value: unknown): boolean {
  // The element of a list token (`#{TfToken[...]}`) is caught by testing it as a one-element list.
  return Token.isUnresolved(value) || (typeof value === "string" && Token.isUnresolved([value]));
}

/** True when none of `values` is a token: only then can rules compare them with each other. */
export function allKnown(...values: unknown[]): boolean {
  return values.every((value) => !isToken(value));
}

/** `max(1, value)`, also when `value` is a number token (then Terraform's `max` decides at apply). */
export function atLeastOne(value: number): number {
  return isToken(value) ? Token.asNumber(Fn.max([1, value])) : Math.max(1, value);
}

/**
 * A number as a string: KEDA's trigger metadata is a map of strings. `String()` of a number
 * token would print the token's placeholder double, so a token becomes `tostring(...)`.
 */
export function numberString(value: number): string {
  return isToken(value) ? Fn.tostring(value) : String(value);
}

/**
 * A string that mixes literal text and tokens (`${ns.name}.servicebus.windows.net`) as a
 * Terraform `join("", [...])` of its parts, so Terraform functions can take it as an
 * argument: cdktf cannot pass such a template into a function call as it is.
 */
export function asTerraformString(value: string): string {
  if (!isToken(value)) return value;
  const fragments = Tokenization.reverseString(value);
  if (fragments.length === 1 && fragments.firstToken !== undefined) return value;
  const parts: unknown[] = [];
  const collect = (part: unknown) => (Array.isArray(part) ? part : [part]);
  const joined = fragments.join({ join: (left: unknown, right: unknown) => [...collect(left), ...collect(right)] });
  for (const part of collect(joined)) {
    parts.push(typeof part === "string" ? part : Token.asString(part as IResolvable));
  }
  return Fn.join("", parts as string[]);
}
