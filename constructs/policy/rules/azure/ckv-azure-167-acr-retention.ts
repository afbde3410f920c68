import { resourceRule } from "../../policy-rule";

/** Container registry purges untagged manifests after a retention period. */
export const acrRetention = resourceRule(
  {
    id: "CKV_AZURE_167",
    source: "checkov",
    level: "warning",
    description: "Container registry purges untagged manifests after a retention period",
    fix: "set retention_policy_in_days (Premium)",
    resourceTypes: ["azurerm_container_registry"],
  },
  (c) => (c.retention_policy_in_days !== undefined ? undefined : "retention_policy_in_days is not set"),
);
