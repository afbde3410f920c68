// The public API of the cluster constructs; render helpers, rule tables, and the building blocks
// that AksCluster composes without exposing them (admins, Container Insights, kubelogin's exec
// block and the constants they use) stay internal and are imported by path.
export * from "./settings";
export * from "./aks-cluster";
export { ClusterEndpoint } from "./cluster-endpoint";
export type { ClusterEndpointAttributes, IClusterEndpoint, KubeloginConnection, ServiceAccountRef } from "./cluster-endpoint";
export { KUBELOGIN_MODES } from "./kubelogin";
export type { KubeloginExec, KubeloginMode } from "./kubelogin";
export { KedaInstallation } from "./keda-installation";
export type { KedaInstallationProps } from "./keda-installation";
export { ClusterAccessGate } from "./cluster-access-gate";
export type { ClusterAccessGateProps } from "./cluster-access-gate";
export { CustomerManagedDiskKey } from "./customer-managed-disk-key";
export type { CustomerManagedDiskKeyProps } from "./customer-managed-disk-key";
export type { ResolvedClusterSettings, ResolvedKedaSettings, ResolvedDiskEncryption, ResolvedCustomerManagedDiskEncryption } from "./defaults";
