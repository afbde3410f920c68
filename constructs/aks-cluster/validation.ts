import { checkClusterName, checkDnsPrefix, checkNodePoolName } from "../core/azure-names";
import { contains, Ipv4Range, overlaps, parseAddress, parseCidr } from "../core/cidr";
import { checkDnsLabel } from "../core/kubernetes-names";
import { patternCheck } from "../core/pattern-check";
import { isToken } from "../core/tokens";
import { oneOf, Rule, Violation } from "../core/validation";
import { ResolvedClusterSettings, ResolvedKedaSettings } from "./defaults";
import {
  AUTOMATIC_UPGRADE_CHANNELS,
  CLUSTER_SKU_TIERS,
  DISK_ENCRYPTION_MODES,
  NETWORK_DATA_PLANES,
  NETWORK_MODES,
  NETWORK_POLICY_ENGINES,
  NODE_OS_SKUS,
  NODE_OS_UPGRADE_CHANNELS,
  OS_DISK_TYPES,
  WEEK_DAYS,
} from "./settings";

// The string grammars of the cluster's settings, each stated once with core's patternCheck
// (which never judges a Terraform token as a literal).

const checkKubernetesVersion = patternCheck({
  pattern: /^\d+\.\d+(\.\d+)?$/,
  rule: "must be MAJOR.MINOR (or MAJOR.MINOR.PATCH), e.g. 1.33",
  fix: "use a supported AKS version such as 1.33, or null for the AKS default",
});
/** A Helm chart version pinned exactly; `example` is the version the fix suggests. */
const exactChartVersion = (example: string) =>
  patternCheck({
    pattern: /^\d+\.\d+\.\d+$/,
    rule: "must pin an exact chart version MAJOR.MINOR.PATCH (no ranges, no 'latest')",
    fix: `use e.g. ${JSON.stringify(example)}`,
  });
const checkKedaChartVersion = exactChartVersion("2.20.2");
const checkHttpAddOnChartVersion = exactChartVersion("0.15.0");
const checkStartTime = patternCheck({ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, rule: "must be a 24-hour time HH:mm", fix: 'use e.g. "02:00"' });
const checkUtcOffset = patternCheck({ pattern: /^[+-](0\d|1[0-4]):[0-5]\d$/, rule: "must be a UTC offset +HH:MM or -HH:MM", fix: 'use e.g. "+00:00"' });
const checkMaxSurge = patternCheck({
  pattern: /^([1-9]\d?|100)%$|^[1-9]\d*$/,
  rule: 'must be a node count ("1") or a percentage from 1% to 100% ("33%")',
  fix: 'use "33%"',
});
const checkRotationInterval = patternCheck({
  pattern: /^(?=\d)(\d+h)?(\d+m)?(\d+s)?$/,
  rule: "must be a duration of hours, minutes and seconds such as \"2m\" or \"1h30m\"",
  fix: 'use "2m" (the AKS default)',
});
/** Key Vault names: 3-24 letters, digits and '-', a letter first, a letter or digit last, no "--". */
const checkKeyVaultName = patternCheck({
  pattern: /^[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]$/,
  rule: "must be 3-24 letters, digits and single '-', starting with a letter and ending with a letter or digit (Microsoft.KeyVault/vaults, globally unique)",
  fix: 'use e.g. "kv-kedafn-prod-des"',
});
const checkKeyName = patternCheck({
  pattern: /^[A-Za-z0-9-]{1,127}$/,
  rule: "must be 1-127 letters, digits and '-' (Key Vault object name)",
  fix: 'leave it out for "disk-encryption", or remove other characters',
});
const checkDiskEncryptionSetId = patternCheck({
  pattern: /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/diskEncryptionSets\/[^/]+$/i,
  rule: "must be the resource id of a disk encryption set (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/diskEncryptionSets/<name>)",
  fix: 'copy the id from `az disk-encryption-set show --query id`, or use { mode: "customer-managed", keyVaultName } to let the stack create the set',
});
/** An Entra object id: a GUID. */
const checkObjectId = patternCheck({
  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  rule: "must be an Entra object id (a GUID)",
  fix: 'use the object id, e.g. from "az ad sp show --id <app-id> --query id -o tsv" or "az ad group show --group <name> --query id -o tsv"',
});
/** v5 sizes with a local temp disk (`d` before `s`): 37.5 GiB per vCPU, e.g. D2ds_v5 75 GiB, D4ds_v5 150 GiB. */
const LOCAL_DISK_V5 = /^Standard_[DE](\d+)a?ds_v5$/;
/** v5 sizes without any local disk (remote storage only): no room for an ephemeral OS disk. */
const NO_LOCAL_DISK_V5 = /^Standard_[DE]\d+a?s_v5$/;

