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

// Survivors of the 2026-12-01 mutation sample (BENCHMARKS.md): each case fails on that mutant.
describe("kube-score:deployment-replicas: a ScaledObject counts only in its Deployment's namespace", () => {
  const stack = (scalerNamespace: string): StackDocument => {
    const deploymentManifest = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d", namespace: "apps" }, spec: { replicas: 1 } };
    const scaler = { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", metadata: { name: "d", namespace: scalerNamespace }, spec: { scaleTargetRef: { name: "d" }, minReplicaCount: 3 } };
    return { resource: { kubernetes_manifest: { d: { ...meta("near/d"), manifest: deploymentManifest }, s: { ...meta("near/s"), manifest: scaler } } } };
  };
  const outcome = (ns: string) => evaluateStack(stack(ns), rule("kube-score:deployment-replicas"))[0]!.outcome;

  test("scaler in the same namespace: its minReplicaCount 3 counts", () => {
    expect(outcome("apps")).toEqual({ status: "compliant" });
  });
  test("a same-named scaler in another namespace does not scale this Deployment: replicas 1", () => {
    expect(outcome("other")).toEqual({ status: "non-compliant", finding: "replicas is 1" });
  });
});

describe("CKV_K8S_26: any container port with a hostPort is a finding", () => {
  const pod = (ports: unknown[]): StackDocument => ({
    resource: {
      kubernetes_manifest: {
        p: { ...meta("near/p"), manifest: { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "r/app:1", ports }] } } },
      },
    },
  });
  const outcome = (ports: unknown[]) => evaluateStack(pod(ports), rule("CKV_K8S_26"))[0]!.outcome;

  test("one of two ports binds a host port", () => {
    expect(outcome([{ containerPort: 80 }, { containerPort: 81, hostPort: 8081 }])).toMatchObject({ status: "non-compliant" });
  });
  test("near miss: hostPort 0 and no hostPort bind nothing", () => {
    expect(outcome([{ containerPort: 80 }, { containerPort: 81, hostPort: 0 }])).toEqual({ status: "compliant" });
  });
});
