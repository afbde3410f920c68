import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { KubernetesObject, renderFunctionApp } from "../../constructs/keda-function-app/render/objects";
import { FunctionAppSpec } from "../../constructs/keda-function-app/render/spec";
import { ALL_RULES, evaluateStack, findings } from "../../constructs/policy";
import { DEFAULT_EGRESS, REPO_ROOT, baseSpec, manifests, requiredProps, synthApp, testStack } from "../support/keda-function-app";

const find = (objects: KubernetesObject[], kind: string, name?: string): any =>
  objects.find((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));
const podOf = (objects: KubernetesObject[], name: string) => find(objects, "Deployment", name).spec.template.spec;

const WRITABLE_VOLUMES = [
  { name: "tmp", emptyDir: {} },
  { name: "host-secrets", emptyDir: {} },
  { name: "aspnet-keys", emptyDir: {} },
];
const WRITABLE_MOUNTS = [
  { name: "tmp", mountPath: "/tmp" },
  { name: "host-secrets", mountPath: "/azure-functions-host/Secrets" },
  { name: "aspnet-keys", mountPath: "/home/.aspnet" },
];

describe("read-only root file system", () => {
  test("on by default, with an emptyDir on each path the host writes, in both Deployments", () => {
    const objects = renderFunctionApp(baseSpec());
    for (const name of ["demo", "demo-http"]) {
      const pod = podOf(objects, name);
      expect(pod.volumes).toEqual(WRITABLE_VOLUMES);
      expect(pod.containers[0].volumeMounts).toEqual(WRITABLE_MOUNTS);
      expect(pod.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
    }
  });

  test("mounted function keys come first, then the writable paths", () => {
    const objects = renderFunctionApp(baseSpec({ functionKeys: { mode: "mounted-volume", secretName: "keys", annotations: {} } }));
    const pod = podOf(objects, "demo-http");
    expect(pod.volumes).toEqual([{ name: "functions-keys", secret: { secretName: "keys" } }, ...WRITABLE_VOLUMES]);
    expect(pod.containers[0].volumeMounts).toEqual([
      { name: "functions-keys", mountPath: "/run/secrets/functions-keys", readOnly: true },
      ...WRITABLE_MOUNTS,
    ]);
  });

  test("turned off: writable root, no volumes at all", () => {
    const objects = renderFunctionApp(baseSpec({ security: { runAsUser: 10001, runAsGroup: 10001, readOnlyRootFilesystem: false } }));
    const pod = podOf(objects, "demo");
    expect(pod).not.toHaveProperty("volumes");
    expect(pod.containers[0]).not.toHaveProperty("volumeMounts");
    expect(pod.containers[0].securityContext.readOnlyRootFilesystem).toBe(false);
  });

  test("the construct prop reaches the pods", () => {
    const objects = manifests(synthApp(requiredProps({ readOnlyRootFilesystem: false })).json);
    expect(objects.find((o) => o.kind === "Deployment").spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem).toBe(false);
  });
});

describe("UID and GID", () => {
  test("default 10001, the same as function-app/Dockerfile's final USER", () => {
    const dockerfile = readFileSync(join(REPO_ROOT, "function-app", "Dockerfile"), "utf8");
    const users = [...dockerfile.matchAll(/^USER\s+(\d+):(\d+)\s*$/gm)];
    const [, uid, gid] = users[users.length - 1];
    const pod = manifests(synthApp(requiredProps()).json).find((o) => o.kind === "Deployment").spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001 });
    expect([pod.securityContext.runAsUser, pod.securityContext.runAsGroup]).toEqual([Number(uid), Number(gid)]);
  });

  test("runAsUser / runAsGroup props", () => {
    const pod = manifests(synthApp(requiredProps({ runAsUser: 20000, runAsGroup: 20001 })).json).find((o) => o.kind === "Deployment").spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsUser: 20000, runAsGroup: 20001, fsGroup: 20001 });
  });
});

describe("scheduling and disruption", () => {

  test("PodDisruptionBudgets evict unhealthy pods (AlwaysAllow)", () => {
    const budgets = renderFunctionApp(baseSpec()).filter((o) => o.kind === "PodDisruptionBudget") as any[];
    expect(budgets.map((b) => b.spec)).toEqual([
      { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "demo", "app.kubernetes.io/component": "http" } }, unhealthyPodEvictionPolicy: "AlwaysAllow" },
      { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "demo", "app.kubernetes.io/component": "worker" } }, unhealthyPodEvictionPolicy: "AlwaysAllow" },
    ]);
  });

  test.each(["http", "worker"] as const)("%s pods spread over zones and nodes without ever blocking scheduling", (component) => {
    const pod = podOf(renderFunctionApp(baseSpec()), component === "http" ? "demo-http" : "demo");
    const labelSelector = { matchLabels: { "app.kubernetes.io/name": "demo", "app.kubernetes.io/component": component } };
    expect(pod.topologySpreadConstraints).toEqual([
      { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector, matchLabelKeys: ["pod-template-hash"] },
      { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector, matchLabelKeys: ["pod-template-hash"] },
    ]);
  });
});