type R = Rule<ResolvedClusterSettings>;

function when(condition: boolean, violation: Violation): Violation | undefined {
  return condition ? violation : undefined;
}

function cidr(property: string, value: string): Violation | undefined {
  return when(parseCidr(value) === undefined, {
    property,
    value,
    rule: "must be an IPv4 range in CIDR notation",
    fix: 'write it as "a.b.c.d/n", e.g. "10.224.0.0/16"',
  });
}

/** Range pairs that must not overlap, each parsed only when valid (invalid ones are reported by `cidr`). */
function noOverlap(property: string, value: string, other: string, otherName: string): Violation | undefined {
  const [a, b] = [parseCidr(value), parseCidr(other)];
  return when(a !== undefined && b !== undefined && overlaps(a, b), {
    property,
    value,
    rule: `must not overlap ${otherName} (${JSON.stringify(other)})`,
    fix: `pick a range outside ${other}`,
  });
}

function inside(property: string, value: string, outer: string, outerName: string, parse: (v: string) => Ipv4Range | undefined = parseCidr) {
  const [inner, range] = [parse(value), parseCidr(outer)];
  return when(inner !== undefined && range !== undefined && !contains(range, inner), {
    property,
    value,
    rule: `must lie inside ${outerName} (${JSON.stringify(outer)})`,
    fix: `pick a range inside ${outer}`,
  });
}

// Closed choices first: a misspelt one (e.g. from JSON) would otherwise surface as a confusing later rule.
const choices: R[] = [
  (s) => oneOf("skuTier", s.skuTier, CLUSTER_SKU_TIERS),
  (s) => oneOf("automaticUpgradeChannel", s.automaticUpgradeChannel, AUTOMATIC_UPGRADE_CHANNELS),
  (s) => oneOf("nodeOsUpgradeChannel", s.nodeOsUpgradeChannel, NODE_OS_UPGRADE_CHANNELS),
  (s) => oneOf("maintenanceWindow.dayOfWeek", s.maintenanceWindow.dayOfWeek, WEEK_DAYS),
  (s) => oneOf("network.mode", s.network.mode, NETWORK_MODES),
  (s) => oneOf("network.dataPlane", s.network.dataPlane, NETWORK_DATA_PLANES),
  (s) => oneOf("network.policy", s.network.policy, NETWORK_POLICY_ENGINES),
  (s) => oneOf("diskEncryption.mode", s.diskEncryption.mode, DISK_ENCRYPTION_MODES),
  ...(["systemNodePool", "userNodePool"] as const).flatMap((pool): R[] => [
    (s) => oneOf(`${pool}.osSku`, s[pool].osSku, NODE_OS_SKUS),
    (s) => oneOf(`${pool}.osDiskType`, s[pool].osDiskType, OS_DISK_TYPES),
  ]),
];

/** The two node pools, which share the naming rules. */
const POOLS = ["systemNodePool", "userNodePool"] as const;

const names: R[] = [
  (s) => checkClusterName("name", s.name),
  (s) => checkDnsPrefix("dnsPrefix", s.dnsPrefix),
  ...POOLS.flatMap((pool): R[] => [
    (s) => checkNodePoolName(`${pool}.name`, s[pool].name),
    (s) => checkNodePoolName(`${pool}.temporaryNameForRotation`, s[pool].temporaryNameForRotation),
  ]),
  ...POOLS.map(
    (pool): R =>
      (s) =>
        when(s[pool].temporaryNameForRotation === s[pool].name, {
          property: `${pool}.temporaryNameForRotation`,
          value: s[pool].temporaryNameForRotation,
          rule: "must differ from the pool's own name",
          fix: `use e.g. ${JSON.stringify(`${s[pool].name.slice(0, 9)}tmp`)}`,
        }),
  ),
  (s) =>
    when(s.userNodePool.name === s.systemNodePool.name, {
      property: "userNodePool.name",
      value: s.userNodePool.name,
      rule: "must differ from systemNodePool.name (pool names are unique in a cluster)",
      fix: 'use e.g. "user"',
    }),
];

