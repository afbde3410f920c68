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
  test("dev: public API server, platform-managed keys", () => {
    const aks = only(synthCluster(dev), "azurerm_kubernetes_cluster");
    expect(aks.private_cluster_enabled).toBe(false);
    expect(aks.api_server_access_profile).toBeUndefined();
    expect(aks.disk_encryption_set_id).toBeUndefined();
  });

  test("prod: private API server, OS and data disks encrypted with the configured disk encryption set", () => {
    const aks = only(synthCluster(prod), "azurerm_kubernetes_cluster");
    expect(aks.private_cluster_enabled).toBe(true);
    expect(aks.api_server_access_profile).toBeUndefined();
    expect(aks.disk_encryption_set_id).toBe(prod.cluster.diskEncryptionSetId);
    expect(aks.disk_encryption_set_id).toMatch(/\/providers\/Microsoft\.Compute\/diskEncryptionSets\/des-kedafn-prod$/);
  });

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
    expect(tier.map((r) => [r.path, r.suppressedBecause])).toEqual([["dev-cluster/cluster", dev.cluster.policyExceptions[0].reason]]);
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
