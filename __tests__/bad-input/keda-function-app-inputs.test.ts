import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { KedaTrigger } from "../../constructs/keda-function-app/keda-trigger";
import { ImageSource } from "../../constructs/keda-function-app/image-source";
import { KedaFunctionAppProps } from "../../constructs/keda-function-app/props";
import { parseQuantity } from "../../constructs/core/quantity";
import { requiredProps, testStack } from "../support/keda-function-app";

// Issue 11 item 12: inputs Kubernetes or Azure would reject at apply time fail synth with one
// line naming the construct, the property, the value and the fix. Each rule has bad values
// and near-miss good ones.

const HEAD = 'KedaFunctionApp at "test/app" has 1 invalid property:\n  - ';
const ISSUER = { oidcIssuerUrl: "https://issuer.example/", resourceGroupName: "rg", location: "westeurope" };
const QUEUE = (connection?: string) => [{ name: "worker", trigger: { type: "queueTrigger", queueName: "jobs", ...(connection ? { connection } : {}) } }];
const DIGEST = "a".repeat(64);
const image = (reference: string) => ({ image: ImageSource.fromReference(reference) });
const keda = (namespace: string, name: string) => ({ workloadIdentity: { ...ISSUER, kedaOperatorServiceAccount: { namespace, name } } });
const REFERENCE = "must be an image reference: [registry/]repository[:tag][@sha256:digest] with a lowercase repository. Fix: use e.g. \"myregistry.azurecr.io/app:1.2.3@sha256:<64 hex>\"";
const QUANTITY = "must be a non-negative Kubernetes quantity: a number with an optional suffix (m, k, M, G, Ki, Mi, Gi, ...)";
const DNS_1035 = "must be a Kubernetes DNS-1035 label (it names a Service): 1-45 characters, lowercase letters, digits and '-', starting with a letter and ending with a letter or digit";
const POSITIVE = "must be a whole number >= 1. Fix: use a whole number >= 1 (or drop it for the host's default): KEDA scales by it";

