/** AKS control-plane tiers: `Free` has no SLA; `Standard` and `Premium` have an uptime SLA. */
export const CLUSTER_SKU_TIERS = ["Free", "Standard", "Premium"] as const;
/** One of {@link CLUSTER_SKU_TIERS}. */
export type ClusterSkuTier = (typeof CLUSTER_SKU_TIERS)[number];
/** How AKS moves the Kubernetes version forward (`none`: only when you change it). */
export const AUTOMATIC_UPGRADE_CHANNELS = ["patch", "stable", "rapid", "node-image", "none"] as const;
/** One of {@link AUTOMATIC_UPGRADE_CHANNELS}. */
export type AutomaticUpgradeChannel = (typeof AUTOMATIC_UPGRADE_CHANNELS)[number];
/** How node OS images and security patches are applied. */
export const NODE_OS_UPGRADE_CHANNELS = ["NodeImage", "SecurityPatch", "Unmanaged", "None"] as const;
/** One of {@link NODE_OS_UPGRADE_CHANNELS}. */
export type NodeOsUpgradeChannel = (typeof NODE_OS_UPGRADE_CHANNELS)[number];
/**
 * Azure CNI flavour. `overlay`: pods get addresses from `podCidr`, outside the VNet (the default and
 * the cheapest in addresses). `vnet`: pods get addresses in the node subnet (flat Azure CNI), which
 * virtual nodes need.
 */
export const NETWORK_MODES = ["overlay", "vnet"] as const;
/** One of {@link NETWORK_MODES}. */
export type NetworkMode = (typeof NETWORK_MODES)[number];
/** Data planes of Azure CNI: the Azure one, or Cilium's eBPF data plane (which goes with the Cilium policy engine). */
export const NETWORK_DATA_PLANES = ["azure", "cilium"] as const;
/** One of {@link NETWORK_DATA_PLANES}. */
export type NetworkDataPlane = (typeof NETWORK_DATA_PLANES)[number];
/** Engines that enforce Kubernetes NetworkPolicies; `cilium` needs the Cilium data plane. */
export const NETWORK_POLICY_ENGINES = ["azure", "calico", "cilium"] as const;
/** One of {@link NETWORK_POLICY_ENGINES}. */
export type NetworkPolicyEngine = (typeof NETWORK_POLICY_ENGINES)[number];
/** Node images: Azure Linux (small, CIS-hardened) or Ubuntu. */
export const NODE_OS_SKUS = ["AzureLinux", "Ubuntu"] as const;
/** One of {@link NODE_OS_SKUS}. */
export type NodeOsSku = (typeof NODE_OS_SKUS)[number];
/**
 * Where a node's OS disk lives. `Ephemeral`: on the VM's local cache or temp disk (no managed-disk
 * charge, faster reimage and scale-out, nothing persists at rest); the VM size needs a local disk at
 * least `osDiskSizeGb` large (e.g. `Standard_D4ds_v5`: 150 GiB; the `Dsv5` sizes have none).
 * `Managed`: a managed disk, for VM sizes without local storage.
 */
export const OS_DISK_TYPES = ["Ephemeral", "Managed"] as const;
/** One of {@link OS_DISK_TYPES}. */
export type OsDiskType = (typeof OS_DISK_TYPES)[number];
/** Days a maintenance window may start on. */
export const WEEK_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
/** One of {@link WEEK_DAYS}. */
export type WeekDay = (typeof WEEK_DAYS)[number];

