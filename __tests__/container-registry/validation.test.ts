import { App, TerraformStack, TerraformVariable } from "cdktf";
import { checkPrincipalId, importedRegistryRules } from "../../constructs/container-registry/validation";
import { ContainerRegistryProps } from "../../constructs/container-registry";
import { acrOf, synthRegistry } from "../support/container-registry";

// One row per rule: the props that break it and the exact line of the error, then a near miss
// that the same rule accepts. The rules judge the settings with their defaults applied.

const single = (line: string) => `ContainerRegistry at "user/acr" has 1 invalid property:\n  - ${line}`;
/** A Standard registry as dev has it: public (Standard cannot be private). */
const standard: ContainerRegistryProps = { sku: "Standard", publicNetworkAccessEnabled: true };

const rules: Array<[rule: string, violating: ContainerRegistryProps, line: string, nearMiss: ContainerRegistryProps]> = [
  [
    "registry name",
    { name: "acr-dev" },
    `name = "acr-dev": must be 5-50 letters and digits (Microsoft.ContainerRegistry/registries), globally unique. Fix: use a name such as "acrdev"`,
    { name: "acr00" },
  ],
  [
    "registry name length",
    { name: "a".repeat(51) },
    `name = "${"a".repeat(51)}": must be 5-50 letters and digits (Microsoft.ContainerRegistry/registries), globally unique. Fix: use a name such as "${"a".repeat(50)}"`,
    { name: "a".repeat(50) },
  ],
  ["sku", { sku: "Gold" as "Premium" }, `sku = "Gold": must be one of "Basic", "Standard", "Premium". Fix: use one of the listed values (they are case-sensitive)`, { sku: "Basic", publicNetworkAccessEnabled: true }],
  [
    "geo-replication below Premium",
    { ...standard, geoReplicationLocations: ["northeurope"] },
    `geoReplicationLocations = ["northeurope"]: an ACR geo-replication can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set geoReplicationLocations to []`,
    { geoReplicationLocations: ["northeurope"] },
  ],
  [
    "zone redundancy below Premium",
    { ...standard, zoneRedundancyEnabled: true },
    `zoneRedundancyEnabled = true: zone redundancy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set zoneRedundancyEnabled to false`,
    { ...standard, zoneRedundancyEnabled: false },
  ],
  [
    "retention below Premium",
    { ...standard, retentionDays: 7 },
    `retentionDays = 7: a retention policy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set retentionDays to 0`,
    { ...standard, retentionDays: 0 },
  ],
  [
    "quarantine below Premium",
    { ...standard, sku: "Basic", quarantinePolicyEnabled: true },
    `quarantinePolicyEnabled = true: a quarantine policy can only be applied when using the Premium Sku (sku is "Basic"). Fix: set sku to "Premium" or set quarantinePolicyEnabled to false`,
    { quarantinePolicyEnabled: true },
  ],
  [
    "trust policy below Premium",
    { ...standard, trustPolicyEnabled: true },
    `trustPolicyEnabled = true: a trust policy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set trustPolicyEnabled to false`,
    { ...standard, trustPolicyEnabled: false },
  ],
  [
    "data endpoints below Premium",
    { ...standard, dataEndpointEnabled: true },
    `dataEndpointEnabled = true: dedicated data endpoints can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set dataEndpointEnabled to false`,
    { dataEndpointEnabled: true },
  ],
  [
    "private access below Premium (the default needs Premium)",
    { sku: "Standard" },
    `publicNetworkAccessEnabled = false: disabling public network access can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set publicNetworkAccessEnabled to true`,
    standard,
  ],
  [
    "Docker Content Trust on a Premium registry",
    { trustPolicyEnabled: true },
    `trustPolicyEnabled = true: Docker Content Trust cannot be enabled on registries that did not have it before 31 May 2026, and ACR removes it on 31 March 2028. Fix: set trustPolicyEnabled to false and sign images with Notation (Notary Project) instead`,
    { trustPolicyEnabled: false },
  ],
  ["retention above a year", { retentionDays: 366 }, `retentionDays = 366: must be a whole number of days from 0 to 365. Fix: use e.g. 7, or 0 to keep untagged manifests`, { retentionDays: 365 }],
  ["retention below 0", { retentionDays: -1 }, `retentionDays = -1: must be a whole number of days from 0 to 365. Fix: use e.g. 7, or 0 to keep untagged manifests`, { retentionDays: 0 }],
  ["retention in part days", { retentionDays: 1.5 }, `retentionDays = 1.5: must be a whole number of days from 0 to 365. Fix: use e.g. 7, or 0 to keep untagged manifests`, { retentionDays: 1 }],
  [
    "replica in the home region",
    { geoReplicationLocations: ["westeurope"] },
    `geoReplicationLocations = ["westeurope"]: the georeplications list cannot contain the location where the Container Registry exists ("westeurope"). Fix: remove "westeurope": the home region always has a replica`,
    { location: "northeurope", geoReplicationLocations: ["westeurope"] },
  ],
  [
    "the same replica twice",
    { geoReplicationLocations: ["northeurope", "northeurope"] },
    `geoReplicationLocations = ["northeurope","northeurope"]: lists "northeurope" more than once. Fix: list each region once`,
    { geoReplicationLocations: ["northeurope", "francecentral"] },
  ],
  [
    "export disabled while public",
    { publicNetworkAccessEnabled: true, exportPolicyEnabled: false },
    `exportPolicyEnabled = false: to disable export of artifacts, publicNetworkAccessEnabled must also be false, which needs the Premium Sku. Fix: set exportPolicyEnabled to true, or use sku "Premium" with publicNetworkAccessEnabled false`,
    { publicNetworkAccessEnabled: false, exportPolicyEnabled: false },
  ],
  [
    "a group to create and an existing one",
    { resourceGroup: { name: "rg-shared", location: "westeurope" }, resourceGroupName: "rg-acr" },
    `resourceGroupName = "rg-acr": names a group to create, but resourceGroup passes an existing one. Fix: leave resourceGroupName out to use resourceGroup, or leave resourceGroup out to create the group`,
    { resourceGroup: { name: "rg-shared", location: "westeurope" } },
  ],
  [
    "resource group name",
    { resourceGroupName: "rg." },
    `resourceGroupName = "rg.": must be 1-90 letters, digits, '_', '-', '.', '(' and ')', and must not end with '.' (Microsoft.Resources/resourcegroups). Fix: remove other characters, shorten the name and drop a trailing '.'`,
    { resourceGroupName: "rg.acr" },
  ],
];

