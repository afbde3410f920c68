import { Aspects, Lazy, Testing } from "cdktf";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { KedaFunctionAppProps } from "../../constructs/keda-function-app/props";
import { ALL_RULES } from "../../constructs/policy/all-rules";
import { findings } from "../../constructs/policy/evaluate";
import { PolicyPack } from "../../constructs/policy/policy-pack";
import { PROJECT_EXCEPTIONS, ProjectPolicy } from "../../constructs/policy/project-policy";
import { manifests, requiredProps, resources, testStack } from "../support/keda-function-app";

// Issue 11 item 13: the construct's defaults must pass the project's own policy pack.

/** Synthesizes one app under `pack`; returns the error findings (rule id + path) and the stack JSON. */
function underPolicy(props: KedaFunctionAppProps, pack: PolicyPack = new ProjectPolicy()) {
  const stack = testStack();
  const app = new KedaFunctionApp(stack, "app", props);
  Aspects.of(stack).add(pack);
  let json: any;
  let failure: string | undefined;
  try {
    json = JSON.parse(Testing.synth(stack, true));
  } catch (error) {
    failure = (error as Error).message;
  }
  const errors = findings(pack.results)
    .filter((r) => r.level === "error")
    .map((r) => `${r.ruleId} ${r.path}`)
    .sort();
  return { app, errors, failure, json, pack };
}

describe("an app with only required props", () => {
  test("passes the full project policy (every rule, zero error findings)", () => {
    const { errors, failure, pack } = underPolicy(requiredProps());
    expect(pack.rules).toBe(ALL_RULES);
    // Every rule ran on every resource: the check is not vacuous.
    expect(pack.results.length).toBeGreaterThanOrEqual(ALL_RULES.length * 10);
    expect(errors).toEqual([]);
    expect(failure).toBeUndefined();
  });

  test("without the project's documented exceptions, only those exceptions' rules report errors", () => {
    const { errors } = underPolicy(requiredProps(), new PolicyPack({ rules: ALL_RULES }));
    const excepted = new Set(PROJECT_EXCEPTIONS.map((e) => e.id));
    expect(errors.map((e) => e.split(" ")[0]).filter((id) => !excepted.has(id))).toEqual([]);
  });

  test("runs in a namespace of its own, named after the app, created first with Pod Security restricted", () => {
    const { app, json } = underPolicy(requiredProps());
    // First in apply order (and in the YAML export).
    expect(app.objects[0].kind).toBe("Namespace");
    const objects = manifests(json);
    const namespace = objects.find((o) => o.kind === "Namespace");
    expect(namespace).toEqual({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: "demo",
        labels: {
          "app.kubernetes.io/managed-by": "cdktf",
          "app.kubernetes.io/name": "demo",
          "app.kubernetes.io/part-of": "demo",
          "pod-security.kubernetes.io/enforce": "restricted",
          "pod-security.kubernetes.io/warn": "restricted",
        },
      },
    });
    expect(objects.filter((o) => o !== namespace).every((o) => o.metadata.namespace === "demo")).toBe(true);
    // Terraform creates the namespace before anything that lives in it.
    const byKind = resources(json, "kubernetes_manifest");
    const namespaceAddress = Object.keys(json.resource.kubernetes_manifest).find((id) => json.resource.kubernetes_manifest[id].manifest.kind === "Namespace");
    for (const resource of byKind.filter((r) => r.manifest.kind !== "Namespace")) {
      expect(resource.depends_on).toContain(`kubernetes_manifest.${namespaceAddress}`);
    }
    expect(resources(json, "azurerm_federated_identity_credential").map((f) => f.subject)).toContain("system:serviceaccount:demo:demo");
  });

  test("plus non-secret settings: they go in a ConfigMap, not a Secret, and the policy still passes", () => {
    const { errors, json } = underPolicy(requiredProps({ settings: { Greeting: "hello" } }));
    expect(errors).toEqual([]);
    const objects = manifests(json);
    expect(objects.find((o) => o.metadata.name === "demo-settings")).toMatchObject({ kind: "ConfigMap", data: { Greeting: "hello" } });
    expect(objects.filter((o) => o.kind === "Secret").map((o) => o.metadata.name)).toEqual(["func-keys-kube-secret-demo"]);
  });
});