const pools: R[] = [
  (s) =>
    when(!Number.isInteger(s.systemNodePool.nodeCount) || s.systemNodePool.nodeCount < 1 || s.systemNodePool.nodeCount > 1000, {
      property: "systemNodePool.nodeCount",
      value: s.systemNodePool.nodeCount,
      rule: "must be a whole number from 1 to 1000",
      fix: "use 1 for dev and at least 3 (one per zone) for production",
    }),
  (s) =>
    when(!Number.isInteger(s.userNodePool.minCount) || s.userNodePool.minCount < 0, {
      property: "userNodePool.minCount",
      value: s.userNodePool.minCount,
      rule: "must be a whole number, 0 or more",
      fix: "use 0 to let the autoscaler remove every user node, or 1 to keep one warm",
    }),
  (s) =>
    when(!Number.isInteger(s.userNodePool.maxCount) || s.userNodePool.maxCount < Math.max(1, s.userNodePool.minCount) || s.userNodePool.maxCount > 1000, {
      property: "userNodePool.maxCount",
      value: s.userNodePool.maxCount,
      rule: `must be a whole number from max(1, userNodePool.minCount = ${s.userNodePool.minCount}) to 1000`,
      fix: "raise maxCount or lower minCount",
    }),
  ...(["systemNodePool", "userNodePool"] as const).flatMap((pool): R[] => [
    (s) =>
      when(!Number.isInteger(s[pool].maxPods) || s[pool].maxPods < 10 || s[pool].maxPods > 250, {
        property: `${pool}.maxPods`,
        value: s[pool].maxPods,
        rule: "must be a whole number from 10 to 250",
        fix: "use 110 (enough for KEDA-scaled workloads)",
      }),
    (s) =>
      when(!Number.isInteger(s[pool].osDiskSizeGb) || s[pool].osDiskSizeGb < 30 || s[pool].osDiskSizeGb > 2048, {
        property: `${pool}.osDiskSizeGb`,
        value: s[pool].osDiskSizeGb,
        rule: "must be a whole number of GiB from 30 to 2048",
        fix: "use 128, or at most the VM size's local disk for an ephemeral OS disk",
      }),
    (s) =>
      when(s[pool].osDiskType === "Ephemeral" && NO_LOCAL_DISK_V5.test(s[pool].vmSize), {
        property: `${pool}.osDiskType`,
        value: s[pool].osDiskType,
        rule: `an ephemeral OS disk lives on the VM's local cache or temp disk, and ${s[pool].vmSize} has none`,
        fix: `pick a size with a local disk (${JSON.stringify(s[pool].vmSize.replace(/s_v5$/, "ds_v5"))}) or set osDiskType to "Managed"`,
      }),
    (s) => {
      const vcpus = LOCAL_DISK_V5.exec(s[pool].vmSize)?.[1];
      const localGb = vcpus === undefined ? undefined : Math.floor(Number(vcpus) * 37.5);
      return when(s[pool].osDiskType === "Ephemeral" && localGb !== undefined && s[pool].osDiskSizeGb > localGb, {
        property: `${pool}.osDiskSizeGb`,
        value: s[pool].osDiskSizeGb,
        rule: `an ephemeral OS disk must fit the local temp disk of ${s[pool].vmSize} (${localGb} GiB)`,
        fix: `set osDiskSizeGb to at most ${localGb}, or pick a larger VM size`,
      });
    },
    (s) => checkMaxSurge(`${pool}.maxSurge`, s[pool].maxSurge),
  ]),
  (s) => {
    const bad = s.zones.filter((z, i) => !["1", "2", "3"].includes(z) || s.zones.indexOf(z) !== i);
    return when(bad.length > 0, {
      property: "zones",
      value: s.zones,
      rule: 'must list distinct zones out of "1", "2" and "3"',
      fix: 'use ["1", "2", "3"], or [] in a region without availability zones',
    });
  },
];

