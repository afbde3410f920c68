import { HttpScaling } from "../../constructs/keda-function-app/http-scaling";
import { KubernetesObject, renderFunctionApp } from "../../constructs/keda-function-app/render/objects";
import { baseSpec } from "../support/keda-function-app";

const find = (objects: KubernetesObject[], kind: string, name?: string): any =>
  objects.find((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));
const container = (deployment: any) => deployment.spec.template.spec.containers[0];
const env = (deployment: any) => Object.fromEntries(container(deployment).env.map((e: any) => [e.name, e.value]));

describe("default object set (func kubernetes deploy parity)", () => {
  // Rendered per test (cheap, pure), not once in the describe body: mutation testing then sees
  // which test covers which render code, instead of treating it all as run at load time.
  let objects: KubernetesObject[];
  beforeEach(() => {
    objects = renderFunctionApp(baseSpec());
  });

  test("in apply order", () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([
      "Secret/func-keys-kube-secret-demo",
      "ServiceAccount/demo",
      "Role/demo-function-keys",
      "RoleBinding/demo-function-keys",
      "TriggerAuthentication/demo-wi",
      "NetworkPolicy/demo-http",
      "NetworkPolicy/demo",
      "Service/demo-http",
      "Deployment/demo-http",
      "PodDisruptionBudget/demo-http",
      "Deployment/demo",
      "PodDisruptionBudget/demo",
      "ScaledObject/demo",
    ]);
  });

  test("each Deployment runs only its functions (AzureFunctionsJobHost__functions__N)", () => {
    expect(env(find(objects, "Deployment", "demo-http"))).toMatchObject({
      AzureFunctionsJobHost__functions__0: "enqueue",
      AzureFunctionsJobHost__functions__1: "hello",
    });
    const worker = env(find(objects, "Deployment", "demo"));
    expect(worker.AzureFunctionsJobHost__functions__0).toBe("worker");
    expect(worker.AzureFunctionsJobHost__functions__1).toBeUndefined();
  });

  test("keys: host-managed Secret, created empty; Role limited to it by resourceNames", () => {
    expect(find(objects, "Secret")).not.toHaveProperty("data");
    expect(find(objects, "Role").rules).toEqual([
      { apiGroups: [""], resources: ["secrets"], resourceNames: ["func-keys-kube-secret-demo"], verbs: ["get", "watch", "patch", "update"] },
    ]);
    expect(find(objects, "RoleBinding").subjects).toEqual([{ kind: "ServiceAccount", name: "demo", namespace: "apps" }]);
    const http = find(objects, "Deployment", "demo-http");
    expect(env(http)).toMatchObject({ AzureWebJobsSecretStorageType: "kubernetes", AzureWebJobsKubernetesSecretName: "secrets/func-keys-kube-secret-demo" });
    expect(http.spec.template.spec.automountServiceAccountToken).toBe(true);
    expect(find(objects, "Deployment", "demo").spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(env(find(objects, "Deployment", "demo")).AzureWebJobsSecretStorageType).toBeUndefined();
  });

  test("the worker Deployment has no replicas (KEDA owns it); the HTTP one is fixed at 1", () => {
    expect(find(objects, "Deployment", "demo").spec).not.toHaveProperty("replicas");
    expect(find(objects, "Deployment", "demo-http").spec.replicas).toBe(1);
  });

  test("ScaledObject: KEDA v2 API, bounds, intervals, fallback, triggers", () => {
    expect(find(objects, "ScaledObject")).toEqual({
      apiVersion: "keda.sh/v1alpha1",
      kind: "ScaledObject",
      metadata: expect.objectContaining({ name: "demo", namespace: "apps" }),
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "demo" },
        minReplicaCount: 0,
        maxReplicaCount: 10,
        pollingInterval: 30,
        cooldownPeriod: 300,
        fallback: { failureThreshold: 3, replicas: 1 },
        triggers: [
          { type: "azure-queue", name: "worker", metricType: "AverageValue", metadata: { accountName: "stdemo", queueLength: "16", queueName: "jobs" }, authenticationRef: { name: "demo-wi" } },
        ],
      },
    });
  });

  test("TriggerAuthentication uses azure-workload with the app identity", () => {
    expect(find(objects, "TriggerAuthentication").spec).toEqual({ podIdentity: { provider: "azure-workload", identityId: "00000000-0000-0000-0000-000000000001" } });
  });

  test("production pod spec", () => {
    for (const name of ["demo", "demo-http"]) {
      const deployment = find(objects, "Deployment", name);
      const pod = deployment.spec.template.spec;
      const c = container(deployment);
      expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
      expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, seccompProfile: { type: "RuntimeDefault" } });
      expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, privileged: false, capabilities: { drop: ["ALL"] }, readOnlyRootFilesystem: true });
      expect(c.ports).toEqual([{ name: "http", containerPort: 8080, protocol: "TCP" }]);
      expect(c.readinessProbe.httpGet.path).toBe("/");
      expect(c.livenessProbe.httpGet.path).toBe("/admin/host/ping");
      expect(c.startupProbe.httpGet.path).toBe("/admin/host/ping");
      expect(c.resources).toEqual({ requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "1Gi" } });
      expect(pod.terminationGracePeriodSeconds).toBe(330);
      expect(env(deployment)).toMatchObject({ AzureFunctionsWebHost__hostid: "demo", ASPNETCORE_URLS: "http://+:8080" });
      expect(pod.template?.metadata?.labels ?? deployment.spec.template.metadata.labels).toMatchObject({ "azure.workload.identity/use": "true" });
    }
  });

  test("PodDisruptionBudgets cannot block a drain: maxUnavailable 1, never minAvailable", () => {
    const budgets = objects.filter((o) => o.kind === "PodDisruptionBudget") as any[];
    expect(budgets).toHaveLength(2);
    for (const pdb of budgets) {
      expect(pdb.spec.maxUnavailable).toBe(1);
      expect(pdb.spec).not.toHaveProperty("minAvailable");
    }
  });
});

