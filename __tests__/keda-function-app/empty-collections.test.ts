import { HttpScaling } from "../../constructs/keda-function-app/http-scaling";
import { KedaTrigger } from "../../constructs/keda-function-app/keda-trigger";
import { KedaFunctionAppProps } from "../../constructs/keda-function-app/props";
import { renderWorkerNetworkPolicy } from "../../constructs/keda-function-app/render/network-policy";
import { DEFAULT_EGRESS, baseSpec, FIXTURE_APP, manifests, requiredProps, synthApp } from "../support/keda-function-app";
import { synthEnvironment } from "../support/synth-app";
import { readFunctionsManifest } from "../../constructs/keda-function-app/functions-manifest";
import { join } from "node:path";

/**
 * Issue 11 item 3. The API server drops empty lists and maps of `omitempty` fields, so an
 * object that sends one comes back without it: the kubernetes provider then reports
 * "Provider produced inconsistent result" on apply and a diff on every plan
 * (hashicorp/terraform-provider-kubernetes#2783). No rendered object may carry one.
 *
 * Allowed: empty objects whose presence is the meaning. They are pointer-to-struct fields in
 * the Go API types, serialized as `{}` whenever the pointer is set, so they round-trip.
 */
const ALLOWED_EMPTY_OBJECTS: ReadonlyArray<{ path: RegExp; why: string }> = [
  { path: /\.volumes\[\d+\]\.emptyDir$/, why: "an emptyDir volume source (*EmptyDirVolumeSource): `{}` selects the kind of volume" },
  { path: /^spec\.(ingress\[\d+\]\.from|egress\[\d+\]\.to)\[\d+\]\.namespaceSelector$/, why: "*LabelSelector: `{}` selects every namespace, nil selects none" },
];

