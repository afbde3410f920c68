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
export const KUBELOGIN_MODES = ["azurecli", "workloadidentity", "spn"] as const;
/** One of {@link KUBELOGIN_MODES}. */
export type KubeloginMode = (typeof KUBELOGIN_MODES)[number];

/** The `exec` credential plugin block the kubernetes and helm providers (and `ClusterAccessGate`) run. */
export interface KubeloginExec {
  readonly apiVersion: string;
  readonly command: string;
  readonly args: string[];
}

/** The `kubelogin get-token` exec block for `mode`: the same for every client of the cluster. */
export function kubeloginExec(mode: KubeloginMode): KubeloginExec {
  return {
    apiVersion: "client.authentication.k8s.io/v1beta1",
    command: "kubelogin",
    args: ["get-token", "--login", mode, "--server-id", AKS_AAD_SERVER_ID],
  };
}