const versions: R[] = [
  (s) => (s.kubernetesVersion === null ? undefined : checkKubernetesVersion("kubernetesVersion", s.kubernetesVersion)),
  (s) =>
    when(s.kubernetesVersion !== null && s.automaticUpgradeChannel !== "none" && /^\d+\.\d+\.\d+$/.test(s.kubernetesVersion), {
      property: "kubernetesVersion",
      value: s.kubernetesVersion,
      rule: `a patch version fights the ${JSON.stringify(s.automaticUpgradeChannel)} upgrade channel: AKS moves the cluster past it and every plan tries to move it back`,
      fix: `pin only MAJOR.MINOR (${JSON.stringify((s.kubernetesVersion ?? "").split(".").slice(0, 2).join("."))}) or set automaticUpgradeChannel to "none"`,
    }),
  (s) =>
    when(s.automaticUpgradeChannel === "node-image" && s.nodeOsUpgradeChannel !== "NodeImage", {
      property: "nodeOsUpgradeChannel",
      value: s.nodeOsUpgradeChannel,
      rule: 'must be "NodeImage" when automaticUpgradeChannel is "node-image" (azurerm plan-time rule)',
      fix: 'set nodeOsUpgradeChannel to "NodeImage", or automaticUpgradeChannel to "patch"',
    }),
  (s) => checkStartTime("maintenanceWindow.startTime", s.maintenanceWindow.startTime),
  (s) => checkUtcOffset("maintenanceWindow.utcOffset", s.maintenanceWindow.utcOffset),
  (s) =>
    when(!Number.isInteger(s.maintenanceWindow.durationHours) || s.maintenanceWindow.durationHours < 4 || s.maintenanceWindow.durationHours > 24, {
      property: "maintenanceWindow.durationHours",
      value: s.maintenanceWindow.durationHours,
      rule: "must be a whole number of hours from 4 to 24 (AKS minimum window)",
      fix: "use 4",
    }),
];

const network: R[] = [
  (s) => cidr("network.vnetAddressSpace", s.network.vnetAddressSpace),
  (s) => cidr("network.nodeSubnetPrefix", s.network.nodeSubnetPrefix),
  (s) => cidr("network.podCidr", s.network.podCidr),
  (s) => cidr("network.serviceCidr", s.network.serviceCidr),
  (s) =>
    when(parseAddress(s.network.dnsServiceIp) === undefined, {
      property: "network.dnsServiceIp",
      value: s.network.dnsServiceIp,
      rule: "must be an IPv4 address",
      fix: 'use the 10th address of serviceCidr, e.g. "10.0.0.10"',
    }),
  (s) => inside("network.nodeSubnetPrefix", s.network.nodeSubnetPrefix, s.network.vnetAddressSpace, "network.vnetAddressSpace"),
  (s) => inside("network.dnsServiceIp", s.network.dnsServiceIp, s.network.serviceCidr, "network.serviceCidr", parseAddress),
  (s) => noOverlap("network.serviceCidr", s.network.serviceCidr, s.network.vnetAddressSpace, "network.vnetAddressSpace"),
  (s) =>
    s.network.mode === "overlay" ? noOverlap("network.podCidr", s.network.podCidr, s.network.vnetAddressSpace, "network.vnetAddressSpace") : undefined,
  (s) => (s.network.mode === "overlay" ? noOverlap("network.podCidr", s.network.podCidr, s.network.serviceCidr, "network.serviceCidr") : undefined),
  (s) =>
    when((s.network.policy === "cilium") !== (s.network.dataPlane === "cilium"), {
      property: "network.policy",
      value: s.network.policy,
      rule: `network policy "cilium" and network data plane "cilium" go together (data plane is ${JSON.stringify(s.network.dataPlane)})`,
      fix: 'set both policy and dataPlane to "cilium", or policy "azure"/"calico" with dataPlane "azure"',
    }),
  (s) => {
    const bad = s.network.apiServerAuthorizedIpRanges.filter((r) => parseCidr(r) === undefined);
    return when(bad.length > 0, {
      property: "network.apiServerAuthorizedIpRanges",
      value: s.network.apiServerAuthorizedIpRanges,
      rule: `must be IPv4 CIDRs (${JSON.stringify(bad[0])} is not)`,
      fix: 'write single addresses as "a.b.c.d/32"',
    });
  },
];

