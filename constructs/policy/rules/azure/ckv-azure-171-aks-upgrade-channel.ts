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
  (c) => {
    // "none" turns automatic upgrades off: checkov fails it like an absent channel.
    const channel = c.automatic_upgrade_channel ?? c.automatic_channel_upgrade;
    return channel && channel !== "none" ? undefined : `automatic_upgrade_channel is ${channel === undefined ? "not set" : JSON.stringify(channel)}`;
  },
);
