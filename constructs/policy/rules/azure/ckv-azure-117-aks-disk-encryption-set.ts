import { resourceRule } from "../../policy-rule";

/** Node disks are encrypted with a customer-managed key. */
export const aksDiskEncryptionSet = resourceRule(
  {
    id: "CKV_AZURE_117",
    alsoKnownAs: ["AZU-0067"],
    source: "checkov",
    level: "warning",
    description: "AKS encrypts node disks with a disk encryption set",
    fix: "set disk_encryption_set_id (ForceNew: decide before the first apply)",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) => (c.disk_encryption_set_id ? undefined : "disk_encryption_set_id is not set"),
);
