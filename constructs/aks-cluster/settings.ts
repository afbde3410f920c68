/** AKS control-plane tiers: `Free` has no SLA; `Standard` and `Premium` have an uptime SLA. */
export type ClusterSkuTier = "Free" | "Standard" | "Premium";
/** How AKS moves the Kubernetes version forward (`none`: only when you change it). */
export type AutomaticUpgradeChannel = "patch" | "stable" | "rapid" | "node-image" | "none";
/** How node OS images and security patches are applied. */
export type NodeOsUpgradeChannel = "NodeImage" | "SecurityPatch" | "Unmanaged" | "None";
/**
 * Azure CNI flavour. `overlay`: pods get addresses from `podCidr`, outside the VNet (the default and
 * the cheapest in addresses). `vnet`: pods get addresses in the node subnet (flat Azure CNI), which
 * virtual nodes need.
 */
export type NetworkMode = "overlay" | "vnet";
export type NetworkDataPlane = "azure" | "cilium";
export type NetworkPolicyEngine = "azure" | "calico" | "cilium";
export type NodeOsSku = "AzureLinux" | "Ubuntu";
export type WeekDay = "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday";

interface NodePoolCommon {
  /** 1-12 lowercase letters and digits, starting with a letter. */
  readonly name: string;
  readonly vmSize: string;
  /** Pods per node (10-250); also sizes the subnet when `network.mode` is `vnet`. */
  readonly maxPods: number;
  readonly osSku: NodeOsSku;
  /**
   * Name of the temporary pool AKS creates when a change (e.g. `vmSize`) needs the pool rebuilt;
   * without it such changes fail instead of rotating the nodes.
   */
  readonly temporaryNameForRotation: string;
  /** Extra nodes during an upgrade, e.g. `"33%"` or `"1"`. */
  readonly maxSurge: string;
}

/** The system pool: runs only critical add-ons (`CriticalAddonsOnly` taint). */
export interface SystemNodePoolSettings extends NodePoolCommon {
  readonly nodeCount: number;
}

/** The user pool the workloads run on, sized by the cluster autoscaler. */
export interface UserNodePoolSettings extends NodePoolCommon {
  readonly minCount: number;
  readonly maxCount: number;
}

export interface ClusterNetworkSettings {
  readonly mode: NetworkMode;
  readonly dataPlane: NetworkDataPlane;
  readonly policy: NetworkPolicyEngine;
  /** Address space of the cluster's VNet, e.g. `10.224.0.0/12`. */
  readonly vnetAddressSpace: string;
  /** Subnet of the nodes (and, in `vnet` mode, of the pods), inside `vnetAddressSpace`. */
  readonly nodeSubnetPrefix: string;
  /** Pod addresses in `overlay` mode; must not overlap the VNet or the service range. */
  readonly podCidr: string;
  /** Kubernetes Service addresses; must not overlap the VNet or the pod range. */
  readonly serviceCidr: string;
  /** Cluster DNS address, inside `serviceCidr`. */
  readonly dnsServiceIp: string;
  /** CIDRs allowed to reach the API server; `[]` leaves it open to Entra-authenticated clients. */
  readonly apiServerAuthorizedIpRanges: readonly string[];
}

/** A weekly window for control-plane and node OS upgrades. */
export interface MaintenanceWindowSettings {
  readonly dayOfWeek: WeekDay;
  /** `HH:mm`. */
  readonly startTime: string;
  /** `+HH:MM` / `-HH:MM`. */
  readonly utcOffset: string;
  /** 4-24 hours. */
  readonly durationHours: number;
}

/** Container Insights: a Log Analytics workspace the monitoring agent writes to with its managed identity. */
export interface MonitoringSettings {
  /** 30-730 days. */
  readonly retentionInDays: number;
  /** Daily ingestion cap in GB; -1 for none. */
  readonly dailyQuotaGb: number;
}

/**
 * Where KEDA comes from. Exactly one of `addOn` (AKS-managed, version fixed by the AKS minor) and
 * `helm` (the `kedacore/keda` chart, any version, tunable) must be on.
 */
export interface KedaSettings {
  readonly addOn: boolean;
  readonly helm: {
    readonly enabled: boolean;
    /** Exact chart version of `kedacore/keda`, e.g. `2.20.2`. */
    readonly chartVersion: string;
    readonly namespace: string;
  };
  /** The KEDA HTTP add-on chart (`kedacore/keda-add-ons-http`, alpha upstream): HTTP scale to zero. */
  readonly httpAddOn: {
    readonly enabled: boolean;
    readonly chartVersion: string;
  };
}

/** Virtual nodes: pods burst to Azure Container Instances through the ACI connector add-on. */
export interface VirtualNodesSettings {
  readonly enabled: boolean;
  /** Subnet delegated to ACI, inside the VNet, not overlapping the node subnet. */
  readonly subnetPrefix: string;
}

/** Everything about the cluster that an environment chooses. */
export interface ClusterSettings {
  /** 1-63 letters, digits, '_' and '-'. */
  readonly name: string;
  readonly dnsPrefix: string;
  /** `MAJOR.MINOR` or `null` for the AKS default; the upgrade channel keeps it current. */
  readonly kubernetesVersion: string | null;
  readonly skuTier: ClusterSkuTier;
  /** Availability zones of the node pools, e.g. `["1","2","3"]`; `[]` where the region has none. */
  readonly zones: readonly string[];
  readonly automaticUpgradeChannel: AutomaticUpgradeChannel;
  readonly nodeOsUpgradeChannel: NodeOsUpgradeChannel;
  readonly maintenanceWindow: MaintenanceWindowSettings;
  /** The Azure Policy add-on (Gatekeeper) that enforces the built-in pod security policies. */
  readonly azurePolicyEnabled: boolean;
  readonly systemNodePool: SystemNodePoolSettings;
  readonly userNodePool: UserNodePoolSettings;
  readonly network: ClusterNetworkSettings;
  readonly monitoring: MonitoringSettings;
  readonly keda: KedaSettings;
  readonly virtualNodes: VirtualNodesSettings;
}
