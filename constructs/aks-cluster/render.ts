import {
  KubernetesClusterApiServerAccessProfile,
  KubernetesClusterKeyVaultSecretsProvider,
  KubernetesClusterMaintenanceWindowAutoUpgrade,
  KubernetesClusterNetworkProfile,
} from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { ClusterNetworkSettings, KeyVaultSecretsProviderSettings, MaintenanceWindowSettings, SystemNodePoolSettings, UserNodePoolSettings } from "./settings";

/** Azure CNI (overlay or flat), the chosen policy engine, and a standard load balancer for egress. */
export function networkProfile(network: ClusterNetworkSettings): KubernetesClusterNetworkProfile {
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
export function apiServerAccessProfile(network: ClusterNetworkSettings): KubernetesClusterApiServerAccessProfile | undefined {
  return network.apiServerAuthorizedIpRanges.length > 0 ? { authorizedIpRanges: [...network.apiServerAuthorizedIpRanges] } : undefined;
}

/** The weekly window; the same shape serves the auto-upgrade and the node OS windows. */
export function weeklyWindow(window: MaintenanceWindowSettings): KubernetesClusterMaintenanceWindowAutoUpgrade {
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
export function keyVaultSecretsProvider(settings: KeyVaultSecretsProviderSettings): KubernetesClusterKeyVaultSecretsProvider | undefined {
  return settings.enabled ? { secretRotationEnabled: true, secretRotationInterval: settings.secretRotationInterval } : undefined;
}

/** A pool's OS disk arguments; the same names serve the default pool and extra pools. */
export function osDisk(pool: SystemNodePoolSettings | UserNodePoolSettings): {
  osDiskType: string;
  osDiskSizeGb: number;
  hostEncryptionEnabled: boolean;
} {
  return { osDiskType: pool.osDiskType, osDiskSizeGb: pool.osDiskSizeGb, hostEncryptionEnabled: pool.hostEncryptionEnabled };
}