interface NodePoolCommon {
  /** 1-12 lowercase letters and digits, starting with a letter. @default "system" / "user" */
  readonly name?: string;
  /** VM size; needs a local disk for `Ephemeral` OS disks. @default "Standard_D4ds_v5" (4 vCPUs, 150 GiB local disk) */
  readonly vmSize?: string;
  /** Pods per node (10-250); also sizes the subnet when `network.mode` is `vnet`. @default 110 */
  readonly maxPods?: number;
  /** @default "AzureLinux" (small attack surface, CIS-hardened image) */
  readonly osSku?: NodeOsSku;
  /**
   * Name of the temporary pool AKS creates when a change (e.g. `vmSize`) needs the pool rebuilt;
   * without it such changes fail instead of rotating the nodes. @default "systemtmp" / "usertmp"
   */
  readonly temporaryNameForRotation?: string;
  /** Extra nodes during an upgrade, e.g. `"33%"` or `"1"`. @default "33%" */
  readonly maxSurge?: string;
  /** @default "Ephemeral" (nothing persists at rest on the node's OS disk) */
  readonly osDiskType?: OsDiskType;
  /** OS disk size in GiB; for `Ephemeral` it must fit the VM size's local disk. @default 128 */
  readonly osDiskSizeGb?: number;
  /**
   * Encryption at host: temp disks, caches and ephemeral OS disks are encrypted on the VM host too.
   * Free, but the subscription needs the `Microsoft.Compute/EncryptionAtHost` feature registered once
   * (see docs/deploy.md) and the VM size must support it (all `Dsv5`/`Ddsv5` sizes do). Changing it
   * rotates the pool's nodes. @default true
   */
  readonly hostEncryptionEnabled?: boolean;
}

/** The system pool: runs only critical add-ons (`CriticalAddonsOnly` taint). */
export interface SystemNodePoolSettings extends NodePoolCommon {
  /** @default 3 (one per availability zone) */
  readonly nodeCount?: number;
}

/** The user pool the workloads run on, sized by the cluster autoscaler. */
export interface UserNodePoolSettings extends NodePoolCommon {
  /** @default 3 */
  readonly minCount?: number;
  /** @default 20 */
  readonly maxCount?: number;
}

/** The cluster's VNet, address ranges, Azure CNI flavour, policy engine and API server exposure. */
export interface ClusterNetworkSettings {
  /** @default "overlay" */
  readonly mode?: NetworkMode;
  /** @default "cilium" (eBPF data plane; goes with policy "cilium") */
  readonly dataPlane?: NetworkDataPlane;
  /** @default "cilium" */
  readonly policy?: NetworkPolicyEngine;
  /** Address space of the cluster's VNet. @default "10.224.0.0/12" */
  readonly vnetAddressSpace?: string;
  /** Subnet of the nodes (and, in `vnet` mode, of the pods), inside `vnetAddressSpace`. @default "10.224.0.0/16" */
  readonly nodeSubnetPrefix?: string;
  /** Pod addresses in `overlay` mode; must not overlap the VNet or the service range. @default "10.244.0.0/16" */
  readonly podCidr?: string;
  /** Kubernetes Service addresses; must not overlap the VNet or the pod range. @default "10.0.0.0/16" */
  readonly serviceCidr?: string;
  /** Cluster DNS address, inside `serviceCidr`. @default "10.0.0.10" */
  readonly dnsServiceIp?: string;
  /**
   * CIDRs allowed to reach the public API server, e.g. CI runners' and offices' egress ranges;
   * `[]` leaves it open to Entra-authenticated clients. Not with `privateClusterEnabled` or virtual nodes.
   * @default []
   */
  readonly apiServerAuthorizedIpRanges?: readonly string[];
  /**
   * The API server gets a private IP in the VNet and no public endpoint. Terraform (the workload and
   * add-ons stacks), `kubectl` and CI must then run from inside the VNet or a peered network (a
   * self-hosted runner or Terraform Cloud agent). ForceNew: changing it replaces the cluster.
   * @default true
   */
  readonly privateClusterEnabled?: boolean;
}

/** A weekly window for control-plane and node OS upgrades. */
export interface MaintenanceWindowSettings {
  /** @default "Sunday" */
  readonly dayOfWeek?: WeekDay;
  /** `HH:mm`. @default "02:00" */
  readonly startTime?: string;
  /** `+HH:MM` / `-HH:MM`. @default "+00:00" */
  readonly utcOffset?: string;
  /** 4-24 hours. @default 4 */
  readonly durationHours?: number;
}

