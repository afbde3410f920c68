import { resourceRule } from "../../policy-rule";

/** Container registry quarantines new images until scanned. */
export const acrQuarantine = resourceRule(
  {
    id: "CKV_AZURE_166",
    source: "checkov",
    level: "warning",
    description: "Container registry quarantines new images until scanned",
    fix: "set quarantine_policy_enabled = true (Premium)",
    resourceTypes: ["azurerm_container_registry"],
  },
  (c) => (c.quarantine_policy_enabled === true ? undefined : "quarantine_policy_enabled is not true"),
);
