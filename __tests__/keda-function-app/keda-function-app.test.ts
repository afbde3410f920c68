import { Lazy, Testing } from "cdktf";
import { KedaTrigger } from "../../constructs/keda-function-app/keda-trigger";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { HttpScaling } from "../../constructs/keda-function-app/http-scaling";
import { ImageSource } from "../../constructs/keda-function-app/image-source";
import { KedaFunctionAppProps } from "../../constructs/keda-function-app/props";
import { manifests, requiredProps, resources, synthApp, testStack } from "../support/keda-function-app";

const SB_ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/sb-app";

describe("only required props", () => {
  // Synthesized per test, not once in the describe body: mutation testing (npm run mutation)
  // then knows which test covers which construct code instead of treating it as load-time code.
  let app: KedaFunctionApp;
  let json: any;
  let objects: any[];
  beforeEach(() => {
    ({ app, json } = synthApp(requiredProps()));
    objects = manifests(json);
  });

  test("create the identity, both federations and the host's storage roles, and no secret value", () => {
    expect(resources(json, "azurerm_user_assigned_identity")).toHaveLength(1);
    expect(resources(json, "azurerm_federated_identity_credential").map((f) => f.subject).sort()).toEqual([
      "system:serviceaccount:demo:demo",
      "system:serviceaccount:kube-system:keda-operator",
    ]);
    expect(resources(json, "azurerm_role_assignment").map((r) => r.role_definition_name).sort()).toEqual([
      "Storage Blob Data Owner",
      "Storage Queue Data Contributor",
    ]);
    expect(objects.map((o) => o.kind)).not.toContain("ConfigMap");
    expect(objects.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name)).toEqual(["demo"]);
    expect(objects.filter((o) => o.kind === "Secret").every((s) => s.data === undefined && s.stringData === undefined)).toBe(true);
  });

  test("identity-based settings in env, the storage queue trigger with accountName + TriggerAuthentication", () => {
    const worker = objects.find((o) => o.kind === "Deployment" && o.metadata.name === "demo");
    const env = Object.fromEntries(worker.spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value]));
    expect(env).toMatchObject({ AzureWebJobsStorage__accountName: "stdemo", AzureWebJobsStorage__credential: "workloadidentity", FUNCTIONS_WORKER_RUNTIME: "node" });
    expect(env.AzureWebJobsStorage__clientId).toMatch(/^\$\{azurerm_user_assigned_identity\..+\.client_id\}$/);
    const scaled = objects.find((o) => o.kind === "ScaledObject");
    expect(scaled.spec.triggers[0]).toMatchObject({ type: "azure-queue", name: "worker", metadata: { accountName: "stdemo", queueName: "jobs" }, authenticationRef: { name: "demo-wi" } });
    expect(scaled.spec.fallback).toEqual({ failureThreshold: 3, replicas: 1 });
  });

  test("the keys Secret lets the host own its data; service address and invoke URLs are in-cluster", () => {
    const keys = resources(json, "kubernetes_manifest").find((r) => r.manifest.kind === "Secret");
    expect(keys.computed_fields).toEqual(["metadata.annotations", "metadata.labels", "data"]);
    expect(app.serviceAddress).toBe("http://demo-http.demo.svc.cluster.local");
    expect(app.invokeUrls).toEqual({
      enqueue: "http://demo-http.demo.svc.cluster.local/api/jobs",
      hello: "http://demo-http.demo.svc.cluster.local/api/hello",
    });
  });
});

describe("outputs", () => {
  test("LoadBalancer: the address is the Service's IP, waited for after apply", () => {
    const { app, json } = synthApp(requiredProps({ serviceType: "LoadBalancer", servicePort: 8081, hostJson: { extensions: { http: { routePrefix: "" } } } }));
    const service = resources(json, "kubernetes_manifest").find((r) => r.manifest.kind === "Service");
    expect(service.wait).toEqual({ fields: { "status.loadBalancer.ingress[0].ip": "^(\\d+(\\.|$)){4}" } });
    expect(app.serviceAddress).toMatch(/^http:\/\/\$\{.*\}:8081$/);
    expect(app.invokeUrls.hello).toMatch(/:8081\/hello$/);
  });

  test("no HTTP functions: no service address, no invoke URLs", () => {
    const { app } = synthApp(requiredProps({ functions: [{ name: "worker", trigger: { type: "queueTrigger", queueName: "jobs" } }] }));
    expect(app.serviceAddress).toBeUndefined();
    expect(app.invokeUrls).toEqual({});
  });
});

