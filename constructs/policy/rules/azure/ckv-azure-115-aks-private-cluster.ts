import { resourceRule } from "../../policy-rule";

/** The API server has no public endpoint. */
export const aksPrivateCluster = resourceRule(
  {
    id: "CKV_AZURE_115",
    alsoKnownAs: ["AZU-0065"],
    source: "checkov",
    level: "warning",
    description: "AKS is a private cluster",
    fix: "set private_cluster_enabled = true (needs network access to the API server for deploys)",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) => (c.private_cluster_enabled === true ? undefined : "private_cluster_enabled is not true"),
);
