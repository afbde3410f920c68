import { resourceRule } from "../../policy-rule";

/** Container registry has the admin user disabled. */
export const acrAdminDisabled = resourceRule(
  {
    id: "CKV_AZURE_137",
    source: "checkov",
    level: "error",
    description: "Container registry has the admin user disabled",
    fix: "set admin_enabled = false; pull with the kubelet identity (AcrPull)",
    resourceTypes: ["azurerm_container_registry"],
  },
  (c) => (c.admin_enabled === true ? "admin_enabled is true" : undefined),
);