describe("role assignments per trigger kind", () => {
  test("declared identity connections get their settings and data roles on their resource", () => {
    const { json } = synthApp(
      requiredProps({
        functions: [
          { name: "orders", trigger: { type: "serviceBusTrigger", queueName: "orders", connection: "ServiceBusConnection" } },
          { name: "uploads", trigger: { type: "blobTrigger", path: "uploads/{name}", connection: "Uploads" } },
          { name: "legacy", trigger: { type: "serviceBusTrigger", queueName: "q", connection: "LegacyBus" } },
        ],
        connections: {
          ServiceBusConnection: { service: "serviceBus", fullyQualifiedNamespace: "sb-app.servicebus.windows.net", resourceId: SB_ID },
          Uploads: { service: "storage", accountName: "stuploads", resourceId: "/st/uploads" },
        },
        blobsRemovedAfterProcessing: true,
        // A Terraform reference: a literal key is refused (settings are plain text, see settings-credentials.ts).
        settings: { LegacyBus: Lazy.stringValue({ produce: () => "${azurerm_servicebus_namespace_authorization_rule.legacy.primary_connection_string}" }) },
      }),
    );
    const roles = resources(json, "azurerm_role_assignment").map((r) => `${r.role_definition_name}@${r.scope}`);
    expect(roles).toEqual(
      expect.arrayContaining([`Azure Service Bus Data Owner@${SB_ID}`, "Storage Blob Data Owner@/st/uploads", "Storage Queue Data Contributor@/st/uploads"]),
    );
    expect(roles).toHaveLength(5);
    const scaled = manifests(json).find((o) => o.kind === "ScaledObject");
    const byName = Object.fromEntries(scaled.spec.triggers.map((t: any) => [t.name, t]));
    expect(byName.orders.metadata).toMatchObject({ namespace: "sb-app" });
    expect(byName.uploads.metadata).toMatchObject({ accountName: "stuploads", blobContainerName: "uploads" });
    expect(byName.legacy.metadata).toMatchObject({ connectionFromEnv: "LegacyBus" });
  });
});

describe("unscalable triggers", () => {
  test("a timer gets no scaler, a warning, and the worker keeps at least one replica", () => {
    const stack = testStack();
    const app = new KedaFunctionApp(stack, "app", requiredProps({ functions: [{ name: "nightly", trigger: { type: "timerTrigger", schedule: "0 0 2 * * *" } }] }));
    const json = JSON.parse(Testing.synth(stack, true));
    const objects = manifests(json);
    expect(objects.find((o) => o.kind === "ScaledObject")).toBeUndefined();
    expect(objects.find((o) => o.kind === "Deployment" && o.metadata.name === "demo").spec.replicas).toBe(1);
    const warnings = app.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data);
    expect(warnings).toEqual([
      expect.stringMatching(/^Function "nightly" cannot drive scaling: a timer trigger has no backlog/),
      "Some event-driven functions have no KEDA scaler; keeping at least 1 worker replica (minReplicas raised from 0 to 1).",
    ]);
  });

  test("a timer next to a queue: the ScaledObject keeps the queue trigger and minReplicas 1", () => {
    const { json } = synthApp(
      requiredProps({
        functions: [
          { name: "nightly", trigger: { type: "timerTrigger", schedule: "0 0 2 * * *" } },
          { name: "worker", trigger: { type: "queueTrigger", queueName: "jobs" } },
        ],
      }),
    );
    const scaled = manifests(json).find((o) => o.kind === "ScaledObject");
    expect(scaled.spec.minReplicaCount).toBe(1);
    expect(scaled.spec.triggers.map((t: any) => t.name)).toEqual(["worker"]);
  });

  test("explicit triggers override the mapping", () => {
    const { json } = synthApp(
      requiredProps({ triggers: [KedaTrigger.prometheus({ name: "rps", serverAddress: "http://prom:9090", query: "sum(rate(x[1m]))", threshold: 10 })] }),
    );
    const scaled = manifests(json).find((o) => o.kind === "ScaledObject");
    // metricType: the default fallback is on, and KEDA 2.17.0's webhook wants it written out.
    expect(scaled.spec.triggers).toEqual([
      { type: "prometheus", name: "rps", metricType: "AverageValue", metadata: { query: "sum(rate(x[1m]))", serverAddress: "http://prom:9090", threshold: "10" } },
    ]);
  });

  test("a mapping error names the construct and the function", () => {
    expect(() => synthApp(requiredProps({ functions: [{ name: "w", trigger: { type: "queueTrigger", queueName: "%Missing%" } }] }))).toThrow(
      'KedaFunctionApp at "test/app": function "w": "%Missing%" refers to app setting "Missing", which is not set: add it to the app\'s settings.',
    );
  });
});