/** Container Insights: a Log Analytics workspace the monitoring agent writes to with its managed identity. */
export interface MonitoringSettings {
  /** 30-730 days. @default 90 */
  readonly retentionInDays?: number;
  /** Daily ingestion cap in GB; -1 for none. @default -1 (no cap: no audit data is dropped) */
  readonly dailyQuotaGb?: number;
}

/**
 * Where KEDA comes from. Exactly one of `addOn` (AKS-managed, version fixed by the AKS minor) and
 * `helm` (the `kedacore/keda` chart, any version, tunable) must be on.
 */
export interface KedaSettings {
  /** @default true */
  readonly addOn?: boolean;
  readonly helm?: {
    /** @default false */
    readonly enabled?: boolean;
    /** Exact chart version of `kedacore/keda`. @default "2.20.2" */
    readonly chartVersion?: string;
    /** @default "keda" */
    readonly namespace?: string;
  };
  /** The KEDA HTTP add-on chart (`kedacore/keda-add-ons-http`, alpha upstream): HTTP scale to zero. */
  readonly httpAddOn?: {
    /** @default false */
    readonly enabled?: boolean;
    /** @default "0.15.0" */
    readonly chartVersion?: string;
  };
}

/** Virtual nodes: pods burst to Azure Container Instances through the ACI connector add-on. */
export interface VirtualNodesSettings {
  /** @default false */
  readonly enabled?: boolean;
  /** Subnet delegated to ACI, inside the VNet, not overlapping the node subnet. @default "10.225.0.0/16" */
  readonly subnetPrefix?: string;
}

/** The Secrets Store CSI driver with the Azure Key Vault provider (AKS add-on). */
export interface KeyVaultSecretsProviderSettings {
  /** @default true */
  readonly enabled?: boolean;
  /** How often mounted secrets are re-read from Key Vault, a Go duration such as `"2m"` or `"1h"`. @default "2m" */
  readonly secretRotationInterval?: string;
}

/** How the nodes' disks are encrypted at rest; see {@link DiskEncryptionSettings}. */
export const DISK_ENCRYPTION_MODES = ["platform-managed", "existing-set", "customer-managed"] as const;
/** One of {@link DISK_ENCRYPTION_MODES}. */
export type DiskEncryptionMode = (typeof DISK_ENCRYPTION_MODES)[number];

/**
 * The key of the nodes' OS and data disks:
 * - `platform-managed`: a key Azure owns and rotates (no cost, nothing to manage).
 * - `existing-set`: a disk encryption set you manage elsewhere, by resource id. Its Key Vault must have
 *   soft delete and purge protection, and its identity "Key Vault Crypto Service Encryption User" on the key.
 * - `customer-managed`: the cluster creates the whole chain in the cluster's resource group: a Key
 *   Vault (Azure RBAC, purge protection, 90-day soft delete, `prevent_destroy`), an RSA key with a yearly
 *   rotation policy (`prevent_destroy`), and a disk encryption set that follows the key's newest version.
 * Virtual nodes do not support customer-managed disk keys.
 */
export type DiskEncryptionSettings =
  | { readonly mode: "platform-managed" }
  | { readonly mode: "existing-set"; /** `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/diskEncryptionSets/<name>` */ readonly diskEncryptionSetId: string }
  | CustomerManagedDiskEncryptionSettings;

