import { App, TerraformStack, Testing } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { KedaTrigger } from "../../constructs/keda-function-app/keda-trigger";
import { ImageSource } from "../../constructs/keda-function-app/image-source";
import { manifests, requiredProps, resources, testStack } from "../support/keda-function-app";

// Issue 15 item 2: the objects render from the app's final state at synth, so what is added
// after construction reaches the synthesized JSON, and a bad value added late fails synth with
// the construct's usual message (path, property, value, rule, fix).

const HEAD = 'KedaFunctionApp at "test/app" has 1 invalid property:\n  - ';
const QUEUE_ONLY = [{ name: "worker", trigger: { type: "queueTrigger", queueName: "jobs" } }];

function build(overrides: Parameters<typeof requiredProps>[0] = {}) {
  const stack = testStack();
  const app = new KedaFunctionApp(stack, "app", requiredProps(overrides));
  return { stack, app, synth: () => JSON.parse(Testing.synth(stack, true)) };
}

/** A queue worker that reaches storage with connection strings: it has no app identity. */
function connectionStringApp() {
  const stack = testStack();
  const app = new KedaFunctionApp(stack, "app", {
    name: "demo",
    image: ImageSource.fromReference("registry.example/demo@sha256:" + "b".repeat(64)),
    functions: QUEUE_ONLY,
    connectionMode: "connection-string",
    existingSettings: [{ kind: "Secret", name: "demo-connections" }],
  });
  return { stack, app };
}

/** Synth without validations: the lazily rendered objects refuse the bad state themselves. */
function synthWithoutValidations(stack: TerraformStack): unknown {
  return Testing.synth(stack, false);
}

describe("addSetting", () => {
  test("a setting added after construction is in the synthesized settings ConfigMap and in appSettings", () => {
    const { app, synth } = build();
    app.addSetting("FEATURE_FLAG", "on");
    expect(app.appSettings.FEATURE_FLAG).toBe("on");
    const settings = manifests(synth()).find((o) => o.kind === "ConfigMap" && o.metadata.name === "demo-settings");
    expect(settings.data).toEqual({ FEATURE_FLAG: "on" });
  });

  test("a setting resolves a %Setting% queue name of a function added later", () => {
    const { app, synth } = build({ functions: QUEUE_ONLY });
    app.addSetting("JobsQueue", "jobs-v2");
    app.addFunction({ name: "late", trigger: { type: "queueTrigger", queueName: "%JobsQueue%" } });
    expect(app.storageQueues).toEqual(["jobs", "jobs-poison", "jobs-v2", "jobs-v2-poison"]);
    const scaled = manifests(synth()).find((o) => o.kind === "ScaledObject");
    expect(scaled.spec.triggers.map((t: any) => t.metadata.queueName)).toEqual(["jobs", "jobs-v2"]);
  });

  test("a bad key added late fails synth with the usual message", () => {
    const { app, synth } = build();
    app.addSetting("Logging:Level", "Warning");
    expect(synth).toThrow(
      HEAD +
        'settings["Logging:Level"] = "Logging:Level": must be a valid Secret/ConfigMap key: 1-253 letters, digits, \'-\', \'_\' and \'.\'. Fix: rename the setting, e.g. "Logging__Level" (nested settings use "__" instead of ":")',
    );
  });

  test("a literal credential added late fails synth, also without the validation pass", () => {
    const { app, stack } = build();
    app.addSetting("Other", "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc=");
    expect(() => synthWithoutValidations(stack)).toThrow(`${HEAD}settings.Other = "<redacted: holds a credential>": must not hold a literal credential`);
  });

  test("near miss: a valid key with '__' synthesizes", () => {
    const { app, synth } = build();
    app.addSetting("Logging__Level", "Warning");
    expect(synth).not.toThrow();
  });
});

