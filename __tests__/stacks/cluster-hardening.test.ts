import { Aspects, Testing } from "cdktf";
import { environments } from "../../config";
import { ProjectPolicy } from "../../constructs/policy/project-policy";
import { ClusterStack } from "../../stacks/cluster-stack";
import { RegistryStack } from "../../stacks/registry-stack";
import { only, REGISTRY_ID, synthCluster, withOverrides } from "../support/platform";

const { dev, prod } = environments;

describe("node hardening on in dev and prod", () => {
  test.each([
    ["dev", "Standard_D2ds_v5", 64, dev],
    ["prod", "Standard_D4ds_v5", 128, prod],
  ] as const)("%s: ephemeral OS disks on %s (%d GiB) with encryption at host on both pools", (_, vmSize, sizeGb, env) => {
    const stack = synthCluster(env);
    const expected = { vm_size: vmSize, os_disk_type: "Ephemeral", os_disk_size_gb: sizeGb, host_encryption_enabled: true };
    expect(only(stack, "azurerm_kubernetes_cluster").default_node_pool).toMatchObject(expected);
    expect(only(stack, "azurerm_kubernetes_cluster_node_pool")).toMatchObject(expected);
  });

  test.each([
    ["dev", dev],
    ["prod", prod],
  ] as const)("%s: Key Vault secrets provider with secret rotation every 2 minutes", (_, env) => {
    expect(only(synthCluster(env), "azurerm_kubernetes_cluster").key_vault_secrets_provider).toEqual({
      secret_rotation_enabled: true,
      secret_rotation_interval: "2m",
    });
  });

  test("the secrets provider can be turned off, leaving no block", () => {
    const cluster = withOverrides(dev.cluster, { keyVaultSecretsProvider: { enabled: false } });
    expect(only(synthCluster(dev, cluster), "azurerm_kubernetes_cluster").key_vault_secrets_provider).toBeUndefined();
  });

  test("a managed OS disk without host encryption is still expressible", () => {
    const cluster = withOverrides(dev.cluster, { userNodePool: { osDiskType: "Managed", osDiskSizeGb: 128, hostEncryptionEnabled: false } });
    expect(only(synthCluster(dev, cluster), "azurerm_kubernetes_cluster_node_pool")).toMatchObject({
      os_disk_type: "Managed",
      os_disk_size_gb: 128,
      host_encryption_enabled: false,
    });
  });
});

describe("API server exposure and disk keys differ by environment", () => {
  test("dev: public API server, platform-managed keys: no vault, key, set or key roles", () => {
    const stack = synthCluster(dev);
    const aks = only(stack, "azurerm_kubernetes_cluster");
    expect(aks.private_cluster_enabled).toBe(false);
    expect(aks.api_server_access_profile).toBeUndefined();
    expect(aks.disk_encryption_set_id).toBeUndefined();
    expect(aks.depends_on).toBeUndefined();
    for (const type of ["azurerm_key_vault", "azurerm_key_vault_key", "azurerm_disk_encryption_set"]) expect(stack.resource?.[type]).toBeUndefined();
    expect(Object.values(stack.resource!.azurerm_role_assignment).map((r: any) => r.role_definition_name).sort()).toEqual([
      "AcrPull",
      "Azure Kubernetes Service RBAC Cluster Admin",
      "Network Contributor",
    ]);
  });

  test("prod: private API server, disks encrypted with the stack's own key", () => {
    const aks = only(synthCluster(prod), "azurerm_kubernetes_cluster");
    expect(aks.private_cluster_enabled).toBe(true);
    expect(aks.api_server_access_profile).toBeUndefined();
  });
});

