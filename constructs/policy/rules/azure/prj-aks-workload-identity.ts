import { resourceRule } from "../../policy-rule";

/** Pods and KEDA get Entra tokens through federation instead of stored secrets. */
export const aksWorkloadIdentity = resourceRule(
  {
    id: "PRJ_AKS_WORKLOAD_IDENTITY",
    source: "project",
    level: "error",
    description: "AKS has the OIDC issuer and workload identity enabled",
    fix: "set oidc_issuer_enabled = true and workload_identity_enabled = true",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) =>
    c.oidc_issuer_enabled === true && c.workload_identity_enabled === true
      ? undefined
      : "oidc_issuer_enabled and workload_identity_enabled must both be true",
);
