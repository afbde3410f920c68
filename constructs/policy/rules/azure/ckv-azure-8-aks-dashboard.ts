import { block, resourceRule } from "../../policy-rule";

/** The legacy Kubernetes dashboard add-on stays off. */
export const aksDashboard = resourceRule(
  {
    id: "CKV_AZURE_8",
    source: "checkov",
    level: "error",
    description: "AKS has the Kubernetes dashboard disabled",
    fix: "remove addon_profile.kube_dashboard",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) => (block(block(c.addon_profile)?.kube_dashboard)?.enabled === true ? "kube_dashboard is enabled" : undefined),
);
