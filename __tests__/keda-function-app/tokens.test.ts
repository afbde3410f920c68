import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { ServicebusNamespace } from "@cdktf/provider-azurerm/lib/servicebus-namespace";
import { EventhubNamespace } from "@cdktf/provider-azurerm/lib/eventhub-namespace";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { HttpScaling } from "../../constructs/keda-function-app/http-scaling";
import { ImageSource } from "../../constructs/keda-function-app/image-source";
import { KedaFunctionAppProps } from "../../constructs/keda-function-app/props";
import { HttpScaling as Scaling } from "../../constructs/keda-function-app/http-scaling";
import { manifests, requiredProps, resources, testStack } from "../support/keda-function-app";

// Issue 11 item 10: props that are Terraform tokens (resource attributes, TerraformVariable
// strings, numbers and lists) must reach the JSON as whole `${...}` expressions: never split
// as strings, never judged as literals.

const TRIGGERS: KedaFunctionAppProps["functions"] = [
  { name: "hello", trigger: { type: "httpTrigger", authLevel: "anonymous" } },
  { name: "orders", trigger: { type: "serviceBusTrigger", queueName: "orders", connection: "Bus" } },
  { name: "events", trigger: { type: "eventHubTrigger", eventHubName: "telemetry", connection: "Hub" } },
  { name: "jobs", trigger: { type: "queueTrigger", queueName: "jobs", connection: "Jobs" } },
  { name: "nightly", trigger: { type: "timerTrigger", schedule: "0 0 2 * * *" } },
];

function variables(stack: TerraformStack) {
  const v = (id: string, type: string) => new TerraformVariable(stack, id, { type });
  return {
    namespace: v("namespace", "string").stringValue,
    minReplicas: v("min_replicas", "number").numberValue,
    maxReplicas: v("max_replicas", "number").numberValue,
    fallbackReplicas: v("fallback_replicas", "number").numberValue,
    pollingInterval: v("polling_interval", "number").numberValue,
    servicePort: v("service_port", "number").numberValue,
    utilization: v("utilization", "number").numberValue,
    runAsUser: v("run_as_user", "number").numberValue,
    pullSecrets: v("pull_secrets", "list(string)").listValue,
    image: v("image", "string").stringValue,
    cpuRequest: v("cpu_request", "string").stringValue,
    keysSecret: v("keys_secret", "string").stringValue,
    busFqdn: v("bus_fqdn", "string").stringValue,
    hubFqdn: v("hub_fqdn", "string").stringValue,
    queueUri: v("queue_uri", "string").stringValue,
    kedaNamespace: v("keda_namespace", "string").stringValue,
  };
}

