/** ACR service tiers; most hardening features need Premium. */
export const REGISTRY_SKUS = ["Basic", "Standard", "Premium"] as const;
/** One of {@link REGISTRY_SKUS}. */
export type RegistrySku = (typeof REGISTRY_SKUS)[number];

/**
 * How a registry is configured. Every setting is optional: the defaults are the secure production
 * choice (Premium, private, zone redundant, 7-day retention, dedicated data endpoints). A cheaper
 * setup says what it gives up, e.g. `{ sku: "Standard", publicNetworkAccessEnabled: true }`.
 * The features ACR offers only on Premium default to on with Premium and to off below it.
 */
export interface RegistrySettings {
  /**
   * Globally unique, 5-50 letters and digits; the login server is `<name>.azurecr.io`.
   * @default "acr" followed by 20 hex characters of the construct's address (stable for a construct path)
   */
  readonly name?: string;
  /** Service tier. @default "Premium" */
  readonly sku?: RegistrySku;
  /**
   * Reachable from the internet. Turning it on is the explicit switch for a registry that
   * runners outside the network push to; `false` needs Premium and private endpoints to reach it.
   * @default false
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /** Spread the registry and its replicas over the region's availability zones (Premium). @default true with Premium, false below */
  readonly zoneRedundancyEnabled?: boolean;
  /**
   * Days untagged manifests are kept before ACR deletes them; 0 turns the retention policy off
   * (Premium for more than 0). @default 7 with Premium, 0 below
   */
  readonly retentionDays?: number;
  /**
   * Extra regions the registry is replicated to, never its own region (Premium). There is no
   * default replica: which region pairs with the home region is a choice only the caller can make.
   * @default []
   */
  readonly geoReplicationLocations?: readonly string[];
  /**
   * Hold every pushed image until a scanner marks it clean (Premium). Off by default because without
   * a scanner that releases images nothing could ever be pulled.
   * @default false
   */
  readonly quarantinePolicyEnabled?: boolean;
  /**
   * Docker Content Trust (Premium). ACR no longer lets new registries enable it; sign images with
   * Notation instead. @default false
   */
  readonly trustPolicyEnabled?: boolean;
  /** Dedicated regional data endpoints, so firewalls can allow exactly this registry (Premium). @default true with Premium, false below */
  readonly dataEndpointEnabled?: boolean;
  /**
   * Allow `az acr import` and pipelines to copy artifacts out of the registry. ACR only lets a private
   * Premium registry turn it off. @default false for a private Premium registry, true otherwise
   */
  readonly exportPolicyEnabled?: boolean;
}
