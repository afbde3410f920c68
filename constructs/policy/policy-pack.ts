import { AnnotationMetadataEntryType, Aspects, IAspect, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { PolicyResult, PolicySuppression, checkSuppression, evaluateStack, findings } from "./evaluate";
import { PolicyLevel, PolicyRule, StackDocument } from "./policy-rule";

const SUPPRESSIONS_METADATA = "policy:suppressions";

export interface PolicyPackProps {
  readonly rules: readonly PolicyRule[];
  /** Exceptions that hold for every stack the pack is applied to. @default [] */
  readonly suppressions?: readonly PolicySuppression[];
  /** Level per rule ID, overriding the rule's own (e.g. a gap you are still closing). @default {} */
  readonly levels?: Readonly<Record<string, PolicyLevel>>;
}

/**
 * Policy as code: a cdktf Aspect that evaluates its rules against the Terraform JSON of
 * each stack it is added to, at synth. A non-compliant `error` rule is an error
 * annotation on the offending construct, which fails synth; a `warning` rule only warns.
 * Results of the last synth are kept in `results`.
 *
 * cdktf invokes Aspects per stack (an Aspect on the App is never visited), so add it to
 * each stack, or use `applyPolicy(app, pack)`.
 */
export class PolicyPack implements IAspect {
  readonly rules: readonly PolicyRule[];
  private readonly suppressions: readonly PolicySuppression[];
  private readonly levels: Readonly<Record<string, PolicyLevel>>;
  private readonly byStack = new Map<string, PolicyResult[]>();

  constructor(props: PolicyPackProps) {
    this.rules = props.rules;
    this.suppressions = props.suppressions ?? [];
    this.suppressions.forEach(checkSuppression);
    this.levels = props.levels ?? {};
  }

  /** Every result of every stack visited so far. */
  get results(): PolicyResult[] {
    return [...this.byStack.values()].flat();
  }

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const stack = node as TerraformStack;
    const document = stack.toTerraform() as StackDocument;
    const rules = this.rules.map((rule) => ({ ...rule, level: this.levels[rule.id] ?? rule.level }));
    const results = evaluateStack(document, rules, this.suppressions).map((result) =>
      this.applyConstructSuppressions(stack, result),
    );
    this.byStack.set(stack.node.path, results);
    for (const result of findings(results)) {
      const rule = rules.find((r) => r.id === result.ruleId)!;
      const target = stack.node.findAll().find((c) => c.node.path === result.path) ?? stack;
      const message = formatFinding(rule, result);
      // No stack trace: it would put this machine's paths into manifest.json and break determinism.
      const type = result.level === "error" ? AnnotationMetadataEntryType.ERROR : AnnotationMetadataEntryType.WARN;
      target.node.addMetadata(type, message, { stackTrace: false });
    }
  }

  private applyConstructSuppressions(stack: TerraformStack, result: PolicyResult): PolicyResult {
    if (result.outcome.status !== "non-compliant") return result;
    const rule = this.rules.find((r) => r.id === result.ruleId)!;
    const ids = [rule.id, ...(rule.alsoKnownAs ?? [])];
    const construct = stack.node.findAll().find((c) => c.node.path === result.path);
    for (const scope of construct?.node.scopes ?? []) {
      for (const entry of scope.node.metadata.filter((m) => m.type === SUPPRESSIONS_METADATA)) {
        const suppression = entry.data as PolicySuppression;
        if (ids.includes(suppression.id)) return { ...result, suppressedBecause: suppression.reason };
      }
    }
    return result;
  }
}

/** `[ID] description: finding. Fix: ...` — the line an engineer sees in the synth output. */
export function formatFinding(rule: PolicyRule, result: PolicyResult): string {
  const finding = result.outcome.status === "non-compliant" ? result.outcome.finding : "";
  const aka = rule.alsoKnownAs?.length ? ` (also ${rule.alsoKnownAs.join(", ")})` : "";
  return `[${rule.id}]${aka} ${rule.description}: ${finding}. Fix: ${rule.fix}`;
}

/**
 * Exempts `construct` and everything under it from a rule, with a reason (at least 10
 * characters) that a reviewer can judge.
 */
export function suppressPolicy(construct: IConstruct, id: string, reason: string): void {
  const suppression: PolicySuppression = { id, reason };
  checkSuppression(suppression);
  construct.node.addMetadata(SUPPRESSIONS_METADATA, suppression);
}

/** Adds `pack` to every stack under `scope` that exists now. */
export function applyPolicy(scope: IConstruct, pack: PolicyPack): void {
  for (const construct of scope.node.findAll()) {
    if (TerraformStack.isStack(construct)) Aspects.of(construct).add(pack);
  }
}