/** An app whose every prop that can sensibly come from Terraform does. */
function tokenProps(t: ReturnType<typeof variables>, fqdns: { bus: string; hub: string; queueUri: string; account: string }): KedaFunctionAppProps {
  return requiredProps({
    namespace: t.namespace,
    image: ImageSource.fromReference(t.image),
    functions: TRIGGERS,
    storage: { accountName: fqdns.account, accountId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/x" },
    workloadIdentity: {
      oidcIssuerUrl: "https://issuer.example/",
      resourceGroupName: "rg",
      location: "westeurope",
      kedaOperatorServiceAccount: { namespace: t.kedaNamespace, name: "keda-operator" },
    },
    connections: {
      Bus: { service: "serviceBus", fullyQualifiedNamespace: fqdns.bus, resourceId: "/sb" },
      Hub: { service: "eventHubs", fullyQualifiedNamespace: fqdns.hub, resourceId: "/eh" },
    },
    settings: { Jobs__queueServiceUri: fqdns.queueUri },
    minReplicas: t.minReplicas,
    maxReplicas: t.maxReplicas,
    fallback: { failureThreshold: 3, replicas: t.fallbackReplicas },
    pollingInterval: t.pollingInterval,
    servicePort: t.servicePort,
    runAsUser: t.runAsUser,
    imagePullSecrets: t.pullSecrets,
    keysSecretName: t.keysSecret,
    resources: { cpuRequest: t.cpuRequest },
    httpScaling: HttpScaling.cpu({ utilization: t.utilization }),
  });
}

describe("resource attributes: whole expressions, no errors", () => {
  const stack = testStack();
  const t = variables(stack);
  const bus = new ServicebusNamespace(stack, "bus", { name: "sb-orders", location: "westeurope", resourceGroupName: "rg", sku: "Standard" });
  const hub = new EventhubNamespace(stack, "hub", { name: "eh-events", location: "westeurope", resourceGroupName: "rg", sku: "Standard" });
  const account = new StorageAccount(stack, "jobs", { name: "stjobs", location: "westeurope", resourceGroupName: "rg", accountTier: "Standard", accountReplicationType: "LRS" });
  new KedaFunctionApp(
    stack,
    "app",
    tokenProps(t, { bus: `${bus.name}.servicebus.windows.net`, hub: `${hub.name}.servicebus.windows.net`, queueUri: account.primaryQueueEndpoint, account: account.name }),
  );
  const raw = Testing.synth(stack, true);
  const json = JSON.parse(raw);
  const scaled = manifests(json).find((o) => o.kind === "ScaledObject" && o.metadata.name === "demo");
  const trigger = (name: string) => scaled.spec.triggers.find((x: any) => x.name === name);

  test("no token placeholder is left in the JSON", () => {
    expect(raw).not.toContain("TfToken[");
    expect(raw).not.toContain("#{");
  });

  test("the Service Bus and Event Hubs namespaces are cut from the FQDN by Terraform, not split at the first dot", () => {
    expect(trigger("orders").metadata.namespace).toMatch(/^\$\{replace\(.*azurerm_servicebus_namespace\.bus\.name.*\)\}$/);
    expect(trigger("events").metadata.eventHubNamespace).toMatch(/^\$\{replace\(.*azurerm_eventhub_namespace\.hub\.name.*\)\}$/);
    expect(trigger("jobs").metadata.accountName).toMatch(/^\$\{replace\(azurerm_storage_account\.jobs\.primary_queue_endpoint, .*\)\}$/);
    expect(trigger("events").metadata.storageAccountName).toBe("${azurerm_storage_account.jobs.name}");
  });

  test("namespace, replica counts and ports stay references", () => {
    expect(scaled.metadata.namespace).toBe("${var.namespace}");
    expect(scaled.spec).toMatchObject({ minReplicaCount: "${max(1, var.min_replicas)}", maxReplicaCount: "${var.max_replicas}", pollingInterval: "${var.polling_interval}" });
    expect(scaled.spec.fallback).toEqual({ failureThreshold: 3, replicas: "${var.fallback_replicas}" });
    const federated = resources(json, "azurerm_federated_identity_credential").map((f) => f.subject).sort();
    expect(federated).toEqual(["system:serviceaccount:${var.keda_namespace}:keda-operator", "system:serviceaccount:${var.namespace}:demo"]);
  });
});

test("the issue's case alone: a Service Bus FQDN from a resource attribute, everything else literal", () => {
  const stack = testStack();
  const bus = new ServicebusNamespace(stack, "bus", { name: "sb-orders", location: "westeurope", resourceGroupName: "rg", sku: "Standard" });
  new KedaFunctionApp(
    stack,
    "app",
    requiredProps({
      functions: [{ name: "orders", trigger: { type: "serviceBusTrigger", queueName: "orders", connection: "Bus" } }],
      connections: { Bus: { service: "serviceBus", fullyQualifiedNamespace: `${bus.name}.servicebus.windows.net`, resourceId: bus.id } },
    }),
  );
  const raw = Testing.synth(stack, true);
  expect(raw).not.toContain("TfToken[");
  const scaled = manifests(JSON.parse(raw)).find((o) => o.kind === "ScaledObject");
  expect(scaled.spec.triggers[0].metadata.namespace).toBe(
    '${replace(join("", [azurerm_servicebus_namespace.bus.name, ".servicebus.windows.net"]), "/^([a-zA-Z][a-zA-Z0-9+.-]*://)?([^./]+).*$/", "$2")}',
  );
});

/**
 * The same app with every token a TerraformVariable, judged by Terraform itself: the fields
 * built with Terraform functions are copied into outputs of a provider-less configuration,
 * applied with concrete variable values, and the results compared with the literal path.
 */
describe("Terraform evaluates the expressions to the values a literal would give", () => {
  const stack = testStack();
  const t = variables(stack);
  new KedaFunctionApp(stack, "app", tokenProps(t, { bus: t.busFqdn, hub: t.hubFqdn, queueUri: t.queueUri, account: "stjobs" }));
  // Two more apps: HTTP add-on hosts and NetworkPolicy namespaces from list variables.
  const lists = {
    hosts: new TerraformVariable(stack, "hosts", { type: "list(string)" }).listValue,
    noHosts: new TerraformVariable(stack, "no_hosts", { type: "list(string)" }).listValue,
    namespaces: new TerraformVariable(stack, "allowed_namespaces", { type: "list(string)" }).listValue,
  };
  const routed = (id: string, hosts: string[]) =>
    new KedaFunctionApp(
      stack,
      id,
      requiredProps({ name: id, namespace: id, functions: [TRIGGERS[0]], httpScaling: Scaling.kedaHttpAddOn({ hosts }), networkPolicy: { allowedNamespaces: lists.namespaces, allowedPods: [{ role: "gateway" }] } }),
    );
  routed("routed", lists.hosts);
  routed("catch-all", lists.noHosts);
  const json = JSON.parse(Testing.synth(stack, true));
  const objects = manifests(json);
  const scaled = objects.find((o) => o.kind === "ScaledObject" && o.metadata.name === "demo");
  const route = (ns: string) => objects.find((o) => o.kind === "InterceptorRoute" && o.metadata.namespace === ns);
  const policy = objects.find((o) => o.kind === "NetworkPolicy" && o.metadata.namespace === "routed" && o.metadata.name === "routed-http");
  const httpScaled = objects.find((o) => o.kind === "ScaledObject" && o.metadata.name === "demo-http");
  const trigger = (name: string) => scaled.spec.triggers.find((x: any) => x.name === name);
  const http = objects.find((o) => o.kind === "Deployment" && o.metadata.name === "demo-http");
  const env = Object.fromEntries(http.spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value]));
  const identity = resources(json, "azurerm_user_assigned_identity")[0];
  const federation = resources(json, "azurerm_federated_identity_credential").find((f) => f.subject.includes("keda-operator"));

  const fields: Record<string, unknown> = {
    routed_hosts: route("routed").spec.rules[0].hosts,
    catch_all_hosts: route("catch-all").spec.rules[0].hosts,
    peers: policy.spec.ingress[0].from,
    bus_namespace: trigger("orders").metadata.namespace,
    hub_namespace: trigger("events").metadata.eventHubNamespace,
    queue_account: trigger("jobs").metadata.accountName,
    host_id: env.AzureFunctionsWebHost__hostid,
    identity_name: identity.name,
    keda_federation: federation.name,
    worker_min: scaled.spec.minReplicaCount,
    cpu_utilization: httpScaled.spec.triggers[0].metadata.value,
    pull_secrets: http.spec.template.spec.imagePullSecrets,
  };
  const values = {
    namespace: "payments",
    min_replicas: 0,
    max_replicas: 5,
    fallback_replicas: 2,
    polling_interval: 15,
    service_port: 8080,
    utilization: 60,
    run_as_user: 10001,
    pull_secrets: ["acr-a", "acr-b"],
    image: "registry.example/demo:1.0.0",
    cpu_request: "500m",
    keys_secret: "demo-keys",
    bus_fqdn: "sb-orders.servicebus.windows.net",
    hub_fqdn: "eh-events.servicebus.windows.net",
    queue_uri: "https://stjobs.queue.core.windows.net/",
    keda_namespace: "keda.system",
    hosts: ["api.example.com"],
    no_hosts: [],
    allowed_namespaces: ["gateway", "monitoring"],
  };

  let outputs: Record<string, { value: unknown }>;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "tokens-tf-"));
    try {
      writeFileSync(
        join(dir, "main.tf.json"),
        JSON.stringify({ variable: json.variable, output: Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value }])) }),
      );
      writeFileSync(join(dir, "terraform.tfvars.json"), JSON.stringify(values));
      const tf = (...args: string[]) => {
        const result = spawnSync("terraform", args, { cwd: dir, encoding: "utf8", env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", TF_IN_AUTOMATION: "1" } });
        if (result.status !== 0) throw new Error(`terraform ${args.join(" ")} failed (${result.error?.message ?? result.status}):\n${result.stderr}${result.stdout}`);
        return result.stdout;
      };
      tf("init", "-input=false", "-no-color");
      tf("apply", "-auto-approve", "-input=false", "-no-color");
      outputs = JSON.parse(tf("output", "-json"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  const out = (name: string) => outputs[name].value;

  test("FQDN and service URI → the first DNS label", () => {
    expect([out("bus_namespace"), out("hub_namespace"), out("queue_account")]).toEqual(["sb-orders", "eh-events", "stjobs"]);
  });

  test("host id: the digest Terraform computes equals the one a literal namespace gets", () => {
    const digest = createHash("sha256").update("payments/demo").digest("hex").slice(0, 8);
    expect(out("host_id")).toBe(`demo-${digest}`);
  });

  test("Azure names with a token namespace are valid once resolved", () => {
    expect(out("identity_name")).toBe("id-demo_payments");
    expect(out("keda_federation")).toBe("keda-keda-system-keda-operator");
    expect(out("keda_federation")).toMatch(/^[a-zA-Z0-9][-a-zA-Z0-9_]{2,119}$/);
  });

  test("numbers: max(1, minReplicas) for a worker with an unscalable function; utilization as a string", () => {
    expect(out("worker_min")).toBe(1);
    expect(out("cpu_utilization")).toBe("60");
  });

  test("list tokens: HTTP add-on hosts, or the catch-all when the list is empty; one namespace peer per entry", () => {
    expect(out("routed_hosts")).toEqual(["api.example.com"]);
    expect(out("catch_all_hosts")).toEqual(["*"]);
    expect(out("peers")).toEqual([
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "gateway" } } },
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } },
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "keda" } } },
      { podSelector: { matchLabels: { role: "gateway" } } },
    ]);
  });

  test("a list of pull Secrets becomes one { name } per entry", () => {
    expect(out("pull_secrets")).toEqual([{ name: "acr-a" }, { name: "acr-b" }]);
  });
});

