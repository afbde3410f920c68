import { Violation, violationsOf } from "../../constructs/core/validation";
import { ResolvedProps, kedaFunctionAppRules } from "../../constructs/keda-function-app/validation";
import { validResolvedProps } from "../support/keda-function-app";

/**
 * Each KedaFunctionApp props rule, one at a time: a violating value gives the violation a
 * user reads (property, value, rule, fix), and the nearest valid value gives none for that
 * property. Other rules stay quiet because everything else is the valid base below.
 */
const VALID = validResolvedProps();

const IDENTITY = {
  connectionMode: "workload-identity",
  storage: { accountName: "stapp", resourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stapp" },
  workloadIdentity: { oidcIssuerUrl: "https://oidc.example/", resourceGroupName: "rg", location: "westeurope" },
};

/** Every violation of props = VALID + changes, computed inside the test. */
function violations(changes: Record<string, unknown>): Violation[] {
  return violationsOf({ ...VALID, ...changes } as ResolvedProps, kedaFunctionAppRules);
}

function on(property: string, changes: Record<string, unknown>): Violation[] {
  return violations(changes).filter((v) => v.property === property);
}

test("the valid base breaks no rule", () => {
  expect(violations({})).toEqual([]);
});

describe("whole numbers: the violation names the bound and the fix; the bound itself is accepted", () => {
  test.each([
    ["runAsUser", { runAsUser: 0 }, { runAsUser: 1 }, "must be a whole number >= 1", "use the image's non-root UID (10001 for function-app/Dockerfile)"],
    ["runAsGroup", { runAsGroup: 0 }, { runAsGroup: 1 }, "must be a whole number >= 1", "use the image's non-root GID (10001 for function-app/Dockerfile)"],
    ["minReplicas", { minReplicas: -1 }, { minReplicas: 0 }, "must be a whole number >= 0", "use 0 to scale to zero, or a positive whole number"],
    ["maxReplicas", { maxReplicas: 0, fallback: false }, { maxReplicas: 1, fallback: false }, "must be a whole number >= 1", "allow at least 1 replica"],
    ["pollingInterval", { pollingInterval: 0 }, { pollingInterval: 1 }, "must be a whole number >= 1", "poll at most once a second (pollingInterval >= 1)"],
    ["cooldownPeriod", { cooldownPeriod: -1 }, { cooldownPeriod: 0 }, "must be a whole number >= 0", "use 0 or more seconds"],
    ["servicePort", { servicePort: 65536 }, { servicePort: 65535 }, "must be a whole number from 1 to 65535", "use a TCP port number"],
    ["servicePort", { servicePort: 0 }, { servicePort: 1 }, "must be a whole number from 1 to 65535", "use a TCP port number"],
    ["fallback.failureThreshold", { fallback: { failureThreshold: 0, replicas: 2 } }, { fallback: { failureThreshold: 1, replicas: 2 } }, "must be a whole number >= 1", "use 1 or more failed checks"],
    ["fallback.replicas", { fallback: { failureThreshold: 3, replicas: 0 } }, { fallback: { failureThreshold: 3, replicas: 1 } }, "must be a whole number >= 1", "keep at least 1 replica while the scaler fails"],
    ["httpScaling.replicas", { httpScaling: { mode: "fixed", replicas: -1 } }, { httpScaling: { mode: "fixed", replicas: 0 } }, "must be a whole number >= 0", "use 0 or more replicas"],
  ] as const)("%s: %j", (property, bad, nearMiss, rule, fix) => {
    const value = Object.values(bad)[0] as any;
    const expectedValue = typeof value === "object" ? value[property.split(".")[1]!] : value;
    expect(on(property, bad)).toEqual([{ property, value: expectedValue, rule, fix }]);
    expect(on(property, nearMiss)).toEqual([]);
  });

  test("a fraction is not a whole number", () => {
    expect(on("runAsUser", { runAsUser: 1000.5 })).toEqual([
      { property: "runAsUser", value: 1000.5, rule: "must be a whole number >= 1", fix: "use the image's non-root UID (10001 for function-app/Dockerfile)" },
    ]);
  });

  test("fallback: false turns the fallback rules off", () => {
    expect(violations({ fallback: false })).toEqual([]);
  });
});

describe("replica bounds", () => {
  test("minReplicas above maxReplicas names the maximum; equal is fine", () => {
    expect(on("minReplicas", { minReplicas: 4, maxReplicas: 3, fallback: false })).toEqual([
      { property: "minReplicas", value: 4, rule: "must not exceed maxReplicas (3)", fix: "lower minReplicas or raise maxReplicas" },
    ]);
    expect(violations({ minReplicas: 3, maxReplicas: 3 })).toEqual([]);
  });

  test("HTTP add-on and cpu scaling: minReplicas above maxReplicas names the maximum; equal is fine", () => {
    const addOn = (minReplicas: number, maxReplicas: number) => ({
      httpScaling: { mode: "keda-http-add-on", minReplicas, maxReplicas, hosts: ["app.example"], targetConcurrency: 100, namespace: "keda", scalerAddress: "x:9090" },
    });
    expect(on("httpScaling.minReplicas", addOn(5, 4))).toEqual([
      { property: "httpScaling.minReplicas", value: 5, rule: "must not exceed httpScaling.maxReplicas (4)", fix: "lower minReplicas or raise maxReplicas" },
    ]);
    expect(on("httpScaling.minReplicas", addOn(4, 4))).toEqual([]);
    const cpu = (minReplicas: number, maxReplicas: number, utilization = 70) => ({ httpScaling: { mode: "cpu", minReplicas, maxReplicas, utilization } });
    expect(on("httpScaling.minReplicas", cpu(6, 5))).toEqual([
      { property: "httpScaling.minReplicas", value: 6, rule: "must not exceed httpScaling.maxReplicas (5)", fix: "lower minReplicas or raise maxReplicas" },
    ]);
    expect(on("httpScaling.minReplicas", cpu(5, 5))).toEqual([]);
  });

  test("cpu scaling cannot start from zero and takes a percentage", () => {
    const cpu = (minReplicas: number, utilization: number) => ({ httpScaling: { mode: "cpu", minReplicas, maxReplicas: 10, utilization } });
    expect(on("httpScaling.minReplicas", cpu(0, 70))).toEqual([
      { property: "httpScaling.minReplicas", value: 0, rule: "must be a whole number >= 1", fix: "use 1 or more: the cpu metric cannot wake a Deployment at zero" },
    ]);
    expect(on("httpScaling.minReplicas", cpu(1, 70))).toEqual([]);
    expect(on("httpScaling.utilization", cpu(1, 101))).toEqual([
      { property: "httpScaling.utilization", value: 101, rule: "must be a whole number from 1 to 100", fix: "use a percentage from 1 to 100" },
    ]);
    expect(on("httpScaling.utilization", cpu(1, 0))).toHaveLength(1);
    expect(on("httpScaling.utilization", cpu(1, 100))).toEqual([]);
    expect(on("httpScaling.utilization", cpu(1, 1))).toEqual([]);
  });

  test("the add-on rules apply to the add-on only", () => {
    const addOn = { mode: "keda-http-add-on", minReplicas: 0, maxReplicas: 4, hosts: ["app.example"], targetConcurrency: 100, namespace: "keda", scalerAddress: "x:9090" };
    expect(on("serviceType", { httpScaling: addOn, serviceType: "LoadBalancer" })).toEqual([
      {
        property: "serviceType",
        value: "LoadBalancer",
        rule: "must be ClusterIP with the KEDA HTTP add-on: traffic has to pass the add-on's interceptor, or a scaled-to-zero app never wakes",
        fix: 'use serviceType "ClusterIP" and route an Ingress/Gateway to keda-add-ons-http-interceptor-proxy',
      },
    ]);
    expect(on("serviceType", { httpScaling: addOn, serviceType: "ClusterIP" })).toEqual([]);
    expect(on("serviceType", { serviceType: "LoadBalancer" })).toEqual([]);
    expect(on("httpScaling.namespace", { httpScaling: { ...addOn, namespace: "Keda_System" } })).toHaveLength(1);
    expect(on("httpScaling.namespace", { httpScaling: { ...addOn, namespace: "keda-system" } })).toEqual([]);
  });
});

describe("names", () => {
  test.each([
    ["keysSecretName", { keysSecretName: "App_Keys" }, { keysSecretName: "app-keys-2" }, "App_Keys"],
    ["imagePullSecrets[1]", { imagePullSecrets: ["acr", "Bad_Secret"] }, { imagePullSecrets: ["acr", "acr-2"] }, "Bad_Secret"],
    ["existingSettings[1].name", { existingSettings: [{ kind: "Secret", name: "ok" }, { kind: "ConfigMap", name: "Not OK" }] }, { existingSettings: [{ kind: "Secret", name: "ok" }, { kind: "ConfigMap", name: "ok-2" }] }, "Not OK"],
    ["networkPolicy.allowedNamespaces[1]", { networkPolicy: { allowedNamespaces: ["ingress", "Bad.NS"] } }, { networkPolicy: { allowedNamespaces: ["ingress", "keda"] } }, "Bad.NS"],
  ] as const)("%s: the offending entry is named by its index", (property, bad, nearMiss, value) => {
    const found = on(property, bad);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ property, value });
    expect(found[0]!.rule).toMatch(/DNS-1123 label/);
    expect(violations(nearMiss)).toEqual([]);
  });

  test("keysSecretName left to its default is not checked: the name's rule reports a bad name once", () => {
    expect(violations({ keysSecretName: "func-keys-kube-secret-app" })).toEqual([]);
    expect(violations({ name: "My_App", keysSecretName: "func-keys-kube-secret-My_App" }).map((v) => v.property)).toEqual(["name"]);
  });

  test("the name is checked with its length limit of 45", () => {
    expect(on("name", { name: "a".repeat(46), namespace: "functions" })).toHaveLength(1);
    expect(on("name", { name: "a".repeat(45), namespace: "functions" })).toEqual([]);
    expect(on("name", { name: "My_App", namespace: "functions" })[0]).toMatchObject({ property: "name", value: "My_App" });
  });

  test("an invalid namespace is reported under namespace", () => {
    expect(on("namespace", { namespace: "Functions_NS" })[0]).toMatchObject({ property: "namespace", value: "Functions_NS" });
    expect(on("namespace", { namespace: "functions-2" })).toEqual([]);
  });

  test("networkPolicy: false skips the peer checks", () => {
    expect(violations({ networkPolicy: false })).toEqual([]);
  });

  test("an allowedPods entry without labels would admit every pod", () => {
    const allowedPods = [{ app: "frontend" }, {}];
    expect(on("networkPolicy.allowedPods", { networkPolicy: { allowedPods } })).toEqual([
      {
        property: "networkPolicy.allowedPods",
        value: allowedPods,
        rule: "each entry must name at least one label: an empty selector admits every pod of the namespace",
        fix: "add labels to the entry, or drop both lists to admit the whole cluster",
      },
    ]);
    expect(on("networkPolicy.allowedPods", { networkPolicy: { allowedPods: [{ app: "frontend" }] } })).toEqual([]);
  });
});

