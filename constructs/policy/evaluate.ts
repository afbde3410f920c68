import { PolicyRule, RuleOutcome, StackDocument, StackResource } from "./policy-rule";

/** An exception to a rule, with the reason a reviewer can judge. */
export interface PolicySuppression {
  /** Any ID of the rule (`id` or one of `alsoKnownAs`). */
  readonly id: string;
  /** Why the rule does not apply here; at least 10 characters. */
  readonly reason: string;
  /** Only resources whose construct path starts with this. @default every resource */
  readonly pathPrefix?: string;
}

/** The outcome of one rule on one resource. */
export interface PolicyResult {
  /** The rule's own ID (not one of its `alsoKnownAs`). */
  readonly ruleId: string;
  /** The rule's level when it was evaluated. */
  readonly level: PolicyRule["level"];
  /** Construct path of the resource, e.g. `dev-cluster/cluster`. */
  readonly path: string;
  /** Terraform type of the resource, e.g. `azurerm_kubernetes_cluster`. */
  readonly resourceType: string;
  /** What the rule found. */
  readonly outcome: RuleOutcome;
  /** Set when a suppression turned a non-compliant outcome into an accepted one. */
  readonly suppressedBecause?: string;
}

/** The resources of a synthesized stack, in file order. */
export function stackResources(stack: StackDocument): StackResource[] {
  return Object.entries(stack.resource ?? {}).flatMap(([type, byId]) =>
    Object.entries(byId).map(([logicalId, config]) => ({
      type,
      logicalId,
      path: (config["//"]?.metadata?.path as string | undefined) ?? `${type}.${logicalId}`,
      config,
    })),
  );
}

/** Throws when a suppression has no real reason: an exception nobody can judge is no exception. */
export function checkSuppression(suppression: PolicySuppression): void {
  if (suppression.reason.trim().length < 10) {
    throw new Error(
      `Policy suppression of ${suppression.id} needs a reason of at least 10 characters (got ${JSON.stringify(suppression.reason)}): say why the rule does not apply.`,
    );
  }
}

/** Evaluates every rule against every resource of a stack. Pure: no construct tree needed. */
export function evaluateStack(
  stack: StackDocument,
  rules: readonly PolicyRule[],
  suppressions: readonly PolicySuppression[] = [],
): PolicyResult[] {
  suppressions.forEach(checkSuppression);
  const results: PolicyResult[] = [];
  for (const resource of stackResources(stack)) {
    for (const rule of rules) {
      const outcome = rule.evaluate(resource, stack);
      const ids = [rule.id, ...(rule.alsoKnownAs ?? [])];
      const suppression =
        outcome.status === "non-compliant"
          ? suppressions.find((s) => ids.includes(s.id) && resource.path.startsWith(s.pathPrefix ?? ""))
          : undefined;
      results.push({
        ruleId: rule.id,
        level: rule.level,
        path: resource.path,
        resourceType: resource.type,
        outcome,
        ...(suppression ? { suppressedBecause: suppression.reason } : {}),
      });
    }
  }
  return results;
}

/** Results that must be reported: non-compliant and not suppressed. */
export function findings(results: readonly PolicyResult[]): PolicyResult[] {
  return results.filter((r) => r.outcome.status === "non-compliant" && r.suppressedBecause === undefined);
}
