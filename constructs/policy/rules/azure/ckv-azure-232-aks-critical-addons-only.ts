import { block, resourceRule } from "../../policy-rule";

/** The system pool runs only critical add-ons; apps go to user pools. */
export const aksCriticalAddonsOnly = resourceRule(
  {
    id: "CKV_AZURE_232",
    source: "checkov",
    level: "warning",
    description: "AKS system pool is reserved for critical add-ons",
    fix: "set default_node_pool.only_critical_addons_enabled = true and add a user node pool",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) =>
    block(c.default_node_pool)?.only_critical_addons_enabled === true
      ? undefined
      : "default_node_pool.only_critical_addons_enabled is not true",
);
