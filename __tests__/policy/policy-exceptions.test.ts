import { ALL_RULES, resourceRule } from "../../constructs/policy";
import { policyExceptionViolations, unknownCheckIds } from "../../constructs/policy/policy-exceptions";

const REASON = "a reason that is long enough for a reviewer to judge it";

describe("unknownCheckIds", () => {
  test("names the IDs no rule answers to", () => {
    expect(unknownCheckIds(["CKV_AZURE_170", "CKV_AZURE_9999"])).toEqual(["CKV_AZURE_9999"]);
  });

  test("accepts a rule's own ID and the IDs of other tools it stands for", () => {
    const aliased = ALL_RULES.find((r) => (r.alsoKnownAs ?? []).length > 0)!;
    expect(unknownCheckIds([aliased.id, ...aliased.alsoKnownAs!])).toEqual([]);
  });

  test("checks against the rule set it is given", () => {
    const own = resourceRule(
      { id: "ORG-001", source: "project", level: "error", resourceTypes: ["azurerm_storage_account"], description: "d", fix: "f" },
      () => undefined,
    );
    expect(unknownCheckIds(["ORG-001", "CKV_AZURE_170"], [own])).toEqual(["CKV_AZURE_170"]);
  });
});

describe("policyExceptionViolations", () => {
  test.each([
    [
      "an unknown ID",
      [{ ids: ["CKV_AZURE_170", "CKV_AZURE_9999"], reason: REASON }],
      [{ property: "cluster.policyExceptions[0].ids", value: ["CKV_AZURE_170", "CKV_AZURE_9999"], rule: 'must list known check IDs ("CKV_AZURE_9999" is not one)', fix: 'use the IDs the synth warnings print, e.g. "CKV_AZURE_170"' }],
    ],
    [
      "no ID at all",
      [{ ids: [], reason: REASON }],
      [{ property: "cluster.policyExceptions[0].ids", value: [], rule: 'must list known check IDs ("none listed" is not one)', fix: 'use the IDs the synth warnings print, e.g. "CKV_AZURE_170"' }],
    ],
    [
      "a reason of 39 characters (after trimming)",
      [{ ids: ["CKV_AZURE_170"], reason: `  ${"x".repeat(39)}  ` }],
      [{ property: "cluster.policyExceptions[0].reason", value: `  ${"x".repeat(39)}  `, rule: "must give a reason of at least 40 characters a reviewer can judge", fix: "say why the risk is acceptable in this environment" }],
    ],
  ])("refuses %s", (_name, exceptions, expected) => {
    expect(policyExceptionViolations("cluster.policyExceptions", exceptions)).toEqual(expected);
  });

  test("reports every broken entry, each under its own index", () => {
    const violations = policyExceptionViolations("registry.policyExceptions", [
      { ids: ["CKV_AZURE_170"], reason: REASON },
      { ids: ["nope"], reason: "short" },
    ]);
    expect(violations.map((v) => v.property)).toEqual(["registry.policyExceptions[1].ids", "registry.policyExceptions[1].reason"]);
  });

  test("near miss: known IDs and a reason of exactly 40 characters comply", () => {
    expect(policyExceptionViolations("cluster.policyExceptions", [{ ids: ["CKV_AZURE_170"], reason: "x".repeat(40) }])).toEqual([]);
  });
});