describe("options", () => {
  test("settings go to a Secret (stringData) or a ConfigMap, referenced with envFrom, plus existing objects", () => {
    const values = { Greeting: "hi", A: "1" };
    const secret = renderFunctionApp(baseSpec({ settings: { kind: "Secret", values }, existingSettings: [{ kind: "Secret", name: "conns" }] }));
    expect(find(secret, "Secret", "demo-settings")).toMatchObject({ type: "Opaque", stringData: { A: "1", Greeting: "hi" } });
    expect(container(find(secret, "Deployment", "demo")).envFrom).toEqual([{ secretRef: { name: "demo-settings" } }, { secretRef: { name: "conns" } }]);
    const configMap = renderFunctionApp(baseSpec({ settings: { kind: "ConfigMap", values }, existingSettings: [{ kind: "ConfigMap", name: "shared" }] }));
    expect(find(configMap, "ConfigMap", "demo-settings").data).toEqual({ A: "1", Greeting: "hi" });
    expect(container(find(configMap, "Deployment", "demo")).envFrom).toEqual([{ configMapRef: { name: "demo-settings" } }, { configMapRef: { name: "shared" } }]);
  });

  test("no settings: no settings object and no envFrom", () => {
    const objects = renderFunctionApp(baseSpec());
    expect(find(objects, "ConfigMap")).toBeUndefined();
    expect(container(find(objects, "Deployment", "demo"))).not.toHaveProperty("envFrom");
  });

  test("keys mounted read-only at /run/secrets/functions-keys on the HTTP pods, no Role", () => {
    const objects = renderFunctionApp(baseSpec({ functionKeys: { mode: "mounted-volume", secretName: "keys", annotations: {} } }));
    expect(find(objects, "Role")).toBeUndefined();
    expect(find(objects, "Secret")).toBeUndefined();
    const http = find(objects, "Deployment", "demo-http");
    expect(http.spec.template.spec.volumes[0]).toEqual({ name: "functions-keys", secret: { secretName: "keys" } });
    expect(container(http).volumeMounts[0]).toEqual({ name: "functions-keys", mountPath: "/run/secrets/functions-keys", readOnly: true });
    expect(env(http).AzureWebJobsSecretStorageType).toBe("kubernetes");
    expect(env(http).AzureWebJobsKubernetesSecretName).toBeUndefined();
  });

  test("keys Secret annotations", () => {
    const objects = renderFunctionApp(baseSpec({ functionKeys: { mode: "kubernetes-secret", secretName: "k", annotations: { "reflector/x": "y" } } }));
    expect(find(objects, "Secret", "k").metadata.annotations).toEqual({ "reflector/x": "y" });
  });

  test.each(["ClusterIP", "LoadBalancer", "NodePort"] as const)("service type %s", (serviceType) => {
    const objects = renderFunctionApp(baseSpec({ http: { ...baseSpec().http, serviceType, servicePort: 8081 } }));
    expect(find(objects, "Service").spec).toMatchObject({ type: serviceType, ports: [{ name: "http", port: 8081, targetPort: "http", protocol: "TCP" }] });
  });

  test("cpu HTTP scaling: a ScaledObject on the HTTP Deployment, which then has no replicas", () => {
    const objects = renderFunctionApp(baseSpec({ http: { ...baseSpec().http, scaling: HttpScaling.cpu({ minReplicas: 2, maxReplicas: 6, utilization: 60 }).config } }));
    expect(find(objects, "Deployment", "demo-http").spec).not.toHaveProperty("replicas");
    const scaled = find(objects, "ScaledObject", "demo-http");
    expect(scaled.spec).toMatchObject({ scaleTargetRef: { name: "demo-http" }, minReplicaCount: 2, maxReplicaCount: 6 });
    expect(scaled.spec.triggers).toEqual([{ type: "cpu", name: "cpu", metricType: "Utilization", metadata: { value: "60" } }]);
    expect(scaled.spec).not.toHaveProperty("fallback");
  });

  test("KEDA HTTP add-on: InterceptorRoute (http.keda.sh/v1beta1) and an external-push ScaledObject", () => {
    const objects = renderFunctionApp(baseSpec({ http: { ...baseSpec().http, scaling: HttpScaling.kedaHttpAddOn({ hosts: ["app.example"], targetConcurrency: 20 }).config } }));
    expect(find(objects, "InterceptorRoute")).toEqual({
      apiVersion: "http.keda.sh/v1beta1",
      kind: "InterceptorRoute",
      metadata: expect.objectContaining({ name: "demo-http", namespace: "apps" }),
      spec: { target: { service: "demo-http", port: 80 }, rules: [{ hosts: ["app.example"] }], scalingMetric: { concurrency: { targetValue: 20 } } },
    });
    const scaled = find(objects, "ScaledObject", "demo-http");
    expect(scaled.spec.minReplicaCount).toBe(0);
    expect(scaled.spec.triggers).toEqual([
      { type: "external-push", name: "http-requests", metadata: { interceptorRoute: "demo-http", scalerAddress: "keda-add-ons-http-external-scaler.keda:9090" } },
    ]);
  });

  test("fixed HTTP replicas", () => {
    const objects = renderFunctionApp(baseSpec({ http: { ...baseSpec().http, scaling: HttpScaling.fixedReplicas(3).config } }));
    expect(find(objects, "Deployment", "demo-http").spec.replicas).toBe(3);
    expect(find(objects, "ScaledObject", "demo-http")).toBeUndefined();
  });

  test("scaling behavior goes to advanced.horizontalPodAutoscalerConfig.behavior", () => {
    const behavior = { scaleDown: { stabilizationWindowSeconds: 60, policies: [{ type: "Pods", value: 1, periodSeconds: 30 }] } };
    const objects = renderFunctionApp(baseSpec({ scaling: { ...baseSpec().scaling, behavior } }));
    expect(find(objects, "ScaledObject", "demo").spec.advanced).toEqual({ horizontalPodAutoscalerConfig: { behavior } });
  });

  test("without a scaler there is no ScaledObject and the worker runs max(1, min) replicas", () => {
    const objects = renderFunctionApp(baseSpec({ scaling: { ...baseSpec().scaling, triggers: [] } }));
    expect(find(objects, "ScaledObject")).toBeUndefined();
    expect(find(objects, "TriggerAuthentication")).toBeUndefined();
    expect(find(objects, "Deployment", "demo").spec.replicas).toBe(1);
  });

  test("pull secrets on both Deployments", () => {
    const objects = renderFunctionApp(baseSpec({ imagePullSecrets: ["acr"] }));
    for (const name of ["demo", "demo-http"]) expect(find(objects, "Deployment", name).spec.template.spec.imagePullSecrets).toEqual([{ name: "acr" }]);
  });

  test("burst to virtual nodes: tolerations and a preference for regular nodes", () => {
    const pod = find(renderFunctionApp(baseSpec({ burstToVirtualNodes: true, workloadIdentityClientId: undefined })), "Deployment", "demo").spec.template.spec;
    // The taints AKS puts on its virtual node (ACI): virtual-kubelet.io/provider and azure.com/aci.
    expect(pod.tolerations).toEqual([
      { key: "virtual-kubelet.io/provider", operator: "Exists", effect: "NoSchedule" },
      { key: "azure.com/aci", operator: "Exists", effect: "NoSchedule" },
    ]);
    expect(pod.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution).toEqual([
      { weight: 100, preference: { matchExpressions: [{ key: "type", operator: "NotIn", values: ["virtual-kubelet"] }] } },
    ]);
  });

  test("connection-string mode: no identity annotation, label or TriggerAuthentication", () => {
    const objects = renderFunctionApp(baseSpec({ workloadIdentityClientId: undefined }));
    expect(find(objects, "ServiceAccount").metadata).not.toHaveProperty("annotations");
    expect(find(objects, "TriggerAuthentication")).toBeUndefined();
    expect(find(objects, "Deployment", "demo").spec.template.metadata.labels).not.toHaveProperty(["azure.workload.identity/use"]);
  });
});