describe("service, functions and settings", () => {
  test("serviceType must be one of the three Service types", () => {
    expect(on("serviceType", { serviceType: "ExternalName" })).toEqual([
      { property: "serviceType", value: "ExternalName", rule: 'must be one of "ClusterIP", "LoadBalancer", "NodePort"', fix: "use one of the listed values (they are case-sensitive)" },
    ]);
    for (const serviceType of ["ClusterIP", "LoadBalancer", "NodePort"]) expect(on("serviceType", { serviceType })).toEqual([]);
  });

  test("at least one function, each name once", () => {
    expect(on("functions", { functions: [] })).toEqual([
      { property: "functions", value: [], rule: "must list at least one function", fix: "run `npm run discover` and pass the functions of the app's functions.manifest.json" },
    ]);
    const worker = { name: "worker", trigger: { type: "queueTrigger", queueName: "jobs" } };
    const other = { name: "other", trigger: { type: "queueTrigger", queueName: "jobs" } };
    expect(on("functions", { functions: [other, worker, worker] })).toEqual([
      { property: "functions", value: "worker", rule: "function names must be unique", fix: "remove the duplicate entry" },
    ]);
    expect(on("functions", { functions: [other, worker] })).toEqual([]);
  });

  test.each(["UseDevelopmentStorage=true", "usedevelopmentstorage = TRUE"])("a setting pointing at the storage emulator (%s) is refused", (value) => {
    expect(on("settings.AzureWebJobsStorage", { settings: { Greeting: "hi", AzureWebJobsStorage: value } })).toEqual([
      {
        property: "settings.AzureWebJobsStorage",
        value,
        rule: "must not point at the local storage emulator (UseDevelopmentStorage=true): it does not exist in the cluster",
        fix: "drop the setting and let workload identity set AzureWebJobsStorage__accountName, or use a real connection string from an existing Secret",
      },
    ]);
  });

  test("UseDevelopmentStorage=false is no emulator reference", () => {
    expect(violations({ settings: { Note: "UseDevelopmentStorage=false" } }).filter((v) => v.property.startsWith("settings"))).toEqual([]);
  });
});

