import { resourceRule } from "../../policy-rule";

/** Container registry does not allow anonymous pull. */
export const acrAnonymousPullDisabled = resourceRule(
  {
    id: "CKV_AZURE_138",
    source: "checkov",
    level: "error",
    description: "Container registry does not allow anonymous pull",
    fix: "set anonymous_pull_enabled = false",
    resourceTypes: ["azurerm_container_registry"],
  },
  (c) => (c.anonymous_pull_enabled === true && c.sku !== "Basic" ? "anonymous_pull_enabled is true" : undefined),
);
