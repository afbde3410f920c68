import { environments } from "../../config";
import { RegistryConfig } from "../../config/environment";
import { DeepPartial, only, synthRegistry, withOverrides } from "../support/platform";

const dev = environments.dev;
const prod = environments.prod;

describe.each([
  ["dev", dev],
  ["prod", prod],
])("%s registry: secure defaults", (_, env) => {
  const stack = synthRegistry(env);
  const acr = only(stack, "azurerm_container_registry");

  test("no admin user, no anonymous pull, protected from destroy, SKU from config", () => {
    expect(acr).toMatchObject({
      name: env.registry.name,
      sku: env.registry.sku,
      admin_enabled: false,
      anonymous_pull_enabled: false,
      public_network_access_enabled: env.registry.publicNetworkAccessEnabled,
      export_policy_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
  });

  test("outputs the login server, id and name", () => {
    expect(stack.output!.login_server.value).toBe("${azurerm_container_registry.registry.login_server}");
    expect(stack.output!.registry_id.value).toBe("${azurerm_container_registry.registry.id}");
    expect(stack.output!.registry_name.value).toBe("${azurerm_container_registry.registry.name}");
  });
});

test("dev: Standard registry, Premium-only arguments left out entirely", () => {
  const acr = only(synthRegistry(dev), "azurerm_container_registry");
  expect(acr.sku).toBe("Standard");
  for (const key of ["zone_redundancy_enabled", "retention_policy_in_days", "quarantine_policy_enabled", "trust_policy_enabled", "data_endpoint_enabled"]) {
    expect(acr[key]).toBeUndefined();
  }
  expect(acr.georeplications ?? []).toEqual([]);
});

test("prod: Premium, zone redundant, geo-replicated, retention and data endpoints on", () => {
  const acr = only(synthRegistry(prod), "azurerm_container_registry");
  expect(acr).toMatchObject({
    sku: "Premium",
    zone_redundancy_enabled: true,
    retention_policy_in_days: 7,
    data_endpoint_enabled: true,
    quarantine_policy_enabled: false,
    trust_policy_enabled: false,
  });
  expect(acr.georeplications).toEqual([{ location: "northeurope", zone_redundancy_enabled: true, tags: prod.tags }]);
});

const single = (line: string) => `RegistryStack at "dev-registry" has 1 invalid property:\n  - ${line}`;

test.each<[string, DeepPartial<RegistryConfig>, string]>([
  [
    "registry name",
    { name: "acr-dev" },
    `name = "acr-dev": must be 5-50 letters and digits (Microsoft.ContainerRegistry/registries), globally unique. Fix: use a name such as "acrdev"`,
  ],
  [
    "geo-replication below Premium",
    { geoReplicationLocations: ["northeurope"] },
    `geoReplicationLocations = ["northeurope"]: an ACR geo-replication can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set geoReplicationLocations to []`,
  ],
  [
    "zone redundancy below Premium",
    { zoneRedundancyEnabled: true },
    `zoneRedundancyEnabled = true: zone redundancy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set zoneRedundancyEnabled to false`,
  ],
  [
    "retention below Premium",
    { retentionDays: 7 },
    `retentionDays = 7: a retention policy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set retentionDays to 0`,
  ],
  [
    "quarantine below Premium",
    { sku: "Basic", quarantinePolicyEnabled: true },
    `quarantinePolicyEnabled = true: a quarantine policy can only be applied when using the Premium Sku (sku is "Basic"). Fix: set sku to "Premium" or set quarantinePolicyEnabled to false`,
  ],
  [
    "trust policy below Premium",
    { trustPolicyEnabled: true },
    `trustPolicyEnabled = true: a trust policy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set trustPolicyEnabled to false`,
  ],
  [
    "data endpoints below Premium",
    { dataEndpointEnabled: true },
    `dataEndpointEnabled = true: dedicated data endpoints can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set dataEndpointEnabled to false`,
  ],
  [
    "private access below Premium",
    { publicNetworkAccessEnabled: false },
    `publicNetworkAccessEnabled = false: disabling public network access can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set publicNetworkAccessEnabled to true`,
  ],
  [
    "retention out of range",
    { sku: "Premium", retentionDays: 400 },
    `retentionDays = 400: must be a whole number of days from 0 to 365. Fix: use e.g. 7, or 0 to keep untagged manifests`,
  ],
  [
    "replica in the home region",
    { sku: "Premium", geoReplicationLocations: ["westeurope"] },
    `geoReplicationLocations = ["westeurope"]: the georeplications list cannot contain the location where the Container Registry exists ("westeurope"). Fix: remove "westeurope": the home region always has a replica`,
  ],
  [
    "the same replica twice",
    { sku: "Premium", geoReplicationLocations: ["northeurope", "northeurope"] },
    `geoReplicationLocations = ["northeurope","northeurope"]: lists "northeurope" more than once. Fix: list each region once`,
  ],
  [
    "export disabled while public",
    { sku: "Premium", exportPolicyEnabled: false },
    `exportPolicyEnabled = false: to disable export of artifacts, publicNetworkAccessEnabled must also be false, which needs the Premium Sku. Fix: set exportPolicyEnabled to true, or use sku "Premium" with publicNetworkAccessEnabled false`,
  ],
  [
    "Docker Content Trust on a Premium registry",
    { sku: "Premium", trustPolicyEnabled: true },
    `trustPolicyEnabled = true: Docker Content Trust cannot be enabled on registries that did not have it before 31 May 2026, and ACR removes it on 31 March 2028. Fix: set trustPolicyEnabled to false and sign images with Notation (Notary Project) instead`,
  ],
])("%s is a synth-time error", (_, patch, line) => {
  expect(() => synthRegistry(dev, withOverrides(dev.registry, patch))).toThrow(single(line));
});

test("Premium with private access and export disabled is accepted", () => {
  const registry = withOverrides(prod.registry, { publicNetworkAccessEnabled: false, exportPolicyEnabled: false });
  const acr = only(synthRegistry(prod, registry), "azurerm_container_registry");
  expect(acr).toMatchObject({ public_network_access_enabled: false, export_policy_enabled: false });
});