describe("connection mode", () => {
  test("workload identity needs the storage account and the identity's place", () => {
    expect(on("storage", { ...IDENTITY, storage: undefined })).toEqual([
      { property: "storage", value: undefined, rule: 'is required with connectionMode "workload-identity"', fix: 'pass the storage account used as AzureWebJobsStorage, or set connectionMode: "connection-string"' },
    ]);
    expect(on("workloadIdentity", { ...IDENTITY, workloadIdentity: undefined })).toEqual([
      {
        property: "workloadIdentity",
        value: undefined,
        rule: 'is required with connectionMode "workload-identity"',
        fix: 'pass the cluster\'s OIDC issuer and where the identity lives, or set connectionMode: "connection-string"',
      },
    ]);
    expect(on("storage", IDENTITY)).toEqual([]);
    expect(on("workloadIdentity", IDENTITY)).toEqual([]);
  });

  test("connection strings need neither", () => {
    expect(on("storage", {})).toEqual([]);
    expect(on("workloadIdentity", {})).toEqual([]);
  });

  test("identity-based connections need workload identity; they are listed sorted", () => {
    const connections = { ServiceBus: { fullyQualifiedNamespace: "sb.servicebus.windows.net" }, Blobs: { blobServiceUri: "https://st.blob.core.windows.net" } };
    expect(on("connections", { connections })).toEqual([
      { property: "connections", value: ["Blobs", "ServiceBus"], rule: 'identity-based connections need connectionMode "workload-identity"', fix: "remove connections, or use workload identity" },
    ]);
    expect(on("connections", { ...IDENTITY, connections })).toEqual([]);
  });

  test("burst to virtual nodes needs connection strings", () => {
    expect(on("burstToVirtualNodes", { ...IDENTITY, burstToVirtualNodes: true })).toEqual([
      {
        property: "burstToVirtualNodes",
        value: true,
        rule: "virtual-node (ACI) pods get no workload identity token, so identity-based connections would fail there",
        fix: 'set connectionMode: "connection-string" with connections from an existing Secret, or leave burstToVirtualNodes off',
      },
    ]);
    expect(on("burstToVirtualNodes", { burstToVirtualNodes: true })).toEqual([]);
    expect(on("burstToVirtualNodes", { ...IDENTITY, burstToVirtualNodes: false })).toEqual([]);
  });
});