/** A Key Vault, key and disk encryption set created with the cluster. */
export interface CustomerManagedDiskEncryptionSettings {
  readonly mode: "customer-managed";
  /**
   * Name of the new Key Vault: 3-24 letters, digits and single '-', starting with a letter and ending
   * with a letter or digit; globally unique, and unavailable for the soft-delete period after deletion.
   * @default "kv-" + the cluster name (non-alphanumerics as '-', cut to 24 characters)
   */
  readonly keyVaultName?: string;
  /** Name of the key in the vault (1-127 letters, digits and '-'). @default "disk-encryption" */
  readonly keyName?: string;
  /**
   * Public IPv4 ranges (CIDR) allowed through the vault's firewall besides trusted Azure services (the
   * disk encryption set reaches the key as one). Terraform creates and reads the key over the vault's
   * data plane on every plan, so the deploying machine's egress address must be listed. `[]` leaves
   * the public endpoint open to Entra-authenticated callers; Azure RBAC still admits only the deployer
   * (Crypto Officer) and the set's identity. @default []
   */
  readonly allowedIpRanges?: readonly string[];
}

/**
 * Everything about the cluster an environment chooses. Every setting is optional: the defaults are
 * the secure production choices (paid SLA tier, three zones, private API server, Cilium, customer-managed
 * disk key, ephemeral encrypted-at-host OS disks); a cheaper environment lists only what it relaxes.
 */
export interface ClusterSettings {
  /** 1-63 letters, digits, '_' and '-'. @default the construct's path, '/' as '-' (e.g. `app-aks`) */
  readonly name?: string;
  /** @default the cluster name */
  readonly dnsPrefix?: string;
  /** `MAJOR.MINOR`, or `null` for the AKS default; the upgrade channel keeps it current. @default null */
  readonly kubernetesVersion?: string | null;
  /** @default "Standard" (uptime SLA) */
  readonly skuTier?: ClusterSkuTier;
  /** Availability zones of the node pools, e.g. `["1","2","3"]`; `[]` where the region has none. @default ["1", "2", "3"] */
  readonly zones?: readonly string[];
  /** @default "patch" */
  readonly automaticUpgradeChannel?: AutomaticUpgradeChannel;
  /** @default "NodeImage" */
  readonly nodeOsUpgradeChannel?: NodeOsUpgradeChannel;
  /** @default Sundays 02:00-06:00 UTC */
  readonly maintenanceWindow?: MaintenanceWindowSettings;
  /** The Azure Policy add-on (Gatekeeper) that enforces the built-in pod security policies. @default true */
  readonly azurePolicyEnabled?: boolean;
  /** @default 3 × Standard_D4ds_v5, see {@link SystemNodePoolSettings} */
  readonly systemNodePool?: SystemNodePoolSettings;
  /** @default 3-20 × Standard_D4ds_v5, see {@link UserNodePoolSettings} */
  readonly userNodePool?: UserNodePoolSettings;
  /** @default Azure CNI overlay with Cilium, private API server, see {@link ClusterNetworkSettings} */
  readonly network?: ClusterNetworkSettings;
  /** @default 90 days' retention, no daily cap */
  readonly monitoring?: MonitoringSettings;
  /** @default the AKS KEDA add-on, no HTTP add-on */
  readonly keda?: KedaSettings;
  /** @default off */
  readonly virtualNodes?: VirtualNodesSettings;
  /**
   * Key Vault CSI secrets provider; when on, secret rotation is always on, so a rotated secret reaches
   * the pods without a restart. @default on, rotation every 2 minutes
   */
  readonly keyVaultSecretsProvider?: KeyVaultSecretsProviderSettings;
  /**
   * Which key encrypts the nodes' OS and data disks at rest. ForceNew: AKS takes a disk encryption
   * set only when the cluster is created, so decide before the first apply.
   * @default { mode: "customer-managed" } (a Key Vault, key and disk encryption set created with the cluster)
   */
  readonly diskEncryption?: DiskEncryptionSettings;
  /**
   * Entra object ids (users, groups, service principals) that hold "Azure Kubernetes Service RBAC
   * Cluster Admin" on the cluster, besides whoever runs apply. List every identity that deploys
   * (the CI service principal, your team's group): each listed assignment is its own Terraform
   * instance keyed by the object id, so no other identity's apply replaces or removes it. An
   * identity that applies without being listed gets an assignment that lasts until another
   * identity applies. @default []
   */
  readonly adminObjectIds?: readonly string[];
}
