import { Testing } from "cdktf";
import { environments } from "../../config";
import { RegistryConfig } from "../../config/environment";
import { applyProjectPolicy } from "../../constructs/policy";
import { RegistryStack } from "../../stacks/registry-stack";
import { only, synthRegistry, withOverrides } from "../support/platform";

// The stack composes a ContainerRegistry from the environment's config; the construct's defaults and
// rules are tested in __tests__/container-registry. Here: what the config changes, the Terraform
// addresses, the outputs, and where the accepted risks are attached.

const dev = environments.dev;
const prod = environments.prod;

describe.each([
  ["dev", dev],
  ["prod", prod],
])("%s registry", (_, env) => {
  const stack = synthRegistry(env);

  test("keeps the Terraform addresses the stack had before the construct (no destroy and recreate)", () => {
    expect(Object.keys(stack.resource!)).toEqual(["azurerm_container_registry", "azurerm_resource_group"]);
    expect(Object.keys(stack.resource!["azurerm_container_registry"]!)).toEqual(["registry"]);
    expect(Object.keys(stack.resource!["azurerm_resource_group"]!)).toEqual(["resource-group"]);
  });

  test("config names the registry and its group; the stack's region and tags reach both", () => {
    expect(only(stack, "azurerm_container_registry")).toMatchObject({
      name: env.registry.name,
      resource_group_name: "${azurerm_resource_group.resource-group.name}",
      location: "${azurerm_resource_group.resource-group.location}",
      tags: env.tags,
      admin_enabled: false,
      anonymous_pull_enabled: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(only(stack, "azurerm_resource_group")).toEqual({ name: env.registry.resourceGroupName, location: env.location, tags: env.tags });
  });

  test("outputs the login server, id and name", () => {
    expect(stack.output!.login_server.value).toBe("${azurerm_container_registry.registry.login_server}");
    expect(stack.output!.registry_id.value).toBe("${azurerm_container_registry.registry.id}");
    expect(stack.output!.registry_name.value).toBe("${azurerm_container_registry.registry.name}");
  });

  test("the config's accepted risks are attached to the registry: without them the project policy warns there", () => {
    /** `path [ID]` of every policy warning after a synth with the project policy. */
    const warnings = (registry: RegistryConfig) => {
      const app = Testing.app();
      const stack = new RegistryStack(app, `${env.name}-registry`, { location: env.location, registry });
      applyProjectPolicy([stack]);
      app.synth();
      return stack.node
        .findAll()
        .flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => `${c.node.path} ${String(m.data).split(" ")[0]}`));
    };
    const accepted = env.registry.policyExceptions.flatMap((e) => e.ids);
    expect(warnings(env.registry)).toEqual([]);
    expect(warnings({ ...env.registry, policyExceptions: [] }).sort()).toEqual(accepted.map((id) => `${env.name}-registry/Default/registry [${id}]`).sort());
  });
});

test("dev: Standard and public (its two differences); the Premium-only arguments left out", () => {
  const acr = only(synthRegistry(dev), "azurerm_container_registry");
  expect(acr).toMatchObject({ sku: "Standard", public_network_access_enabled: true, export_policy_enabled: true, georeplications: [] });
  for (const key of ["zone_redundancy_enabled", "retention_policy_in_days", "quarantine_policy_enabled", "trust_policy_enabled", "data_endpoint_enabled"]) {
    expect(acr[key]).toBeUndefined();
  }
});

test("prod: public and replicated (its two differences); the rest is the Premium default", () => {
  const acr = only(synthRegistry(prod), "azurerm_container_registry");
  expect(acr).toMatchObject({
    sku: "Premium",
    public_network_access_enabled: true,
    export_policy_enabled: true,
    zone_redundancy_enabled: true,
    retention_policy_in_days: 7,
    data_endpoint_enabled: true,
    quarantine_policy_enabled: false,
    trust_policy_enabled: false,
  });
  expect(acr.georeplications).toEqual([{ location: "northeurope", zone_redundancy_enabled: true, tags: prod.tags }]);
});

test("a bad config value is reported at the registry construct's path, naming the property and the fix", () => {
  expect(() => synthRegistry(dev, withOverrides(dev.registry, { retentionDays: 7 }))).toThrow(
    `ContainerRegistry at "dev-registry/Default" has 1 invalid property:\n  - retentionDays = 7: a retention policy can only be applied when using the Premium Sku (sku is "Standard"). Fix: set sku to "Premium" or set retentionDays to 0`,
  );
});

test("config without the registry differences gets the private Premium registry", () => {
  const { sku: _sku, publicNetworkAccessEnabled: _public, ...minimal } = dev.registry;
  const acr = only(synthRegistry(dev, { ...minimal, policyExceptions: [] }), "azurerm_container_registry");
  expect(acr).toMatchObject({ sku: "Premium", public_network_access_enabled: false, export_policy_enabled: false, retention_policy_in_days: 7 });
});
