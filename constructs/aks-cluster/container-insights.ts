import { Construct } from "constructs";
import { MonitorDataCollectionRule } from "@cdktf/provider-azurerm/lib/monitor-data-collection-rule";
import { MonitorDataCollectionRuleAssociation } from "@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association";

/**
 * The streams Container Insights collects, as its onboarding template for managed-identity
 * authentication defines them (microsoft/Docker-Provider,
 * scripts/onboarding/aks/onboarding-msi-terraform/variables.tf `streams`): logs, events,
 * inventory and performance data.
 */
export const CONTAINER_INSIGHTS_STREAMS = [
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
] as const;

/** Name of the rule's only destination. */
const WORKSPACE_DESTINATION = "ciworkspace";

/** Props of {@link ContainerInsights}. */
export interface ContainerInsightsProps {
  /** Name of the cluster: the rule is `MSCI-<location>-<cluster>`, the name AKS onboarding gives it. */
  readonly clusterName: string;
  /** Resource id of the cluster the rule is associated with. */
  readonly clusterId: string;
  /** Resource id of the Log Analytics workspace the data goes to. */
  readonly workspaceId: string;
  /** Resource group and region of the rule: the workspace's (a rule must live in its destination's region). */
  readonly resourceGroupName: string;
  readonly location: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The data collection rule and its association that Container Insights needs when the monitoring
 * agent signs in with its managed identity (`oms_agent.msi_auth_for_monitoring_enabled`). The
 * portal and `az aks enable-addons` create both; through ARM/Terraform the add-on alone collects
 * nothing (hashicorp/terraform-provider-azurerm#23510). The association is named
 * `ContainerInsightsExtension`, the name the agent looks for.
 */
export class ContainerInsights extends Construct {
  readonly rule: MonitorDataCollectionRule;
  readonly association: MonitorDataCollectionRuleAssociation;

  constructor(scope: Construct, id: string, props: ContainerInsightsProps) {
    super(scope, id);
    const streams = [...CONTAINER_INSIGHTS_STREAMS];
    this.rule = new MonitorDataCollectionRule(this, "rule", {
      name: `MSCI-${props.location}-${props.clusterName}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      description: "DCR for Azure Monitor Container Insights",
      destinations: { logAnalytics: [{ name: WORKSPACE_DESTINATION, workspaceResourceId: props.workspaceId }] },
      dataFlow: [{ streams, destinations: [WORKSPACE_DESTINATION] }],
      dataSources: {
        extension: [
          {
            name: "ContainerInsightsExtension",
            extensionName: "ContainerInsights",
            streams,
            // Every namespace, each minute, logs in the ContainerLogV2 schema (the template's defaults).
            extensionJson: JSON.stringify({ dataCollectionSettings: { interval: "1m", namespaceFilteringMode: "Off", enableContainerLogV2: true } }),
          },
        ],
      },
      tags: props.tags === undefined ? undefined : { ...props.tags },
    });
    this.association = new MonitorDataCollectionRuleAssociation(this, "association", {
      name: "ContainerInsightsExtension",
      targetResourceId: props.clusterId,
      dataCollectionRuleId: this.rule.id,
      description: "Association of container insights data collection rule. Deleting this association will break the data collection for this AKS Cluster.",
    });
  }
}
