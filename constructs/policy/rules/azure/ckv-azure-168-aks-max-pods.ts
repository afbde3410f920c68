import { block, resourceRule } from "../../policy-rule";

/** Nodes can run at least 50 pods (checkov assumes 30 when unset). */
export const aksMaxPods = resourceRule(
  {
    id: "CKV_AZURE_168",
    source: "checkov",
    level: "warning",
    description: "AKS node pools allow at least 50 pods per node",
    fix: "set max_pods >= 50 on every node pool",
    resourceTypes: ["azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool"],
  },
  (c) => {
    const pool = block(c.default_node_pool) ?? c;
    const maxPods = typeof pool.max_pods === "number" ? pool.max_pods : 30;
    return maxPods >= 50 ? undefined : `max_pods is ${pool.max_pods ?? "unset (30)"}`;
  },
);