describe("the policy still catches what the defaults avoid (near misses)", () => {
  test("the namespace `default`, given explicitly: CKV_K8S_21 on every namespaced object", () => {
    const { errors } = underPolicy(requiredProps({ namespace: "default" }));
    expect(errors.length).toBeGreaterThan(5);
    expect(new Set(errors.map((e) => e.split(" ")[0]))).toEqual(new Set(["CKV_K8S_21"]));
  });

  test('literal settings in a Secret, asked for with settingsObjectKind "Secret": PRJ_NO_SECRET_LITERALS and CKV_K8S_35', () => {
    const { errors } = underPolicy(requiredProps({ settings: { Greeting: "hello" }, settingsObjectKind: "Secret" }));
    expect(errors).toEqual(expect.arrayContaining(["PRJ_NO_SECRET_LITERALS test/app/secret-demo-settings", "CKV_K8S_35 test/app/deployment-demo"]));
  });
});

describe("namespace ownership", () => {
  test("a given namespace is not created: it belongs to the caller (dependsOn)", () => {
    const { json } = underPolicy(requiredProps({ namespace: "apps" }));
    const objects = manifests(json);
    expect(objects.map((o) => o.kind)).not.toContain("Namespace");
    expect(objects.every((o) => o.metadata.namespace === "apps")).toBe(true);
  });

  test("createNamespace: true creates a given namespace; false leaves the default one to the caller", () => {
    expect(underPolicy(requiredProps({ namespace: "apps", createNamespace: true })).app.objects[0]).toMatchObject({ kind: "Namespace", metadata: { name: "apps" } });
    const objects = manifests(underPolicy(requiredProps({ createNamespace: false })).json);
    expect(objects.map((o) => o.kind)).not.toContain("Namespace");
    expect(objects.every((o) => o.metadata.namespace === "demo")).toBe(true);
  });
});

describe("settings never hold a literal credential", () => {
  test.each([
    ["a storage account key", "DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc123==;EndpointSuffix=core.windows.net"],
    ["a Service Bus SAS key", "Endpoint=sb://sb.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=xyz="],
    ["a SAS token in a URL", "https://st.blob.core.windows.net/c?sv=2022-11-02&sig=abc%3D"],
    ["a password", "Server=db;User Id=app;Password=hunter2"],
  ])("%s is refused, naming the construct, the setting and the fix", (_label, value) => {
    expect(() => new KedaFunctionApp(testStack(), "app", requiredProps({ settings: { Conn: value } }))).toThrow(
      'KedaFunctionApp at "test/app" has 1 invalid property:\n  - settings.Conn = "<redacted: holds a credential>": must not hold a literal credential',
    );
  });

  test.each([
    ["an identity-based endpoint", "https://st.queue.core.windows.net"],
    ["a key's name, not a key", "KeyVaultSecretName=orders-db"],
    ["text mentioning a password", "reset your password at https://example.com"],
  ])("%s passes", (_label, value) => {
    expect(() => new KedaFunctionApp(testStack(), "app", requiredProps({ settings: { Conn: value } }))).not.toThrow();
  });

  test("a Terraform reference (a token) is not a literal and passes", () => {
    const connectionString = Lazy.stringValue({ produce: () => "${azurerm_storage_account.st.primary_connection_string}" });
    expect(() =>
      new KedaFunctionApp(testStack(), "app", requiredProps({ settings: { Conn: connectionString }, settingsObjectKind: "Secret" })),
    ).not.toThrow();
  });
});
