import { Construct } from "constructs";
import { TerraformOutput } from "cdktf";
import { suppressPolicy } from "../constructs/policy/policy-pack";
import { RegistryConfig } from "../config/environment";
import { ContainerRegistry } from "../constructs/container-registry";
import { AzureStack, AzureStackProps } from "./azure-stack";

/** Props of {@link RegistryStack}: the stack's region, tags and backend, and the environment's registry config. */
export interface RegistryStackProps extends AzureStackProps {
  /** The registry's names, its differences from ContainerRegistry's defaults, and its accepted risks. */
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
    const { resourceGroupName, policyExceptions, ...settings } = props.registry;
    // "Default" is left out of Terraform logical ids: the registry and its group keep the addresses
    // they had when this stack created them itself, so existing state needs no moves.
    this.registry = new ContainerRegistry(this, "Default", { ...settings, resourceGroupName, location: this.location, tags: this.tags });
    for (const exception of policyExceptions) {
      for (const check of exception.ids) suppressPolicy(this.registry.resource, check, exception.reason);
    }
    this.registryId = this.registry.registryId;
    this.loginServer = this.registry.loginServer;

    new TerraformOutput(this, "registry_id", { value: this.registry.registryId });
    new TerraformOutput(this, "login_server", {
      value: this.registry.loginServer,
      description: "Registry host; push with `az acr login --name <registry>` then docker push, or build with `az acr build`.",
    });
    new TerraformOutput(this, "registry_name", { value: this.registry.registryName });
  }
}
