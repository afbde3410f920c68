import { block, resourceRule } from "../../policy-rule";

/** A network policy engine exists, so NetworkPolicies are enforced. */
export const aksNetworkPolicy = resourceRule(
  {
    id: "CKV_AZURE_7",
    alsoKnownAs: ["AZU-0043"],
    source: "checkov",
    level: "warning",
    description: "AKS has a network policy engine",
    fix: "set network_profile.network_policy (azure, calico or cilium)",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) => (block(c.network_profile)?.network_policy ? undefined : "network_profile.network_policy is not set"),
);