describe("bad input: one exact line per rule", () => {
  test.each<[string, Partial<KedaFunctionAppProps>, string]>([
    ["empty image reference", image(""), `image = "": ${REFERENCE}`],
    ["image reference with a space", image("registry.example/my app:1.0"), `image = "registry.example/my app:1.0": ${REFERENCE}`],
    ["image digest too short", image("registry.example/app@sha256:abc"), `image = "registry.example/app@sha256:abc": ${REFERENCE}`],
    [
      "image digest in uppercase",
      image(`registry.example/app@sha256:${DIGEST.toUpperCase()}`),
      `image = "registry.example/app@sha256:${DIGEST.toUpperCase()}": a sha256 digest must be 64 lowercase hex characters. Fix: copy the digest from \`docker push\` or \`az acr repository show-manifests\``,
    ],
    ["app name starts with a digit", { name: "1st-app" }, `name = "1st-app": ${DNS_1035}. Fix: use a name such as "st-app"`],
    [
      "queue connection names nothing",
      { functions: QUEUE("Jobs") },
      'functions["worker"].trigger.connection = "Jobs": names no app setting and no entry of connections: the host would look for "AzureWebJobsJobs", "AzureWebJobsJobs__*", "Jobs", "Jobs__*" and find none. Fix: add connections["Jobs"] (workload identity), a setting of that name, or list the Secret holding it in existingSettings',
    ],
    [
      "service bus default connection names nothing",
      { functions: [{ name: "orders", trigger: { type: "serviceBusTrigger", queueName: "orders" } }] },
      'functions["orders"].trigger.connection = "AzureWebJobsServiceBus": names no app setting and no entry of connections: the host would look for "AzureWebJobsServiceBus", "AzureWebJobsServiceBus__*" and find none. Fix: add connections["AzureWebJobsServiceBus"] (workload identity), a setting of that name, or list the Secret holding it in existingSettings',
    ],
    [
      "connection strings, and no AzureWebJobsStorage for the queue (only workload identity derives it from storage)",
      { connectionMode: "connection-string", workloadIdentity: undefined, functions: QUEUE() },
      'functions["worker"].trigger.connection = "AzureWebJobsStorage": names no app setting and no entry of connections: the host would look for "AzureWebJobsStorage", "AzureWebJobsStorage__*" and find none. Fix: add connections["AzureWebJobsStorage"] (workload identity), a setting of that name, or list the Secret holding it in existingSettings',
    ],
    [
      "denied egress block without a prefix length",
      { networkPolicy: { deniedEgressCidrs: ["169.254.169.254"] } },
      'networkPolicy.deniedEgressCidrs[0] = "169.254.169.254": must be an IPv4 CIDR block such as 169.254.169.254/32. Fix: write the address with its prefix length, or drop the entry',
    ],
    ["cpu request does not parse", { resources: { cpuRequest: "half" } }, `resources.cpuRequest = "half": ${QUANTITY}. Fix: write it like "250m"`],
    ["memory limit with a bad suffix", { resources: { memoryLimit: "1GB" } }, `resources.memoryLimit = "1GB": ${QUANTITY}. Fix: write it like "1Gi"`],
    ["negative cpu limit", { resources: { cpuLimit: "-1" } }, `resources.cpuLimit = "-1": ${QUANTITY}. Fix: write it like "1"`],
    ["memory request above its limit", { resources: { memoryRequest: "2Gi", memoryLimit: "1Gi" } }, 'resources.memoryRequest = "2Gi": must not exceed resources.memoryLimit ("1Gi"). Fix: lower resources.memoryRequest or raise resources.memoryLimit'],
    ["cpu request above its limit", { resources: { cpuRequest: "1500m", cpuLimit: "1" } }, 'resources.cpuRequest = "1500m": must not exceed resources.cpuLimit ("1"). Fix: lower resources.cpuRequest or raise resources.cpuLimit'],
    [
      "setting key with ':'",
      { settings: { "Logging:Level": "Warning" } },
      'settings["Logging:Level"] = "Logging:Level": must be a valid Secret/ConfigMap key: 1-253 letters, digits, \'-\', \'_\' and \'.\'. Fix: rename the setting, e.g. "Logging__Level" (nested settings use "__" instead of ":")',
    ],
    [
      "setting key with a space",
      { settings: { "My Setting": "x" } },
      'settings["My Setting"] = "My Setting": must be a valid Secret/ConfigMap key: 1-253 letters, digits, \'-\', \'_\' and \'.\'. Fix: rename the setting, e.g. "My_Setting" (nested settings use "__" instead of ":")',
    ],
    [
      "setting key longer than 253",
      { settings: { ["k".repeat(254)]: "x" } },
      `settings["${"k".repeat(254)}"] = "${"k".repeat(254)}": must be a valid Secret/ConfigMap key: 1-253 letters, digits, '-', '_' and '.'. Fix: rename the setting, e.g. "${"k".repeat(253)}" (nested settings use "__" instead of ":")`,
    ],
    [
      "fallback above maxReplicas",
      { maxReplicas: 3, fallback: { failureThreshold: 3, replicas: 5 } },
      "fallback.replicas = 5: must not exceed maxReplicas (3): the HPA never runs more, so the fallback would silently be capped. Fix: lower fallback.replicas or raise maxReplicas",
    ],
    ["fallback of 0 replicas", { fallback: { failureThreshold: 3, replicas: 0 } }, "fallback.replicas = 0: must be a whole number >= 1. Fix: keep at least 1 replica while the scaler fails"],
    ["fallback after 0 failed checks", { fallback: { failureThreshold: 0, replicas: 1 } }, "fallback.failureThreshold = 0: must be a whole number >= 1. Fix: use 1 or more failed checks"],
    [
      "fallback above a maxReplicas of 1",
      { minReplicas: 1, maxReplicas: 1, fallback: { failureThreshold: 3, replicas: 2 } },
      "fallback.replicas = 2: must not exceed maxReplicas (1): the HPA never runs more, so the fallback would silently be capped. Fix: lower fallback.replicas or raise maxReplicas",
    ],
    [
      "fallback above maxReplicas, with minReplicas equal to it",
      { minReplicas: 3, maxReplicas: 3, fallback: { failureThreshold: 3, replicas: 5 } },
      "fallback.replicas = 5: must not exceed maxReplicas (3): the HPA never runs more, so the fallback would silently be capped. Fix: lower fallback.replicas or raise maxReplicas",
    ],
    [
      "KEDA operator ServiceAccount name with '_'",
      keda("kube-system", "keda_operator"),
      `workloadIdentity.kedaOperatorServiceAccount.name = "keda_operator": must be a Kubernetes DNS-1123 subdomain: 1-253 characters, lowercase letters, digits, '-' and '.', starting and ending with a letter or digit. Fix: use a name such as "keda-operator"`,
    ],
    [
      "KEDA operator ServiceAccount name longer than 253",
      keda("kube-system", "k".repeat(254)),
      `workloadIdentity.kedaOperatorServiceAccount.name = "${"k".repeat(254)}": must be a Kubernetes DNS-1123 subdomain: 1-253 characters, lowercase letters, digits, '-' and '.', starting and ending with a letter or digit. Fix: use a name such as "${"k".repeat(63)}"`,
    ],
    [
      "KEDA operator namespace in uppercase",
      keda("Kube-System", "keda-operator"),
      `workloadIdentity.kedaOperatorServiceAccount.namespace = "Kube-System": must be a Kubernetes DNS-1123 label: 1-63 characters, lowercase letters, digits and '-', starting and ending with a letter or digit. Fix: use a name such as "kube-system"`,
    ],
    [
      "identity name with a '.'",
      { workloadIdentity: { ...ISSUER, identityName: "id.demo" } },
      `workloadIdentity.identityName = "id.demo": must be 3-128 letters, digits, '-' and '_', starting with a letter or digit (Microsoft.ManagedIdentity/userAssignedIdentities). Fix: remove other characters (such as '.' or spaces) and keep the name between 3 and 128 characters`,
    ],
    [
      "identity name of 2 characters",
      { workloadIdentity: { ...ISSUER, identityName: "id" } },
      `workloadIdentity.identityName = "id": must be 3-128 letters, digits, '-' and '_', starting with a letter or digit (Microsoft.ManagedIdentity/userAssignedIdentities). Fix: remove other characters (such as '.' or spaces) and keep the name between 3 and 128 characters`,
    ],
    [
      "host id with '--'",
      { hostId: "demo--app" },
      `hostId = "demo--app": must be a Functions host id: 1-32 lowercase letters, digits and '-', no '-' at either end and no '--'. Fix: omit hostId to derive one from name and namespace, or shorten and lowercase it`,
    ],
    ["queue batchSize 0", { hostJson: { extensions: { queues: { batchSize: 0 } } } }, `hostJson.extensions.queues.batchSize = 0: ${POSITIVE}`],
    ["serviceBus maxConcurrentCalls 2.5", { hostJson: { extensions: { serviceBus: { maxConcurrentCalls: 2.5 } } } }, `hostJson.extensions.serviceBus.maxConcurrentCalls = 2.5: ${POSITIVE}`],
    ["eventHubs threshold as a string", { hostJson: { extensions: { eventHubs: { targetUnprocessedEventThreshold: "64" as never } } } }, `hostJson.extensions.eventHubs.targetUnprocessedEventThreshold = "64": ${POSITIVE}`],
    ["rabbitMQ prefetchCount -1", { hostJson: { extensions: { rabbitMQ: { prefetchCount: -1 } } } }, `hostJson.extensions.rabbitMQ.prefetchCount = -1: ${POSITIVE}`],
    [
      "triggers: []",
      { triggers: [] },
      "triggers = []: must list at least one KEDA trigger: an empty list silently turns the worker into a fixed-size Deployment. Fix: omit triggers to map them from the functions' bindings, or pass the scalers to use",
    ],
  ])("%s", (_rule, overrides, line) => {
    expect(() => new KedaFunctionApp(testStack(), "app", requiredProps(overrides))).toThrow(HEAD + line);
    try {
      new KedaFunctionApp(testStack(), "app", requiredProps(overrides));
    } catch (error) {
      // Exactly one line per broken rule: nothing else in the props is wrong.
      expect((error as Error).message).toBe(HEAD + line);
    }
  });
});

