// The public API of the cluster constructs; render helpers and rule tables stay internal.
export * from "./settings";
export * from "./aks-cluster";
export * from "./cluster-endpoint";
export * from "./kubelogin";
export * from "./keda-installation";
export { ClusterAccessGate, type ClusterAccessGateProps } from "./cluster-access-gate";
export * from "./cluster-admins";
export * from "./container-insights";
export * from "./customer-managed-disk-key";
export type { ResolvedClusterSettings, ResolvedKedaSettings, ResolvedDiskEncryption, ResolvedCustomerManagedDiskEncryption } from "./defaults";