const apiServer: R[] = [
  (s) =>
    when(s.network.privateClusterEnabled && s.network.apiServerAuthorizedIpRanges.length > 0, {
      property: "network.apiServerAuthorizedIpRanges",
      value: s.network.apiServerAuthorizedIpRanges,
      rule: "authorized IP ranges filter the public API server endpoint, and a private cluster has none",
      fix: "set network.apiServerAuthorizedIpRanges to [] (reach the private API server from the VNet), or network.privateClusterEnabled to false",
    }),
  (s) =>
    when(s.network.privateClusterEnabled && s.virtualNodes.enabled, {
      property: "network.privateClusterEnabled",
      value: true,
      rule: "virtual nodes (the ACI connector) are not supported with a private API server",
      fix: "set virtualNodes.enabled to false, or network.privateClusterEnabled to false",
    }),
];

const encryption: R[] = [
  (s) =>
    s.diskEncryption.mode === "existing-set" ? checkDiskEncryptionSetId("diskEncryption.diskEncryptionSetId", s.diskEncryption.diskEncryptionSetId) : undefined,
  (s) => (s.diskEncryption.mode === "customer-managed" ? checkKeyVaultName("diskEncryption.keyVaultName", s.diskEncryption.keyVaultName) : undefined),
  (s) =>
    s.diskEncryption.mode === "customer-managed" && s.diskEncryption.keyName !== undefined
      ? checkKeyName("diskEncryption.keyName", s.diskEncryption.keyName)
      : undefined,
  (s) => {
    const ranges = s.diskEncryption.mode === "customer-managed" ? (s.diskEncryption.allowedIpRanges ?? []) : [];
    const bad = ranges.filter((r) => parseCidr(r) === undefined);
    return when(bad.length > 0, {
      property: "diskEncryption.allowedIpRanges",
      value: ranges,
      rule: `must be IPv4 CIDRs (${JSON.stringify(bad[0])} is not)`,
      fix: 'write single addresses as "a.b.c.d/32"',
    });
  },
  (s) =>
    when(s.diskEncryption.mode !== "platform-managed" && s.virtualNodes.enabled, {
      property: "diskEncryption.mode",
      value: s.diskEncryption.mode,
      rule: "virtual nodes do not support customer-managed disk keys (AKS BYOK limitation)",
      fix: 'set diskEncryption to { mode: "platform-managed" }, or virtualNodes.enabled to false',
    }),
  (s) =>
    s.keyVaultSecretsProvider.enabled
      ? checkRotationInterval("keyVaultSecretsProvider.secretRotationInterval", s.keyVaultSecretsProvider.secretRotationInterval)
      : undefined,
];

const monitoring: R[] = [
  (s) =>
    when(!Number.isInteger(s.monitoring.retentionInDays) || s.monitoring.retentionInDays < 30 || s.monitoring.retentionInDays > 730, {
      property: "monitoring.retentionInDays",
      value: s.monitoring.retentionInDays,
      rule: "must be a whole number of days from 30 to 730 (Log Analytics PerGB2018)",
      fix: "use 30",
    }),
  (s) =>
    when(s.monitoring.dailyQuotaGb !== -1 && !(s.monitoring.dailyQuotaGb > 0), {
      property: "monitoring.dailyQuotaGb",
      value: s.monitoring.dailyQuotaGb,
      rule: "must be more than 0 GB, or -1 for no cap",
      fix: "use e.g. 1 in dev and -1 in production",
    }),
];

/** The KEDA rules, over anything with resolved `keda` settings: a cluster's, or a `KedaInstallation`'s. */
export const kedaRules: ReadonlyArray<Rule<{ readonly keda: ResolvedKedaSettings }>> = [
  (s) =>
    when(s.keda.addOn && s.keda.helm.enabled, {
      property: "keda.helm.enabled",
      value: true,
      rule: "the AKS KEDA add-on is on too, and a cluster can run only one KEDA (one external metrics server)",
      fix: "set keda.addOn to false to use the Helm chart, or keda.helm.enabled to false to keep the add-on",
    }),
  (s) =>
    when(!s.keda.addOn && !s.keda.helm.enabled, {
      property: "keda.addOn",
      value: false,
      rule: "the workload's ScaledObjects need KEDA, and neither the add-on nor the Helm chart is on",
      fix: "set keda.addOn to true (the default) or keda.helm.enabled to true",
    }),
  (s) => (s.keda.helm.enabled ? checkKedaChartVersion("keda.helm.chartVersion", s.keda.helm.chartVersion) : undefined),
  (s) => (s.keda.helm.enabled ? checkDnsLabel("keda.helm.namespace", s.keda.helm.namespace) : undefined),
  (s) => (s.keda.httpAddOn.enabled ? checkHttpAddOnChartVersion("keda.httpAddOn.chartVersion", s.keda.httpAddOn.chartVersion) : undefined),
];

