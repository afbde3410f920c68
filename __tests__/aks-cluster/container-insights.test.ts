import { environments } from "../../config";
import { only, synthCluster } from "../support/platform";

/**
 * Issue 11 item 5. With `oms_agent.msi_auth_for_monitoring_enabled` the monitoring agent collects
 * only what a data collection rule associated with the cluster names; through ARM/Terraform the
 * add-on alone creates none (hashicorp/terraform-provider-azurerm#23510).
 *
 * Expected values are Azure's documentation, not our constant: "Stream | Container insights table"
 * in Azure Monitor's docs (MicrosoftDocs/azure-monitor-docs,
 * articles/azure-monitor/containers/includes/data-collection-rule-streams.md, 2025-11-21). Each
 * stream named there, with the Log Analytics table it fills.
 */
const DOCUMENTED_STREAM_TABLES: Readonly<Record<string, string>> = {
  "Microsoft-ContainerInventory": "ContainerInventory",
  "Microsoft-ContainerLog": "ContainerLog",
  "Microsoft-ContainerLogV2": "ContainerLogV2",
  "Microsoft-ContainerLogV2-HighScale": "ContainerLogV2 (high scale mode)",
  "Microsoft-ContainerNodeInventory": "ContainerNodeInventory",
  "Microsoft-InsightsMetrics": "InsightsMetrics",
  "Microsoft-KubeEvents": "KubeEvents",
  "Microsoft-KubeMonAgentEvents": "KubeMonAgentEvents",
  "Microsoft-KubeNodeInventory": "KubeNodeInventory",
  "Microsoft-KubePodInventory": "KubePodInventory",
  "Microsoft-KubePVInventory": "KubePVInventory",
  "Microsoft-KubeServices": "KubeServices",
  "Microsoft-Perf": "Perf",
};
/** The docs' footnote: never both, or every log line arrives twice. */
const HIGH_SCALE = "Microsoft-ContainerLogV2-HighScale";

/** The rule collects every documented table, in the ContainerLogV2 schema (not high scale mode). */
function expectEveryDocumentedTable(streams: readonly string[]): void {
  expect(streams.filter((s) => !(s in DOCUMENTED_STREAM_TABLES))).toEqual([]);
  expect(new Set(streams).size).toBe(streams.length);
  expect(streams).not.toContain(HIGH_SCALE);
  expect([...streams].sort()).toEqual(Object.keys(DOCUMENTED_STREAM_TABLES).filter((s) => s !== HIGH_SCALE).sort());
}

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
    const [flow] = rule.data_flow;
    expect(rule.data_flow).toHaveLength(1);
    expect(flow.destinations).toEqual(["ciworkspace"]);
    expectEveryDocumentedTable(flow.streams);
    const [extension] = rule.data_sources.extension;
    expect(extension).toMatchObject({ name: "ContainerInsightsExtension", extension_name: "ContainerInsights" });
    // The extension collects exactly what the flow sends.
    expect(extension.streams).toEqual(flow.streams);
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
