import { resourceRule } from "../../policy-rule";

/** Kubernetes versions are upgraded automatically. */
export const aksUpgradeChannel = resourceRule(
  {
    id: "CKV_AZURE_171",
    source: "checkov",
    level: "warning",
    description: "AKS has an automatic upgrade channel",
    fix: "set automatic_upgrade_channel (e.g. patch or stable)",
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) => (c.automatic_upgrade_channel || c.automatic_channel_upgrade ? undefined : "automatic_upgrade_channel is not set"),
);
