import { TerraformVariable, Testing } from "cdktf";
import { ServicebusNamespace } from "@cdktf/provider-azurerm/lib/servicebus-namespace";
import { EventhubNamespace } from "@cdktf/provider-azurerm/lib/eventhub-namespace";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { KedaFunctionAppProps } from "../../constructs/keda-function-app/props";
import { manifests, requiredProps, resources, testStack } from "../support/keda-function-app";
import { tokenProps, variables } from "../support/token-props";

// Issue 11 item 10: props that are Terraform tokens (resource attributes, TerraformVariable
// strings, numbers and lists) must reach the JSON as whole `${...}` expressions: never split
// as strings, never judged as literals.
// In process: the synthesized JSON and the validation. tokens.test.ts (an integration suite) has
// Terraform evaluate the same expressions.

/** The app of tokenProps with resource attributes for the namespaces and the queue endpoint; built per test (mutation runs attribute code to the test it runs in). */
function synthesized() {
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
  return { raw, json, scaled, trigger };
}

describe("resource attributes: whole expressions, no errors", () => {
  test("no token placeholder is left in the JSON", () => {
    const { raw } = synthesized();
    expect(raw).not.toContain("TfToken[");
    expect(raw).not.toContain("#{");
  });

  test("the Service Bus and Event Hubs namespaces are cut from the FQDN by Terraform, not split at the first dot", () => {
    const { trigger } = synthesized();
    expect(trigger("orders").metadata.namespace).toMatch(/^\$\{replace\(.*azurerm_servicebus_namespace\.bus\.name.*\)\}$/);
    expect(trigger("events").metadata.eventHubNamespace).toMatch(/^\$\{replace\(.*azurerm_eventhub_namespace\.hub\.name.*\)\}$/);
    expect(trigger("jobs").metadata.accountName).toMatch(/^\$\{replace\(azurerm_storage_account\.jobs\.primary_queue_endpoint, .*\)\}$/);
    expect(trigger("events").metadata.storageAccountName).toBe("${azurerm_storage_account.jobs.name}");
  });

  test("namespace, replica counts and ports stay references", () => {
    const { scaled, json } = synthesized();
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

test("a token minReplicas stays as given when KEDA scales every event function: the worker may scale to zero", () => {
  const stack = testStack();
  const min = new TerraformVariable(stack, "min_replicas", { type: "number" }).numberValue;
  new KedaFunctionApp(stack, "app", requiredProps({ minReplicas: min, functions: [{ name: "jobs", trigger: { type: "queueTrigger", queueName: "jobs" } }] }));
  const scaled = manifests(JSON.parse(Testing.synth(stack, true))).find((o) => o.kind === "ScaledObject");
  expect(scaled.spec.minReplicaCount).toBe("${var.min_replicas}");
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
