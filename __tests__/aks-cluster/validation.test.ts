import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { environments } from "../../config";
import { ClusterConfig } from "../../config/environment";
import { AksCluster } from "../../constructs/aks-cluster/aks-cluster";
import { resolveClusterSettings } from "../../constructs/aks-cluster/defaults";
import { ClusterSettings } from "../../constructs/aks-cluster/settings";
import { clusterRules } from "../../constructs/aks-cluster/validation";
import { DeepPartial, REGISTRY_ID, synthCluster, withOverrides } from "../support/platform";

const dev = environments.dev;
const single = (line: string) => `AksCluster at "dev-cluster/Default" has 1 invalid property:\n  - ${line}`;
const vnodes = { network: { mode: "vnet" }, virtualNodes: { enabled: true } } as const;

// One row per rule: the bad input and the exact line the error must contain.
test.each<[string, DeepPartial<ClusterConfig>, string]>([
  [
    "cluster name",
    { name: "-aks", dnsPrefix: "aks" },
    `name = "-aks": must be 1-63 letters, digits, '_' and '-', starting and ending with a letter or digit (Microsoft.ContainerService/managedClusters). Fix: remove other characters and shorten the name`,
  ],
  [
    "dns prefix",
    { dnsPrefix: "aks_dev" },
    `dnsPrefix = "aks_dev": must be 1-54 letters, digits and '-', starting and ending with a letter or digit (azurerm KubernetesDNSPrefix). Fix: remove other characters and shorten the prefix`,
  ],
  [
    "system pool name",
    { systemNodePool: { name: "System-Pool" } },
    `systemNodePool.name = "System-Pool": must be 1-12 lowercase letters and digits, starting with a letter (azurerm KubernetesAgentPoolName). Fix: use a name such as "systempool"`,
  ],
  [
    "rotation name equal to the pool name",
    { systemNodePool: { temporaryNameForRotation: "system" } },
    `systemNodePool.temporaryNameForRotation = "system": must differ from the pool's own name. Fix: use e.g. "systemtmp"`,
  ],
  [
    "user pool rotation name",
    { userNodePool: { temporaryNameForRotation: "user-tmp" } },
    `userNodePool.temporaryNameForRotation = "user-tmp": must be 1-12 lowercase letters and digits, starting with a letter (azurerm KubernetesAgentPoolName). Fix: use a name such as "usertmp"`,
  ],
  [
    "user pool named like the system pool",
    { userNodePool: { name: "system" } },
    `userNodePool.name = "system": must differ from systemNodePool.name (pool names are unique in a cluster). Fix: use e.g. "user"`,
  ],
  [
    "no system nodes",
    { systemNodePool: { nodeCount: 0 } },
    `systemNodePool.nodeCount = 0: must be a whole number from 1 to 1000. Fix: use 1 for dev and at least 3 (one per zone) for production`,
  ],
  [
    "negative autoscaler minimum",
    { userNodePool: { minCount: -1 } },
    `userNodePool.minCount = -1: must be a whole number, 0 or more. Fix: use 0 to let the autoscaler remove every user node, or 1 to keep one warm`,
  ],
  [
    "autoscaler maximum below minimum",
    { userNodePool: { minCount: 3, maxCount: 2 } },
    `userNodePool.maxCount = 2: must be a whole number from max(1, userNodePool.minCount = 3) to 1000. Fix: raise maxCount or lower minCount`,
  ],
  [
    "max pods",
    { userNodePool: { maxPods: 5 } },
    `userNodePool.maxPods = 5: must be a whole number from 10 to 250. Fix: use 110 (enough for KEDA-scaled workloads)`,
  ],
  [
    "max surge",
    { systemNodePool: { maxSurge: "0%" } },
    `systemNodePool.maxSurge = "0%": must be a node count ("1") or a percentage from 1% to 100% ("33%"). Fix: use "33%"`,
  ],
  [
    "zones",
    { zones: ["1", "4"] },
    `zones = ["1","4"]: must list distinct zones out of "1", "2" and "3". Fix: use ["1", "2", "3"], or [] in a region without availability zones`,
  ],
  [
    "kubernetes version format",
    { kubernetesVersion: "v1.33" },
    `kubernetesVersion = "v1.33": must be MAJOR.MINOR (or MAJOR.MINOR.PATCH), e.g. 1.33. Fix: use a supported AKS version such as 1.33, or null for the AKS default`,
  ],
  [
    "patch version with an upgrade channel",
    { kubernetesVersion: "1.33.2" },
    `kubernetesVersion = "1.33.2": a patch version fights the "patch" upgrade channel: AKS moves the cluster past it and every plan tries to move it back. Fix: pin only MAJOR.MINOR ("1.33") or set automaticUpgradeChannel to "none"`,
  ],
  [
    "node-image channel without the NodeImage OS channel",
    { automaticUpgradeChannel: "node-image", nodeOsUpgradeChannel: "SecurityPatch" },
    `nodeOsUpgradeChannel = "SecurityPatch": must be "NodeImage" when automaticUpgradeChannel is "node-image" (azurerm plan-time rule). Fix: set nodeOsUpgradeChannel to "NodeImage", or automaticUpgradeChannel to "patch"`,
  ],
  [
    "maintenance start time",
    { maintenanceWindow: { startTime: "2am" } },
    `maintenanceWindow.startTime = "2am": must be a 24-hour time HH:mm. Fix: use e.g. "02:00"`,
  ],
  [
    "maintenance UTC offset",
    { maintenanceWindow: { utcOffset: "UTC" } },
    `maintenanceWindow.utcOffset = "UTC": must be a UTC offset +HH:MM or -HH:MM. Fix: use e.g. "+00:00"`,
  ],
  [
    "maintenance window too short",
    { maintenanceWindow: { durationHours: 2 } },
    `maintenanceWindow.durationHours = 2: must be a whole number of hours from 4 to 24 (AKS minimum window). Fix: use 4`,
  ],
  [
    "VNet address space",
    { network: { vnetAddressSpace: "10.224.0.0" } },
    `network.vnetAddressSpace = "10.224.0.0": must be an IPv4 range in CIDR notation. Fix: write it as "a.b.c.d/n", e.g. "10.224.0.0/16"`,
  ],
  [
    "node subnet outside the VNet",
    { network: { nodeSubnetPrefix: "10.100.0.0/16" } },
    `network.nodeSubnetPrefix = "10.100.0.0/16": must lie inside network.vnetAddressSpace ("10.224.0.0/12"). Fix: pick a range inside 10.224.0.0/12`,
  ],
  [
    "pod CIDR",
    { network: { podCidr: "10.244.0.0/33" } },
    `network.podCidr = "10.244.0.0/33": must be an IPv4 range in CIDR notation. Fix: write it as "a.b.c.d/n", e.g. "10.224.0.0/16"`,
  ],
  [
    "DNS service IP",
    { network: { dnsServiceIp: "10.0.0.300" } },
    `network.dnsServiceIp = "10.0.0.300": must be an IPv4 address. Fix: use the 10th address of serviceCidr, e.g. "10.0.0.10"`,
  ],
  [
    "DNS service IP outside the service range",
    { network: { dnsServiceIp: "10.1.0.10" } },
    `network.dnsServiceIp = "10.1.0.10": must lie inside network.serviceCidr ("10.0.0.0/16"). Fix: pick a range inside 10.0.0.0/16`,
  ],
  [
    "service range overlapping the VNet",
    { network: { serviceCidr: "10.224.0.0/16", dnsServiceIp: "10.224.0.10" } },
    `network.serviceCidr = "10.224.0.0/16": must not overlap network.vnetAddressSpace ("10.224.0.0/12"). Fix: pick a range outside 10.224.0.0/12`,
  ],
  [
    "overlay pod range overlapping the VNet",
    { network: { podCidr: "10.230.0.0/16" } },
    `network.podCidr = "10.230.0.0/16": must not overlap network.vnetAddressSpace ("10.224.0.0/12"). Fix: pick a range outside 10.224.0.0/12`,
  ],
  [
    "overlay pod range overlapping the service range",
    { network: { podCidr: "10.0.128.0/17" } },
    `network.podCidr = "10.0.128.0/17": must not overlap network.serviceCidr ("10.0.0.0/16"). Fix: pick a range outside 10.0.0.0/16`,
  ],
  [
    "cilium policy without the cilium data plane",
    { network: { policy: "cilium" } },
    `network.policy = "cilium": network policy "cilium" and network data plane "cilium" go together (data plane is "azure"). Fix: set both policy and dataPlane to "cilium", or policy "azure"/"calico" with dataPlane "azure"`,
  ],
  [
    "authorized IP range",
    { network: { apiServerAuthorizedIpRanges: ["203.0.113.7"] } },
    `network.apiServerAuthorizedIpRanges = ["203.0.113.7"]: must be IPv4 CIDRs ("203.0.113.7" is not). Fix: write single addresses as "a.b.c.d/32"`,
  ],
  [
    "log retention",
    { monitoring: { retentionInDays: 7 } },
    `monitoring.retentionInDays = 7: must be a whole number of days from 30 to 730 (Log Analytics PerGB2018). Fix: use 30`,
  ],
  [
    "log quota",
    { monitoring: { dailyQuotaGb: 0 } },
    `monitoring.dailyQuotaGb = 0: must be more than 0 GB, or -1 for no cap. Fix: use e.g. 1 in dev and -1 in production`,
  ],
  [
    "KEDA add-on and Helm KEDA together",
    { keda: { helm: { enabled: true } } },
    `keda.helm.enabled = true: the AKS KEDA add-on is on too, and a cluster can run only one KEDA (one external metrics server). Fix: set keda.addOn to false to use the Helm chart, or keda.helm.enabled to false to keep the add-on`,
  ],
  [
    "no KEDA at all",
    { keda: { addOn: false } },
    `keda.addOn = false: the workload's ScaledObjects need KEDA, and neither the add-on nor the Helm chart is on. Fix: set keda.addOn to true (the default) or keda.helm.enabled to true`,
  ],
  [
    "unpinned KEDA chart",
    { keda: { addOn: false, helm: { enabled: true, chartVersion: "^2.20" } } },
    `keda.helm.chartVersion = "^2.20": must pin an exact chart version MAJOR.MINOR.PATCH (no ranges, no 'latest'). Fix: use e.g. "2.20.2"`,
  ],
  [
    "KEDA namespace",
    { keda: { addOn: false, helm: { enabled: true, namespace: "KEDA" } } },
    `keda.helm.namespace = "KEDA": must be a Kubernetes DNS-1123 label: 1-63 characters, lowercase letters, digits and '-', starting and ending with a letter or digit. Fix: use a name such as "keda"`,
  ],
  [
    "unpinned HTTP add-on chart",
    { keda: { httpAddOn: { enabled: true, chartVersion: "latest" } } },
    `keda.httpAddOn.chartVersion = "latest": must pin an exact chart version MAJOR.MINOR.PATCH (no ranges, no 'latest'). Fix: use e.g. "0.15.0"`,
  ],
  [
    "virtual nodes with Azure CNI overlay",
    { virtualNodes: { enabled: true } },
    `virtualNodes.enabled = true: virtual nodes need Azure CNI with pod addresses in the VNet, and network.mode is "overlay" (Azure CNI Overlay is not supported). Fix: set network.mode to "vnet", or virtualNodes.enabled to false`,
  ],
  [
    "virtual nodes with authorized IP ranges",
    { ...vnodes, network: { ...vnodes.network, apiServerAuthorizedIpRanges: ["203.0.113.0/24"] } },
    `network.apiServerAuthorizedIpRanges = ["203.0.113.0/24"]: virtual nodes do not work with API server authorized IP ranges (ACI pods must reach the API server). Fix: set network.apiServerAuthorizedIpRanges to [], or virtualNodes.enabled to false`,
  ],
  [
    "virtual nodes with the cilium data plane",
    { ...vnodes, network: { ...vnodes.network, dataPlane: "cilium", policy: "cilium" } },
    `network.dataPlane = "cilium": virtual nodes do not support the Cilium data plane. Fix: set network.dataPlane and network.policy to "azure", or virtualNodes.enabled to false`,
  ],
  [
    "virtual-node subnet",
    { ...vnodes, virtualNodes: { enabled: true, subnetPrefix: "10.225.0.0" } },
    `virtualNodes.subnetPrefix = "10.225.0.0": must be an IPv4 range in CIDR notation. Fix: write it as "a.b.c.d/n", e.g. "10.224.0.0/16"`,
  ],
  [
    "virtual-node subnet outside the VNet",
    { ...vnodes, virtualNodes: { enabled: true, subnetPrefix: "10.100.0.0/16" } },
    `virtualNodes.subnetPrefix = "10.100.0.0/16": must lie inside network.vnetAddressSpace ("10.224.0.0/12"). Fix: pick a range inside 10.224.0.0/12`,
  ],
  [
    "virtual-node subnet overlapping the node subnet",
    { ...vnodes, virtualNodes: { enabled: true, subnetPrefix: "10.224.128.0/17" } },
    `virtualNodes.subnetPrefix = "10.224.128.0/17": must not overlap network.nodeSubnetPrefix ("10.224.0.0/16"). Fix: pick a range outside 10.224.0.0/16`,
  ],
  [
    "OS disk size",
    { userNodePool: { osDiskSizeGb: 20 } },
    `userNodePool.osDiskSizeGb = 20: must be a whole number of GiB from 30 to 2048. Fix: use 128, or at most the VM size's local disk for an ephemeral OS disk`,
  ],
  [
    "ephemeral OS disk on a size without a local disk",
    { systemNodePool: { vmSize: "Standard_D4s_v5" } },
    `systemNodePool.osDiskType = "Ephemeral": an ephemeral OS disk lives on the VM's local cache or temp disk, and Standard_D4s_v5 has none. Fix: pick a size with a local disk ("Standard_D4ds_v5") or set osDiskType to "Managed"`,
  ],
  [
    "ephemeral OS disk larger than the temp disk",
    { userNodePool: { osDiskSizeGb: 128 } },
    `userNodePool.osDiskSizeGb = 128: an ephemeral OS disk must fit the local temp disk of Standard_D2ds_v5 (75 GiB). Fix: set osDiskSizeGb to at most 75, or pick a larger VM size`,
  ],
  [
    "authorized IP ranges on a private cluster",
    { network: { privateClusterEnabled: true, apiServerAuthorizedIpRanges: ["203.0.113.0/24"] } },
    `network.apiServerAuthorizedIpRanges = ["203.0.113.0/24"]: authorized IP ranges filter the public API server endpoint, and a private cluster has none. Fix: set network.apiServerAuthorizedIpRanges to [] (reach the private API server from the VNet), or network.privateClusterEnabled to false`,
  ],
  [
    "virtual nodes on a private cluster",
    { ...vnodes, network: { mode: "vnet", privateClusterEnabled: true } },
    `network.privateClusterEnabled = true: virtual nodes (the ACI connector) are not supported with a private API server. Fix: set virtualNodes.enabled to false, or network.privateClusterEnabled to false`,
  ],
  [
    "disk encryption set id",
    { diskEncryption: { mode: "existing-set", diskEncryptionSetId: "des-kedafn-dev" } },
    `diskEncryption.diskEncryptionSetId = "des-kedafn-dev": must be the resource id of a disk encryption set (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/diskEncryptionSets/<name>). Fix: copy the id from \`az disk-encryption-set show --query id\`, or use { mode: "customer-managed", keyVaultName } to let the stack create the set`,
  ],
  ...["kv", "kv-kedafn-prod-disk-keys1", "1kv-kedafn", "kv--kedafn", "kv-kedafn-", "kv_kedafn"].map((name): [string, DeepPartial<ClusterConfig>, string] => [
    `Key Vault name ${JSON.stringify(name)}`,
    { diskEncryption: { mode: "customer-managed", keyVaultName: name } },
    `diskEncryption.keyVaultName = ${JSON.stringify(name)}: must be 3-24 letters, digits and single '-', starting with a letter and ending with a letter or digit (Microsoft.KeyVault/vaults, globally unique). Fix: use e.g. "kv-kedafn-prod-des"`,
  ]),
  [
    "key name",
    { diskEncryption: { mode: "customer-managed", keyVaultName: "kv-kedafn-dev", keyName: "disk_key" } },
    `diskEncryption.keyName = "disk_key": must be 1-127 letters, digits and '-' (Key Vault object name). Fix: leave it out for "disk-encryption", or remove other characters`,
  ],
  [
    "Key Vault firewall range",
    { diskEncryption: { mode: "customer-managed", keyVaultName: "kv-kedafn-dev", allowedIpRanges: ["203.0.113.7"] } },
    `diskEncryption.allowedIpRanges = ["203.0.113.7"]: must be IPv4 CIDRs ("203.0.113.7" is not). Fix: write single addresses as "a.b.c.d/32"`,
  ],
  [
    "customer-managed disk key with virtual nodes",
    { ...vnodes, diskEncryption: { mode: "customer-managed", keyVaultName: "kv-kedafn-dev" } },
    `diskEncryption.mode = "customer-managed": virtual nodes do not support customer-managed disk keys (AKS BYOK limitation). Fix: set diskEncryption to { mode: "platform-managed" }, or virtualNodes.enabled to false`,
  ],
  [
    "secret rotation interval",
    { keyVaultSecretsProvider: { secretRotationInterval: "2 minutes" } },
    `keyVaultSecretsProvider.secretRotationInterval = "2 minutes": must be a duration of hours, minutes and seconds such as "2m" or "1h30m". Fix: use "2m" (the AKS default)`,
  ],
])("%s is a synth-time error", (_, patch, line) => {
  expect(() => synthCluster(dev, withOverrides(dev.cluster, patch))).toThrow(single(line));
});

