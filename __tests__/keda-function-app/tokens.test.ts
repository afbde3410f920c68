import { TerraformVariable, Testing } from "cdktf";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { HttpScaling as Scaling } from "../../constructs/keda-function-app/http-scaling";
import { manifests, requiredProps, resources, testStack } from "../support/keda-function-app";
import { TRIGGERS, tokenProps, variables } from "../support/token-props";

// Issue 11 item 10: props that are Terraform tokens (resource attributes, TerraformVariable
// strings, numbers and lists) must reach the JSON as whole `${...}` expressions: never split
// as strings, never judged as literals.
// Here Terraform judges them; token-props.test.ts checks the JSON and the validation in process.

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
