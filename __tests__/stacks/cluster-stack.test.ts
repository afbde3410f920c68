import { environments } from "../../config";
import { resolveClusterSettings } from "../../constructs/aks-cluster/defaults";
import { AKS_AAD_SERVER_ID } from "../../constructs/aks-cluster/kubelogin";
import { only, REGISTRY_ID, synthCluster, withOverrides } from "../support/platform";
import { resourcesOf } from "../support/synth-app";

const dev = environments.dev;
const prod = environments.prod;

describe.each([
  ["dev", dev],
  ["prod", prod],
])("%s cluster: explicit secure defaults", (_, env) => {
  const cfg = resolveClusterSettings(env.cluster, "unused");
  const stack = synthCluster(env);
  const aks = only(stack, "azurerm_kubernetes_cluster");
  const pool = only(stack, "azurerm_kubernetes_cluster_node_pool");

  test("Entra ID sign-in with Azure RBAC, no local accounts, no run command", () => {
    expect(aks.role_based_access_control_enabled).toBe(true);
    expect(aks.azure_active_directory_role_based_access_control).toEqual({
      azure_rbac_enabled: true,
      tenant_id: "${data.azurerm_client_config.client.tenant_id}",
    });
    expect(aks.local_account_disabled).toBe(true);
    expect(aks.run_command_enabled).toBe(false);
  });

  test("OIDC issuer and workload identity on", () => {
    expect(aks.oidc_issuer_enabled).toBe(true);
    expect(aks.workload_identity_enabled).toBe(true);
  });

  test("Azure CNI overlay with the configured network policy in the cluster's own VNet", () => {
    expect(aks.network_profile).toEqual({
      network_plugin: "azure",
      network_plugin_mode: "overlay",
      network_data_plane: cfg.network.dataPlane,
      network_policy: cfg.network.policy,
      pod_cidr: cfg.network.podCidr,
      service_cidr: cfg.network.serviceCidr,
      dns_service_ip: cfg.network.dnsServiceIp,
      outbound_type: "loadBalancer",
      load_balancer_sku: "standard",
    });
    expect(only(stack, "azurerm_virtual_network").address_space).toEqual([cfg.network.vnetAddressSpace]);
    expect(only(stack, "azurerm_subnet").address_prefixes).toEqual([cfg.network.nodeSubnetPrefix]);
    expect(aks.default_node_pool.vnet_subnet_id).toBe("${azurerm_subnet.nodes-subnet.id}");
    expect(pool.vnet_subnet_id).toBe("${azurerm_subnet.nodes-subnet.id}");
  });

  test("automatic upgrade and node OS channels inside a weekly maintenance window", () => {
    expect(aks.automatic_upgrade_channel).toBe("patch");
    expect(aks.node_os_upgrade_channel).toBe("NodeImage");
    const window = { frequency: "Weekly", interval: 1, day_of_week: "Sunday", start_time: "02:00", utc_offset: "+00:00", duration: 4 };
    expect(aks.maintenance_window_auto_upgrade).toEqual(window);
    expect(aks.maintenance_window_node_os).toEqual(window);
  });

  test("Container Insights writes to a Log Analytics workspace with its managed identity", () => {
    const logs = only(stack, "azurerm_log_analytics_workspace");
    expect(logs).toMatchObject({
      sku: "PerGB2018",
      retention_in_days: cfg.monitoring.retentionInDays,
      daily_quota_gb: cfg.monitoring.dailyQuotaGb,
      local_authentication_enabled: false,
    });
    expect(aks.oms_agent).toEqual({
      log_analytics_workspace_id: "${azurerm_log_analytics_workspace.logs.id}",
      msi_auth_for_monitoring_enabled: true,
    });
  });

  test("a system pool for critical add-ons only, with a rotation name and no public IPs", () => {
    expect(aks.default_node_pool).toMatchObject({
      name: cfg.systemNodePool.name,
      vm_size: cfg.systemNodePool.vmSize,
      node_count: cfg.systemNodePool.nodeCount,
      only_critical_addons_enabled: true,
      temporary_name_for_rotation: "systemtmp",
      max_pods: 110,
      os_sku: "AzureLinux",
      node_public_ip_enabled: false,
      upgrade_settings: { max_surge: "33%" },
    });
  });

  test("a user pool sized by the cluster autoscaler", () => {
    expect(pool).toMatchObject({
      kubernetes_cluster_id: "${azurerm_kubernetes_cluster.cluster.id}",
      mode: "User",
      name: "user",
      auto_scaling_enabled: true,
      min_count: cfg.userNodePool.minCount,
      max_count: cfg.userNodePool.maxCount,
      temporary_name_for_rotation: "usertmp",
      node_public_ip_enabled: false,
    });
    expect(pool.node_count).toBeUndefined();
  });

  test("SKU tier, Azure Policy and image cleaner from config / explicit", () => {
    expect(aks.sku_tier).toBe(cfg.skuTier);
    expect(aks.azure_policy_enabled).toBe(true);
    expect(aks.image_cleaner_enabled).toBe(true);
  });

  test("KEDA as the AKS add-on, no virtual nodes, no authorized-IP block by default", () => {
    expect(aks.workload_autoscaler_profile).toEqual({ keda_enabled: true });
    expect(aks.aci_connector_linux).toBeUndefined();
    expect(aks.api_server_access_profile).toBeUndefined();
  });

  test("the kubelet identity may pull from the registry, and nothing more", () => {
    const pulls = resourcesOf(stack, "azurerm_role_assignment").filter((r) => r.scope === REGISTRY_ID);
    expect(pulls).toEqual([
      expect.objectContaining({
        role_definition_name: "AcrPull",
        principal_id: "${azurerm_kubernetes_cluster.cluster.kubelet_identity[0].object_id}",
        principal_type: "ServicePrincipal",
        skip_service_principal_aad_check: true,
      }),
    ]);
  });

  test("the cluster identity is Network Contributor on its node subnet only", () => {
    const network = resourcesOf(stack, "azurerm_role_assignment").filter((r) => r.role_definition_name === "Network Contributor");
    expect(network).toEqual([
      expect.objectContaining({
        scope: "${azurerm_subnet.nodes-subnet.id}",
        principal_id: "${azurerm_kubernetes_cluster.cluster.identity[0].principal_id}",
      }),
    ]);
  });

  test("outputs what a user needs after deploy", () => {
    expect(Object.keys(stack.output ?? {})).toEqual(
      expect.arrayContaining(["cluster_name", "resource_group_name", "oidc_issuer_url", "get_credentials_command"]),
    );
    expect(stack.output!.get_credentials_command.value).toBe(
      "az aks get-credentials --resource-group ${azurerm_resource_group.resource-group.name} --name ${azurerm_kubernetes_cluster.cluster.name} --overwrite-existing && kubelogin convert-kubeconfig --login azurecli",
    );
  });
});