describe("customer-managed disk key (prod)", () => {
  const stack = () => synthCluster(prod);
  const roles = (s: ReturnType<typeof synthCluster>) => Object.values(s.resource!.azurerm_role_assignment) as Array<Record<string, any>>;
  const role = (s: ReturnType<typeof synthCluster>, name: string) => roles(s).find((r) => r.role_definition_name === name);

  test("a Key Vault with Azure RBAC, purge protection, 90-day soft delete and prevent_destroy", () => {
    expect(only(stack(), "azurerm_key_vault")).toEqual({
      name: "kv-kedafn-prod-des",
      location: "${azurerm_resource_group.resource-group.location}",
      resource_group_name: "${azurerm_resource_group.resource-group.name}",
      tenant_id: "${data.azurerm_client_config.client.tenant_id}",
      sku_name: "standard",
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: true,
      network_acls: { bypass: "AzureServices", default_action: "Allow" },
      tags: prod.tags,
      lifecycle: { prevent_destroy: true },
    });
  });

  test("an RSA 3072 wrap/unwrap key with a yearly rotation policy, created after the deployer's Crypto Officer role", () => {
    const s = stack();
    const vault = Object.keys(s.resource!.azurerm_key_vault)[0];
    const officer = Object.entries(s.resource!.azurerm_role_assignment).find(([, r]: [string, any]) => r.role_definition_name === "Key Vault Crypto Officer")!;
    expect(officer[1]).toEqual({
      scope: `\${azurerm_key_vault.${vault}.id}`,
      role_definition_name: "Key Vault Crypto Officer",
      principal_id: "${data.azurerm_client_config.client.object_id}",
    });
    expect(only(s, "azurerm_key_vault_key")).toEqual({
      name: "disk-encryption",
      key_vault_id: `\${azurerm_key_vault.${vault}.id}`,
      key_type: "RSA",
      key_size: 3072,
      key_opts: ["wrapKey", "unwrapKey"],
      rotation_policy: { automatic: { time_after_creation: "P1Y" }, expire_after: "P2Y", notify_before_expiry: "P30D" },
      tags: prod.tags,
      depends_on: [`azurerm_role_assignment.${officer[0]}`],
      lifecycle: { prevent_destroy: true },
    });
  });

  test("a disk encryption set that follows the key's newest version, and the roles it and the cluster need", () => {
    const s = stack();
    const [key] = Object.keys(s.resource!.azurerm_key_vault_key);
    const [vault] = Object.keys(s.resource!.azurerm_key_vault);
    const [setId] = Object.keys(s.resource!.azurerm_disk_encryption_set);
    expect(only(s, "azurerm_disk_encryption_set")).toEqual({
      name: "des-aks-kedafn-prod",
      location: "${azurerm_resource_group.resource-group.location}",
      resource_group_name: "${azurerm_resource_group.resource-group.name}",
      key_vault_key_id: `\${azurerm_key_vault_key.${key}.versionless_id}`,
      auto_key_rotation_enabled: true,
      identity: { type: "SystemAssigned" },
      tags: prod.tags,
    });
    const [keyAccessId, keyAccess] = Object.entries(s.resource!.azurerm_role_assignment).find(
      ([, r]: [string, any]) => r.role_definition_name === "Key Vault Crypto Service Encryption User",
    )!;
    expect(keyAccess).toEqual({
      scope: `\${azurerm_key_vault.${vault}.id}`,
      role_definition_name: "Key Vault Crypto Service Encryption User",
      principal_id: `\${azurerm_disk_encryption_set.${setId}.identity[0].principal_id}`,
      principal_type: "ServicePrincipal",
      skip_service_principal_aad_check: true,
    });
    const aks = only(s, "azurerm_kubernetes_cluster");
    expect(aks.disk_encryption_set_id).toBe(`\${azurerm_disk_encryption_set.${setId}.id}`);
    expect(aks.depends_on).toEqual([`azurerm_role_assignment.${keyAccessId}`]);
    expect(role(s, "Reader")).toEqual({
      scope: `\${azurerm_disk_encryption_set.${setId}.id}`,
      role_definition_name: "Reader",
      principal_id: "${azurerm_kubernetes_cluster.cluster.identity[0].principal_id}",
      principal_type: "ServicePrincipal",
      skip_service_principal_aad_check: true,
    });
  });

  test("a custom key name and firewall ranges: the vault denies everything else except trusted Azure services", () => {
    const cluster = withOverrides(prod.cluster, {
      diskEncryption: { mode: "customer-managed", keyVaultName: "kv-kedafn-prod-des", keyName: "aks-disks", allowedIpRanges: ["203.0.113.0/24"] },
    });
    const s = synthCluster(prod, cluster);
    expect(only(s, "azurerm_key_vault").network_acls).toEqual({ bypass: "AzureServices", default_action: "Deny", ip_rules: ["203.0.113.0/24"] });
    expect(only(s, "azurerm_key_vault_key").name).toBe("aks-disks");
  });

  test("an existing set: its id as given, Reader for the cluster on it, nothing created", () => {
    const id = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/des-shared";
    const s = synthCluster(prod, withOverrides(prod.cluster, { diskEncryption: { mode: "existing-set", diskEncryptionSetId: id } }));
    const aks = only(s, "azurerm_kubernetes_cluster");
    expect(aks.disk_encryption_set_id).toBe(id);
    expect(aks.depends_on).toBeUndefined();
    for (const type of ["azurerm_key_vault", "azurerm_key_vault_key", "azurerm_disk_encryption_set"]) expect(s.resource?.[type]).toBeUndefined();
    expect(role(s, "Reader")).toEqual(expect.objectContaining({ scope: id, principal_id: "${azurerm_kubernetes_cluster.cluster.identity[0].principal_id}" }));
  });
});

