import { App } from "cdktf";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnvironmentConfig, environmentConfig } from "../../config";
import { addEnvironment } from "../../stacks/app";

/** The dev config with one value replaced at a dotted path. */
function devWith(changes: Record<string, unknown>): EnvironmentConfig {
  const config = structuredClone(environmentConfig("dev")) as Record<string, any>;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split(".");
    let target = config;
    // Config lists only differences from the defaults: create the objects on the way.
    for (const key of keys.slice(0, -1)) target = target[key] ??= {};
    target[keys[keys.length - 1]] = value;
  }
  return config as EnvironmentConfig;
}

/** Synthesizes the whole app into a fresh folder the way `npm run synth` does; returns the error and the folder. */
function synthFailure(config: EnvironmentConfig): { message: string; outdir: string } {
  const outdir = mkdtempSync(join(tmpdir(), "bad-input-"));
  try {
    const app = new App({ outdir });
    addEnvironment(app, config);
    app.synth();
  } catch (error) {
    return { message: (error as Error).message, outdir };
  }
  throw new Error("synth succeeded, but the input is invalid");
}

const REGISTRY = 'ContainerRegistry at "dev-registry/Default"';
const CLUSTER = 'AksCluster at "dev-cluster/Default"';
const APP = 'KedaFunctionApp at "dev-workload/function-app"';
const CONFIG = 'EnvironmentConfig at "config/dev.ts"';
const DNS_LABEL = "lowercase letters, digits and '-', starting and ending with a letter or digit";
const DNS_1035_LABEL = "lowercase letters, digits and '-', starting with a letter and ending with a letter or digit";

