import { resourceRule } from "../../policy-rule";

/** Container registry uses dedicated data endpoints. */
export const acrDataEndpoint = resourceRule(
  {
    id: "CKV_AZURE_237",
    source: "checkov",
    level: "warning",
    description: "Container registry uses dedicated data endpoints",
    fix: "set data_endpoint_enabled = true (Premium)",
    resourceTypes: ["azurerm_container_registry"],
  },
  (c) => (c.data_endpoint_enabled === true ? undefined : "data_endpoint_enabled is not true"),
);
