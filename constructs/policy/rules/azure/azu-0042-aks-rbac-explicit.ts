import { block, resourceRule } from "../../policy-rule";

/** trivy reads an absent RBAC flag as false: RBAC must be explicit, or Azure RBAC must be on. */
export const aksRbacExplicit = resourceRule(
  {
    id: "AZU-0042",
    source: "trivy",
    level: "error",
    description: "AKS enables RBAC explicitly (role_based_access_control_enabled or Azure RBAC)",
    fix: "set role_based_access_control_enabled = true or azure_active_directory_role_based_access_control.azure_rbac_enabled = true",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) =>
    c.role_based_access_control_enabled === true ||
    block(c.azure_active_directory_role_based_access_control)?.azure_rbac_enabled === true
      ? undefined
      : "neither role_based_access_control_enabled nor azure_rbac_enabled is true",
);
