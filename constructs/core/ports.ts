import { StringCheck, patternCheck } from "./pattern-check";
import { Violation } from "./validation";

/** Port numbers (`containerPort`, `port`, `targetPort`): whole numbers 1-65535. */
export function checkPortNumber(property: string, value: number): Violation | undefined {
  if (Number.isInteger(value) && value >= 1 && value <= 65535) return undefined;
  return { property, value, rule: "must be a port number: a whole number from 1 to 65535", fix: "use e.g. 8080 (ports above 1024 need no privileges)" };
}

/**
 * Port names (IANA_SVC_NAME): 1-15 lowercase letters, digits and '-', at least one
 * letter, no '-' at either end and no '--'.
 */
export const checkPortName: StringCheck = patternCheck({
  pattern: /^(?=.*[a-z])(?!.*--)[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/,
  rule: "must be a port name: 1-15 lowercase letters, digits and '-', with at least one letter and no '-' at either end or twice in a row",
  fix: 'use e.g. "http"',
});
