import { block, resourceRule } from "../../policy-rule";

/** Container Insights sends cluster logs to a Log Analytics workspace. */
export const aksLogging = resourceRule(
  {
    id: "CKV_AZURE_4",
    alsoKnownAs: ["AZU-0040"],
    source: "checkov",
    level: "warning",
    description: "AKS sends logs to Azure Monitor",
    fix: "set oms_agent.log_analytics_workspace_id",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) => (block(c.oms_agent)?.log_analytics_workspace_id ? undefined : "oms_agent.log_analytics_workspace_id is not set"),
);