test.each([
  ["an ephemeral OS disk on a size the table does not know (Azure checks it at apply)", { userNodePool: { vmSize: "Standard_F4s_v2" } }],
  ["an ephemeral OS disk that exactly fills the temp disk", { userNodePool: { osDiskSizeGb: 75 } }],
  ["a managed OS disk on a size without a local disk", { userNodePool: { vmSize: "Standard_D2s_v5", osDiskType: "Managed", osDiskSizeGb: 128 } }],
  ["a private cluster without authorized ranges", { network: { privateClusterEnabled: true } }],
  ["a 3-character Key Vault name", { diskEncryption: { mode: "customer-managed", keyVaultName: "kv1" } }],
  ["a 24-character Key Vault name with a firewall range", { diskEncryption: { mode: "customer-managed", keyVaultName: "kv-kedafn-prod-disk-keys", allowedIpRanges: ["203.0.113.7/32"] } }],
  ["an existing disk encryption set", { diskEncryption: { mode: "existing-set", diskEncryptionSetId: "/subscriptions/1/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/des-1" } }],
  ["an hour-and-minute rotation interval", { keyVaultSecretsProvider: { secretRotationInterval: "1h30m" } }],
  ["any rotation interval once the provider is off", { keyVaultSecretsProvider: { enabled: false, secretRotationInterval: "" } }],
  ["a seconds-only rotation interval", { keyVaultSecretsProvider: { secretRotationInterval: "90s" } }],
  ["a patch version with automatic upgrades off", { kubernetesVersion: "1.33.2", automaticUpgradeChannel: "none" }],
  ["the last minute of the day at the furthest UTC offset", { maintenanceWindow: { startTime: "23:59", utcOffset: "-14:00" } }],
  ["a 100% surge and a one-node surge", { systemNodePool: { maxSurge: "100%" }, userNodePool: { maxSurge: "1" } }],
  ["a 127-character key name", { diskEncryption: { mode: "customer-managed", keyVaultName: "kv-kedafn-dev", keyName: "k".repeat(127) } }],
  ["a pinned KEDA chart and HTTP add-on chart", { keda: { addOn: false, helm: { enabled: true, chartVersion: "2.17.2" }, httpAddOn: { enabled: true, chartVersion: "0.10.0" } } }],
  ["an upper-case admin object id", { adminObjectIds: ["0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"] }],
] as Array<[string, DeepPartial<ClusterConfig>]>)("accepts %s", (_, patch) => {
  expect(() => synthCluster(dev, withOverrides(dev.cluster, patch))).not.toThrow();
});

