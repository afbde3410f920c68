import { resourceRule } from "../../policy-rule";

/** Container registry only serves signed images. */
export const acrTrustPolicy = resourceRule(
  {
    id: "CKV_AZURE_164",
    source: "checkov",
    level: "warning",
    description: "Container registry only serves signed images",
    fix: "set trust_policy_enabled = true (Premium)",
    resourceTypes: ["azurerm_container_registry"],
  },
  (c) => (c.trust_policy_enabled === true ? undefined : "trust_policy_enabled is not true"),
);
