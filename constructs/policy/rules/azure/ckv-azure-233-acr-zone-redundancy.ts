import { resourceRule } from "../../policy-rule";

/** Container registry and its replicas are zone redundant. */
export const acrZoneRedundancy = resourceRule(
  {
    id: "CKV_AZURE_233",
    source: "checkov",
    level: "warning",
    description: "Container registry and its replicas are zone redundant",
    fix: "set zone_redundancy_enabled = true on the registry and every georeplication (Premium, ForceNew)",
    resourceTypes: ["azurerm_container_registry"],
  },
  (c) => (c.zone_redundancy_enabled === true && (c.georeplications ?? []).every((g: any) => g.zone_redundancy_enabled === true) ? undefined : "zone_redundancy_enabled is not true everywhere"),
);