test("every broken rule is reported in one error", () => {
  const cluster = withOverrides(dev.cluster, { name: "-aks", dnsPrefix: "aks", keda: { helm: { enabled: true } }, virtualNodes: { enabled: true } });
  expect(() => synthCluster(dev, cluster)).toThrow(/^AksCluster at "dev-cluster\/Default" has 3 invalid properties:\n  - name = "-aks".*\n  - keda\.helm\.enabled = true.*\n  - virtualNodes\.enabled = true/);
});

test.each([
  ["dev", environments.dev],
  ["prod", environments.prod],
])("%s passes every rule", (_, env) => {
  expect(() => synthCluster(env)).not.toThrow();
});

// A Terraform token (here a variable) is known only at apply: every string grammar of the cluster
// lets it through as it is, and Azure judges the value then. The rules are run directly, without
// violationsOf's token filter, so each check itself must pass the token.
describe("a TerraformVariable's value is never judged as a literal", () => {
  const stack = new TerraformStack(new App(), "tokens");
  const token = (name: string) => new TerraformVariable(stack, name, { type: "string" }).stringValue;
  const cmk = (patch: object) => ({ diskEncryption: { mode: "customer-managed", keyVaultName: "kv-kedafn-dev", ...patch } });

  test.each<[string, ClusterSettings]>([
    ["kubernetesVersion", { kubernetesVersion: token("version") }],
    ["systemNodePool.maxSurge", { systemNodePool: { maxSurge: token("surge") } }],
    ["maintenanceWindow.startTime", { maintenanceWindow: { startTime: token("start") } }],
    ["maintenanceWindow.utcOffset", { maintenanceWindow: { utcOffset: token("offset") } }],
    ["diskEncryption.diskEncryptionSetId", { diskEncryption: { mode: "existing-set", diskEncryptionSetId: token("des") } }],
    ["diskEncryption.keyVaultName", cmk({ keyVaultName: token("vault") }) as ClusterSettings],
    ["diskEncryption.keyName", cmk({ keyName: token("key") }) as ClusterSettings],
    ["keyVaultSecretsProvider.secretRotationInterval", { keyVaultSecretsProvider: { secretRotationInterval: token("rotation") } }],
    ["keda.helm.chartVersion", { keda: { addOn: false, helm: { enabled: true, chartVersion: token("chart") } } }],
    ["keda.httpAddOn.chartVersion", { keda: { httpAddOn: { enabled: true, chartVersion: token("httpchart") } } }],
    ["adminObjectIds[0]", { adminObjectIds: [token("admin")] }],
  ])("%s", (property, settings) => {
    const violations = clusterRules.map((rule) => rule(resolveClusterSettings(settings, "aks-kedafn"))).filter((v) => v !== undefined);
    expect(violations.map((v) => v!.property)).not.toContain(property);
  });

  test("the construct synthesizes with every such setting a variable, and Terraform gets the reference", () => {
    const app = Testing.app();
    const own = new TerraformStack(app, "own");
    new AzurermProvider(own, "azurerm", { features: [{}] });
    const v = (name: string) => new TerraformVariable(own, name, { type: "string" }).stringValue;
    new AksCluster(own, "aks", {
      registryId: REGISTRY_ID,
      kubernetesVersion: v("version"),
      maintenanceWindow: { startTime: v("start"), utcOffset: v("offset") },
      systemNodePool: { maxSurge: v("surge") },
      diskEncryption: { mode: "customer-managed", keyVaultName: v("vault"), keyName: v("key") },
      keyVaultSecretsProvider: { secretRotationInterval: v("rotation") },
      adminObjectIds: [v("admin")],
    });
    const json = Testing.synth(own, true);
    for (const name of ["version", "start", "offset", "surge", "vault", "key", "rotation", "admin"]) expect(json).toMatch(new RegExp(`\\bvar\\.${name}\\b`));
  });
});
