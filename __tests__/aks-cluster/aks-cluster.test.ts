import { Testing, TerraformStack, TerraformVariable } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { environments } from "../../config";
import { AksCluster, AksClusterProps } from "../../constructs/aks-cluster";
import { ClusterStack } from "../../stacks/cluster-stack";
import { REGISTRY_ID } from "../support/platform";

/** A user's own stack: an azurerm provider and whatever the test builds in it. */
function userStack(build: (stack: TerraformStack) => void, stackId = "app"): any {
  const stack = new TerraformStack(Testing.app(), stackId);
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  build(stack);
  return JSON.parse(Testing.synth(stack, true));
}

const resources = (json: any, type: string): any[] => Object.values(json.resource?.[type] ?? {});
const one = (json: any, type: string): any => {
  const all = resources(json, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
};

describe("new AksCluster(stack, id) with no props: the secure production defaults", () => {
  const json = userStack((stack) => new AksCluster(stack, "aks"));
  const aks = one(json, "azurerm_kubernetes_cluster");
  const pool = one(json, "azurerm_kubernetes_cluster_node_pool");

  // [setting, what the default renders to, expected]
  test.each<[string, () => unknown, unknown]>([
    ["name (from the construct path)", () => aks.name, "app-aks"],
    ["dnsPrefix (the name)", () => aks.dns_prefix, "app-aks"],
    ["kubernetesVersion (AKS default)", () => aks.kubernetes_version, undefined],
    ["skuTier", () => aks.sku_tier, "Standard"],
    ["zones", () => [aks.default_node_pool.zones, pool.zones], [["1", "2", "3"], ["1", "2", "3"]]],
    ["automaticUpgradeChannel", () => aks.automatic_upgrade_channel, "patch"],
    ["nodeOsUpgradeChannel", () => aks.node_os_upgrade_channel, "NodeImage"],
    [
      "maintenanceWindow",
      () => aks.maintenance_window_auto_upgrade,
      { frequency: "Weekly", interval: 1, day_of_week: "Sunday", start_time: "02:00", utc_offset: "+00:00", duration: 4 },
    ],
    ["azurePolicyEnabled", () => aks.azure_policy_enabled, true],
    [
      "systemNodePool",
      () => aks.default_node_pool,
      expect.objectContaining({
        name: "system",
        vm_size: "Standard_D4ds_v5",
        node_count: 3,
        max_pods: 110,
        os_sku: "AzureLinux",
        temporary_name_for_rotation: "systemtmp",
        upgrade_settings: { max_surge: "33%" },
        os_disk_type: "Ephemeral",
        os_disk_size_gb: 128,
        host_encryption_enabled: true,
        only_critical_addons_enabled: true,
      }),
    ],
    [
      "userNodePool",
      () => pool,
      expect.objectContaining({
        name: "user",
        vm_size: "Standard_D4ds_v5",
        min_count: 3,
        max_count: 20,
        max_pods: 110,
        os_sku: "AzureLinux",
        temporary_name_for_rotation: "usertmp",
        os_disk_type: "Ephemeral",
        os_disk_size_gb: 128,
        host_encryption_enabled: true,
      }),
    ],
    [
      "network",
      () => aks.network_profile,
      {
        network_plugin: "azure",
        network_plugin_mode: "overlay",
        network_data_plane: "cilium",
        network_policy: "cilium",
        pod_cidr: "10.244.0.0/16",
        service_cidr: "10.0.0.0/16",
        dns_service_ip: "10.0.0.10",
        outbound_type: "loadBalancer",
        load_balancer_sku: "standard",
      },
    ],
    ["network.vnetAddressSpace", () => one(json, "azurerm_virtual_network").address_space, ["10.224.0.0/12"]],
    ["network.nodeSubnetPrefix", () => one(json, "azurerm_subnet").address_prefixes, ["10.224.0.0/16"]],
    ["network.privateClusterEnabled", () => aks.private_cluster_enabled, true],
    ["network.apiServerAuthorizedIpRanges", () => aks.api_server_access_profile, undefined],
    [
      "monitoring",
      () => one(json, "azurerm_log_analytics_workspace"),
      expect.objectContaining({ retention_in_days: 90, daily_quota_gb: -1, local_authentication_enabled: false }),
    ],
    ["keda (the AKS add-on)", () => aks.workload_autoscaler_profile, { keda_enabled: true }],
    ["virtualNodes (off)", () => aks.aci_connector_linux, undefined],
    ["keyVaultSecretsProvider", () => aks.key_vault_secrets_provider, { secret_rotation_enabled: true, secret_rotation_interval: "2m" }],
    [
      "diskEncryption (customer-managed key, vault named after the cluster)",
      () => [aks.disk_encryption_set_id, one(json, "azurerm_key_vault").name, one(json, "azurerm_key_vault").purge_protection_enabled],
      [expect.stringMatching(/^\$\{azurerm_disk_encryption_set\.aks_disk-key_disk-encryption-set_[0-9A-F]{8}\.id\}$/), "kv-app-aks", true],
    ],
    [
      "adminObjectIds (only the deployer)",
      () => resources(json, "azurerm_role_assignment").filter((r) => r.role_definition_name === "Azure Kubernetes Service RBAC Cluster Admin").map((r) => r.for_each),
      [expect.stringMatching(/^\$\{toset\(distinct\(concat\(\[\], \[data\.azurerm_client_config\.aks_client_[0-9A-F]{8}\.object_id\]\)\)\)\}$/)],
    ],
    ["resourceGroupName / location", () => one(json, "azurerm_resource_group"), expect.objectContaining({ name: "rg-app-aks", location: "westeurope" })],
    ["registryId (no pull access)", () => resources(json, "azurerm_role_assignment").filter((r) => r.role_definition_name === "AcrPull"), []],
    ["tags", () => aks.tags, {}],
  ])("%s", (_setting, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  test("the always-on hardening: Entra ID with Azure RBAC, no local accounts, workload identity", () => {
    expect(aks).toMatchObject({
      local_account_disabled: true,
      run_command_enabled: false,
      oidc_issuer_enabled: true,
      workload_identity_enabled: true,
      role_based_access_control_enabled: true,
      image_cleaner_enabled: true,
    });
  });
});

describe("defaults merge field by field", () => {
  test("a partial pool keeps the other pool defaults; the other pool is untouched", () => {
    const json = userStack((stack) => new AksCluster(stack, "aks", { systemNodePool: { vmSize: "Standard_D2ds_v5", osDiskSizeGb: 64 } }));
    const aks = one(json, "azurerm_kubernetes_cluster");
    expect(aks.default_node_pool).toMatchObject({ name: "system", vm_size: "Standard_D2ds_v5", os_disk_size_gb: 64, node_count: 3, host_encryption_enabled: true });
    expect(one(json, "azurerm_kubernetes_cluster_node_pool")).toMatchObject({ vm_size: "Standard_D4ds_v5", os_disk_size_gb: 128 });
  });

  test("an explicit undefined keeps the default (no `{ ...undefined }` overwrite)", () => {
    const json = userStack((stack) => new AksCluster(stack, "aks", { network: { privateClusterEnabled: undefined } }));
    expect(one(json, "azurerm_kubernetes_cluster").private_cluster_enabled).toBe(true);
  });

  test("an explicit false is kept (no `?? true` trap in the nested merge)", () => {
    const json = userStack((stack) => new AksCluster(stack, "aks", { network: { privateClusterEnabled: false }, keyVaultSecretsProvider: { enabled: false } }));
    const aks = one(json, "azurerm_kubernetes_cluster");
    expect(aks.private_cluster_enabled).toBe(false);
    expect(aks.key_vault_secrets_provider).toBeUndefined();
  });
});

describe("where the cluster goes", () => {
  test("an existing resource group is used, none is created", () => {
    const json = userStack((stack) => {
      const group = new ResourceGroup(stack, "group", { name: "rg-shared", location: "northeurope" });
      new AksCluster(stack, "aks", { resourceGroup: group });
    });
    expect(resources(json, "azurerm_resource_group").map((g) => g.name)).toEqual(["rg-shared"]);
    expect(one(json, "azurerm_kubernetes_cluster")).toMatchObject({
      resource_group_name: "${azurerm_resource_group.group.name}",
      location: "${azurerm_resource_group.group.location}",
    });
  });

  test("registryId gives the kubelet identity AcrPull on that registry", () => {
    const json = userStack((stack) => new AksCluster(stack, "aks", { registryId: REGISTRY_ID }));
    expect(resources(json, "azurerm_role_assignment").filter((r) => r.role_definition_name === "AcrPull")).toEqual([
      expect.objectContaining({ scope: REGISTRY_ID, principal_type: "ServicePrincipal", skip_service_principal_aad_check: true }),
    ]);
  });

  test("kubeletIdentity is a registry grantee that creates the assignment under the cluster", () => {
    let cluster!: AksCluster;
    userStack((stack) => (cluster = new AksCluster(stack, "aks")));
    expect(cluster.kubeletIdentity).toMatchObject({ principalType: "ServicePrincipal", scope: cluster, id: "kubelet-acr-pull" });
    expect(cluster.kubeletIdentity.principalId).toBe(cluster.kubeletObjectId);
  });
});

describe("what our cluster stack gives, a user's stack gives", () => {
  test.each([
    ["dev", environments.dev],
    ["prod", environments.prod],
  ])("%s: the same resources and data sources as ClusterStack", (_, env) => {
    const { resourceGroupName, policyExceptions: _exceptions, ...settings } = env.cluster;
    const ours = JSON.parse(Testing.synth(new ClusterStack(Testing.app(), `${env.name}-cluster`, { location: env.location, tags: env.tags, cluster: env.cluster, registryId: REGISTRY_ID })));
    const props: AksClusterProps = { ...settings, resourceGroupName, location: env.location, tags: env.tags, registryId: REGISTRY_ID };
    // Same stack and construct ids, so the Terraform addresses match too.
    const theirs = userStack((stack) => new AksCluster(stack, "Default", props), `${env.name}-cluster`);
    expect(theirs.resource).toEqual(ours.resource);
    expect(theirs.data).toEqual(ours.data);
  });
});

describe("bad input names the construct path, property, value and fix", () => {
  const failure = (props: AksClusterProps) => {
    try {
      userStack((stack) => new AksCluster(stack, "aks", props));
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("no error");
  };

  test("a closed choice from untyped input", () => {
    expect(failure({ skuTier: "Paid" as never })).toBe(
      'AksCluster at "app/aks" has 1 invalid property:\n  - skuTier = "Paid": must be one of "Free", "Standard", "Premium". Fix: use one of the listed values (they are case-sensitive)',
    );
  });

  test("a default that breaks another rule is reported against the setting that was given", () => {
    // virtual nodes need flat Azure CNI, and the default network mode is overlay.
    expect(failure({ virtualNodes: { enabled: true }, diskEncryption: { mode: "platform-managed" }, network: { privateClusterEnabled: false } })).toContain(
      '  - virtualNodes.enabled = true: virtual nodes need Azure CNI with pod addresses in the VNet, and network.mode is "overlay"',
    );
  });

  test("a name that is no valid DNS prefix is reported for the dnsPrefix it defaults", () => {
    expect(failure({ name: "aks_dev" })).toBe(
      'AksCluster at "app/aks" has 1 invalid property:\n  - dnsPrefix = "aks_dev": must be 1-54 letters, digits and \'-\', starting and ending with a letter or digit (azurerm KubernetesDNSPrefix). Fix: remove other characters and shorten the prefix',
    );
  });

  test("a derived Key Vault name stays within Azure's 24 characters", () => {
    const json = userStack((stack) => new AksCluster(stack, "a-rather-long-cluster-construct-id"));
    const name = one(json, "azurerm_key_vault").name as string;
    expect(name).toBe("kv-app-a-rather-long-clu");
    expect(name.length).toBeLessThanOrEqual(24);
  });

  test("a Terraform token as the name is neither validated nor cut as a string", () => {
    const json = userStack((stack) => {
      const name = new TerraformVariable(stack, "cluster_name", { type: "string" });
      new AksCluster(stack, "aks", { name: name.stringValue });
    });
    expect(one(json, "azurerm_kubernetes_cluster").name).toBe("${var.cluster_name}");
    expect(one(json, "azurerm_key_vault").name).toBe("kv-${var.cluster_name}");
  });
});
