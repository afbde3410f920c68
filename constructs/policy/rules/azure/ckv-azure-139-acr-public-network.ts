import { resourceRule } from "../../policy-rule";

/** Container registry is not reachable from public networks. */
export const acrPublicNetworkDisabled = resourceRule(
  {
    id: "CKV_AZURE_139",
    source: "checkov",
    level: "warning",
    description: "Container registry is not reachable from public networks",
    fix: "set public_network_access_enabled = false (Premium, with private endpoints)",
    resourceTypes: ["azurerm_container_registry"],
  },
  (c) => (c.public_network_access_enabled === false ? undefined : "public_network_access_enabled is not false"),
);
