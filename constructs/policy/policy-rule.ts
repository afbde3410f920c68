/** Where a check comes from; `project` marks rules of this project with no third-party ID. */
export type PolicySource = "checkov" | "trivy" | "kube-score" | "kube-linter" | "pod-security" | "project";

/** `error` fails synth; `warning` is advisory and only annotates. */
export type PolicyLevel = "error" | "warning";

/** The cdk-nag outcome of one rule on one resource. */
export type RuleOutcome =
  | { readonly status: "compliant" }
  | { readonly status: "not-applicable" }
  | { readonly status: "non-compliant"; readonly finding: string };

/** One resource of a synthesized stack: its Terraform type, logical id, construct path and config. */
export interface StackResource {
  readonly type: string;
  readonly logicalId: string;
  /** Construct path from the resource's `//` metadata, e.g. `dev-cluster/cluster`. */
  readonly path: string;
  /** The resource's attributes as Terraform JSON (snake_case, references as `${...}`). */
  readonly config: Record<string, any>;
}

/** A synthesized stack (`cdk.tf.json`), as the rules read it. */
export interface StackDocument {
  readonly resource?: Record<string, Record<string, Record<string, any>>>;
  readonly [block: string]: unknown;
}

/** A policy check in the cdk-nag shape: evaluated against every resource of every stack. */
export interface PolicyRule {
  /** The check's ID in its source tool, e.g. `CKV_AZURE_141`, `AZU-0042`, `kube-score:label-values`. */
  readonly id: string;
  /** IDs of other tools that check the same thing; reported together with `id`. @default [] */
  readonly alsoKnownAs?: readonly string[];
  /** The tool the check comes from. */
  readonly source: PolicySource;
  /** Whether a finding fails synth (`error`) or only warns. */
  readonly level: PolicyLevel;
  /** What a compliant resource looks like, in one sentence. */
  readonly description: string;
  /** How to become compliant. */
  readonly fix: string;
  /**
   * What the rule judges, as its factory was told: Terraform resource types, or Kubernetes kinds
   * inside `kubernetes_manifest` resources. Documentation only (the rule catalogue); `evaluate`
   * decides. @default undefined (not stated)
   */
  readonly appliesTo?: RuleScope;
  /** The outcome for one resource; `stack` is the whole synthesized stack, for checks across resources. */
  evaluate(resource: StackResource, stack: StackDocument): RuleOutcome;
}

/** The outcome of a resource that meets the rule. */
export const COMPLIANT: RuleOutcome = { status: "compliant" };
/** The outcome of a resource the rule does not concern. */
export const NOT_APPLICABLE: RuleOutcome = { status: "not-applicable" };

/** The outcome of a resource that breaks the rule, with what was found. */
export function nonCompliant(finding: string): RuleOutcome {
  return { status: "non-compliant", finding };
}

/** Every ID a rule answers to. */
export function ruleIds(rule: PolicyRule): string[] {
  return [rule.id, ...(rule.alsoKnownAs ?? [])];
}

/** What a rule judges: Terraform resource types, or the kinds of Kubernetes objects (`"all"`: every object). */
export type RuleScope = { readonly resourceTypes: readonly string[] } | { readonly kinds: readonly string[] | "all" };

/** What a rule states about itself (ID, source, level, description, fix): a `PolicyRule` without `evaluate` and `appliesTo`. */
export type PolicyRuleHeader = Omit<PolicyRule, "evaluate" | "appliesTo">;

/**
 * A rule over Terraform resources of the given types: `check` returns a finding, or
 * undefined when the resource complies. Other types are not applicable.
 */
export function resourceRule(
  header: PolicyRuleHeader & { readonly resourceTypes: readonly string[] },
  check: (config: Record<string, any>, stack: StackDocument) => string | undefined | RuleOutcome,
): PolicyRule {
  const { resourceTypes, ...rest } = header;
  return {
    ...rest,
    appliesTo: { resourceTypes },
    evaluate(resource, stack) {
      if (!resourceTypes.includes(resource.type)) return NOT_APPLICABLE;
      return toOutcome(check(resource.config, stack));
    },
  };
}

/** A rule check's result as an outcome: undefined complies, a string is a finding. */
export function toOutcome(result: string | undefined | RuleOutcome): RuleOutcome {
  if (result === undefined) return COMPLIANT;
  return typeof result === "string" ? nonCompliant(result) : result;
}

/** The first element of a Terraform block that cdktf may emit as an object or a one-element list. */
export function block(value: unknown): Record<string, any> | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "object" && first !== null ? (first as Record<string, any>) : undefined;
}
