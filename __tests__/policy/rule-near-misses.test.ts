import { ALL_RULES, StackDocument, evaluateStack } from "../../constructs/policy";
import { kubernetesObjects, podSpecOf } from "../../constructs/policy/kubernetes";

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

describe("kube-score:pod-probes-identical: exec probes compare their commands", () => {
  const withProbes = (liveness: Record<string, unknown>, readiness: Record<string, unknown>): StackDocument => {
    const container = { name: "app", image: "r/app:1", livenessProbe: liveness, readinessProbe: readiness };
    const manifest = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template: { spec: { containers: [container] } } } };
    return { resource: { kubernetes_manifest: { d: { ...meta("near/d"), manifest } } } };
  };
  const status = (liveness: Record<string, unknown>, readiness: Record<string, unknown>) =>
    evaluateStack(withProbes(liveness, readiness), rule("kube-score:pod-probes-identical"))[0]!.outcome.status;

  test("the same command: non-compliant; another command, or one probe without a command: compliant", () => {
    expect(status({ exec: { command: ["healthz"] } }, { exec: { command: ["healthz"] } })).toBe("non-compliant");
    expect(status({ exec: { command: ["alive"] } }, { exec: { command: ["ready"] } })).toBe("compliant");
    expect(status({ exec: {} }, { exec: { command: ["ready"] } })).toBe("compliant");
    // An empty command and a missing one run the same nothing.
    expect(status({ exec: { command: [] } }, { exec: {} })).toBe("non-compliant");
  });

  test("tcpSocket probes compare their ports; probes of different kinds never match", () => {
    expect(status({ tcpSocket: { port: 80 } }, { tcpSocket: { port: 80 } })).toBe("non-compliant");
    expect(status({ tcpSocket: { port: 80 } }, { tcpSocket: { port: 81 } })).toBe("compliant");
    expect(status({ tcpSocket: { port: 80 } }, { httpGet: { path: "/", port: 80 } })).toBe("compliant");
  });
});

// Survivors of the seed-202 sample (BENCHMARKS.md): each case fails on its mutant.
/** One Deployment `d` (plus `extra` objects) in a stack, and the outcome of rule `id` on `d`. */
function outcomeOn(id: string, pod: Record<string, unknown>, extra: Record<string, unknown>[] = [], metadata: Record<string, unknown> | null = { name: "d" }) {
  const manifest = { apiVersion: "apps/v1", kind: "Deployment", ...(metadata ? { metadata } : {}), spec: { template: { spec: pod } } };
  const others = Object.fromEntries(extra.map((m, i) => [`x${i}`, { ...meta(`near/x${i}`), manifest: m }]));
  const stack: StackDocument = { resource: { kubernetes_manifest: { d: { ...meta("near/d"), manifest }, ...others } } };
  return evaluateStack(stack, rule(id)).find((r) => r.path === "near/d")!.outcome;
}
const app = (more: Record<string, unknown> = {}) => ({ name: "app", image: "r/app:1", ...more });
const flagged = (finding: string) => ({ status: "non-compliant", finding });
const COMPLIANT = { status: "compliant" };

describe("CKV_K8S_40: UID and GID of at least 10000, as numbers", () => {
  test.each<[unknown, unknown, object]>([
    [10000, 10000, COMPLIANT],
    [9999, 10000, flagged('container "app": runAsUser 9999, runAsGroup 10000')],
    [10000, 9999, flagged('container "app": runAsUser 10000, runAsGroup 9999')],
    ["10001", 10001, flagged('container "app": runAsUser 10001, runAsGroup 10001')],
    [10001, "10001", flagged('container "app": runAsUser 10001, runAsGroup 10001')],
    [10001, undefined, flagged('container "app": runAsUser 10001, runAsGroup unset')],
  ])("runAsUser %j, runAsGroup %j", (runAsUser, runAsGroup, expected) => {
    expect(outcomeOn("CKV_K8S_40", { securityContext: { runAsUser, runAsGroup }, containers: [app()] })).toEqual(expected);
  });
});

describe("kube-linter:default-service-account: the ServiceAccount must exist in the pod's namespace", () => {
  const account = (name: string, namespace?: string, kind = "ServiceAccount") => ({ apiVersion: "v1", kind, metadata: { name, ...(namespace ? { namespace } : {}) } });
  const pod = { serviceAccountName: "app", containers: [app()] };
  const inApps = { name: "d", namespace: "apps" };

  test("defined beside it: compliant, also next to an object without metadata", () => {
    expect(outcomeOn("kube-linter:default-service-account", pod, [{ apiVersion: "v1", kind: "ServiceAccount" }, account("app", "apps")], inApps)).toEqual(COMPLIANT);
    // A Deployment without metadata is in no namespace, as is a ServiceAccount without one.
    expect(outcomeOn("kube-linter:default-service-account", pod, [account("app")], null)).toEqual(COMPLIANT);
  });

  test.each([
    ["in another namespace", [account("app", "other")]],
    ["another kind of that name", [account("app", "apps", "ConfigMap")]],
    ["another ServiceAccount", [account("web", "apps")]],
  ])("%s: not defined", (_case, extra) => {
    expect(outcomeOn("kube-linter:default-service-account", pod, extra, inApps)).toEqual(flagged("ServiceAccount app is not defined"));
  });
});