describe("dev is the cheapest viable cluster", () => {
  const aks = only(synthCluster(dev), "azurerm_kubernetes_cluster");
  test("one system node, Free tier, no zones, capped log ingestion", () => {
    expect(aks.default_node_pool.node_count).toBe(1);
    expect(aks.sku_tier).toBe("Free");
    expect(aks.default_node_pool.zones).toBeUndefined();
    expect(resolveClusterSettings(dev.cluster, "unused").monitoring.dailyQuotaGb).toBe(1);
  });
});

describe("prod is highly available", () => {
  const stack = synthCluster(prod);
  const aks = only(stack, "azurerm_kubernetes_cluster");
  test("three zones on both pools, at least three system nodes, Standard tier (uptime SLA)", () => {
    expect(aks.default_node_pool.zones).toEqual(["1", "2", "3"]);
    expect(only(stack, "azurerm_kubernetes_cluster_node_pool").zones).toEqual(["1", "2", "3"]);
    expect(aks.default_node_pool.node_count).toBeGreaterThanOrEqual(3);
    expect(only(stack, "azurerm_kubernetes_cluster_node_pool").min_count).toBeGreaterThanOrEqual(3);
    expect(aks.sku_tier).toBe("Standard");
  });
});

describe("virtual nodes (opt-in)", () => {
  const cluster = withOverrides(dev.cluster, { network: { mode: "vnet" }, virtualNodes: { enabled: true } });
  const stack = synthCluster(dev, cluster);
  const aks = only(stack, "azurerm_kubernetes_cluster");
  const subnets = stack.resource!.azurerm_subnet;

  test("use flat Azure CNI (no overlay, no pod CIDR)", () => {
    expect(aks.network_profile.network_plugin).toBe("azure");
    expect(aks.network_profile.network_plugin_mode).toBeUndefined();
    expect(aks.network_profile.pod_cidr).toBeUndefined();
  });

  test("get a subnet delegated to Azure Container Instances and the ACI connector on it", () => {
    expect(subnets["virtual-nodes-subnet"]).toMatchObject({
      address_prefixes: ["10.225.0.0/16"],
      delegation: [
        {
          name: "aci",
          service_delegation: {
            name: "Microsoft.ContainerInstance/containerGroups",
            actions: ["Microsoft.Network/virtualNetworks/subnets/action"],
          },
        },
      ],
    });
    expect(aks.aci_connector_linux).toEqual({ subnet_name: "${azurerm_subnet.virtual-nodes-subnet.name}" });
  });

  test("give the connector identity Network Contributor on that subnet", () => {
    const role = stack.resource!.azurerm_role_assignment["aci-connector-network-contributor"];
    expect(role).toMatchObject({
      scope: "${azurerm_subnet.virtual-nodes-subnet.id}",
      role_definition_name: "Network Contributor",
      principal_id: "${azurerm_kubernetes_cluster.cluster.aci_connector_linux[0].connector_identity[0].object_id}",
    });
  });
});

describe("KEDA from the Helm chart", () => {
  test("turns the AKS add-on off", () => {
    const cluster = withOverrides(dev.cluster, { keda: { addOn: false, helm: { enabled: true } } });
    const aks = only(synthCluster(dev, cluster), "azurerm_kubernetes_cluster");
    expect(aks.workload_autoscaler_profile).toEqual({ keda_enabled: false });
  });
});

test("authorized IP ranges become the API server access profile", () => {
  const cluster = withOverrides(dev.cluster, { network: { apiServerAuthorizedIpRanges: ["203.0.113.0/24"] } });
  const aks = only(synthCluster(dev, cluster), "azurerm_kubernetes_cluster");
  expect(aks.api_server_access_profile).toEqual({ authorized_ip_ranges: ["203.0.113.0/24"] });
});

test("kubelogin targets the AKS AAD server application", () => {
  expect(AKS_AAD_SERVER_ID).toBe("6dae42f8-4368-4678-94ff-3960e28e3630");
});
