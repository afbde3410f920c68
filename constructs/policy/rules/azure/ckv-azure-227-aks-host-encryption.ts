import { block, resourceRule } from "../../policy-rule";

/** Temp disks and caches of the nodes are encrypted at the host. */
export const aksHostEncryption = resourceRule(
  {
    id: "CKV_AZURE_227",
    source: "checkov",
    level: "warning",
    description: "AKS node pools use encryption at host",
    fix: "set host_encryption_enabled = true (the subscription must have EncryptionAtHost registered)",
    resourceTypes: ["azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool"],
  },
  (c) => {
    const pool = block(c.default_node_pool) ?? c;
    return pool.host_encryption_enabled === true || pool.enable_host_encryption === true
      ? undefined
      : "host_encryption_enabled is not true";
  },
);
