import { Testing, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { ContainerRegistry, ContainerRegistryProps, RegistryGrantee } from "../../constructs/container-registry";
import { DEFAULT_REGISTRY_LOCATION } from "../../constructs/container-registry/container-registry";
import { acrOf, synthRegistry, userStack } from "../support/container-registry";
import type { StackJson } from "../support/synth-app";

const resources = (stack: StackJson, type: string) => Object.values(stack.resource?.[type] ?? {}) as Record<string, any>[];

/** The Terraform expressions of `values`, read back from outputs of the synthesized stack. */
function resolved(stack: TerraformStack, values: Record<string, string>): Record<string, string> {
  for (const [name, value] of Object.entries(values)) new TerraformOutput(stack, `resolved-${name}`, { value });
  const json = JSON.parse(Testing.synth(stack)) as StackJson;
  return Object.fromEntries(Object.keys(values).map((name) => [name, json.output![`resolved-${name}`].value]));
}

describe("no props in a user's stack: the secure production registry", () => {
  const stack = synthRegistry();
  const acr = acrOf(stack);

  test("Premium, private, no admin user, no anonymous pull, exports refused, protected from destroy", () => {
    expect(acr).toMatchObject({
      sku: "Premium",
      public_network_access_enabled: false,
      admin_enabled: false,
      anonymous_pull_enabled: false,
      export_policy_enabled: false,
      lifecycle: { prevent_destroy: true },
    });
  });

  test("zone redundant, 7-day retention, dedicated data endpoints; no quarantine, no content trust, no replica", () => {
    expect(acr).toMatchObject({
      zone_redundancy_enabled: true,
      retention_policy_in_days: 7,
      data_endpoint_enabled: true,
      quarantine_policy_enabled: false,
      trust_policy_enabled: false,
      georeplications: [],
    });
  });

  test("a stable name from the construct path, in a new group rg-<name> in westeurope", () => {
    expect(acr.name).toMatch(/^acr[0-9a-f]{20}$/);
    expect(acrOf(synthRegistry()).name).toBe(acr.name);
    const [group] = resources(stack, "azurerm_resource_group");
    expect(group).toMatchObject({ name: `rg-${acr.name}`, location: DEFAULT_REGISTRY_LOCATION, tags: {} });
    expect(acr.resource_group_name).toMatch(/^\$\{azurerm_resource_group\..+\.name\}$/);
    expect(acr.location).toMatch(/^\$\{azurerm_resource_group\..+\.location\}$/);
  });
});

describe("each default can be changed", () => {
  test.each<[string, ContainerRegistryProps, Record<string, unknown>]>([
    ["name", { name: "acrorders" }, { name: "acrorders" }],
    ["public network access (the explicit switch)", { publicNetworkAccessEnabled: true }, { public_network_access_enabled: true, export_policy_enabled: true }],
    ["zone redundancy", { zoneRedundancyEnabled: false }, { zone_redundancy_enabled: false }],
    ["retention", { retentionDays: 30 }, { retention_policy_in_days: 30 }],
    ["replicas", { geoReplicationLocations: ["northeurope"], tags: { team: "a" } }, { georeplications: [{ location: "northeurope", zone_redundancy_enabled: true, tags: { team: "a" } }] }],
    ["quarantine", { quarantinePolicyEnabled: true }, { quarantine_policy_enabled: true }],
    ["data endpoints", { dataEndpointEnabled: false }, { data_endpoint_enabled: false }],
    ["export policy of a private registry", { exportPolicyEnabled: true }, { export_policy_enabled: true }],
    ["destroy protection", { preventDestroy: false }, { lifecycle: { prevent_destroy: false } }],
    ["tags", { tags: { team: "a" } }, { tags: { team: "a" } }],
  ])("%s", (_, props, expected) => {
    expect(acrOf(synthRegistry(props))).toMatchObject(expected);
  });

  test("retention 0 turns the policy off: the argument is left out", () => {
    expect(acrOf(synthRegistry({ retentionDays: 0 })).retention_policy_in_days).toBeUndefined();
  });

  test("below Premium the Premium-only features default to off and their arguments are left out", () => {
    const acr = acrOf(synthRegistry({ sku: "Standard", publicNetworkAccessEnabled: true }));
    expect(acr).toMatchObject({ sku: "Standard", public_network_access_enabled: true, export_policy_enabled: true, georeplications: [] });
    for (const key of ["zone_redundancy_enabled", "retention_policy_in_days", "quarantine_policy_enabled", "trust_policy_enabled", "data_endpoint_enabled"]) {
      expect(acr[key]).toBeUndefined();
    }
  });

  test("a location of its own: the new group and the registry are there", () => {
    const stack = synthRegistry({ location: "swedencentral" });
    expect(resources(stack, "azurerm_resource_group")[0]!.location).toBe("swedencentral");
    expect(acrOf(stack).location).toMatch(/^\$\{azurerm_resource_group\./);
  });

  test("an existing resource group: none is created, the registry goes in it and its region", () => {
    const stack = userStack();
    const group = new ResourceGroup(stack, "shared", { name: "rg-shared", location: "francecentral" });
    new ContainerRegistry(stack, "acr", { resourceGroup: group });
    const json = JSON.parse(Testing.synth(stack, true)) as StackJson;
    expect(Object.keys(json.resource!["azurerm_resource_group"]!)).toEqual(["shared"]);
    expect(acrOf(json)).toMatchObject({ resource_group_name: "${azurerm_resource_group.shared.name}", location: "${azurerm_resource_group.shared.location}" });
  });

  test("an existing group given by literal name and region; a location of its own wins", () => {
    const json = synthRegistry({ resourceGroup: { name: "rg-shared", location: "francecentral" }, location: "germanywestcentral" });
    expect(json.resource!["azurerm_resource_group"]).toBeUndefined();
    expect(acrOf(json)).toMatchObject({ resource_group_name: "rg-shared", location: "germanywestcentral" });
  });
});

describe("attributes", () => {
  test("registryId, loginServer and registryName reference the registry; resourceGroupName the group", () => {
    const stack = userStack();
    const registry = new ContainerRegistry(stack, "acr", { name: "acrorders" });
    const outputs = resolved(stack, { id: registry.registryId, server: registry.loginServer, name: registry.registryName, group: registry.resourceGroupName });
    const address = `azurerm_container_registry.${registry.resource.friendlyUniqueId}`;
    expect(outputs).toEqual({
      id: `\${${address}.id}`,
      server: `\${${address}.login_server}`,
      name: `\${${address}.name}`,
      group: `\${azurerm_resource_group.${registry.resourceGroup!.friendlyUniqueId}.name}`,
    });
    expect(registry.settings).toMatchObject({ name: "acrorders", sku: "Premium", retentionDays: 7, location: "westeurope" });
  });
});

describe("grantPull and grantPush", () => {
  const PRINCIPAL = "11111111-2222-3333-4444-555555555555";

  test("grantPull assigns AcrPull on the registry to a managed identity, under the registry by default", () => {
    let returned: unknown;
    const json = synthRegistry({}, (registry) => {
      returned = registry.grantPull({ principalId: PRINCIPAL });
    });
    const [assignment] = resources(json, "azurerm_role_assignment");
    expect(assignment).toMatchObject({
      scope: expect.stringMatching(/^\$\{azurerm_container_registry\..+\.id\}$/),
      role_definition_name: "AcrPull",
      principal_id: PRINCIPAL,
      principal_type: "ServicePrincipal",
      skip_service_principal_aad_check: true,
    });
    expect((returned as { node: { path: string } }).node.path).toBe("user/acr/acr-pull");
  });

  test("grantPush assigns AcrPush; a user principal gets the Entra lookup (no skip)", () => {
    const json = synthRegistry({}, (registry) => registry.grantPush({ principalId: PRINCIPAL, principalType: "User" }));
    const [assignment] = resources(json, "azurerm_role_assignment");
    expect(assignment).toMatchObject({ role_definition_name: "AcrPush", principal_type: "User" });
    expect(assignment!.skip_service_principal_aad_check).toBeUndefined();
  });

  test("a grant for a principal in another stack lives in that stack and references the registry across stacks", () => {
    const app = Testing.app();
    const registryStack = new TerraformStack(app, "registry");
    const clusterStack = new TerraformStack(app, "cluster");
    for (const s of [registryStack, clusterStack]) new AzurermProvider(s, "azurerm", { features: [{}] });
    const registry = new ContainerRegistry(registryStack, "acr");
    registry.grantPull({ principalId: PRINCIPAL, scope: clusterStack, id: "kubelet-acr-pull" });
    app.synth();
    const cluster = JSON.parse(Testing.synth(clusterStack)) as StackJson;
    expect(cluster.resource!["azurerm_role_assignment"]!["kubelet-acr-pull"]).toMatchObject({
      scope: expect.stringContaining("data.terraform_remote_state.cross-stack-reference-input-registry"),
      role_definition_name: "AcrPull",
    });
    expect(JSON.parse(Testing.synth(registryStack)).resource["azurerm_role_assignment"]).toBeUndefined();
  });

  test("two grants with the default id name the fix", () => {
    expect(() =>
      synthRegistry({}, (registry) => {
        registry.grantPull({ principalId: PRINCIPAL });
        registry.grantPull({ principalId: "66666666-2222-3333-4444-555555555555" });
      }),
    ).toThrow(
      'ContainerRegistry at "user/acr" has 1 invalid property:\n  - grantPull id = "acr-pull": "user/acr" already has a construct with this id. Fix: pass a distinct id in the grantee, e.g. one that names the principal',
    );
  });

  test.each([
    ["a principal type of the wrong case", { principalId: PRINCIPAL, principalType: "servicePrincipal" }, `grantPush principalType = "servicePrincipal": must be one of "ServicePrincipal", "User", "Group". Fix: use one of the listed values (they are case-sensitive)`],
    ["an application (client) id that is no GUID", { principalId: "my-ci-app" }, "grantPush principalId = \"my-ci-app\": must be an Entra object id (a GUID). Fix: use the principal's object id, e.g. `az ad sp show --id <app id> --query id`, or an identity's principalId attribute"],
  ])("%s is a synth-time error", (_, grantee, line) => {
    expect(() => synthRegistry({}, (registry) => registry.grantPush(grantee as RegistryGrantee))).toThrow(`ContainerRegistry at "user/acr" has 1 invalid property:\n  - ${line}`);
  });

  test.each<[string, RegistryGrantee]>([
    ["a Group principal", { principalId: PRINCIPAL, principalType: "Group" }],
    ["an upper-case GUID", { principalId: PRINCIPAL.toUpperCase() }],
  ])("near miss: %s is accepted", (_, grantee) => {
    expect(resources(synthRegistry({}, (registry) => registry.grantPush(grantee)), "azurerm_role_assignment")).toHaveLength(1);
  });

  test("a principal id known only at apply (an identity created with it) is not judged", () => {
    const json = synthRegistry({}, (registry, stack) => {
      const id = new TerraformVariable(stack, "principal_id", { type: "string" });
      registry.grantPull({ principalId: id.stringValue });
    });
    expect(resources(json, "azurerm_role_assignment")[0]!.principal_id).toBe("${var.principal_id}");
  });

  test("two grants with their own ids", () => {
    const json = synthRegistry({}, (registry) => {
      registry.grantPull({ principalId: PRINCIPAL, id: "kubelet" });
      registry.grantPull({ principalId: "66666666-2222-3333-4444-555555555555", id: "ci" });
    });
    expect(resources(json, "azurerm_role_assignment").map((r) => r.principal_id).sort()).toEqual([PRINCIPAL, "66666666-2222-3333-4444-555555555555"]);
  });
});

describe("ContainerRegistry.fromAttributes: a registry created elsewhere", () => {
  const ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.ContainerRegistry/registries/acrshared";

  test("exposes the attributes, its name from the id, and grants on it", () => {
    const stack = userStack();
    const registry = ContainerRegistry.fromAttributes(stack, "shared-acr", { registryId: ID, loginServer: "acrshared.azurecr.io" });
    registry.grantPull({ principalId: "11111111-2222-3333-4444-555555555555" });
    expect([registry.registryId, registry.loginServer, registry.registryName]).toEqual([ID, "acrshared.azurecr.io", "acrshared"]);
    const json = JSON.parse(Testing.synth(stack, true)) as StackJson;
    expect(resources(json, "azurerm_container_registry")).toEqual([]);
    expect(resources(json, "azurerm_role_assignment")[0]).toMatchObject({ scope: ID, role_definition_name: "AcrPull" });
  });

  test("an id known only at apply: Terraform takes the name from it", () => {
    const stack = userStack();
    const id = new TerraformVariable(stack, "registry_id", { type: "string" });
    const registry = ContainerRegistry.fromAttributes(stack, "shared-acr", { registryId: id.stringValue, loginServer: "acrshared.azurecr.io" });
    expect(resolved(stack, { name: registry.registryName })).toEqual({ name: '${element(split("/", var.registry_id), 8)}' });
  });

  test.each([
    ["a registry's name", "acrshared"],
    ["another resource type's id", ID.replace("Microsoft.ContainerRegistry/registries", "Microsoft.Storage/storageAccounts")],
  ])("%s instead of an ARM id names the fix", (_, registryId) => {
    expect(() => ContainerRegistry.fromAttributes(userStack(), "shared-acr", { registryId, loginServer: "x.azurecr.io" })).toThrow(
      `ContainerRegistry.fromAttributes at "user/shared-acr" has 1 invalid property:\n  - registryId = ${JSON.stringify(registryId)}: must be a registry's ARM resource id. Fix: use "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>" (\`az acr show --name <name> --query id\`)`,
    );
  });
});

describe("settings that are Terraform tokens", () => {
  test("a sku variable: no Premium-only rule judges it, and only features turned on are sent", () => {
    const stack = userStack();
    const sku = new TerraformVariable(stack, "sku", { type: "string" });
    new ContainerRegistry(stack, "acr", { sku: sku.stringValue as "Premium", publicNetworkAccessEnabled: true, geoReplicationLocations: ["northeurope"], zoneRedundancyEnabled: true });
    const acr = acrOf(JSON.parse(Testing.synth(stack, true)) as StackJson);
    expect(acr).toMatchObject({ sku: "${var.sku}", zone_redundancy_enabled: true, export_policy_enabled: true });
    for (const key of ["retention_policy_in_days", "quarantine_policy_enabled", "trust_policy_enabled", "data_endpoint_enabled"]) {
      expect(acr[key]).toBeUndefined();
    }
  });

  test("a retention variable is sent, not dropped as a negative number", () => {
    const stack = userStack();
    const days = new TerraformVariable(stack, "retention_days", { type: "number" });
    new ContainerRegistry(stack, "acr", { retentionDays: days.numberValue });
    expect(acrOf(JSON.parse(Testing.synth(stack, true)) as StackJson).retention_policy_in_days).toBe("${var.retention_days}");
  });

  test("a name variable is not judged as a literal, nor the group name built from it", () => {
    const stack = userStack();
    const name = new TerraformVariable(stack, "registry_name", { type: "string" });
    new ContainerRegistry(stack, "acr", { name: name.stringValue });
    const json = JSON.parse(Testing.synth(stack, true)) as StackJson;
    expect(acrOf(json).name).toBe("${var.registry_name}");
    expect(resources(json, "azurerm_resource_group")[0]!.name).toBe("rg-${var.registry_name}");
  });
});
