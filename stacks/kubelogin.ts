/** Application id of the AKS AAD server: the audience of every kubelogin token. */
export const AKS_AAD_SERVER_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";

/**
 * How kubelogin gets an Entra token for the cluster. `azurecli` reuses `az login`
 * (laptops); `workloadidentity` and `spn` read the standard AZURE_* environment
 * variables (Terraform Cloud runs, CI).
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
