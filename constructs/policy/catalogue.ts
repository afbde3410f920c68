import { PolicyRule, RuleScope } from "./policy-rule";

/**
 * The rule catalogue (constructs/policy/RULES.md) as Markdown: one row per rule with its IDs,
 * source, level, what it judges, what compliance looks like and the fix. Users read it to know
 * which findings fail synth and which IDs to suppress or re-level; a test keeps the committed
 * file equal to this rendering of ALL_RULES, so a rule's stated contract cannot drift silently.
 */
export function ruleCatalogue(rules: readonly PolicyRule[]): string {
  const count = (level: string) => rules.filter((r) => r.level === level).length;
  const section = (title: string, members: readonly PolicyRule[]) =>
    members.length === 0
      ? []
      : [
          `## ${title}`,
          "",
          "| ID | also checked as | source | level | applies to | compliant when | fix |",
          "|---|---|---|---|---|---|---|",
          ...members.map(row),
          "",
        ];
  const isKubernetes = (r: PolicyRule) => r.appliesTo !== undefined && "kinds" in r.appliesTo;
  return [
    "# Policy rules",
    "",
    "<!-- Generated from ALL_RULES (constructs/policy/catalogue.ts); rewrite with",
    "     UPDATE_RULE_CATALOGUE=1 npx jest __tests__/policy/rule-catalogue.test.ts -->",
    "",
    `${rules.length} rules: ${count("error")} fail synth (\`error\`), ${count("warning")} only warn (\`warning\`).`,
    "`PolicyPack`'s `levels` re-levels a rule by any of its IDs; `suppressPolicy` exempts a construct with a reason.",
    "",
    ...section("Terraform resources", rules.filter((r) => !isKubernetes(r))),
    ...section("Kubernetes objects (in `kubernetes_manifest`)", rules.filter(isKubernetes)),
  ].join("\n");
}

function row(rule: PolicyRule): string {
  const cells = [
    `\`${rule.id}\``,
    (rule.alsoKnownAs ?? []).map((id) => `\`${id}\``).join(", "),
    rule.source,
    rule.level,
    scope(rule.appliesTo),
    rule.description,
    rule.fix,
  ];
  return `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
}

function scope(appliesTo: RuleScope | undefined): string {
  if (appliesTo === undefined) return "(not stated)";
  if ("resourceTypes" in appliesTo) return appliesTo.resourceTypes.map((t) => `\`${t}\``).join(", ");
  return appliesTo.kinds === "all" ? "every object" : appliesTo.kinds.join(", ");
}
