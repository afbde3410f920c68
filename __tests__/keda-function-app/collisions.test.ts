import { Testing } from "cdktf";
import { createHash } from "node:crypto";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { checkHostId, hostIdFor } from "../../constructs/keda-function-app/host-id";
import { federatedCredentialName, identityNameFor } from "../../constructs/keda-function-app/identity-names";
import { checkFederatedCredentialName, checkManagedIdentityName } from "../../constructs/core/azure-names";
import { manifests, requiredProps, resources, testStack } from "../support/keda-function-app";

// Issue 11 item 11: two apps of one stack that would apply the same objects are refused;
// the same name in two namespaces gets distinct Azure names and host ids.

const hostIdOf = (objects: any[]) =>
  objects
    .find((o) => o.kind === "Deployment")
    .spec.template.spec.containers[0].env.find((e: any) => e.name === "AzureFunctionsWebHost__hostid").value;

describe("same name, same namespace, one stack", () => {
  test("is refused with an error naming both construct paths and the shared objects", () => {
    const stack = testStack();
    new KedaFunctionApp(stack, "orders", requiredProps({ namespace: "shop" }));
    expect(() => new KedaFunctionApp(stack, "orders-copy", requiredProps({ namespace: "shop" }))).toThrow(
      /^KedaFunctionApp at "test\/orders-copy" has 1 invalid property:\n {2}- name = "demo": collides with the KedaFunctionApp at "test\/orders": both would use (?:\w+ shop\/[a-z-]+, ){2}\w+ shop\/[a-z-]+ and \d+ more\. Fix: give one of the apps another name or namespace$/,
    );
  });

  test("the error counts every shared object, the identity and the host id", () => {
    const stack = testStack();
    const first = new KedaFunctionApp(stack, "orders", requiredProps({ namespace: "shop" }));
    const error = (() => {
      try {
        new KedaFunctionApp(stack, "orders-copy", requiredProps({ namespace: "shop" }));
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    })();
    const more = Number(/and (\d+) more/.exec(error)?.[1]);
    expect(more + 3).toBe(first.objects.length + 2);
  });

  test("also when the apps sit in different scopes of the stack", () => {
    const stack = testStack();
    new KedaFunctionApp(new (require("constructs").Construct)(stack, "team-a"), "app", requiredProps({ namespace: "shop" }));
    expect(() => new KedaFunctionApp(new (require("constructs").Construct)(stack, "team-b"), "app", requiredProps({ namespace: "shop" }))).toThrow(
      /at "test\/team-b\/app" .*collides with the KedaFunctionApp at "test\/team-a\/app"/s,
    );
  });

  test("an app whose worker name is another app's HTTP name collides on that Deployment", () => {
    const stack = testStack();
    new KedaFunctionApp(stack, "a", requiredProps({ name: "demo", namespace: "shop" }));
    expect(() =>
      new KedaFunctionApp(stack, "b", requiredProps({ name: "demo-http", namespace: "shop", functions: [{ name: "w", trigger: { type: "queueTrigger", queueName: "q" } }] })),
    ).toThrow(/both would use .*Deployment shop\/demo-http/);
  });

  test("two apps pinned to one identity name in one resource group collide", () => {
    const stack = testStack();
    const pinned = (namespace: string) =>
      requiredProps({ namespace, workloadIdentity: { oidcIssuerUrl: "https://issuer.example/", resourceGroupName: "rg", location: "westeurope", identityName: "id-demo" } });
    new KedaFunctionApp(stack, "a", pinned("shop"));
    expect(() => new KedaFunctionApp(stack, "b", pinned("billing"))).toThrow(
      'workloadIdentity.identityName = "id-demo": collides with the KedaFunctionApp at "test/a": both would use identity id-demo in resource group rg',
    );
  });

  test("near miss: the same name in two namespaces synthesizes, with distinct identity, host id and objects", () => {
    const stack = testStack();
    new KedaFunctionApp(stack, "shop", requiredProps({ namespace: "shop" }));
    new KedaFunctionApp(stack, "billing", requiredProps({ namespace: "billing" }));
    const json = JSON.parse(Testing.synth(stack, true));
    expect(resources(json, "azurerm_user_assigned_identity").map((i) => i.name).sort()).toEqual(["id-demo_billing", "id-demo_shop"]);
    const byNamespace = (ns: string) => manifests(json).filter((o) => o.metadata?.namespace === ns);
    const [shop, billing] = [hostIdOf(byNamespace("shop")), hostIdOf(byNamespace("billing"))];
    expect(shop).not.toBe(billing);
    expect(shop).toBe(`demo-${createHash("sha256").update("shop/demo").digest("hex").slice(0, 8)}`);
    const subjects = resources(json, "azurerm_federated_identity_credential").map((f) => `${f.name} ${f.subject}`).sort();
    expect(subjects).toEqual([
      "app-billing-demo system:serviceaccount:billing:demo",
      "app-shop-demo system:serviceaccount:shop:demo",
      "keda-kube-system-keda-operator system:serviceaccount:kube-system:keda-operator",
      "keda-kube-system-keda-operator system:serviceaccount:kube-system:keda-operator",
    ]);
  });

  test("near miss: two stacks may each hold an app of the same name and namespace (one cluster each)", () => {
    new KedaFunctionApp(testStack(), "app", requiredProps({ namespace: "shop" }));
    expect(() => new KedaFunctionApp(testStack(), "app", requiredProps({ namespace: "shop" }))).not.toThrow();
  });
});

describe("derived names: within Azure's and the host's rules, deterministic, distinct", () => {
  const NAMESPACES = ["a", "shop", "b-c", "x".repeat(63)];
  const NAMES = ["a", "demo", "a-b", "my--app", "a".repeat(45), "a-really-long-function-app-name-beyond-32"];

  test("host ids: valid for HostIdValidator (<= 32, lowercase, no '--'), and one per name/namespace pair", () => {
    const ids = new Set<string>();
    for (const ns of NAMESPACES) {
      for (const name of NAMES) {
        const id = hostIdFor(ns, name);
        expect(checkHostId("hostId", id)).toBeUndefined();
        expect(hostIdFor(ns, name)).toBe(id);
        ids.add(id);
      }
    }
    expect(ids.size).toBe(NAMESPACES.length * NAMES.length);
  });

  test("identity names: 3-128 valid characters, and name/namespace pairs that read alike stay apart", () => {
    for (const ns of NAMESPACES) for (const name of NAMES) expect(checkManagedIdentityName("n", identityNameFor(ns, name))).toBeUndefined();
    expect(identityNameFor("c", "a-b")).not.toBe(identityNameFor("b-c", "a"));
  });

  test("federated credential names: '.' of a ServiceAccount name replaced, long names cut to 120 with a hash", () => {
    expect(federatedCredentialName("keda", "keda", "keda-operator.v2")).toBe("keda-keda-keda-operator-v2");
    const long = (suffix: string) => federatedCredentialName("keda", "x".repeat(63), `${"s".repeat(240)}${suffix}`);
    expect(long("a")).toHaveLength(120);
    expect(long("a")).not.toBe(long("b"));
    for (const name of [long("a"), federatedCredentialName("app", "x".repeat(63), "a".repeat(45))]) {
      expect(checkFederatedCredentialName("n", name)).toBeUndefined();
    }
  });

  test("an app whose KEDA operator ServiceAccount has a '.' and 253 characters gets valid credential names", () => {
    const stack = testStack();
    const account = { namespace: "keda", name: `keda-operator.${"v".repeat(239)}` };
    new KedaFunctionApp(stack, "app", requiredProps({ workloadIdentity: { oidcIssuerUrl: "https://issuer.example/", resourceGroupName: "rg", location: "westeurope", kedaOperatorServiceAccount: account } }));
    const credentials = resources(JSON.parse(Testing.synth(stack, true)), "azurerm_federated_identity_credential");
    for (const { name } of credentials) expect(name).toMatch(/^[a-zA-Z0-9][-a-zA-Z0-9_]{2,119}$/);
    expect(credentials.map((c) => c.subject)).toContain(`system:serviceaccount:keda:${account.name}`);
  });

  test("the pins keep a 0.1.0 app's identity and host id (no replacement, same host state)", () => {
    const { json } = (() => {
      const stack = testStack();
      new KedaFunctionApp(
        stack,
        "app",
        requiredProps({
          namespace: "functions",
          hostId: "demo",
          workloadIdentity: { oidcIssuerUrl: "https://issuer.example/", resourceGroupName: "rg", location: "westeurope", identityName: "id-demo" },
        }),
      );
      return { json: JSON.parse(Testing.synth(stack, true)) };
    })();
    expect(resources(json, "azurerm_user_assigned_identity")[0].name).toBe("id-demo");
    expect(hostIdOf(manifests(json))).toBe("demo");
    expect(resources(json, "azurerm_federated_identity_credential").map((f) => f.name).sort()).toEqual(["app-functions-demo", "keda-kube-system-keda-operator"]);
  });
});

describe("the workload stack (one app per environment, its own storage account and resource group)", () => {
  test("keeps the 0.1.0 identity name and host id, so a deployed environment replaces nothing", () => {
    const { synthEnvironment } = require("../support/synth-app") as typeof import("../support/synth-app");
    const { environmentConfig } = require("../../config") as typeof import("../../config");
    const app = environmentConfig("dev").workload.functionApp;
    const workload = synthEnvironment("dev").stack("dev-workload");
    expect(resources(workload, "azurerm_user_assigned_identity").map((i) => i.name)).toEqual([`id-${app.name}`]);
    expect(hostIdOf(manifests(workload))).toBe(app.name);
  });

  test("legacyHostId: 0.1.0's rule, or undefined when the host would refuse it", () => {
    const { legacyHostId } = require("../../constructs/keda-function-app/host-id") as typeof import("../../constructs/keda-function-app/host-id");
    expect(legacyHostId("functions", "keda-func")).toBe("keda-func");
    expect(legacyHostId("functions", "a-really-long-function-app-name-beyond-32")).toBe(
      `a-really-long-function-${createHash("sha256").update("functions/a-really-long-function-app-name-beyond-32").digest("hex").slice(0, 8)}`,
    );
    expect(legacyHostId("functions", "my--app")).toBeUndefined();
  });
});