describe("connection-string mode", () => {
  test("no identity, no federation, no roles; KEDA reads the connection from env", () => {
    const { json, app } = synthApp({
      name: "demo",
      image: ImageSource.fromReference("r/demo@sha256:" + "c".repeat(64)),
      functions: [{ name: "worker", trigger: { type: "queueTrigger", queueName: "jobs" } }],
      connectionMode: "connection-string",
      existingSettings: [{ kind: "Secret", name: "demo-connections" }],
      burstToVirtualNodes: true,
    });
    expect(app.identity).toBeUndefined();
    expect(resources(json, "azurerm_user_assigned_identity")).toHaveLength(0);
    expect(resources(json, "azurerm_role_assignment")).toHaveLength(0);
    const objects = manifests(json);
    expect(objects.find((o) => o.kind === "ScaledObject").spec.triggers[0].metadata.connectionFromEnv).toBe("AzureWebJobsStorage");
    expect(objects.find((o) => o.kind === "Deployment").spec.template.spec.tolerations).toBeDefined();
  });
});

describe("image sources", () => {
  test("ACR Task: task + run-now, replaced when the task changes; the Deployment pins the pushed digest", () => {
    const { json } = synthApp(
      requiredProps({
        image: ImageSource.fromAcrTask({
          directory: "__tests__/fixtures/all-triggers-app",
          registryId: "/acr/id",
          loginServer: "acr.example.io",
          repository: "demo",
          contextPath: "https://github.com/org/repo.git#main:function-app",
          contextAccessToken: "${var.git_token}",
        }),
      }),
    );
    const [task] = resources(json, "azurerm_container_registry_task");
    expect(task.docker_step.image_names[0]).toMatch(/^demo:[0-9a-f]{16}$/);
    expect(task.platform).toEqual({ os: "linux", architecture: "amd64" });
    const [run] = resources(json, "azurerm_container_registry_task_schedule_run_now");
    expect(run.lifecycle.replace_triggered_by[0]).toMatch(/^\$\{azurerm_container_registry_task\.[^.]+\}$/);
    const [digest] = Object.values(json.data.docker_registry_image) as any[];
    expect(digest.depends_on[0]).toMatch(/^azurerm_container_registry_task_schedule_run_now\./);
    const deployment = manifests(json).find((o) => o.kind === "Deployment");
    expect(deployment.spec.template.spec.containers[0].image).toMatch(/^acr\.example\.io\/demo:[0-9a-f]{16}@\$\{data\.docker_registry_image\..+\.sha256_digest\}$/);
  });

  test("fromReference is used verbatim", () => {
    const { json } = synthApp(requiredProps());
    expect(manifests(json).find((o) => o.kind === "Deployment").spec.template.spec.containers[0].image).toBe("registry.example/demo@sha256:" + "b".repeat(64));
  });
});