describe("addFunction", () => {
  test("a first HTTP function added late brings the HTTP Deployment, its Service and invoke URL", () => {
    const { app, synth } = build({ functions: QUEUE_ONLY });
    expect(app.invokeUrls).toEqual({});
    app.addFunction({ name: "hello", trigger: { type: "httpTrigger", authLevel: "anonymous" } });
    expect(app.invokeUrls).toEqual({ hello: "http://demo-http.demo.svc.cluster.local/api/hello" });
    const kinds = manifests(synth()).map((o) => `${o.kind}/${o.metadata.name}`);
    expect(kinds).toEqual(expect.arrayContaining(["Deployment/demo-http", "Service/demo-http", "Deployment/demo"]));
    expect(app.manifests).toHaveLength(app.objects.length);
  });

  test("a Service Bus function added late gets its scaler and the role on its connection", () => {
    const { app, synth } = build({
      functions: QUEUE_ONLY,
      connections: { Bus: { service: "serviceBus", fullyQualifiedNamespace: "sb-demo.servicebus.windows.net", resourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/sb-demo" } },
    });
    app.addFunction({ name: "orders", trigger: { type: "serviceBusTrigger", queueName: "orders", connection: "Bus" } });
    const json = synth();
    const scaled = manifests(json).find((o) => o.kind === "ScaledObject");
    expect(scaled.spec.triggers.map((t: any) => `${t.name}:${t.type}`)).toEqual(["worker:azure-queue", "orders:azure-servicebus"]);
    const roles = resources(json, "azurerm_role_assignment").map((r: any) => r.role_definition_name);
    expect(roles).toContain("Azure Service Bus Data Owner");
  });

  test("a function added late whose connection resolves to nothing fails synth", () => {
    const { app, synth } = build();
    app.addFunction({ name: "billing", trigger: { type: "queueTrigger", queueName: "bills", connection: "Billing" } });
    expect(synth).toThrow(`${HEAD}functions["billing"].trigger.connection = "Billing": names no app setting and no entry of connections`);
  });

  test("a function added late with a name already taken fails synth", () => {
    const { app, synth } = build();
    app.addFunction({ name: "worker", trigger: { type: "queueTrigger", queueName: "other" } });
    expect(synth).toThrow(`${HEAD}functions = "worker": function names must be unique. Fix: remove the duplicate entry`);
  });

  test("a function added late without a trigger type fails synth", () => {
    const { app, synth } = build();
    app.addFunction({ name: "broken", trigger: { type: "" } });
    expect(synth).toThrow(`${HEAD}functions[3] = {"name":"broken","trigger":{"type":""}}: must have a non-empty name and a trigger with a non-empty type`);
  });
});

describe("addTrigger", () => {
  test("a trigger added late joins the mapped ones in the worker ScaledObject", () => {
    const { app, synth } = build();
    app.addTrigger(KedaTrigger.prometheus({ name: "rps", serverAddress: "http://prometheus.monitoring:9090", query: "sum(rate(x[1m]))", threshold: 50 }));
    const scaled = manifests(synth()).find((o) => o.kind === "ScaledObject");
    expect(scaled.spec.triggers.map((t: any) => `${t.name}:${t.type}`)).toEqual(["worker:azure-queue", "rps:prometheus"]);
    expect(scaled.spec.triggers[1].metadata).toEqual({ serverAddress: "http://prometheus.monitoring:9090", query: "sum(rate(x[1m]))", threshold: "50" });
  });

  test("an identity-based storage queue trigger uses the app's workload TriggerAuthentication", () => {
    const { app, synth } = build();
    app.addTrigger(KedaTrigger.storageQueue({ queueName: "audit", accountName: "stdemo", queueLength: 8 }));
    const scaled = manifests(synth()).find((o) => o.kind === "ScaledObject");
    expect(scaled.spec.triggers[1]).toMatchObject({ type: "azure-queue", metadata: { queueName: "audit", accountName: "stdemo", queueLength: "8" }, authenticationRef: { name: "demo-wi" } });
  });

  test("a bad trigger added late fails synth with the usual message", () => {
    const { app, synth } = build();
    app.addTrigger(KedaTrigger.storageQueue({ queueName: "Audit_Queue", accountName: "stdemo" }));
    expect(synth).toThrow(
      `${HEAD}addTrigger[0].queueName = "Audit_Queue": must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit. Fix: use a name such as "jobs"`,
    );
  });

  test("an identity-based trigger added to a connection-string app fails synth", () => {
    const { stack, app } = connectionStringApp();
    app.addTrigger(KedaTrigger.serviceBus({ queueName: "orders", namespace: "sb-demo" }));
    expect(() => Testing.synth(stack, true)).toThrow(`${HEAD}addTrigger[0].metadata = {"queueName":"orders","namespace":"sb-demo"}: authenticates with workload identity`);
  });
});

describe("grantRole and grantStorage", () => {
  const SCOPE = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-demo";

  test("grantRole adds a role assignment of the app identity and returns it", () => {
    const { app, synth } = build();
    const assignment = app.grantRole(SCOPE, "Key Vault Secrets User");
    expect(assignment.roleDefinitionNameInput).toBe("Key Vault Secrets User");
    const granted = resources(synth(), "azurerm_role_assignment").find((r: any) => r.scope === SCOPE);
    expect(granted).toMatchObject({ role_definition_name: "Key Vault Secrets User", principal_type: "ServicePrincipal" });
    expect(granted.principal_id).toMatch(/azurerm_user_assigned_identity\.app_identity_[0-9A-F]+\.principal_id/);
  });

  test("grantStorage grants the host's two data roles on another account", () => {
    const { app, synth } = build();
    const other = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stother";
    expect(app.grantStorage(other)).toHaveLength(2);
    const roles = resources(synth(), "azurerm_role_assignment").filter((r: any) => r.scope === other).map((r: any) => r.role_definition_name);
    expect(roles.sort()).toEqual(["Storage Blob Data Owner", "Storage Queue Data Contributor"]);
  });

  test("a scope that is not a resource id fails synth", () => {
    const { app, synth } = build();
    app.grantRole("kv-demo", "Key Vault Secrets User");
    expect(synth).toThrow(`${HEAD}grantRole[0].scope = "kv-demo": must be an Azure resource id (/subscriptions/... or /providers/...). Fix: pass the resource's id attribute, e.g. storage.id`);
  });

  test("grantStorage with an account name instead of its id fails synth", () => {
    const { app, synth } = build();
    app.grantStorage("stother");
    expect(synth).toThrow(`${HEAD}grantRole[0].scope = "stother": must be an Azure resource id`);
  });

  test("near miss: a management-group scope is a resource id", () => {
    const { app, synth } = build();
    app.grantRole("/providers/Microsoft.Management/managementGroups/mg-apps", "Reader");
    expect(synth).not.toThrow();
  });

  test("an empty role name fails synth", () => {
    const { app, synth } = build();
    app.grantRole(SCOPE, " ");
    expect(synth).toThrow(`${HEAD}grantRole[0].roleDefinitionName = " ": must name a role`);
  });

  test("without an identity (connection-string mode) grantRole is refused at once", () => {
    const { app } = connectionStringApp();
    expect(() => app.grantRole(SCOPE, "Key Vault Secrets User")).toThrow(`${HEAD}grantRole = "Key Vault Secrets User": needs the app identity`);
  });
});

describe("lazy rendering", () => {
  test("objects, manifests and the synthesized JSON agree after every change", () => {
    const { app, synth } = build({ functions: QUEUE_ONLY });
    const before = app.objects.length;
    app.addFunction({ name: "hello", trigger: { type: "httpTrigger" } });
    expect(app.objects.length).toBeGreaterThan(before);
    expect(app.manifests.map((m) => m.node.id)).toEqual(app.objects.map((o) => `${o.kind.toLowerCase()}-${o.metadata!.name}`));
    expect(manifests(synth()).map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(app.objects.map((o) => `${o.kind}/${o.metadata!.name}`).sort());
  });

  test("a full App synth (prepare, aspects, validations) reports a late bad value with the usual message", () => {
    const app = new App({ outdir: require("node:fs").mkdtempSync(require("node:path").join(require("node:os").tmpdir(), "kfa-")) });
    const stack = new TerraformStack(app, "test");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    new KubernetesProvider(stack, "kubernetes", {});
    const fn = new KedaFunctionApp(stack, "app", requiredProps());
    fn.addSetting("My Setting", "x");
    expect(() => app.synth()).toThrow('KedaFunctionApp at "test/app" has 1 invalid property:\n  - settings["My Setting"] = "My Setting"');
  });
});
