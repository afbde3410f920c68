import { Construct } from "constructs";
import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformOutput } from "cdktf";
import { RegistryConfig } from "../config/environment";
import { AzureStack, AzureStackProps } from "./azure-stack";

export interface RegistryStackProps extends AzureStackProps {
  readonly registry: RegistryConfig;
}

/** The container registry the function images are pushed to and the cluster pulls from. */
export class RegistryStack extends AzureStack {
  readonly registry: ContainerRegistry;
  /** Resource id of the registry (the scope of the cluster's AcrPull role). */
  readonly registryId: string;
  /** `<name>.azurecr.io`: the prefix of every image reference. */
  readonly loginServer: string;

  constructor(scope: Construct, id: string, props: RegistryStackProps) {
    super(scope, id, props);
    const group = new ResourceGroup(this, "resource-group", {
      name: props.registry.resourceGroupName,
      location: this.location,
      tags: this.tags,
    });
    this.registry = new ContainerRegistry(this, "registry", {
      name: props.registry.name,
      resourceGroupName: group.name,
      location: group.location,
      sku: props.registry.sku,
      // Pulls use the kubelet identity and pushes an Entra token: no shared admin password.
      adminEnabled: false,
      anonymousPullEnabled: false,
      tags: this.tags,
      lifecycle: { preventDestroy: true },
    });
    this.registryId = this.registry.id;
    this.loginServer = this.registry.loginServer;

    new TerraformOutput(this, "registry_id", { value: this.registry.id });
    new TerraformOutput(this, "login_server", { value: this.registry.loginServer });
  }
}
