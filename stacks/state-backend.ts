import { AzurermBackend, CloudBackend, LocalBackend, NamedCloudWorkspace, TerraformStack } from "cdktf";
import { StateBackendConfig } from "../config/environment";

/**
 * Gives `stack` the backend the environment chose. Every choice yields one state per stack, and
 * no credential ever appears in the block:
 * - local: a path relative to the stack's working directory (`cdktf.out/stacks/<id>`), so the
 *   JSON does not embed the synth machine's absolute path and state files land in the project root;
 * - azurerm: Entra ID auth (`use_azuread_auth`), key `<keyPrefix><stack>.tfstate`;
 * - cloud: one named workspace per stack. Named, not tagged: cross-stack references read the
 *   producer's state through `terraform_remote_state`, which needs a workspace name.
 */
export function addStateBackend(stack: TerraformStack, stackId: string, backend: StateBackendConfig): void {
  switch (backend.type) {
    case "local":
      new LocalBackend(stack, { path: `../../../terraform.${stackId}.tfstate` });
      return;
    case "azurerm":
      new AzurermBackend(stack, {
        resourceGroupName: backend.resourceGroupName,
        storageAccountName: backend.storageAccountName,
        containerName: backend.containerName,
        key: `${backend.keyPrefix ?? ""}${stackId}.tfstate`,
        useAzureadAuth: true,
      });
      return;
    case "cloud":
      new CloudBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedCloudWorkspace(`${backend.workspacePrefix}${stackId}`, backend.project),
      });
      return;
  }
}
