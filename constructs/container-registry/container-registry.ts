import { Construct, IConstruct } from "constructs";
import { Fn, Token } from "cdktf";
import { ContainerRegistry as AzurermContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import type { ResourceGroupRef } from "../core/resource-group";
import { isToken } from "../core/tokens";
import { validate } from "../core/validation";
import { grantRegistryRole, RegistryGrantee } from "./grant";
import { resolveRegistrySettings, ResolvedRegistrySettings } from "./resolve";
import { RegistrySettings } from "./settings";
import { importedRegistryRules, placementRules } from "./validation";

/** Region of a registry whose props name neither a location nor a resource group. */
export const DEFAULT_REGISTRY_LOCATION = "westeurope";

/**
 * A container registry as other constructs use it: where images go and whom to let pull them.
 * Both {@link ContainerRegistry} and {@link ContainerRegistry.fromAttributes} provide it.
 */
export interface IContainerRegistry extends IConstruct {
  /** ARM resource id; the scope of the registry's role assignments. */
  readonly registryId: string;
  /** Host of every image reference, e.g. `myacr.azurecr.io`. */
  readonly loginServer: string;
  /** The registry's name, e.g. for `az acr login --name`. */
  readonly registryName: string;
  /** Lets the grantee pull images (AcrPull), e.g. the AKS kubelet identity. */
  grantPull(grantee: RegistryGrantee): RoleAssignment;
  /** Lets the grantee push images (AcrPush), e.g. a CI identity. */
  grantPush(grantee: RegistryGrantee): RoleAssignment;
}

/** Props of {@link ContainerRegistry}: the registry's settings plus where it lives. */
export interface ContainerRegistryProps extends RegistrySettings {
  /** Azure region of the registry (its home replica). @default the location of `resourceGroup` when given, else "westeurope" */
  readonly location?: string;
  /** An existing resource group to use; none is created then. @default a new group named `resourceGroupName` */
  readonly resourceGroup?: ResourceGroupRef;
  /** Name of the resource group the construct creates (not allowed together with `resourceGroup`). @default "rg-" + the registry name */
  readonly resourceGroupName?: string;
  /** Tags of the registry, its replicas and the group it creates. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Refuse `terraform destroy` of the registry: deleting it deletes every image in it. Turning it off
   * is the explicit switch for throw-away registries.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/** What {@link ContainerRegistry.fromAttributes} needs to use a registry created elsewhere. */
export interface ContainerRegistryAttributes {
  /** ARM resource id: `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>`. */
  readonly registryId: string;
  /** Host of the registry, e.g. `myacr.azurecr.io` (taken as given: ACR can add a hash to it). */
  readonly loginServer: string;
}

/**
 * An Azure Container Registry with the secure production defaults: Premium, no public network
 * access, no admin user, no anonymous pull, zone redundant, 7-day retention of untagged manifests,
 * dedicated data endpoints, export refused, protected from `terraform destroy`.
 *
 * ```ts
 * const registry = new ContainerRegistry(this, "registry", { name: "acrorders", geoReplicationLocations: ["northeurope"] });
 * registry.grantPull(aksCluster.kubeletIdentity); // AcrPull for the nodes, created in the cluster's stack
 * ```
 */
export class ContainerRegistry extends Construct implements IContainerRegistry {
  /** Uses a registry that another stack or Terraform configuration created. */
  static fromAttributes(scope: Construct, id: string, attributes: ContainerRegistryAttributes): IContainerRegistry {
    return new ImportedContainerRegistry(scope, id, attributes);
  }

  readonly registryId: string;
  readonly loginServer: string;
  readonly registryName: string;
  /** Name of the registry's resource group. */
  readonly resourceGroupName: string;
  /** The settings as rendered, every default applied. */
  readonly settings: ResolvedRegistrySettings;
  /** The azurerm resource, for what the props do not cover (an escape hatch: prefer the props). */
  readonly resource: AzurermContainerRegistry;
  /** The group the construct created; undefined when `resourceGroup` was passed in. */
  readonly resourceGroup?: ResourceGroup;

  constructor(scope: Construct, id: string, props: ContainerRegistryProps = {}) {
    super(scope, id);
    const location = props.location ?? props.resourceGroup?.location ?? DEFAULT_REGISTRY_LOCATION;
    const settings = resolveRegistrySettings(props, { defaultName: `acr${this.node.addr.slice(2, 22)}`, location });
    const resourceGroupName = props.resourceGroup?.name ?? props.resourceGroupName ?? `rg-${settings.name}`;
    validate(this, "ContainerRegistry", { settings, props, resourceGroupName }, placementRules);
    this.settings = settings;
    const tags = props.tags ?? {};

    const group =
      props.resourceGroup ??
      (this.resourceGroup = new ResourceGroup(this, "resource-group", { name: resourceGroupName, location, tags }));
    this.resource = new AzurermContainerRegistry(this, "registry", {
      name: settings.name,
      resourceGroupName: group.name,
      // A group it created is always in `location`: referencing it orders the two in Terraform's graph.
      location: props.resourceGroup === undefined ? group.location : (props.location ?? group.location),
      sku: settings.sku,
      // Pulls use Entra identities (grantPull) and pushes an Entra token: no shared admin password.
      adminEnabled: false,
      anonymousPullEnabled: false,
      publicNetworkAccessEnabled: settings.publicNetworkAccessEnabled,
      exportPolicyEnabled: settings.exportPolicyEnabled,
      ...premiumArguments(settings),
      georeplications: settings.geoReplicationLocations.map((replica) => ({
        location: replica,
        zoneRedundancyEnabled: settings.zoneRedundancyEnabled,
        tags,
      })),
      tags,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    this.registryId = this.resource.id;
    this.loginServer = this.resource.loginServer;
    this.registryName = this.resource.name;
    this.resourceGroupName = group.name;
  }

  grantPull(grantee: RegistryGrantee): RoleAssignment {
    return grantRegistryRole(this, this.registryId, "AcrPull", "acr-pull", grantee);
  }

  grantPush(grantee: RegistryGrantee): RoleAssignment {
    return grantRegistryRole(this, this.registryId, "AcrPush", "acr-push", grantee);
  }
}

/**
 * The Premium-only arguments. Below Premium they are left out: the provider rejects even `false`
 * for some of them on other SKUs, and the rule table has already refused a `true`. With a sku that
 * is a token only what is turned on is sent, since the tier is unknown until apply.
 */
function premiumArguments(s: ResolvedRegistrySettings) {
  const premium = s.sku === "Premium";
  const when = <T>(value: T, on: boolean) => (premium || (isToken(s.sku) && on) ? value : undefined);
  const retentionOn = isToken(s.retentionDays) || s.retentionDays > 0;
  return {
    zoneRedundancyEnabled: when(s.zoneRedundancyEnabled, s.zoneRedundancyEnabled),
    retentionPolicyInDays: retentionOn ? when(s.retentionDays, true) : undefined,
    quarantinePolicyEnabled: when(s.quarantinePolicyEnabled, s.quarantinePolicyEnabled),
    trustPolicyEnabled: when(s.trustPolicyEnabled, s.trustPolicyEnabled),
    dataEndpointEnabled: when(s.dataEndpointEnabled, s.dataEndpointEnabled),
  };
}

/** A registry created elsewhere: its attributes and grants, no resources of its own. */
class ImportedContainerRegistry extends Construct implements IContainerRegistry {
  readonly registryId: string;
  readonly loginServer: string;
  readonly registryName: string;

  constructor(scope: Construct, id: string, attributes: ContainerRegistryAttributes) {
    super(scope, id);
    validate(this, "ContainerRegistry.fromAttributes", attributes, importedRegistryRules);
    this.registryId = attributes.registryId;
    this.loginServer = attributes.loginServer;
    // The name is the id's last segment; an id only known at apply is split by Terraform.
    this.registryName = isToken(attributes.registryId)
      ? Token.asString(Fn.element(Fn.split("/", attributes.registryId), 8))
      : attributes.registryId.split("/")[8]!;
  }

  grantPull(grantee: RegistryGrantee): RoleAssignment {
    return grantRegistryRole(this, this.registryId, "AcrPull", "acr-pull", grantee);
  }

  grantPush(grantee: RegistryGrantee): RoleAssignment {
    return grantRegistryRole(this, this.registryId, "AcrPush", "acr-push", grantee);
  }
}
