// The matching logic of conformance suppressions (scripts/conformance/suppressions.cjs): no tool needed.
const { applySuppressions, entryProblems, matches } = require("../../scripts/conformance/suppressions.cjs");

const REASON = "The pods read their keys Secret through the API, so they need the token.";
const failed = (check: string, resource: string, target = "dev YAML") => ({ tool: "checkov", check, resource, target, status: "failed" });

describe("matching", () => {
  test.each([
    ["exact check and resource", { check: "CKV_K8S_38", resource: "Deployment.kfa.app-http" }, true],
    ["a * in the resource", { check: "CKV_K8S_38", resource: "Deployment.*.app-http" }, true],
    ["another check", { check: "CKV_K8S_37", resource: "Deployment.kfa.app-http" }, false],
    ["another resource", { check: "CKV_K8S_38", resource: "Deployment.kfa.app" }, false],
    ["a resource prefix only (no implicit wildcard)", { check: "CKV_K8S_38", resource: "Deployment.kfa" }, false],
    ["a matching target", { check: "CKV_K8S_38", resource: "Deployment.kfa.app-http", target: "dev *" }, true],
    ["another target", { check: "CKV_K8S_38", resource: "Deployment.kfa.app-http", target: "prod *" }, false],
    ["regex characters are literal", { check: "CKV_K8S_38", resource: "Deployment.kfa.app.http" }, false],
  ])("%s", (_name, entry, expected) => {
    expect(matches({ ...entry, reason: REASON }, failed("CKV_K8S_38", "Deployment.kfa.app-http"))).toBe(expected);
  });
});

describe("applySuppressions", () => {
  test("a matching entry suppresses the failure with its reason; passed results stay passed", () => {
    const entry = { check: "CKV_K8S_38", resource: "Deployment.*.app-http", reason: REASON };
    const passed = { ...failed("CKV_K8S_38", "Deployment.kfa.app"), status: "passed" };
    const { results, stale } = applySuppressions([failed("CKV_K8S_38", "Deployment.kfa.app-http"), passed], [entry]);
    expect(results.map((r: { status: string; reason?: string }) => [r.status, r.reason])).toEqual([["suppressed", REASON], ["passed", undefined]]);
    expect(stale).toEqual([]);
  });

  test("an entry that matches no failure is stale", () => {
    const entry = { check: "CKV_K8S_38", resource: "Deployment.kfa.app-http", reason: REASON };
    const passed = { ...failed("CKV_K8S_38", "Deployment.kfa.app-http"), status: "passed" };
    expect(applySuppressions([passed], [entry]).stale).toEqual([entry]);
  });

  test("an unmatched failure stays failed", () => {
    const { results } = applySuppressions([failed("CKV_K8S_20", "Deployment.kfa.app")], [{ check: "CKV_K8S_38", resource: "*", reason: REASON }]);
    expect(results[0].status).toBe("failed");
  });
});

describe("entry shape", () => {
  test.each([
    [{ check: "X", resource: "r", reason: REASON }, []],
    [{ check: "X", resource: "r", reason: "because" }, ['f[0]: the reason must be a full sentence (6+ words, ending with a period): "because"']],
    [{ check: "X", reason: REASON }, ['f[0]: "resource" is missing']],
    [{ check: "X", resource: "r", reason: REASON, why: "?" }, ["f[0]: unknown keys why"]],
  ])("%j -> %j", (entry, problems) => {
    expect(entryProblems(entry, "f[0]")).toEqual(problems);
  });
});