/** Every path in `value` that holds an empty array, or an empty object that is not allowed. */
export function emptyCollections(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${path} = []`];
    return value.flatMap((item, index) => emptyCollections(item, `${path}[${index}]`));
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return ALLOWED_EMPTY_OBJECTS.some((a) => a.path.test(path)) ? [] : [`${path} = {}`];
    return entries.flatMap(([key, child]) => emptyCollections(child, path === "" ? key : `${path}.${key}`));
  }
  return [];
}

function findings(objects: readonly any[]): string[] {
  return objects.flatMap((o) => emptyCollections(o).map((finding) => `${o.kind}/${o.metadata?.name}: ${finding}`));
}

const SB_ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/sb-app";
const EH_ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/eh-app";
const ST_ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stuploads";
const ALL_TRIGGERS = readFunctionsManifest(join(FIXTURE_APP, "expected.functions.manifest.json")).functions;

/** Every option that changes which objects or fields are rendered. */
const VARIANTS: ReadonlyArray<[string, Partial<KedaFunctionAppProps>]> = [
  ["only required props", {}],
  ["HTTP add-on", { httpScaling: HttpScaling.kedaHttpAddOn() }],
  ["HTTP add-on with hosts and restricted peers", { httpScaling: HttpScaling.kedaHttpAddOn({ hosts: ["api.example.com"] }), networkPolicy: { allowedNamespaces: ["ingress-nginx"] } }],
  ["cpu scaling", { httpScaling: HttpScaling.cpu() }],
  ["existing secret and config map", { existingSettings: [{ kind: "Secret", name: "app-secrets" }, { kind: "ConfigMap", name: "app-config" }] }],
  ["settings in a ConfigMap", { settings: { Greeting: "hello" }, settingsObjectKind: "ConfigMap" }],
  ["mounted keys with annotations", { functionKeys: "mounted-volume", keysSecretName: "my-keys", keysSecretAnnotations: { owner: "team" } }],
  ["LoadBalancer", { serviceType: "LoadBalancer" }],
  ["NodePort with allowed pods", { serviceType: "NodePort", networkPolicy: { allowedPods: [{ app: "frontend" }] } }],
  ["no NetworkPolicy", { networkPolicy: false }],
  ["writable root file system", { readOnlyRootFilesystem: false }],
  ["pull secrets, no fallback, scaling behaviour", { imagePullSecrets: ["regcred"], fallback: false, scalingBehavior: { scaleDown: { stabilizationWindowSeconds: 60, policies: [{ type: "Pods", value: 1, periodSeconds: 60 }] } } }],
  ["explicit triggers", { triggers: [KedaTrigger.prometheus({ serverAddress: "http://prom:9090", query: "sum(x)", threshold: 5 })] }],
  ["HTTP add-on in its own namespace, allowed pods only", { httpScaling: HttpScaling.kedaHttpAddOn({ namespace: "http-add-on" }), networkPolicy: { allowedPods: [{ app: "frontend" }] } }],
  ["blob triggers counted", { blobsRemovedAfterProcessing: true, functions: [{ name: "uploads", trigger: { type: "blobTrigger", path: "uploads/in/{name}.csv" } }] }],
  [
    "Kafka with SASL credentials from env",
    {
      functions: [{ name: "clicks", trigger: { type: "kafkaTrigger", brokerList: "%Brokers%", topic: "clicks", protocol: "saslSsl", authenticationMode: "plain", username: "KafkaUser", password: "KafkaPassword" } }],
      existingSettings: [{ kind: "Secret", name: "kafka-credentials" }],
    },
  ],
  ["HTTP only", { functions: [{ name: "hello", trigger: { type: "httpTrigger", authLevel: "anonymous" } }] }],
  ["worker only", { functions: [{ name: "worker", trigger: { type: "queueTrigger", queueName: "jobs" } }] }],
  [
    "connection strings and virtual nodes",
    { connectionMode: "connection-string", storage: undefined, workloadIdentity: undefined, burstToVirtualNodes: true, settings: { AzureWebJobsStorage: "${var.conn}" } },
  ],
  [
    "every trigger of the fixture app",
    {
      functions: ALL_TRIGGERS,
      settings: { JobsQueue: "jobs", KafkaBrokers: "broker:9092" },
      // Connection strings (Cosmos DB, RabbitMQ) come from a Secret the user manages.
      existingSettings: [{ kind: "Secret", name: "app-connections" }],
      connections: {
        ServiceBusConnection: { service: "serviceBus", fullyQualifiedNamespace: "sb-app.servicebus.windows.net", resourceId: SB_ID },
        EventHubConnection: { service: "eventHubs", fullyQualifiedNamespace: "eh-app.servicebus.windows.net", resourceId: EH_ID },
        UploadsStorage: { service: "storage", accountName: "stuploads", resourceId: ST_ID },
      },
    },
  ],
];

describe("no rendered Kubernetes object carries an empty list or map (issue 11 item 3)", () => {
  test("the worker NetworkPolicy denies all ingress with policyTypes alone, without `ingress: []`", () => {
    const policy = renderWorkerNetworkPolicy(baseSpec())!;
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: { "app.kubernetes.io/name": "demo", "app.kubernetes.io/component": "worker" } },
      policyTypes: ["Ingress", "Egress"],
      egress: DEFAULT_EGRESS,
    });
  });

  test.each(["dev", "prod"])("%s workload stack: every kubernetes_manifest", (environment) => {
    const objects = manifests(synthEnvironment(environment).stack(`${environment}-workload`));
    expect(objects.length).toBeGreaterThan(5);
    expect(findings(objects)).toEqual([]);
  });

  test.each(VARIANTS)("construct option: %s", (_name, overrides) => {
    const objects = manifests(synthApp(requiredProps(overrides)).json);
    expect(objects.length).toBeGreaterThan(0);
    expect(findings(objects)).toEqual([]);
  });

  test("the walker finds empty lists and maps at any depth, and allows only the listed pointer fields", () => {
    expect(emptyCollections({ spec: { ingress: [] } })).toEqual(["spec.ingress = []"]);
    expect(emptyCollections({ metadata: { annotations: {} } })).toEqual(["metadata.annotations = {}"]);
    expect(emptyCollections({ spec: { template: { spec: { volumes: [{ name: "tmp", emptyDir: {} }] } } } })).toEqual([]);
    expect(emptyCollections({ spec: { ingress: [{ from: [{ namespaceSelector: {} }] }] } })).toEqual([]);
    // Near misses: the same empty values elsewhere are findings.
    expect(emptyCollections({ spec: { podSelector: {} } })).toEqual(["spec.podSelector = {}"]);
    expect(emptyCollections({ spec: { template: { spec: { volumes: [{ name: "tmp", emptyDir: {} }], tolerations: [] } } } })).toEqual([
      "spec.template.spec.tolerations = []",
    ]);
  });
});
