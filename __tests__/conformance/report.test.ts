// The pure parts of the conformance report: counting rows and naming the resource of a Terraform diagnostic.
const { summarize, table } = require("../../scripts/conformance/report.cjs");
const { addressAt } = require("../../scripts/conformance/terraform.cjs");

test("one row per tool, version and target, counting each status", () => {
  const r = (status: string, target = "dev") => ({ tool: "checkov", version: "3", target, status, check: "C", resource: "x" });
  const rows = summarize([r("passed"), r("failed"), r("suppressed"), r("unavailable"), r("passed", "prod"), r("skipped")]);
  expect(rows).toEqual([
    { tool: "checkov", version: "3", target: "dev", passed: 1, failed: 1, suppressed: 1, unavailable: 1 },
    { tool: "checkov", version: "3", target: "prod", passed: 1, failed: 0, suppressed: 0, unavailable: 0 },
  ]);
  expect(table(rows).split("\n")[0]).toMatch(/^tool\s+version\s+target\s+passed\s+failed\s+suppressed\s+unavailable$/);
});

test("a diagnostic's line in cdk.tf.json names the resource or data source it falls in", () => {
  const text = JSON.stringify(
    { resource: { azurerm_kubernetes_cluster: { cluster: { name: "aks", default_node_pool: { name: "system" } } } }, data: { terraform_remote_state: { registry: { backend: "local" } } } },
    null,
    2,
  );
  const lines = text.split("\n");
  const line = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  expect(addressAt(text, line('"system"'))).toBe("azurerm_kubernetes_cluster.cluster");
  expect(addressAt(text, line('"backend"'))).toBe("data.terraform_remote_state.registry");
  expect(addressAt(text, undefined)).toBeUndefined();
});