describe("NetworkPolicy", () => {
  const httpPolicy = (spec: FunctionAppSpec) => find(renderFunctionApp(spec), "NetworkPolicy", "demo-http");

  test("HTTP pods: only the http port, from any pod of the cluster by default", () => {
    expect(httpPolicy(baseSpec()).spec).toEqual({
      podSelector: { matchLabels: { "app.kubernetes.io/name": "demo", "app.kubernetes.io/component": "http" } },
      policyTypes: ["Ingress", "Egress"],
      ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ protocol: "TCP", port: "http" }] }],
      egress: DEFAULT_EGRESS,
    });
  });

  test("worker pods: no ingress; egress as the HTTP pods", () => {
    const policy = find(renderFunctionApp(baseSpec()), "NetworkPolicy", "demo");
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: { "app.kubernetes.io/name": "demo", "app.kubernetes.io/component": "worker" } },
      policyTypes: ["Ingress", "Egress"],
      egress: DEFAULT_EGRESS,
    });
  });

  test("egress: the whole cluster and every outside address but IMDS and the WireServer, on both policies", () => {
    const objects = renderFunctionApp(baseSpec());
    for (const name of ["demo-http", "demo"]) {
      const policy = find(objects, "NetworkPolicy", name);
      expect(policy.spec.policyTypes).toEqual(["Ingress", "Egress"]);
      expect(policy.spec.egress).toEqual(DEFAULT_EGRESS);
    }
  });

  test("egress near miss: no denied block leaves out the empty except list the API server would drop", () => {
    const spec = baseSpec({ networkPolicy: { allowedNamespaces: [], allowedPods: [], deniedEgressCidrs: [] } });
    expect(find(renderFunctionApp(spec), "NetworkPolicy", "demo").spec.egress).toEqual([
      { to: [{ namespaceSelector: {} }] },
      { to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] },
    ]);
  });

  test("allowed namespaces and pods replace the cluster-wide default", () => {
    const spec = baseSpec({ networkPolicy: { allowedNamespaces: ["ingress-nginx", "keda"], allowedPods: [{ app: "frontend" }], deniedEgressCidrs: ["169.254.169.254/32", "168.63.129.16/32"] } });
    expect(httpPolicy(spec).spec.ingress).toEqual([
      {
        from: [
          { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } },
          { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "keda" } } },
          { podSelector: { matchLabels: { app: "frontend" } } },
        ],
        ports: [{ protocol: "TCP", port: "http" }],
      },
    ]);
  });

  test.each(["LoadBalancer", "NodePort"] as const)("%s Service without allowed peers: the http port is open to clients outside the cluster too", (serviceType) => {
    const spec = baseSpec({ http: { ...baseSpec().http, serviceType } });
    expect(httpPolicy(spec).spec.ingress).toEqual([{ ports: [{ protocol: "TCP", port: "http" }] }]);
  });

  test("undefined: no NetworkPolicy; only the halves that exist get one", () => {
    expect(find(renderFunctionApp(baseSpec({ networkPolicy: undefined })), "NetworkPolicy")).toBeUndefined();
    const names = (spec: FunctionAppSpec) => renderFunctionApp(spec).filter((o) => o.kind === "NetworkPolicy").map((o) => o.metadata?.name);
    expect(names(baseSpec({ workerFunctions: [] }))).toEqual(["demo-http"]);
    expect(names(baseSpec({ httpFunctions: [] }))).toEqual(["demo"]);
  });

  test("construct: on by default, `false` turns it off", () => {
    const kinds = (props: Parameters<typeof requiredProps>[0]) => manifests(synthApp(requiredProps(props)).json).filter((o) => o.kind === "NetworkPolicy").map((o) => o.metadata.name);
    expect(kinds({}).sort()).toEqual(["demo", "demo-http"]);
    expect(kinds({ networkPolicy: false })).toEqual([]);
  });
});

describe("bad props", () => {
  const path = 'KedaFunctionApp at "test/app" has 1 invalid property:\n  - ';
  test.each([
    ["runAsUser 0 (root)", { runAsUser: 0 }, "runAsUser = 0: must be a whole number >= 1. Fix: use the image's non-root UID (10001 for function-app/Dockerfile)"],
    ["runAsGroup fractional", { runAsGroup: 1.5 }, "runAsGroup = 1.5: must be a whole number >= 1. Fix: use the image's non-root GID (10001 for function-app/Dockerfile)"],
    [
      "allowed namespace not a DNS label",
      { networkPolicy: { allowedNamespaces: ["Ingress_NGINX"] } },
      `networkPolicy.allowedNamespaces[0] = "Ingress_NGINX": must be a Kubernetes DNS-1123 label: 1-63 characters, lowercase letters, digits and '-', starting and ending with a letter or digit. Fix: use a name such as "ingress-nginx"`,
    ],
    [
      "allowed pods: empty selector",
      { networkPolicy: { allowedPods: [{}] } },
      "networkPolicy.allowedPods = [{}]: each entry must name at least one label: an empty selector admits every pod of the namespace. Fix: add labels to the entry, or drop both lists to admit the whole cluster",
    ],
  ])("%s", (_rule, overrides, message) => {
    expect(() => new KedaFunctionApp(testStack(), "app", requiredProps(overrides as never))).toThrow(path + message);
  });
});

describe("policy: the former known gaps are enforced and met", () => {
  const RULE_IDS = ["CKV_K8S_22", "CKV_K8S_40", "kube-score:pod-networkpolicy", "kube-score:deployment-has-host-podantiaffinity", "kube-linter:pdb-max-unavailable"];
  const rules = ALL_RULES.filter((r) => RULE_IDS.includes(r.id));
  const failing = (props: Parameters<typeof requiredProps>[0]) => {
    const { json } = synthApp(requiredProps(props));
    return [...new Set(findings(evaluateStack(json, rules)).map((r) => r.ruleId))].sort();
  };

  test("all five rules exist", () => {
    expect(rules.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
  });

  test("the construct's defaults comply with every one of them", () => {
    expect(failing({})).toEqual([]);
  });

  test("turning the hardening off is caught", () => {
    expect(failing({ readOnlyRootFilesystem: false, networkPolicy: false, runAsUser: 1000, runAsGroup: 1000 })).toEqual(["CKV_K8S_22", "CKV_K8S_40", "kube-score:pod-networkpolicy"]);
  });
});
