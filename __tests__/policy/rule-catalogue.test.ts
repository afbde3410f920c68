import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_RULES, PolicyRule, resourceRule } from "../../constructs/policy";
import { ruleCatalogue } from "../../constructs/policy/catalogue";
import { ruleIds } from "../../constructs/policy/policy-rule";

// The rule catalogue is the pack's contract with its users: which IDs exist, which fail synth,
// what each judges. The committed file must be the rendering of ALL_RULES, and each rule's header
// must be one a user can act on (an ID of its tool's shape, a level, a description and a fix).

const CATALOGUE = join(__dirname, "..", "..", "constructs", "policy", "RULES.md");

describe("constructs/policy/RULES.md", () => {
  test("is the catalogue of ALL_RULES (UPDATE_RULE_CATALOGUE=1 rewrites it)", () => {
    const rendered = ruleCatalogue(ALL_RULES);
    if (process.env.UPDATE_RULE_CATALOGUE === "1") writeFileSync(CATALOGUE, rendered);
    expect(readFileSync(CATALOGUE, "utf8")).toBe(rendered);
  });
});

/** The shape of each tool's check IDs, as its own docs spell them. */
const ID_SHAPES: Record<PolicyRule["source"], RegExp> = {
  checkov: /^CKV2?_(AZURE|K8S)_\d+$/,
  trivy: /^AZU-\d{4}$/,
  "kube-score": /^kube-score:[a-z]+(-[a-z]+)*$/,
  "kube-linter": /^kube-linter:[a-z]+(-[a-z]+)*$/,
  "pod-security": /^PSS:[A-Za-z]+(_[A-Za-z]+)?$/,
  project: /^PRJ_[A-Z]+(_[A-Z]+)*$/,
};
/** Aliases may also name a tool no rule comes from (secretlint's gate checks the same thing). */
const ALIAS_SHAPES = [...Object.values(ID_SHAPES), /^secretlint:[a-z0-9]+(-[a-z0-9]+)*$/];
const anyShape = (id: string) => ALIAS_SHAPES.some((shape) => shape.test(id));

describe("every rule states a usable header", () => {
  test.each(ALL_RULES.map((r) => [r.id, r] as const))("%s", (_id, rule) => {
    expect(rule.id).toMatch(ID_SHAPES[rule.source]);
    for (const alias of rule.alsoKnownAs ?? []) expect({ alias, hasAToolsShape: anyShape(alias) }).toEqual({ alias, hasAToolsShape: true });
    expect(["error", "warning"]).toContain(rule.level);
    expect(rule.description).toMatch(/^[A-Z].{10,}[^.]$/);
    expect(rule.fix).toMatch(/^\S.{5,}/);
    const scope = rule.appliesTo;
    expect(scope).toBeDefined();
    const names = scope && "resourceTypes" in scope ? scope.resourceTypes : scope?.kinds;
    if (names !== "all") {
      expect(names?.length).toBeGreaterThan(0);
      for (const name of names ?? []) expect(name).toMatch(/^(azurerm_[a-z_]+|[A-Z][A-Za-z]+)$/);
    }
  });

  test("no two rules answer to the same ID", () => {
    const ids = ALL_RULES.flatMap(ruleIds);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("the ID shapes refuse near misses", () => {
    expect(ID_SHAPES.checkov.test("CKV_AZURE_141")).toBe(true);
    expect(ID_SHAPES.checkov.test("CKV_AZURE_")).toBe(false);
    expect(ID_SHAPES["kube-score"].test("kube-score:label-values")).toBe(true);
    expect(ID_SHAPES["kube-score"].test("kube-score:")).toBe(false);
    expect(anyShape("")).toBe(false);
  });
});

describe("ruleCatalogue", () => {
  const rule = (over: Partial<Parameters<typeof resourceRule>[0]> = {}) =>
    resourceRule(
      { id: "ORG-1", source: "project", level: "error", description: "Has a | pipe", fix: "set x", resourceTypes: ["azurerm_storage_account"], ...over },
      () => undefined,
    );

  test("counts the levels and puts Terraform and Kubernetes rules in their sections", () => {
    const text = ruleCatalogue([rule(), rule({ id: "ORG-2", level: "warning" }), ALL_RULES.find((r) => r.id === "CKV_K8S_13")!]);
    expect(text).toContain("3 rules: 2 fail synth (`error`), 1 only warn (`warning`).");
    const [terraform, kubernetes] = text.split("## Kubernetes objects");
    expect(terraform).toContain("| `ORG-1` |  | project | error | `azurerm_storage_account` | Has a \\| pipe | set x |");
    expect(terraform).toContain("| `ORG-2` |  | project | warning |");
    expect(kubernetes).toContain("| `CKV_K8S_13` | `kube-linter:unset-memory-requirements` | checkov | error | Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job |");
  });

  test("a rule without a stated scope is listed as such; an empty section is left out", () => {
    const { appliesTo: _dropped, ...unscoped } = rule();
    const text = ruleCatalogue([unscoped]);
    expect(text).toContain("| (not stated) |");
    expect(text).not.toContain("## Kubernetes objects");
    expect(ruleCatalogue([ALL_RULES.find((r) => r.id === "CKV_K8S_21")!])).toContain("| every object |");
  });
});
