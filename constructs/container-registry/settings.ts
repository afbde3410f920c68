/** ACR service tiers; most hardening features need Premium. */
export const REGISTRY_SKUS = ["Basic", "Standard", "Premium"] as const;
export type RegistrySku = (typeof REGISTRY_SKUS)[number];

/** What a registry can be configured with; the Premium-only features are checked by {@link registryRules}. */
export interface RegistrySettings {
  /** Globally unique, 5-50 alphanumerics; the login server is `<name>.azurecr.io`. */
  readonly name: string;
  /** Azure region of the registry (its home replica). */
  readonly location: string;
  readonly sku: RegistrySku;
  /** Reachable from the internet; `false` needs private endpoints (Premium). */
  readonly publicNetworkAccessEnabled: boolean;
  /** Spread the registry over the region's availability zones (Premium). */
  readonly zoneRedundancyEnabled: boolean;
  /** Days untagged manifests are kept; 0 turns the retention policy off (Premium for > 0). */
  readonly retentionDays: number;
  /** Extra regions the registry is replicated to, never its own region (Premium). */
  readonly geoReplicationLocations: readonly string[];
  /** Hold new images until a scanner marks them clean (Premium). */
  readonly quarantinePolicyEnabled: boolean;
  /** Docker Content Trust (Premium; Microsoft recommends Notation signatures instead). */
  readonly trustPolicyEnabled: boolean;
  /** Dedicated regional data endpoints for firewall rules (Premium). */
  readonly dataEndpointEnabled: boolean;
  /** Allow `az acr import`/export of artifacts; `false` needs Premium and public access disabled. */
  readonly exportPolicyEnabled: boolean;
}