// [rule, path in the config, bad value, construct, the exact line of the error]
const cases: Array<[string, string, unknown, string, string]> = [
  ["ACR name: no '-'", "registry.name", "my-acr", REGISTRY, `name = "my-acr": must be 5-50 letters and digits (Microsoft.ContainerRegistry/registries), globally unique. Fix: use a name such as "myacr"`],
  ["ACR name: at least 5", "registry.name", "acr", REGISTRY, `name = "acr": must be 5-50 letters and digits (Microsoft.ContainerRegistry/registries), globally unique. Fix: use a name such as "acr00"`],
  ["AKS name: alphanumeric ends", "cluster.name", "-aks", CLUSTER, `name = "-aks": must be 1-63 letters, digits, '_' and '-', starting and ending with a letter or digit (Microsoft.ContainerService/managedClusters). Fix: remove other characters and shorten the name`],
  ["DNS prefix", "cluster.dnsPrefix", "-bad_prefix", CLUSTER, `dnsPrefix = "-bad_prefix": must be 1-54 letters, digits and '-', starting and ending with a letter or digit (azurerm KubernetesDNSPrefix). Fix: remove other characters and shorten the prefix`],
  ["system node pool name", "cluster.systemNodePool.name", "System-Pool-01", CLUSTER, `systemNodePool.name = "System-Pool-01": must be 1-12 lowercase letters and digits, starting with a letter (azurerm KubernetesAgentPoolName). Fix: use a name such as "systempool01"`],
  ["user node pool name: at most 12", "cluster.userNodePool.name", "userpool123456", CLUSTER, `userNodePool.name = "userpool123456": must be 1-12 lowercase letters and digits, starting with a letter (azurerm KubernetesAgentPoolName). Fix: use a name such as "userpool1234"`],
  ["temporary name for rotation differs", "cluster.systemNodePool.temporaryNameForRotation", "system", CLUSTER, `systemNodePool.temporaryNameForRotation = "system": must differ from the pool's own name. Fix: use e.g. "systemtmp"`],
  ["resource group: no trailing '.'", "registry.resourceGroupName", "rg.", CONFIG, `registry.resourceGroupName = "rg.": must be 1-90 letters, digits, '_', '-', '.', '(' and ')', and must not end with '.' (Microsoft.Resources/resourcegroups). Fix: remove other characters, shorten the name and drop a trailing '.'`],
  ["one resource group per stack", "cluster.resourceGroupName", "rg-kedafn-dev-registry", CONFIG, `cluster.resourceGroupName = "rg-kedafn-dev-registry": each stack needs its own resource group (registry, cluster and workload groups must differ): two stacks managing one group destroy each other's resources. Fix: give every stack a distinct resource group name`],
  ["namespace is a DNS-1123 label", "workload.namespace", "Functions_NS", APP, `namespace = "Functions_NS": must be a Kubernetes DNS-1123 label: 1-63 characters, ${DNS_LABEL}. Fix: use a name such as "functions-ns"`],
  ["app name is a DNS-1035 label", "workload.functionApp.name", "Keda_Func", APP, `name = "Keda_Func": must be a Kubernetes DNS-1035 label (it names a Service): 1-45 characters, ${DNS_1035_LABEL}. Fix: use a name such as "keda-func"`],
  [
    "app name keeps keda-hpa-<name> within 63 (ScaledObject name <= 54)",
    "workload.functionApp.name",
    "a-very-long-function-app-name-that-is-way-too-long-x",
    APP,
    `name = "a-very-long-function-app-name-that-is-way-too-long-x": must be a Kubernetes DNS-1035 label (it names a Service): 1-45 characters, ${DNS_1035_LABEL}. Fix: use a name such as "a-very-long-function-app-name-that-is-way-too"`,
  ],
  ["ScaledObject min <= max", "workload.functionApp.minReplicas", 20, APP, "minReplicas = 20: must not exceed maxReplicas (10). Fix: lower minReplicas or raise maxReplicas"],
  ["ScaledObject max >= 1", "workload.functionApp.maxReplicas", 0, APP, "maxReplicas = 0: must be a whole number >= 1. Fix: allow at least 1 replica"],
  ["ScaledObject min >= 0", "workload.functionApp.minReplicas", -1, APP, "minReplicas = -1: must be a whole number >= 0. Fix: use 0 to scale to zero, or a positive whole number"],
  ["HTTP replicas >= 0", "workload.functionApp.httpReplicas", -2, APP, "httpScaling.replicas = -2: must be a whole number >= 0. Fix: use 0 or more replicas"],
  ["Service type", "workload.functionApp.serviceType", "External", APP, `serviceType = "External": must be one of "ClusterIP", "LoadBalancer", "NodePort". Fix: use one of the listed values (they are case-sensitive)`],
  ["Premium only: retention", "registry.retentionDays", 7, REGISTRY, `retentionDays = 7: a retention policy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set retentionDays to 0`],
  ["Premium only: zone redundancy", "registry.zoneRedundancyEnabled", true, REGISTRY, `zoneRedundancyEnabled = true: zone redundancy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set zoneRedundancyEnabled to false`],
  ["Premium only: geo-replication", "registry.geoReplicationLocations", ["northeurope"], REGISTRY, `geoReplicationLocations = ["northeurope"]: an ACR geo-replication can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set geoReplicationLocations to []`],
  ["Premium only: quarantine", "registry.quarantinePolicyEnabled", true, REGISTRY, `quarantinePolicyEnabled = true: a quarantine policy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set quarantinePolicyEnabled to false`],
  ["Premium only: trust policy", "registry.trustPolicyEnabled", true, REGISTRY, `trustPolicyEnabled = true: a trust policy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set trustPolicyEnabled to false`],
  ["Premium only: data endpoints", "registry.dataEndpointEnabled", true, REGISTRY, `dataEndpointEnabled = true: dedicated data endpoints can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set dataEndpointEnabled to false`],
  ["Premium only: private registry", "registry.publicNetworkAccessEnabled", false, REGISTRY, `publicNetworkAccessEnabled = false: disabling public network access can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set publicNetworkAccessEnabled to true`],
  ["export policy needs a private Premium registry", "registry.exportPolicyEnabled", false, REGISTRY, `exportPolicyEnabled = false: to disable export of artifacts, publicNetworkAccessEnabled must also be false, which needs the Premium Sku. Fix: set exportPolicyEnabled to true, or use sku "Premium" with publicNetworkAccessEnabled false`],
  ["KEDA add-on and Helm KEDA together", "cluster.keda.helm", { enabled: true, chartVersion: "2.20.2", namespace: "keda" }, CLUSTER, `keda.helm.enabled = true: the AKS KEDA add-on is on too, and a cluster can run only one KEDA (one external metrics server). Fix: set keda.addOn to false to use the Helm chart, or keda.helm.enabled to false to keep the add-on`],
  ["virtual nodes need Azure CNI in the VNet", "cluster.virtualNodes", { enabled: true, subnetPrefix: "10.225.0.0/16" }, CLUSTER, `virtualNodes.enabled = true: virtual nodes need Azure CNI with pod addresses in the VNet, and network.mode is "overlay" (Azure CNI Overlay is not supported). Fix: set network.mode to "vnet", or virtualNodes.enabled to false`],
  ["authorized IP ranges are CIDRs", "cluster.network.apiServerAuthorizedIpRanges", ["10.0.0.0/33"], CLUSTER, `network.apiServerAuthorizedIpRanges = ["10.0.0.0/33"]: must be IPv4 CIDRs ("10.0.0.0/33" is not). Fix: write single addresses as "a.b.c.d/32"`],
];

describe("bad config fails synth with one exact line naming construct, property, value, rule and fix", () => {
  test.each(cases)("%s", (_rule, path, value, construct, line) => {
    const { message, outdir } = synthFailure(devWith({ [path]: value }));
    expect(message).toContain(construct);
    expect(message.split("\n")).toContain(`  - ${line}`);
    // Validation runs while the stacks are built, before anything is written.
    expect(existsSync(join(outdir, "stacks")) ? readdirSync(join(outdir, "stacks")) : []).toEqual([]);
    expect(existsSync(join(outdir, "manifest.json"))).toBe(false);
  });
});

describe("all failures of one construct are reported together", () => {
  test("three bad registry properties give three lines in one error", () => {
    const { message } = synthFailure(devWith({ "registry.name": "my-acr", "registry.retentionDays": 7, "registry.quarantinePolicyEnabled": true }));
    const lines = message.split("\n");
    expect(lines[0]).toBe(`${REGISTRY} has 3 invalid properties:`);
    expect(lines.filter((l) => l.startsWith("  - ")).map((l) => l.split(" = ")[0])).toEqual([
      "  - name",
      "  - retentionDays",
      "  - quarantinePolicyEnabled",
    ]);
  });

  test("an invalid retention is reported for both its rules at once", () => {
    const { message } = synthFailure(devWith({ "registry.retentionDays": 400 }));
    expect(message.split("\n").filter((l) => l.startsWith("  - retentionDays = 400: "))).toHaveLength(2);
  });
});
