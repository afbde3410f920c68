import { ALL_RULES, StackDocument, evaluateStack } from "../../constructs/policy";

// Values the real tools accept in more than one spelling, and the findings for the rest.
const meta = (path: string) => ({ "//": { metadata: { path, uniqueId: path.replace(/\W/g, "_") } } });
const rule = (id: string) => ALL_RULES.filter((r) => r.id === id);

function deployment(spec: Record<string, unknown>): StackDocument {
  const manifest = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { ...spec, template: { spec: { containers: [{ name: "app", image: "r/app:1" }] } } } };
  return { resource: { kubernetes_manifest: { d: { ...meta("near/d"), manifest } } } };
}

describe("kube-score:deployment-strategy", () => {
  const outcome = (strategy: unknown) => evaluateStack(deployment(strategy === undefined ? {} : { strategy }), rule("kube-score:deployment-strategy"))[0]!.outcome;

  test.each([0, "0", "0%"])("maxUnavailable %j never lowers capacity: compliant", (maxUnavailable) => {
    expect(outcome({ type: "RollingUpdate", rollingUpdate: { maxUnavailable, maxSurge: 1 } })).toEqual({ status: "compliant" });
  });

  test.each([
    [{ type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } }, "maxUnavailable is 1"],
    [{ type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%" } }, "maxUnavailable is 25%"],
    [{ type: "RollingUpdate" }, "maxUnavailable is unset (25%)"],
    [{ type: "Recreate" }, "strategy.type is Recreate"],
    [undefined, "strategy.type is unset"],
  ])("%j: %s", (strategy, finding) => {
    expect(outcome(strategy)).toEqual({ status: "non-compliant", finding });
  });
});