/** Every rule a `KedaInstallation`'s resolved settings must pass: the KEDA rules, and something to install. */
export const kedaInstallationRules: ReadonlyArray<Rule<{ readonly keda: ResolvedKedaSettings }>> = [
  ...kedaRules,
  (s) =>
    !s.keda.helm.enabled && !s.keda.httpAddOn.enabled
      ? {
          property: "keda",
          value: { helm: { enabled: false }, httpAddOn: { enabled: false } },
          rule: "there is nothing to install: neither the KEDA chart nor the HTTP add-on is enabled",
          fix: "set keda.helm.enabled (with keda.addOn false) or keda.httpAddOn.enabled to true, or leave the KedaInstallation out",
        }
      : undefined,
];

// Virtual nodes (ACI connector add-on, AKS doc "virtual nodes"): Azure CNI with pods in the VNet,
// no API server authorized IP ranges, no Cilium; the ACI subnet is delegated and separate.
const virtualNodes: R[] = [
  (s) =>
    when(s.virtualNodes.enabled && s.network.mode !== "vnet", {
      property: "virtualNodes.enabled",
      value: true,
      rule: `virtual nodes need Azure CNI with pod addresses in the VNet, and network.mode is ${JSON.stringify(s.network.mode)} (Azure CNI Overlay is not supported)`,
      fix: 'set network.mode to "vnet", or virtualNodes.enabled to false',
    }),
  (s) =>
    when(s.virtualNodes.enabled && s.network.apiServerAuthorizedIpRanges.length > 0, {
      property: "network.apiServerAuthorizedIpRanges",
      value: s.network.apiServerAuthorizedIpRanges,
      rule: "virtual nodes do not work with API server authorized IP ranges (ACI pods must reach the API server)",
      fix: "set network.apiServerAuthorizedIpRanges to [], or virtualNodes.enabled to false",
    }),
  (s) =>
    when(s.virtualNodes.enabled && s.network.dataPlane === "cilium", {
      property: "network.dataPlane",
      value: s.network.dataPlane,
      rule: "virtual nodes do not support the Cilium data plane",
      fix: 'set network.dataPlane and network.policy to "azure", or virtualNodes.enabled to false',
    }),
  (s) => (s.virtualNodes.enabled ? cidr("virtualNodes.subnetPrefix", s.virtualNodes.subnetPrefix) : undefined),
  (s) =>
    s.virtualNodes.enabled
      ? inside("virtualNodes.subnetPrefix", s.virtualNodes.subnetPrefix, s.network.vnetAddressSpace, "network.vnetAddressSpace")
      : undefined,
  (s) =>
    s.virtualNodes.enabled
      ? noOverlap("virtualNodes.subnetPrefix", s.virtualNodes.subnetPrefix, s.network.nodeSubnetPrefix, "network.nodeSubnetPrefix")
      : undefined,
];

const admins: R[] = [
  // The first bad id; a Terraform token (e.g. a variable) is checked by Azure at apply, never as a literal here.
  (c) => (isToken(c.adminObjectIds) ? undefined : c.adminObjectIds.map((id, i) => checkObjectId(`adminObjectIds[${i}]`, id)).find((v) => v !== undefined)),
];

/**
 * Every rule a cluster's resolved settings must pass, run once by `AksCluster` before it renders;
 * all violations are reported together.
 */
export const clusterRules: ReadonlyArray<R> = [
  ...choices,
  ...names,
  ...admins,
  ...pools,
  ...versions,
  ...network,
  ...apiServer,
  ...encryption,
  ...monitoring,
  ...kedaRules,
  ...virtualNodes,
];
