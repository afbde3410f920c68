import { resourceRule } from "../../policy-rule";

/** Clients must speak TLS 1.2 or newer. */
export const storageMinTls = resourceRule(
  {
    id: "CKV_AZURE_44",
    source: "checkov",
    level: "error",
    description: "Storage account requires TLS 1.2",
    fix: 'set min_tls_version = "TLS1_2"',
    resourceTypes: ["azurerm_storage_account"],
  },
  // Explicit, as checkov demands: an absent value is whatever the provider version defaults to.
  (c) => (c.min_tls_version === "TLS1_2" || c.min_tls_version === "TLS1_3" ? undefined : `min_tls_version is ${c.min_tls_version ?? "not set"}`),
);