describe("validation still rejects bad literals (the token rules did not switch it off)", () => {
  test.each<[string, Partial<KedaFunctionAppProps>, string]>([
    ["namespace", { namespace: "Apps" }, 'namespace = "Apps": must be a Kubernetes DNS-1123 label'],
    ["maxReplicas", { maxReplicas: 0 }, "maxReplicas = 0: must be a whole number >= 1"],
    ["min > max with literals", { minReplicas: 4, maxReplicas: 2 }, "minReplicas = 4: must not exceed maxReplicas (2)"],
    ["pull secret", { imagePullSecrets: ["Not OK"] }, 'imagePullSecrets[0] = "Not OK": must be a Kubernetes DNS-1123 label'],
  ])("%s", (_name, overrides, message) => {
    expect(() => new KedaFunctionApp(testStack(), "app", requiredProps(overrides))).toThrow(message);
  });

  test("a literal min above a token max is not compared (only Terraform knows the max)", () => {
    const stack = testStack();
    const max = new TerraformVariable(stack, "max", { type: "number" }).numberValue;
    expect(() => new KedaFunctionApp(stack, "app", requiredProps({ minReplicas: 4, maxReplicas: max }))).not.toThrow();
  });

  test("the app name must be a literal: it derives object names and Terraform addresses", () => {
    const stack = testStack();
    const name = new TerraformVariable(stack, "name", { type: "string" }).stringValue;
    expect(() => new KedaFunctionApp(stack, "app", requiredProps({ name }))).toThrow(
      /name = "\$\{TfToken\[TOKEN\.\d+\]\}": must be a literal, not a Terraform expression: it derives every object name and the construct's Terraform addresses\. Fix: pass the app name as a string/,
    );
  });
});
