import { block, resourceRule } from "../../policy-rule";

/** The API server is reachable only from authorized IP ranges, or only privately. */
export const aksApiServerAccess = resourceRule(
  {
    id: "CKV_AZURE_6",
    alsoKnownAs: ["AZU-0041"],
    source: "checkov",
    level: "warning",
    description: "AKS API server restricts access to authorized IP ranges or is private",
    fix: "set api_server_access_profile.authorized_ip_ranges or private_cluster_enabled = true",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) =>
    c.private_cluster_enabled === true || (block(c.api_server_access_profile)?.authorized_ip_ranges ?? []).length > 0
      ? undefined
      : "the API server is public and has no authorized_ip_ranges",
);