describe("options reach the objects", () => {
  test.each<[string, Partial<KedaFunctionAppProps>, (objects: any[]) => void]>([
    ["namespace", { namespace: "apps" }, (o) => expect(o.every((x) => x.metadata.namespace === "apps")).toBe(true)],
    ["min/max replicas, polling, cooldown", { minReplicas: 2, maxReplicas: 7, pollingInterval: 15, cooldownPeriod: 60 }, (o) =>
      expect(o.find((x) => x.kind === "ScaledObject").spec).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 7, pollingInterval: 15, cooldownPeriod: 60, fallback: { failureThreshold: 3, replicas: 2 } })],
    ["fallback off", { fallback: false }, (o) => expect(o.find((x) => x.kind === "ScaledObject").spec).not.toHaveProperty("fallback")],
    ["custom fallback", { fallback: { failureThreshold: 5, replicas: 3 } }, (o) => expect(o.find((x) => x.kind === "ScaledObject").spec.fallback).toEqual({ failureThreshold: 5, replicas: 3 })],
    ["use-config-map", { settings: { Greeting: "hi" }, settingsObjectKind: "ConfigMap" }, (o) => expect(o.find((x) => x.kind === "ConfigMap").data).toEqual({ Greeting: "hi" })],
    ["keys secret name + annotations", { keysSecretName: "my-keys", keysSecretAnnotations: { a: "b" } }, (o) =>
      expect(o.find((x) => x.kind === "Secret").metadata).toMatchObject({ name: "my-keys", annotations: { a: "b" } })],
    ["mounted keys", { functionKeys: "mounted-volume" }, (o) => expect(o.map((x) => x.kind)).not.toContain("Role")],
    ["pull secret", { imagePullSecrets: ["acr-pull"] }, (o) => expect(o.find((x) => x.kind === "Deployment").spec.template.spec.imagePullSecrets).toEqual([{ name: "acr-pull" }])],
    ["HTTP add-on", { httpScaling: HttpScaling.kedaHttpAddOn() }, (o) => expect(o.map((x) => x.kind)).toContain("InterceptorRoute")],
    ["resources", { resources: { cpuRequest: "100m", cpuLimit: "2", memoryLimit: "512Mi" } }, (o) =>
      expect(o.find((x) => x.kind === "Deployment").spec.template.spec.containers[0].resources).toEqual({ requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "2", memory: "512Mi" } })],
    ["function timeout → grace period", { hostJson: { functionTimeout: "00:10:00" } }, (o) =>
      expect(o.find((x) => x.kind === "Deployment").spec.template.spec.terminationGracePeriodSeconds).toBe(630)],
    ["long names get a stable ≤32-char host id", { name: "a-really-long-function-app-name-beyond-32" }, (o) => {
      const env = o.find((x) => x.kind === "Deployment").spec.template.spec.containers[0].env;
      const hostId = env.find((e: any) => e.name === "AzureFunctionsWebHost__hostid").value;
      expect(hostId.length).toBeLessThanOrEqual(32);
      expect(hostId).toMatch(/^a-really-long-function-[0-9a-f]{8}$/);
    }],
  ])("%s", (_name, overrides, check) => {
    const objects = manifests(synthApp(requiredProps(overrides)).json);
    check(objects);
  });
});

