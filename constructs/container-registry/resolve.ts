import { RegistrySettings, RegistrySku } from "./settings";

/** Every registry setting with its default applied: what the rules judge and the construct renders. */
export interface ResolvedRegistrySettings {
  readonly name: string;
  /** Home region (a literal, or a token when the resource group passed in has one). */
  readonly location: string;
  readonly sku: RegistrySku;
  readonly publicNetworkAccessEnabled: boolean;
  readonly zoneRedundancyEnabled: boolean;
  readonly retentionDays: number;
  readonly geoReplicationLocations: readonly string[];
  readonly quarantinePolicyEnabled: boolean;
  readonly trustPolicyEnabled: boolean;
  readonly dataEndpointEnabled: boolean;
  readonly exportPolicyEnabled: boolean;
}

/** What the construct derives from its position and surroundings rather than from the settings. */
export interface RegistryContext {
  /** Used when `settings.name` is not set. */
  readonly defaultName: string;
  readonly location: string;
}

/** Days of retention for untagged manifests on Premium when none is given. */
export const DEFAULT_RETENTION_DAYS = 7;

/**
 * The one place that holds every registry default. The Premium-only features default to on with
 * Premium and off below it, so a cheaper tier only needs to name the tier. A sku that is a Terraform
 * token is unknown here, so those features then default to off (set them to turn them on).
 */
export function resolveRegistrySettings(settings: RegistrySettings, context: RegistryContext): ResolvedRegistrySettings {
  const sku = settings.sku ?? "Premium";
  const premium = sku === "Premium";
  const publicNetworkAccessEnabled = settings.publicNetworkAccessEnabled ?? false;
  return {
    name: settings.name ?? context.defaultName,
    location: context.location,
    sku,
    publicNetworkAccessEnabled,
    zoneRedundancyEnabled: settings.zoneRedundancyEnabled ?? premium,
    retentionDays: settings.retentionDays ?? (premium ? DEFAULT_RETENTION_DAYS : 0),
    geoReplicationLocations: settings.geoReplicationLocations ?? [],
    quarantinePolicyEnabled: settings.quarantinePolicyEnabled ?? false,
    trustPolicyEnabled: settings.trustPolicyEnabled ?? false,
    dataEndpointEnabled: settings.dataEndpointEnabled ?? premium,
    // ACR only lets a private Premium registry refuse exports, so that is when the default refuses them.
    exportPolicyEnabled: settings.exportPolicyEnabled ?? (publicNetworkAccessEnabled || !premium),
  };
}
