import { block, resourceRule } from "../../policy-rule";

/** Node OS disks are ephemeral (no data at rest in managed disks, faster reimage). */
export const aksEphemeralOsDisk = resourceRule(
  {
    id: "CKV_AZURE_226",
    source: "checkov",
    level: "warning",
    description: "AKS system pool uses ephemeral OS disks",
    fix: 'set default_node_pool.os_disk_type = "Ephemeral" with a VM size whose cache fits the disk',
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) => (block(c.default_node_pool)?.os_disk_type === "Ephemeral" ? undefined : "default_node_pool.os_disk_type is not Ephemeral"),
);