describe("validation rules (one per rule, exact message)", () => {
  const path = 'KedaFunctionApp at "test/app" has 1 invalid property:\n  - ';
  test.each<[string, Partial<KedaFunctionAppProps>, string]>([
    ["name", { name: "Bad_Name" }, `name = "Bad_Name": must be a Kubernetes DNS-1035 label (it names a Service): 1-45 characters, lowercase letters, digits and '-', starting with a letter and ending with a letter or digit. Fix: use a name such as "bad-name"`],
    ["namespace", { namespace: "Apps" }, `namespace = "Apps": must be a Kubernetes DNS-1123 label: 1-63 characters, lowercase letters, digits and '-', starting and ending with a letter or digit. Fix: use a name such as "apps"`],
    ["keysSecretName", { keysSecretName: "Keys!" }, `keysSecretName = "Keys!": must be a Kubernetes DNS-1123 label: 1-63 characters, lowercase letters, digits and '-', starting and ending with a letter or digit. Fix: use a name such as "keys"`],
    ["imagePullSecrets", { imagePullSecrets: ["ok", "Not OK"] }, `imagePullSecrets[1] = "Not OK": must be a Kubernetes DNS-1123 label: 1-63 characters, lowercase letters, digits and '-', starting and ending with a letter or digit. Fix: use a name such as "not-ok"`],
    ["existingSettings", { existingSettings: [{ kind: "Secret", name: "A" }] }, `existingSettings[0].name = "A": must be a Kubernetes DNS-1123 label: 1-63 characters, lowercase letters, digits and '-', starting and ending with a letter or digit. Fix: use a name such as "a"`],
    ["minReplicas", { minReplicas: -1 }, "minReplicas = -1: must be a whole number >= 0. Fix: use 0 to scale to zero, or a positive whole number"],
    ["maxReplicas", { maxReplicas: 0, minReplicas: 0 }, "maxReplicas = 0: must be a whole number >= 1. Fix: allow at least 1 replica"],
    ["pollingInterval", { pollingInterval: 0.5 }, "pollingInterval = 0.5: must be a whole number >= 1. Fix: poll at most once a second (pollingInterval >= 1)"],
    ["cooldownPeriod", { cooldownPeriod: -5 }, "cooldownPeriod = -5: must be a whole number >= 0. Fix: use 0 or more seconds"],
    ["servicePort", { servicePort: 70000 }, "servicePort = 70000: must be a whole number from 1 to 65535. Fix: use a TCP port number"],
    ["min > max", { minReplicas: 5, maxReplicas: 3 }, "minReplicas = 5: must not exceed maxReplicas (3). Fix: lower minReplicas or raise maxReplicas"],
    ["serviceType", { serviceType: "ExternalName" as never }, 'serviceType = "ExternalName": must be one of "ClusterIP", "LoadBalancer", "NodePort". Fix: use one of the listed values (they are case-sensitive)'],
    ["no functions", { functions: [] }, "functions = []: must list at least one function. Fix: run `npm run discover` and pass the functions of the app's functions.manifest.json"],
    ["duplicate functions", { functions: [{ name: "a", trigger: { type: "httpTrigger" } }, { name: "a", trigger: { type: "httpTrigger" } }] }, 'functions = "a": function names must be unique. Fix: remove the duplicate entry'],
    ["UseDevelopmentStorage", { settings: { AzureWebJobsStorage: "UseDevelopmentStorage=true" } }, 'settings.AzureWebJobsStorage = "UseDevelopmentStorage=true": must not point at the local storage emulator (UseDevelopmentStorage=true): it does not exist in the cluster. Fix: drop the setting and let workload identity set AzureWebJobsStorage__accountName, or use a real connection string from an existing Secret'],
    ["storage", { storage: undefined }, 'storage = undefined: is required with connectionMode "workload-identity". Fix: pass the storage account used as AzureWebJobsStorage, or set connectionMode: "connection-string"'],
    ["workloadIdentity", { workloadIdentity: undefined }, 'workloadIdentity = undefined: is required with connectionMode "workload-identity". Fix: pass the cluster\'s OIDC issuer and where the identity lives, or set connectionMode: "connection-string"'],
    ["connections without identity", { connectionMode: "connection-string", existingSettings: [{ kind: "Secret", name: "demo-connections" }], connections: { Bus: { service: "serviceBus", fullyQualifiedNamespace: "x", resourceId: "y" } } }, 'connections = ["Bus"]: identity-based connections need connectionMode "workload-identity". Fix: remove connections, or use workload identity'],
    ["burst with identity", { burstToVirtualNodes: true }, 'burstToVirtualNodes = true: virtual-node (ACI) pods get no workload identity token, so identity-based connections would fail there. Fix: set connectionMode: "connection-string" with connections from an existing Secret, or leave burstToVirtualNodes off'],
    ["fallback.failureThreshold", { fallback: { failureThreshold: 0, replicas: 1 } }, "fallback.failureThreshold = 0: must be a whole number >= 1. Fix: use 1 or more failed checks"],
    ["fallback.replicas", { fallback: { failureThreshold: 3, replicas: 0 } }, "fallback.replicas = 0: must be a whole number >= 1. Fix: keep at least 1 replica while the scaler fails"],
    ["httpScaling.replicas", { httpScaling: HttpScaling.fixedReplicas(-1) }, "httpScaling.replicas = -1: must be a whole number >= 0. Fix: use 0 or more replicas"],
    ["httpScaling min > max", { httpScaling: HttpScaling.kedaHttpAddOn({ minReplicas: 4, maxReplicas: 2 }) }, "httpScaling.minReplicas = 4: must not exceed httpScaling.maxReplicas (2). Fix: lower minReplicas or raise maxReplicas"],
    ["cpu min 0", { httpScaling: HttpScaling.cpu({ minReplicas: 0 }) }, "httpScaling.minReplicas = 0: must be a whole number >= 1. Fix: use 1 or more: the cpu metric cannot wake a Deployment at zero"],
    ["cpu utilization", { httpScaling: HttpScaling.cpu({ utilization: 150 }) }, "httpScaling.utilization = 150: must be a whole number from 1 to 100. Fix: use a percentage from 1 to 100"],
    ["add-on needs ClusterIP", { httpScaling: HttpScaling.kedaHttpAddOn(), serviceType: "LoadBalancer" }, 'serviceType = "LoadBalancer": must be ClusterIP with the KEDA HTTP add-on: traffic has to pass the add-on\'s interceptor, or a scaled-to-zero app never wakes. Fix: use serviceType "ClusterIP" and route an Ingress/Gateway to keda-add-ons-http-interceptor-proxy'],
  ])("%s", (_rule, overrides, message) => {
    expect(() => new KedaFunctionApp(testStack(), "app", requiredProps(overrides))).toThrow(path + message);
  });

  test("all failures are reported together", () => {
    expect(() => new KedaFunctionApp(testStack(), "app", requiredProps({ minReplicas: -1, cooldownPeriod: -1 }))).toThrow(
      /has 2 invalid properties:\n {2}- minReplicas = -1: .*\n {2}- cooldownPeriod = -1: /,
    );
  });
});
