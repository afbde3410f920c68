import { Fn } from "cdktf";

/** Application id of the AKS AAD server: the audience of every kubelogin token. */
export const AKS_AAD_SERVER_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";

/**
 * How kubelogin gets an Entra token for the cluster (local accounts are disabled, so there is no
 * static kubeconfig to fall back on):
 * - `azurecli` reuses `az login` (laptops, local execution);
 * - `spn` reads a service principal from the environment (`AAD_SERVICE_PRINCIPAL_CLIENT_ID` /
 *   `AAD_SERVICE_PRINCIPAL_CLIENT_SECRET`, or `AZURE_CLIENT_ID` / `AZURE_CLIENT_SECRET`, plus
 *   `AZURE_TENANT_ID`): CI and Terraform Cloud workspaces with a secret variable;
 * - `workloadidentity` exchanges a federated token (`AZURE_CLIENT_ID`, `AZURE_TENANT_ID`,
 *   `AZURE_FEDERATED_TOKEN_FILE`): agents and runners with OIDC federation, no secret at all.
 * See docs/deploy.md.
 */
export type KubeloginMode = "azurecli" | "workloadidentity" | "spn";

/** The `exec` block shared by the kubernetes and helm providers. */
export function kubeloginExec(mode: KubeloginMode) {
  return {
    apiVersion: "client.authentication.k8s.io/v1beta1",
    command: "kubelogin",
    args: ["get-token", "--login", mode, "--server-id", AKS_AAD_SERVER_ID],
  };
}

/** The API server a provider connects to: host and base64 CA, as the cluster stack exports them. */
export interface ClusterEndpoint {
  readonly host: string;
  readonly clusterCaCertificate: string;
}

/** Connection settings for the kubernetes provider and the helm provider's `kubernetes` attribute. */
export function kubeloginConnection(endpoint: ClusterEndpoint, mode: KubeloginMode) {
  return {
    host: endpoint.host,
    clusterCaCertificate: Fn.base64decode(endpoint.clusterCaCertificate),
    exec: kubeloginExec(mode),
  };
}
