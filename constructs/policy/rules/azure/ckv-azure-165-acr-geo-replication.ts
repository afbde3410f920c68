import { resourceRule } from "../../policy-rule";

/** Container registry is geo-replicated. */
export const acrGeoReplication = resourceRule(
  {
    id: "CKV_AZURE_165",
    source: "checkov",
    level: "warning",
    description: "Container registry is geo-replicated",
    fix: "use Premium and add georeplications",
    resourceTypes: ["azurerm_container_registry"],
  },
  (c) => (c.sku === "Premium" && (c.georeplications ?? []).length > 0 ? undefined : "no georeplications on a Premium registry"),
);
