import { Token } from "cdktf";
import {
  ClusterNetworkSettings,
  ClusterSettings,
  CustomerManagedDiskEncryptionSettings,
  DiskEncryptionSettings,
  KeyVaultSecretsProviderSettings,
  MaintenanceWindowSettings,
  MonitoringSettings,
  SystemNodePoolSettings,
  UserNodePoolSettings,
  VirtualNodesSettings,
} from "./settings";

// Every default of a cluster, in one place. They are the secure production choices; an environment
// that relaxes one (e.g. dev's Free tier) says so in its config, next to a policy exception.

/** KEDA settings with every default filled in. */
export interface ResolvedKedaSettings {
  readonly addOn: boolean;
  readonly helm: { readonly enabled: boolean; readonly chartVersion: string; readonly namespace: string };
  readonly httpAddOn: { readonly enabled: boolean; readonly chartVersion: string };
}

/** A customer-managed disk key with its defaults filled in. */
export type ResolvedCustomerManagedDiskEncryption = Required<CustomerManagedDiskEncryptionSettings>;

/** Disk encryption with its defaults filled in. */
export type ResolvedDiskEncryption = Exclude<DiskEncryptionSettings, CustomerManagedDiskEncryptionSettings> | ResolvedCustomerManagedDiskEncryption;

/** {@link ClusterSettings} with every default filled in: what the rules check and the cluster renders. */
export interface ResolvedClusterSettings {
  readonly name: string;
  readonly dnsPrefix: string;
  readonly kubernetesVersion: string | null;
  readonly skuTier: NonNullable<ClusterSettings["skuTier"]>;
  readonly zones: readonly string[];
  readonly automaticUpgradeChannel: NonNullable<ClusterSettings["automaticUpgradeChannel"]>;
  readonly nodeOsUpgradeChannel: NonNullable<ClusterSettings["nodeOsUpgradeChannel"]>;
  readonly maintenanceWindow: Required<MaintenanceWindowSettings>;
  readonly azurePolicyEnabled: boolean;
  readonly systemNodePool: Required<SystemNodePoolSettings>;
  readonly userNodePool: Required<UserNodePoolSettings>;
  readonly network: Required<ClusterNetworkSettings>;
  readonly monitoring: Required<MonitoringSettings>;
  readonly keda: ResolvedKedaSettings;
  readonly virtualNodes: Required<VirtualNodesSettings>;
  readonly keyVaultSecretsProvider: Required<KeyVaultSecretsProviderSettings>;
  readonly diskEncryption: ResolvedDiskEncryption;
  readonly adminObjectIds: readonly string[];
}

const POOL = {
  // Ddsv5: a 150 GiB local temp disk holds the 128 GiB ephemeral OS disk (Dsv5 sizes have none).
  vmSize: "Standard_D4ds_v5",
  maxPods: 110,
  osSku: "AzureLinux",
  maxSurge: "33%",
  osDiskType: "Ephemeral",
  osDiskSizeGb: 128,
  hostEncryptionEnabled: true,
} as const;

const SYSTEM_POOL: Required<SystemNodePoolSettings> = { ...POOL, name: "system", temporaryNameForRotation: "systemtmp", nodeCount: 3 };
const USER_POOL: Required<UserNodePoolSettings> = { ...POOL, name: "user", temporaryNameForRotation: "usertmp", minCount: 3, maxCount: 20 };

const NETWORK: Required<ClusterNetworkSettings> = {
  mode: "overlay",
  dataPlane: "cilium",
  policy: "cilium",
  vnetAddressSpace: "10.224.0.0/12",
  nodeSubnetPrefix: "10.224.0.0/16",
  podCidr: "10.244.0.0/16",
  serviceCidr: "10.0.0.0/16",
  dnsServiceIp: "10.0.0.10",
  apiServerAuthorizedIpRanges: [],
  privateClusterEnabled: true,
};

const KEDA: ResolvedKedaSettings = {
  addOn: true,
  helm: { enabled: false, chartVersion: "2.20.2", namespace: "keda" },
  httpAddOn: { enabled: false, chartVersion: "0.15.0" },
};

