import {
  KubernetesClusterApiServerAccessProfile,
  KubernetesClusterKeyVaultSecretsProvider,
  KubernetesClusterMaintenanceWindowAutoUpgrade,
  KubernetesClusterNetworkProfile,
} from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { ResolvedClusterSettings } from "./defaults";

// Pure functions from resolved settings to provider blocks: internal to AksCluster (not exported
// from the package), tested through the cluster they render.

type Network = ResolvedClusterSettings["network"];

/** Azure CNI (overlay or flat), the chosen policy engine, and a standard load balancer for egress. */
export function networkProfile(network: Network): KubernetesClusterNetworkProfile {
  const overlay = network.mode === "overlay";
  return {
    networkPlugin: "azure",
    networkPluginMode: overlay ? "overlay" : undefined,
    networkDataPlane: network.dataPlane,
    networkPolicy: network.policy,
    podCidr: overlay ? network.podCidr : undefined,
    serviceCidr: network.serviceCidr,
    dnsServiceIp: network.dnsServiceIp,
    outboundType: "loadBalancer",
    loadBalancerSku: "standard",
  };
}

/** Authorized IP ranges, or nothing (an empty block would still be a diff on every plan). */
export function apiServerAccessProfile(network: Network): KubernetesClusterApiServerAccessProfile | undefined {
  return network.apiServerAuthorizedIpRanges.length > 0 ? { authorizedIpRanges: [...network.apiServerAuthorizedIpRanges] } : undefined;
}

/** The weekly window; the same shape serves the auto-upgrade and the node OS windows. */
export function weeklyWindow(window: ResolvedClusterSettings["maintenanceWindow"]): KubernetesClusterMaintenanceWindowAutoUpgrade {
  return {
    frequency: "Weekly",
    interval: 1,
    dayOfWeek: window.dayOfWeek,
    startTime: window.startTime,
    utcOffset: window.utcOffset,
    duration: window.durationHours,
  };
}

/** `undefined` for `[]`: the provider treats an empty zone list and no zones differently on import. */
export function zonesOrUndefined(zones: readonly string[]): string[] | undefined {
  return zones.length > 0 ? [...zones] : undefined;
}

/** The Key Vault CSI add-on with secret rotation, or nothing when it is off. */
export function keyVaultSecretsProvider(settings: ResolvedClusterSettings["keyVaultSecretsProvider"]): KubernetesClusterKeyVaultSecretsProvider | undefined {
  return settings.enabled ? { secretRotationEnabled: true, secretRotationInterval: settings.secretRotationInterval } : undefined;
}

/** Where a cluster's pools go: the same for the default pool and every extra pool. */
export interface PoolPlacement {
  readonly zones: string[] | undefined;
  readonly vnetSubnetId: string;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * The arguments the default (system) pool and the user pool share; the names are the
 * same in `default_node_pool` and `azurerm_kubernetes_cluster_node_pool`.
 */
export function poolArguments(pool: ResolvedClusterSettings["systemNodePool" | "userNodePool"], placement: PoolPlacement) {
  return {
    name: pool.name,
    vmSize: pool.vmSize,
    temporaryNameForRotation: pool.temporaryNameForRotation,
    maxPods: pool.maxPods,
    osSku: pool.osSku,
    osDiskType: pool.osDiskType,
    osDiskSizeGb: pool.osDiskSizeGb,
    hostEncryptionEnabled: pool.hostEncryptionEnabled,
    zones: placement.zones,
    vnetSubnetId: placement.vnetSubnetId,
    nodePublicIpEnabled: false,
    upgradeSettings: { maxSurge: pool.maxSurge },
    tags: { ...placement.tags },
  };
}