describe("kube-linter:liveness-port and the other probes: the target port must be declared", () => {
  const probes = (ports: unknown[], probesOf: Record<string, unknown>) => outcomeOn("kube-linter:liveness-port", { containers: [app({ ports, ...probesOf })] });

  test("a declared name or number, or a probe with no port (exec): compliant", () => {
    expect(probes([{ name: "http", containerPort: 8080 }], { livenessProbe: { httpGet: { path: "/", port: "http" } }, readinessProbe: { tcpSocket: { port: 8080 } } })).toEqual(COMPLIANT);
    expect(probes([], { livenessProbe: { exec: { command: ["true"] } } })).toEqual(COMPLIANT);
  });

  test("each probe kind on an undeclared port is named", () => {
    expect(probes([{ name: "http", containerPort: 8080 }], { readinessProbe: { httpGet: { port: 9090 } }, startupProbe: { tcpSocket: { port: "admin" } } })).toEqual(
      flagged('container "app": readinessProbe, startupProbe target undeclared ports'),
    );
  });
});

test("kube-linter:env-var-secret: an empty value holds no secret", () => {
  expect(outcomeOn("kube-linter:env-var-secret", { containers: [app({ env: [{ name: "DB_PASSWORD", value: "" }] })] })).toEqual(COMPLIANT);
  expect(outcomeOn("kube-linter:env-var-secret", { containers: [app({ env: [{ name: "DB_PASSWORD", value: "x" }] })] })).toEqual(flagged('container "app": literal value in DB_PASSWORD'));
});

test("kube-score:label-values: a label value that is not a string is invalid", () => {
  const outcome = evaluateStack({ resource: { kubernetes_manifest: { d: { ...meta("near/d"), manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", labels: { tier: 5, team: "orders" } } } } } } }, rule("kube-score:label-values"))[0]!.outcome;
  expect(outcome).toEqual(flagged("invalid tier=5"));
});

describe("PRJ_KEDA_WORKLOAD_IDENTITY: the referenced TriggerAuthentication must use azure-workload", () => {
  const scaledObject = { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", metadata: { name: "s" }, spec: { triggers: [{ type: "azure-queue", authenticationRef: { name: "wi" } }] } };
  const outcome = (auth: Record<string, unknown>) =>
    evaluateStack({ resource: { kubernetes_manifest: { s: { ...meta("near/s"), manifest: scaledObject }, a: { ...meta("near/a"), manifest: { kind: "TriggerAuthentication", metadata: { name: "wi" }, ...auth } } } } }, rule("PRJ_KEDA_WORKLOAD_IDENTITY")).find((r) => r.path === "near/s")!.outcome;

  test("azure-workload: compliant; no spec, or a spec without podIdentity: not", () => {
    expect(outcome({ spec: { podIdentity: { provider: "azure-workload" } } })).toEqual(COMPLIANT);
    expect(outcome({})).toEqual(flagged("triggers azure-queue do not use azure-workload"));
    expect(outcome({ spec: {} })).toEqual(flagged("triggers azure-queue do not use azure-workload"));
  });
});

test("CKV_AZURE_227: the azurerm 3.x attribute enable_host_encryption counts too", () => {
  const outcome = (pool: Record<string, unknown>) =>
    evaluateStack({ resource: { azurerm_kubernetes_cluster: { c: { ...meta("near/c"), default_node_pool: [pool] } } } }, rule("CKV_AZURE_227"))[0]!.outcome;
  expect(outcome({ enable_host_encryption: true })).toEqual(COMPLIANT);
  expect(outcome({ host_encryption_enabled: true })).toEqual(COMPLIANT);
  expect(outcome({ enable_host_encryption: false })).toEqual(flagged("host_encryption_enabled is not true"));
});

test("PRJ_NO_SECRET_LITERALS: a value that is not a string is a literal, even one that prints like a reference", () => {
  const outcome = (data: Record<string, unknown>) =>
    evaluateStack({ resource: { kubernetes_manifest: { s: { ...meta("near/s"), manifest: { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data } } } } }, rule("PRJ_NO_SECRET_LITERALS"))[0]!.outcome;
  expect(outcome({ key: "${var.key}" })).toEqual(COMPLIANT);
  expect(outcome({ key: ["${var.key}"] })).toEqual(flagged("literal values for key"));
});

test("only Pods and the pod controllers have a pod spec: a custom kind with spec.template.spec is not judged as one", () => {
  const pod = { containers: [app()] };
  expect(podSpecOf({ kind: "Deployment", spec: { template: { spec: pod } } })).toBe(pod);
  expect(podSpecOf({ kind: "Pod", spec: pod })).toBe(pod);
  expect(podSpecOf({ kind: "Rollout", spec: { template: { spec: pod } } })).toBeUndefined();
});

test('kube-linter:pdb-max-unavailable: maxUnavailable "0%" blocks drains like 0; "1%" does not', () => {
  const outcome = (spec: Record<string, unknown>) =>
    evaluateStack({ resource: { kubernetes_manifest: { p: { ...meta("near/p"), manifest: { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "p" }, spec } } } } }, rule("kube-linter:pdb-max-unavailable"))[0]!.outcome;
  expect(outcome({ maxUnavailable: "0%", unhealthyPodEvictionPolicy: "AlwaysAllow" })).toEqual(flagged("maxUnavailable is 0"));
  expect(outcome({ maxUnavailable: "1%", unhealthyPodEvictionPolicy: "AlwaysAllow" })).toEqual(COMPLIANT);
});

test("kubernetesObjects: only manifests that are objects (a null or text manifest is skipped)", () => {
  const object = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } };
  const stack = { resource: { kubernetes_manifest: { a: { manifest: null }, b: { manifest: "kind: ConfigMap" }, c: { manifest: object }, d: {} } } } as unknown as StackDocument;
  expect(kubernetesObjects(stack)).toEqual([object]);
  expect(kubernetesObjects({})).toEqual([]);
});
