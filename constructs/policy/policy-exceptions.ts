import { Violation } from "../core/validation";
import { ALL_RULES } from "./all-rules";
import { PolicyRule, ruleIds } from "./policy-rule";

/** The shortest reason an environment's accepted risk may give: a reviewer must be able to judge it. */
const MIN_EXCEPTION_REASON = 40;

/**
 * The IDs in `ids` that no rule answers to (neither a rule's `id` nor one of its
 * `alsoKnownAs`). An exception naming such an ID suppresses nothing, usually because of a typo.
 *
 * @param rules the rule set the IDs must belong to. @default ALL_RULES
 */
export function unknownCheckIds(ids: readonly string[], rules: readonly PolicyRule[] = ALL_RULES): string[] {
  const known = new Set(rules.flatMap(ruleIds));
  return ids.filter((id) => !known.has(id));
}

/**
 * The violations of a list of accepted risks (an environment's `policyExceptions`): each entry
 * must name at least one known check ID and give a reason of at least 40 characters. The policy
 * layer owns this check, so configuration code can validate exceptions without knowing the rules:
 * the entries are taken structurally (`{ ids, reason }`).
 *
 * @param property where the list sits in the caller's props, e.g. `cluster.policyExceptions`
 * @param rules the rule set the IDs must belong to. @default ALL_RULES
 */
export function policyExceptionViolations(
  property: string,
  exceptions: ReadonlyArray<{ readonly ids: readonly string[]; readonly reason: string }>,
  rules: readonly PolicyRule[] = ALL_RULES,
): Violation[] {
  return exceptions.flatMap((exception, i): Violation[] => {
    const unknown = unknownCheckIds(exception.ids, rules);
    const violations: Violation[] = [];
    if (exception.ids.length === 0 || unknown.length > 0) {
      violations.push({
        property: `${property}[${i}].ids`,
        value: exception.ids,
        rule: `must list known check IDs (${JSON.stringify(unknown[0] ?? "none listed")} is not one)`,
        fix: 'use the IDs the synth warnings print, e.g. "CKV_AZURE_170"',
      });
    }
    if (exception.reason.trim().length < MIN_EXCEPTION_REASON) {
      violations.push({
        property: `${property}[${i}].reason`,
        value: exception.reason,
        rule: `must give a reason of at least ${MIN_EXCEPTION_REASON} characters a reviewer can judge`,
        fix: "say why the risk is acceptable in this environment",
      });
    }
    return violations;
  });
}