/** `name` with everything but letters and digits as '-', no '--', at most `max` characters. */
function slug(name: string, max: number): string {
  return name.replace(/[^A-Za-z0-9]+/g, "-").slice(0, max).replace(/^-+|-+$/g, "");
}

/**
 * The Key Vault name a customer-managed disk key gets when none is given: `kv-<cluster name>`. A
 * cluster name that is a Terraform token is not cut as a string (that would mangle the token):
 * Azure judges the joined name at apply.
 */
export function defaultKeyVaultName(clusterName: string): string {
  return Token.isUnresolved(clusterName) ? `kv-${clusterName}` : slug(`kv-${clusterName}`, 24);
}

/** A cluster name from a construct path: `app/aks` becomes `app-aks` (hidden `Default` ids left out). */
export function defaultClusterName(path: string): string {
  return slug(path.split("/").filter((part) => part !== "Default").join("-"), 63) || "aks";
}

/** KEDA settings with the defaults filled in. */
export function resolveKedaSettings(keda: ClusterSettings["keda"] = {}): ResolvedKedaSettings {
  return {
    addOn: keda.addOn ?? KEDA.addOn,
    helm: { ...KEDA.helm, ...definedOnly(keda.helm) },
    httpAddOn: { ...KEDA.httpAddOn, ...definedOnly(keda.httpAddOn) },
  };
}

function resolveDiskEncryption(settings: DiskEncryptionSettings | undefined, clusterName: string): ResolvedDiskEncryption {
  const chosen = settings ?? { mode: "customer-managed" };
  if (chosen.mode !== "customer-managed") return chosen;
  return {
    mode: "customer-managed",
    keyVaultName: chosen.keyVaultName ?? defaultKeyVaultName(clusterName),
    keyName: chosen.keyName ?? "disk-encryption",
    allowedIpRanges: chosen.allowedIpRanges ?? [],
  };
}

/** Drops keys whose value is `undefined`, so a spread keeps the default there. */
function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * `settings` with every default filled in; `defaultName` is used when `settings.name` is not set.
 * Nested objects merge field by field (`systemNodePool: { vmSize }` keeps the other pool defaults);
 * arrays and `diskEncryption` replace the default whole.
 */
export function resolveClusterSettings(settings: ClusterSettings, defaultName: string): ResolvedClusterSettings {
  const name = settings.name ?? defaultName;
  return {
    name,
    dnsPrefix: settings.dnsPrefix ?? name,
    kubernetesVersion: settings.kubernetesVersion ?? null,
    skuTier: settings.skuTier ?? "Standard",
    zones: settings.zones ?? ["1", "2", "3"],
    automaticUpgradeChannel: settings.automaticUpgradeChannel ?? "patch",
    nodeOsUpgradeChannel: settings.nodeOsUpgradeChannel ?? "NodeImage",
    maintenanceWindow: { dayOfWeek: "Sunday", startTime: "02:00", utcOffset: "+00:00", durationHours: 4, ...definedOnly(settings.maintenanceWindow) },
    azurePolicyEnabled: settings.azurePolicyEnabled ?? true,
    systemNodePool: { ...SYSTEM_POOL, ...definedOnly(settings.systemNodePool) },
    userNodePool: { ...USER_POOL, ...definedOnly(settings.userNodePool) },
    network: { ...NETWORK, ...definedOnly(settings.network) },
    monitoring: { retentionInDays: 90, dailyQuotaGb: -1, ...definedOnly(settings.monitoring) },
    keda: resolveKedaSettings(settings.keda),
    virtualNodes: { enabled: false, subnetPrefix: "10.225.0.0/16", ...definedOnly(settings.virtualNodes) },
    keyVaultSecretsProvider: { enabled: true, secretRotationInterval: "2m", ...definedOnly(settings.keyVaultSecretsProvider) },
    diskEncryption: resolveDiskEncryption(settings.diskEncryption, name),
    adminObjectIds: settings.adminObjectIds ?? [],
  };
}
