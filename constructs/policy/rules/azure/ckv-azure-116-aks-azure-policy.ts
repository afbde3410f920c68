import { resourceRule } from "../../policy-rule";

/** The Azure Policy add-on enforces admission policies in the cluster. */
export const aksAzurePolicy = resourceRule(
  {
    id: "CKV_AZURE_116",
    alsoKnownAs: ["AZU-0066"],
    source: "checkov",
    level: "warning",
    description: "AKS runs the Azure Policy add-on",
    fix: "set azure_policy_enabled = true",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) => (c.azure_policy_enabled === true ? undefined : "azure_policy_enabled is not true"),
);
