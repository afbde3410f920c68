import { checkRegistryName, checkResourceGroupName } from "../core/azure-names";
import { patternCheck } from "../core/pattern-check";
import { oneOf, Rule, Violation } from "../core/validation";
import type { ContainerRegistryAttributes, ContainerRegistryProps } from "./container-registry";
import { ResolvedRegistrySettings } from "./resolve";
import { REGISTRY_SKUS } from "./settings";

// The azurerm provider checks most of these in CustomizeDiff and Create (container_registry_resource.go),
// i.e. at plan or apply time. Offline there is no plan, so the same rules run at synth, once, on the
// settings with their defaults applied. A sku that is a Terraform token is judged by Azure at apply.

type R = Rule<ResolvedRegistrySettings>;

/** Only a known lower tier is judged: a token is unknown until apply, and an unknown sku has its own rule. */
const belowPremium = (s: ResolvedRegistrySettings) => s.sku === "Basic" || s.sku === "Standard";

function premiumOnly(
  property: keyof ResolvedRegistrySettings,
  inUse: (s: ResolvedRegistrySettings) => boolean,
  feature: string,
  off: string,
): R {
  return (s) =>
    belowPremium(s) && inUse(s)
      ? {
          property,
          value: s[property],
          rule: `${feature} can only be applied when using the Premium Sku (sku is ${JSON.stringify(s.sku)})`,
          fix: `set sku to "Premium" or ${off}`,
        }
      : undefined;
}

function duplicates(property: string, values: readonly string[]): Violation | undefined {
  const repeated = values.filter((v, i) => values.indexOf(v) !== i);
  if (repeated.length === 0) return undefined;
  return { property, value: values, rule: `lists ${JSON.stringify(repeated[0])} more than once`, fix: "list each region once" };
}

/** Every rule a registry's resolved settings must pass; all violations are reported together. */
export const registryRules: readonly R[] = [
  (s) => checkRegistryName("name", s.name),
  (s) => oneOf("sku", s.sku, REGISTRY_SKUS),
  premiumOnly("geoReplicationLocations", (s) => s.geoReplicationLocations.length > 0, "an ACR geo-replication", "set geoReplicationLocations to []"),
  premiumOnly("zoneRedundancyEnabled", (s) => s.zoneRedundancyEnabled, "zone redundancy", "set zoneRedundancyEnabled to false"),
  premiumOnly("retentionDays", (s) => s.retentionDays > 0, "a retention policy", "set retentionDays to 0"),
  premiumOnly("quarantinePolicyEnabled", (s) => s.quarantinePolicyEnabled, "a quarantine policy", "set quarantinePolicyEnabled to false"),
  premiumOnly("trustPolicyEnabled", (s) => s.trustPolicyEnabled, "a trust policy", "set trustPolicyEnabled to false"),
  premiumOnly("dataEndpointEnabled", (s) => s.dataEndpointEnabled, "dedicated data endpoints", "set dataEndpointEnabled to false"),
  premiumOnly("publicNetworkAccessEnabled", (s) => !s.publicNetworkAccessEnabled, "disabling public network access", "set publicNetworkAccessEnabled to true"),
  (s) =>
    s.sku === "Premium" && s.trustPolicyEnabled
      ? {
          property: "trustPolicyEnabled",
          value: true,
          rule: "Docker Content Trust cannot be enabled on registries that did not have it before 31 May 2026, and ACR removes it on 31 March 2028",
          fix: "set trustPolicyEnabled to false and sign images with Notation (Notary Project) instead",
        }
      : undefined,
  (s) =>
    Number.isInteger(s.retentionDays) && s.retentionDays >= 0 && s.retentionDays <= 365
      ? undefined
      : { property: "retentionDays", value: s.retentionDays, rule: "must be a whole number of days from 0 to 365", fix: "use e.g. 7, or 0 to keep untagged manifests" },
  (s) =>
    s.geoReplicationLocations.includes(s.location)
      ? {
          property: "geoReplicationLocations",
          value: s.geoReplicationLocations,
          rule: `the georeplications list cannot contain the location where the Container Registry exists (${JSON.stringify(s.location)})`,
          fix: `remove ${JSON.stringify(s.location)}: the home region always has a replica`,
        }
      : undefined,
  (s) => duplicates("geoReplicationLocations", s.geoReplicationLocations),
  (s) =>
    !s.exportPolicyEnabled && (s.publicNetworkAccessEnabled || belowPremium(s))
      ? {
          property: "exportPolicyEnabled",
          value: false,
          rule: "to disable export of artifacts, publicNetworkAccessEnabled must also be false, which needs the Premium Sku",
          fix: 'set exportPolicyEnabled to true, or use sku "Premium" with publicNetworkAccessEnabled false',
        }
      : undefined,
];

/** A registry's settings and where it goes: the resource group it creates or is given. */
export interface Placement {
  readonly settings: ResolvedRegistrySettings;
  readonly props: ContainerRegistryProps;
  readonly resourceGroupName: string;
}

/** The registry rules on the resolved settings, then where the registry goes; `ContainerRegistry` runs them once, all reported together. */
export const placementRules: ReadonlyArray<Rule<Placement>> = [
  ...registryRules.map((rule): Rule<Placement> => ({ settings }) => rule(settings)),
  ({ props }) =>
    props.resourceGroup !== undefined && props.resourceGroupName !== undefined
      ? {
          property: "resourceGroupName",
          value: props.resourceGroupName,
          rule: "names a group to create, but resourceGroup passes an existing one",
          fix: "leave resourceGroupName out to use resourceGroup, or leave resourceGroup out to create the group",
        }
      : undefined,
  ({ props, resourceGroupName }) => (props.resourceGroup === undefined ? checkResourceGroupName("resourceGroupName", resourceGroupName) : undefined),
];

const checkRegistryId = patternCheck({
  pattern: /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerRegistry\/registries\/[A-Za-z0-9]{5,50}$/i,
  rule: "must be a registry's ARM resource id",
  fix: 'use "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>" (`az acr show --name <name> --query id`)',
});

/** The rules of a registry created elsewhere (`ContainerRegistry.fromAttributes`). */
export const importedRegistryRules: ReadonlyArray<Rule<ContainerRegistryAttributes>> = [(a) => checkRegistryId("registryId", a.registryId)];

/** The principal a registry role is granted to: an Entra object id (a GUID). */
export const checkPrincipalId = patternCheck({
  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  rule: "must be an Entra object id (a GUID)",
  fix: "use the principal's object id, e.g. `az ad sp show --id <app id> --query id`, or an identity's principalId attribute",
});