describe("near misses: valid input that resembles the bad cases synthesizes", () => {
  test.each<[string, Partial<KedaFunctionAppProps>]>([
    ["tag only", image("registry.example/app:1.0.0")],
    ["denied egress blocks as CIDRs, or none", { networkPolicy: { deniedEgressCidrs: ["169.254.169.254/32", "10.0.0.0/8"] } }],
    ["no denied egress block", { networkPolicy: { deniedEgressCidrs: [] } }],
    ["registry with port and digest", image(`localhost:5000/team/app@sha256:${DIGEST}`)],
    ["tag and digest", image(`registry.example/app:1.0.0@sha256:${DIGEST}`)],
    ["name with a digit inside", { name: "app2-orders" }],
    ["connection as a plain setting", { functions: QUEUE("Jobs"), settings: { Jobs: "placeholder-read-from-elsewhere" } }],
    ["connection by AzureWebJobs prefix", { functions: QUEUE("Jobs"), settings: { AzureWebJobsJobs__queueServiceUri: "https://st.queue.core.windows.net" } }],
    ["connection as identity-based section", { functions: QUEUE("Jobs"), settings: { Jobs__accountName: "stjobs" } }],
    ["connection in connections", { functions: QUEUE("Jobs"), connections: { Jobs: { service: "storage", accountName: "stjobs", resourceId: "/st" } } }],
    ["connection possibly in an existing Secret", { functions: QUEUE("Jobs"), existingSettings: [{ kind: "Secret", name: "jobs-connection" }] }],
    ["default storage connection with workload identity", { functions: QUEUE() }],
    ["quantities: exponent, decimal, binary", { resources: { cpuRequest: "0.5", cpuLimit: "1", memoryRequest: "129e6", memoryLimit: "1Gi" } }],
    ["request equal to limit", { resources: { cpuRequest: "1", cpuLimit: "1000m", memoryRequest: "1Gi", memoryLimit: "1024Mi" } }],
    ["setting keys with '.', '-', '_' and 253 characters", { settings: { "a.b-c_D": "x", ["k".repeat(253)]: "y", AzureFunctionsJobHost__logging__logLevel__default: "Warning" } }],
    ["fallback equal to maxReplicas", { maxReplicas: 3, fallback: { failureThreshold: 3, replicas: 3 } }],
    ["KEDA operator ServiceAccount with a '.' and 253 characters", keda("keda", `keda-operator.${"v".repeat(239)}`)],
    ["identity name of 128 characters", { workloadIdentity: { ...ISSUER, identityName: "id_" + "x".repeat(125) } }],
    ["identity name of 3 characters", { workloadIdentity: { ...ISSUER, identityName: "id_" } }],
    ["host id of 32 characters", { hostId: "a" + "-b".repeat(15) + "c" }],
    ["host.json thresholds of 1", { hostJson: { extensions: { queues: { batchSize: 1 }, serviceBus: { maxConcurrentCalls: 1 }, rabbitMQ: { prefetchCount: 1 } } } }],
    ["explicit triggers", { triggers: [KedaTrigger.cpu({ utilization: 50 })] }],
  ])("%s", (_case, overrides) => {
    expect(() => new KedaFunctionApp(testStack(), "app", requiredProps(overrides))).not.toThrow();
  });
});