describe("API server exposure", () => {
  test("authorized IP ranges on a public cluster", () => {
    const cluster = withOverrides(dev.cluster, { network: { apiServerAuthorizedIpRanges: ["203.0.113.0/24"] } });
    expect(only(synthCluster(dev, cluster), "azurerm_kubernetes_cluster").api_server_access_profile).toEqual({
      authorized_ip_ranges: ["203.0.113.0/24"],
    });
  });
});

describe("an environment's policy exceptions are attached to its resource", () => {
  function policyResults(build: (app: ReturnType<typeof Testing.app>) => ClusterStack | RegistryStack) {
    const app = Testing.app();
    const stack = build(app);
    const policy = new ProjectPolicy();
    Aspects.of(stack).add(policy);
    Testing.synth(stack, true);
    return policy.results;
  }

  test("dev cluster: the Free tier is accepted with dev's reason, on the cluster only", () => {
    const results = policyResults((app) => new ClusterStack(app, "dev-cluster", { location: dev.location, cluster: dev.cluster, registryId: REGISTRY_ID }));
    const tier = results.filter((r) => r.ruleId === "CKV_AZURE_170" && r.outcome.status === "non-compliant");
    expect(tier.map((r) => [r.path, r.suppressedBecause])).toEqual([["dev-cluster/Default/cluster", (dev.cluster.policyExceptions ?? [])[0].reason]]);
  });

  test("prod cluster: no exceptions, and every cluster check passes", () => {
    const results = policyResults((app) => new ClusterStack(app, "prod-cluster", { location: prod.location, cluster: prod.cluster, registryId: REGISTRY_ID }));
    expect(results.filter((r) => r.suppressedBecause !== undefined)).toEqual([]);
    expect(results.filter((r) => r.outcome.status === "non-compliant").map((r) => r.ruleId)).toEqual([]);
  });

  test("prod registry: only the public endpoint, trust policy and quarantine are accepted", () => {
    const results = policyResults((app) => new RegistryStack(app, "prod-registry", { location: prod.location, registry: prod.registry }));
    const failing = results.filter((r) => r.outcome.status === "non-compliant");
    expect(failing.map((r) => [r.ruleId, r.suppressedBecause !== undefined])).toEqual([
      ["CKV_AZURE_139", true],
      ["CKV_AZURE_164", true],
      ["CKV_AZURE_166", true],
    ]);
  });
});
