import { block, resourceRule } from "../../policy-rule";

/** Node pools use virtual machine scale sets, not availability sets. */
export const aksScaleSets = resourceRule(
  {
    id: "CKV_AZURE_169",
    source: "checkov",
    level: "error",
    description: "AKS node pools use virtual machine scale sets",
    fix: "remove default_node_pool.type = AvailabilitySet",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) => (block(c.default_node_pool)?.type === "AvailabilitySet" ? "default_node_pool.type is AvailabilitySet" : undefined),
);
