import { resourceRule } from "../../policy-rule";

/** No account keys: every client authenticates with Entra ID, so no key can leak. */
export const storageNoSharedKey = resourceRule(
  {
    id: "CKV2_AZURE_40",
    source: "checkov",
    level: "error",
    description: "Storage account has shared key authorization disabled",
    fix: "set shared_access_key_enabled = false and use identity-based connections",
    resourceTypes: ["azurerm_storage_account"],
  },
  (c) => (c.shared_access_key_enabled === false ? undefined : "shared_access_key_enabled is not false"),
);