describe("Kubernetes quantities", () => {
  test.each([
    ["250m", 0.25],
    ["1", 1],
    ["0.5", 0.5],
    [".5", 0.5],
    ["1Gi", 2 ** 30],
    ["1024Mi", 2 ** 30],
    ["129e6", 129e6],
    ["1k", 1000],
    ["+2", 2],
  ])("%s parses", (value, expected) => {
    expect(parseQuantity(value)).toBeCloseTo(expected as number);
  });

  test.each(["", "1GB", "1 Gi", "Gi", "1.2.3", "0x10", "1gi", "m"])("%j does not", (value) => {
    expect(parseQuantity(value)).toBeUndefined();
  });
});

// Issue 15 item 1: defaults once applied later (in the render spec) were never checked, so a JS or
// JSON caller's typo rendered a broken object. Every resolved prop now goes through the rules.
describe("closed choices and switches resolved once, then checked", () => {
  const CHOICE = "Fix: use one of the listed values (they are case-sensitive)";
  test.each<[string, Partial<KedaFunctionAppProps>, string]>([
    ["connectionMode misspelt", { connectionMode: "managed-identity" as never }, `connectionMode = "managed-identity": must be one of "workload-identity", "connection-string". ${CHOICE}`],
    ["settingsObjectKind in lowercase", { settingsObjectKind: "configmap" as never }, `settingsObjectKind = "configmap": must be one of "ConfigMap", "Secret". ${CHOICE}`],
    ["functionKeys misspelt", { functionKeys: "secret" as never }, `functionKeys = "secret": must be one of "kubernetes-secret", "mounted-volume". ${CHOICE}`],
    ["readOnlyRootFilesystem as a string", { readOnlyRootFilesystem: "false" as never }, 'readOnlyRootFilesystem = "false": must be true or false. Fix: pass a boolean (JS and JSON callers: not a string)'],
    ["createNamespace as a number", { createNamespace: 1 as never }, "createNamespace = 1: must be true or false. Fix: pass a boolean (JS and JSON callers: not a string)"],
    ...(["burstToVirtualNodes", "blobsRemovedAfterProcessing"] as const).map(
      (property): [string, Partial<KedaFunctionAppProps>, string] => [`${property} as a string`, { [property]: "yes" as never }, `${property} = "yes": must be true or false. Fix: pass a boolean (JS and JSON callers: not a string)`],
    ),
    [
      "keys Secret annotation key with a space",
      { keysSecretAnnotations: { "owner team": "x" } },
      'keysSecretAnnotations["owner team"] = "owner team": must be a Kubernetes annotation key: an optional DNS-subdomain prefix and \'/\', then 1-63 letters, digits, \'-\', \'_\' and \'.\'. Fix: write it like "example.com/owner"',
    ],
  ])("%s", (_case, overrides, line) => {
    // A misspelt connectionMode is not workload identity either, so the storage connection is reported too.
    expect(() => new KedaFunctionApp(testStack(), "app", requiredProps(overrides))).toThrow(new RegExp(`^KedaFunctionApp at "test/app" has [^\n]+\n(.*\n)*  - ${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  });

  test.each<[string, Partial<KedaFunctionAppProps>]>([
    ["connection-string mode", { connectionMode: "connection-string", storage: undefined, workloadIdentity: undefined, existingSettings: [{ kind: "Secret", name: "conn" }] }],
    ["Secret settings of references only", { settingsObjectKind: "Secret" }],
    ["mounted keys", { functionKeys: "mounted-volume" }],
    ["writable root file system", { readOnlyRootFilesystem: false }],
    ["namespace created on request", { namespace: "apps", createNamespace: true }],
    // kube-apiserver lowercases annotation keys before checking them (e2e:input-rules found it).
    ["annotation keys with and without a prefix, one uppercase", { keysSecretAnnotations: { "example.com/owner": "x", "Example.com/team": "w", owner_team: "y" } }],
  ])("near miss: %s", (_case, overrides) => {
    expect(() => new KedaFunctionApp(testStack(), "app", requiredProps(overrides))).not.toThrow();
  });
});
