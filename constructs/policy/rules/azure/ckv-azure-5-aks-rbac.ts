import { resourceRule } from "../../policy-rule";

/** Kubernetes RBAC stays on (the provider default; checkov passes when absent). */
export const aksRbac = resourceRule(
  {
    id: "CKV_AZURE_5",
    source: "checkov",
    level: "error",
    description: "AKS has Kubernetes RBAC enabled",
    fix: "remove role_based_access_control_enabled = false",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) => (c.role_based_access_control_enabled === false ? "role_based_access_control_enabled is false" : undefined),
);
