import { Construct } from "constructs";
import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformOutput } from "cdktf";
import { suppressPolicy } from "../constructs/policy/policy-pack";
import { RegistryConfig } from "../config/environment";
import { registryRules } from "../constructs/container-registry/rules";
import { validate } from "../constructs/core/validation";
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
    const config = props.registry;
    validate(this, "RegistryStack", { ...config, location: this.location }, registryRules);
    const premium = config.sku === "Premium";

    const group = new ResourceGroup(this, "resource-group", {
      name: config.resourceGroupName,
      location: this.location,
      tags: this.tags,
    });
    this.registry = new ContainerRegistry(this, "registry", {
      name: config.name,
      resourceGroupName: group.name,
      location: group.location,
      sku: config.sku,
      // Pulls use the kubelet identity and pushes an Entra token: no shared admin password.
      adminEnabled: false,
      anonymousPullEnabled: false,
      publicNetworkAccessEnabled: config.publicNetworkAccessEnabled,
      exportPolicyEnabled: config.exportPolicyEnabled,
      // The Premium-only arguments are left out below Premium: the provider rejects even `false`
      // for some of them on other SKUs, and the rule table has already refused a `true`.
      zoneRedundancyEnabled: premium ? config.zoneRedundancyEnabled : undefined,
      retentionPolicyInDays: premium && config.retentionDays > 0 ? config.retentionDays : undefined,
      quarantinePolicyEnabled: premium ? config.quarantinePolicyEnabled : undefined,
      trustPolicyEnabled: premium ? config.trustPolicyEnabled : undefined,
      dataEndpointEnabled: premium ? config.dataEndpointEnabled : undefined,
      georeplications: config.geoReplicationLocations.map((location) => ({
        location,
        zoneRedundancyEnabled: config.zoneRedundancyEnabled,
        tags: this.tags,
      })),
      tags: this.tags,
      lifecycle: { preventDestroy: true },
    });
    for (const exception of config.policyExceptions) {
      for (const id of exception.ids) suppressPolicy(this.registry, id, exception.reason);
    }
    this.registryId = this.registry.id;
    this.loginServer = this.registry.loginServer;

    new TerraformOutput(this, "registry_id", { value: this.registry.id });
    new TerraformOutput(this, "login_server", {
      value: this.registry.loginServer,
      description: "Registry host; push with `az acr login --name <registry>` then docker push, or build with `az acr build`.",
    });
    new TerraformOutput(this, "registry_name", { value: this.registry.name });
  }
}
