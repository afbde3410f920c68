import { block, resourceRule } from "../../policy-rule";

/** Nodes have no public IP addresses. */
export const aksNodePublicIp = resourceRule(
  {
    id: "CKV_AZURE_143",
    source: "checkov",
    level: "error",
    description: "AKS nodes have no public IP",
    fix: "remove default_node_pool.node_public_ip_enabled",
    resourceTypes: ["azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool"],
  },
  (c) => {
    const pool = block(c.default_node_pool) ?? c;
    return pool.node_public_ip_enabled === true || pool.enable_node_public_ip === true ? "node_public_ip_enabled is true" : undefined;
  },
);
