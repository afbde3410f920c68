import { AnnotationMetadataEntryType, Aspects, IAspect, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { PolicyResult, PolicySuppression, checkSuppression, evaluateStack, findings } from "./evaluate";
import { PolicyLevel, PolicyRule, StackDocument } from "./policy-rule";
import { byCodePoint } from "../core/ordering";

const SUPPRESSIONS_METADATA = "policy:suppressions";

/** Props of {@link PolicyPack}: the rules to run, and the exceptions and level changes that hold for every stack. */
export interface PolicyPackProps {
  /** The rules to evaluate, e.g. `ALL_RULES` plus rules of your own. */
  readonly rules: readonly PolicyRule[];
  /** Exceptions that hold for every stack the pack is applied to. @default [] */
  readonly suppressions?: readonly PolicySuppression[];
  /** Level per rule ID, overriding the rule's own (e.g. a gap you are still closing). @default {} */
  readonly levels?: Readonly<Record<string, PolicyLevel>>;
}

/**
 * Policy as code: a cdktf Aspect that evaluates its rules against the Terraform JSON of
 * each stack it is added to, at synth. A `warning` finding is a warning annotation on the
 * offending construct. `error` findings fail synth atomically: the first visit of a synth
 * evaluates every stack the pack is added to and throws one Error listing every error finding
 * of every stack, before cdktf writes any of them. Results of the last synth are kept in `results`.
 *
 * cdktf invokes Aspects per stack (an Aspect on the App is never visited), so add it to
 * each stack, or use `applyPolicy(app, pack)`.
 */
export class PolicyPack implements IAspect {
  readonly rules: readonly PolicyRule[];
  private readonly suppressions: readonly PolicySuppression[];
  private readonly levels: Readonly<Record<string, PolicyLevel>>;
  private readonly byStack = new Map<string, PolicyResult[]>();
  /** Stacks this synth's first visit already evaluated, whose own visit is still to come. */
  private readonly evaluatedAhead = new Set<IConstruct>();

  constructor(props: PolicyPackProps) {
    this.rules = props.rules;
    this.suppressions = props.suppressions ?? [];
    this.suppressions.forEach(checkSuppression);
    this.levels = props.levels ?? {};
  }

  /** Every result of every stack evaluated so far (the last evaluation of each stack). */
  get results(): PolicyResult[] {
    return [...this.byStack.values()].flat();
  }

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    if (this.evaluatedAhead.delete(node)) return;
    // cdktf writes each stack right after visiting it, so the first visit checks them all.
    const stacks = this.stacksOfApp(node);
    this.evaluatedAhead.clear();
    const errors = stacks.flatMap((stack) => this.evaluate(stack));
    if (errors.length > 0) throw new Error(failureMessage(errors));
    for (const stack of stacks) if (stack !== node) this.evaluatedAhead.add(stack);
  }

  /** `first` and every other stack of its app that this pack is added to, in synth order. */
  private stacksOfApp(first: TerraformStack): TerraformStack[] {
    const stacks = first.node.root.node
      .findAll()
      .filter((c): c is TerraformStack => TerraformStack.isStack(c) && c !== first && Aspects.of(c).all.includes(this));
    return [first, ...stacks];
  }

  /** Records the stack's results, annotates its warnings and returns its error findings. */
  private evaluate(stack: TerraformStack): ErrorFinding[] {
    const document = stack.toTerraform() as StackDocument;
    const rules = this.rules.map((rule) => ({ ...rule, level: this.levels[rule.id] ?? rule.level }));
    const constructs = new Map(stack.node.findAll().map((c) => [c.node.path, c]));
    const results = evaluateStack(document, rules, this.suppressions).map((result) =>
      this.applyConstructSuppressions(constructs.get(result.path), result),
    );
    this.byStack.set(stack.node.path, results);
    const errors: ErrorFinding[] = [];
    for (const result of findings(results)) {
      const rule = rules.find((r) => r.id === result.ruleId)!;
      const message = formatFinding(rule, result);
      if (result.level === "error") {
        errors.push({ stack: stack.node.path, path: result.path, ruleId: rule.id, message });
      } else {
        const target = constructs.get(result.path) ?? stack;
        // No stack trace: it would put this machine's paths into manifest.json and break determinism.
        target.node.addMetadata(AnnotationMetadataEntryType.WARN, message, { stackTrace: false });
      }
    }
    return errors;
  }

  private applyConstructSuppressions(construct: IConstruct | undefined, result: PolicyResult): PolicyResult {
    if (result.outcome.status !== "non-compliant") return result;
    const rule = this.rules.find((r) => r.id === result.ruleId)!;
    const ids = [rule.id, ...(rule.alsoKnownAs ?? [])];
    for (const scope of construct?.node.scopes ?? []) {
      for (const entry of scope.node.metadata.filter((m) => m.type === SUPPRESSIONS_METADATA)) {
        const suppression = entry.data as PolicySuppression;
        if (ids.includes(suppression.id)) return { ...result, suppressedBecause: suppression.reason };
      }
    }
    return result;
  }
}

interface ErrorFinding {
  readonly stack: string;
  readonly path: string;
  readonly ruleId: string;
  readonly message: string;
}

/** One line per finding, sorted by construct path and rule ID so the output does not depend on synth order. */
function failureMessage(errors: readonly ErrorFinding[]): string {
  const sorted = [...errors].sort((a, b) => byCodePoint(a.path, b.path) || byCodePoint(a.ruleId, b.ruleId) || byCodePoint(a.message, b.message));
  const stacks = new Set(errors.map((e) => e.stack)).size;
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  return [
    `Policy check failed: ${count(errors.length, "finding")} in ${count(stacks, "stack")} (nothing was written)`,
    ...sorted.map((e) => `  - ${e.path}: ${e.message}`),
  ].join("\n");
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
