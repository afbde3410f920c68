import { ALL_RULES, PolicyRule, StackDocument, evaluateStack } from "../../constructs/policy";
import { RULE_FIXTURES } from "../../scripts/conformance/fixtures";

// Users' stacks hold objects with only the required fields: a bare Pod without metadata, a
// Deployment without security contexts, an azurerm resource with no optional attribute. Every
// rule must judge such an object (compliant, non-compliant or not applicable), never throw.

const meta = (path: string) => ({ "//": { metadata: { path, uniqueId: path.replace(/\W/g, "_") } } });
const container = { name: "app", image: "registry.example/app:1.0.0" };

/** Kubernetes objects with nothing but what the API server requires (and less). */
function minimalObjects(): Record<string, unknown>[] {
  const kinds = new Set<string>();
  for (const fixture of RULE_FIXTURES) {
    for (const c of [...fixture.bad, ...fixture.nearMiss]) {
      for (const r of Object.values(c.stack.resource?.kubernetes_manifest ?? {})) kinds.add((r as any).manifest?.kind);
    }
  }
  const objects: Record<string, unknown>[] = [
    { apiVersion: "v1", kind: "Pod", spec: { containers: [container] } },
    { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [container], initContainers: [container] } },
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template: { spec: { containers: [container] } } } },
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "empty" }, spec: { template: { spec: {} } } },
    // A security context that sets nothing the rules look for (no capabilities, no seccompProfile).
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "sc" }, spec: { template: { spec: { securityContext: {}, containers: [{ ...container, securityContext: {} }] } } } },
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "nospec" } },
  ];
  for (const kind of [...kinds].filter((k) => typeof k === "string")) objects.push({ apiVersion: "v1", kind }, { apiVersion: "v1", kind, metadata: { name: "x" }, spec: {} });
  return objects;
}

/** One resource of every Azure type the fixtures use, with no attribute at all. */
function minimalAzureResources(): Record<string, Record<string, unknown>> {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const fixture of RULE_FIXTURES) {
    for (const c of [...fixture.bad, ...fixture.nearMiss]) {
      for (const type of Object.keys(c.stack.resource ?? {})) {
        if (type !== "kubernetes_manifest") resources[type] = { bare: meta(`minimal/${type}`) };
      }
    }
  }
  return resources;
}

function minimalStack(): StackDocument {
  const manifests = Object.fromEntries(minimalObjects().map((manifest, i) => [`m${i}`, { ...meta(`minimal/m${i}`), manifest }]));
  return { resource: { ...minimalAzureResources(), kubernetes_manifest: manifests } };
}

describe("every rule judges minimal objects without throwing", () => {
  test.each(ALL_RULES.map((rule) => [rule.id, rule] as const))("%s", (_id, rule: PolicyRule) => {
    const stack = minimalStack();
    const results = evaluateStack(stack, [rule]);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(["compliant", "non-compliant", "not-applicable"]).toContain(result.outcome.status);
  });
});

describe("a container with no security context anywhere", () => {
  const pod = (securityContext?: Record<string, unknown>): StackDocument => ({
    resource: {
      kubernetes_manifest: {
        d: { ...meta("minimal/d"), manifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template: { spec: { ...(securityContext ? { securityContext } : {}), containers: [container] } } } } },
      },
    },
  });
  const statusOf = (id: string, stack: StackDocument) =>
    evaluateStack(stack, ALL_RULES.filter((r) => r.id === id)).filter((r) => r.path === "minimal/d").map((r) => r.outcome.status);

  test.each(["CKV_K8S_23", "CKV_K8S_40"])("%s: non-compliant; the pod's own security context makes it compliant", (id) => {
    expect(ALL_RULES.map((r) => r.id)).toContain(id);
    expect(statusOf(id, pod())).toEqual(["non-compliant"]);
    expect(statusOf(id, pod({ runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001 }))).toEqual(["compliant"]);
  });
});

describe("CKV_K8S_25: NET_BIND_SERVICE is the one capability a container may add", () => {
  const withAdded = (add: string[]): StackDocument => ({
    resource: {
      kubernetes_manifest: {
        d: { ...meta("caps/d"), manifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template: { spec: { containers: [{ ...container, securityContext: { capabilities: { add } } }] } } } } },
      },
    },
  });
  const outcomes = (add: string[]) => evaluateStack(withAdded(add), ALL_RULES.filter((r) => r.id === "CKV_K8S_25")).map((r) => r.outcome);

  test("adding only NET_BIND_SERVICE is compliant", () => {
    expect(outcomes(["NET_BIND_SERVICE"])).toEqual([{ status: "compliant" }]);
  });

  test("anything else is named in the finding, NET_BIND_SERVICE is not", () => {
    expect(outcomes(["NET_BIND_SERVICE", "SYS_TIME", "NET_ADMIN"])).toEqual([{ status: "non-compliant", finding: 'container "app": adds SYS_TIME, NET_ADMIN' }]);
  });
});