describe.each(rules)("%s", (_, violating, line, nearMiss) => {
  test("is a synth-time error naming path, property, value and fix", () => {
    expect(() => synthRegistry(violating)).toThrow(single(line));
  });

  test("a near miss is accepted", () => {
    expect(acrOf(synthRegistry(nearMiss))).toBeDefined();
  });
});

test("bad settings and a bad placement give one line each in one error", () => {
  expect(() =>
    synthRegistry({ name: "my-acr", sku: "Standard", publicNetworkAccessEnabled: true, retentionDays: 7, quarantinePolicyEnabled: true, resourceGroupName: "rg." }),
  ).toThrow(
    [
      'ContainerRegistry at "user/acr" has 4 invalid properties:',
      `  - name = "my-acr": must be 5-50 letters and digits (Microsoft.ContainerRegistry/registries), globally unique. Fix: use a name such as "myacr"`,
      `  - retentionDays = 7: a retention policy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set retentionDays to 0`,
      `  - quarantinePolicyEnabled = true: a quarantine policy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set quarantinePolicyEnabled to false`,
      `  - resourceGroupName = "rg.": must be 1-90 letters, digits, '_', '-', '.', '(' and ')', and must not end with '.' (Microsoft.Resources/resourcegroups). Fix: remove other characters, shorten the name and drop a trailing '.'`,
    ].join("\n"),
  );
});

// The registry id of fromAttributes and a grant's principal id, stated with patternCheck: a
// TerraformVariable passes each check itself (not only violationsOf's token filter), a near miss passes.
describe("registry id and principal id", () => {
  const token = (name: string) => new TerraformVariable(new TerraformStack(new App(), "tokens"), name, { type: "string" }).stringValue;
  const registryId = (id: string) => importedRegistryRules.map((rule) => rule({ registryId: id, loginServer: "acrshared.azurecr.io" })).filter((v) => v !== undefined);

  test("a registry id that is a TerraformVariable", () => {
    expect(registryId(token("registry_id"))).toEqual([]);
  });

  test("a registry id in another case and a 50-character name (ARM ids are case-insensitive)", () => {
    expect(registryId(`/SUBSCRIPTIONS/1/resourcegroups/rg/providers/microsoft.containerregistry/registries/${"a".repeat(50)}`)).toEqual([]);
  });

  test("a registry id whose name is 51 characters", () => {
    expect(registryId(`/subscriptions/1/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/${"a".repeat(51)}`).map((v) => v!.property)).toEqual(["registryId"]);
  });

  test("a principal id that is a TerraformVariable, and one that is not a GUID", () => {
    expect(checkPrincipalId("grantPull principalId", token("principal_id"))).toBeUndefined();
    expect(checkPrincipalId("grantPull principalId", "11111111-2222-3333-4444-55555555555")?.rule).toBe("must be an Entra object id (a GUID)");
  });
});
