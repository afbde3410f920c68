import { block, resourceRule } from "../../policy-rule";

/** The Key Vault CSI driver rotates mounted secrets. */
export const aksSecretRotation = resourceRule(
  {
    id: "CKV_AZURE_172",
    source: "checkov",
    level: "warning",
    description: "AKS Key Vault secrets provider rotates secrets",
    fix: "set key_vault_secrets_provider.secret_rotation_enabled = true",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) =>
    block(c.key_vault_secrets_provider)?.secret_rotation_enabled === true
      ? undefined
      : "key_vault_secrets_provider.secret_rotation_enabled is not true",
);
