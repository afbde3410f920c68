import { resourceRule } from "../../policy-rule";

/** No static cluster-admin credentials exist. */
export const aksLocalAccountsDisabled = resourceRule(
  {
    id: "CKV_AZURE_141",
    source: "checkov",
    level: "error",
    description: "AKS has local admin accounts disabled",
    fix: "set local_account_disabled = true and sign in with Entra ID",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) => (c.local_account_disabled === true ? undefined : "local_account_disabled is not true"),
);
