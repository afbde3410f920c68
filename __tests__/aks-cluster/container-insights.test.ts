import { environments } from "../../config";
import { only, synthCluster } from "../support/platform";

/**
 * Issue 11 item 5. With `oms_agent.msi_auth_for_monitoring_enabled` the monitoring agent collects
 * only what a data collection rule associated with the cluster names; through ARM/Terraform the
 * add-on alone creates none (hashicorp/terraform-provider-azurerm#23510). Expected values: the
 * Container Insights onboarding template for managed identity (microsoft/Docker-Provider,
 * scripts/onboarding/aks/onboarding-msi-terraform).
 */
const STREAMS = [
  "Microsoft-ContainerLog",
  "Microsoft-ContainerLogV2",
  "Microsoft-KubeEvents",
  "Microsoft-KubePodInventory",
  "Microsoft-KubeNodeInventory",
  "Microsoft-KubePVInventory",
  "Microsoft-KubeServices",
  "Microsoft-KubeMonAgentEvents",
  "Microsoft-InsightsMetrics",
  "Microsoft-ContainerInventory",
  "Microsoft-ContainerNodeInventory",
  "Microsoft-Perf",
];

const ref = (type: string, stack: any, attribute: string) => {
  const [name] = Object.keys(stack.resource[type]);
  return `\${${type}.${name}.${attribute}}`;
};

describe.each([
  ["dev", environments.dev],
  ["prod", environments.prod],
])("%s cluster: Container Insights collects (issue 11 item 5)", (_, env) => {
  const stack = synthCluster(env);

  test("the agent signs in with its managed identity, so it needs a data collection rule", () => {
    expect(only(stack, "azurerm_kubernetes_cluster").oms_agent).toEqual({
      log_analytics_workspace_id: ref("azurerm_log_analytics_workspace", stack, "id"),
      msi_auth_for_monitoring_enabled: true,
    });
  });

  test("a data collection rule sends the Container Insights streams to the cluster's workspace", () => {
    const rule = only(stack, "azurerm_monitor_data_collection_rule");
    expect(rule.name).toBe(`MSCI-\${azurerm_resource_group.resource-group.location}-${env.cluster.name}`);
    expect(rule.location).toBe("${azurerm_resource_group.resource-group.location}");
    expect(rule.destinations).toEqual({ log_analytics: [{ name: "ciworkspace", workspace_resource_id: ref("azurerm_log_analytics_workspace", stack, "id") }] });
    expect(rule.data_flow).toEqual([{ streams: STREAMS, destinations: ["ciworkspace"] }]);
    const [extension] = rule.data_sources.extension;
    expect(extension).toMatchObject({ name: "ContainerInsightsExtension", extension_name: "ContainerInsights", streams: STREAMS });
    expect(JSON.parse(extension.extension_json)).toEqual({
      dataCollectionSettings: { interval: "1m", namespaceFilteringMode: "Off", enableContainerLogV2: true },
    });
  });

  test("the rule is associated with the cluster under the name the agent looks for", () => {
    const association = only(stack, "azurerm_monitor_data_collection_rule_association");
    expect(association).toMatchObject({
      name: "ContainerInsightsExtension",
      target_resource_id: ref("azurerm_kubernetes_cluster", stack, "id"),
      data_collection_rule_id: ref("azurerm_monitor_data_collection_rule", stack, "id"),
    });
  });
});
