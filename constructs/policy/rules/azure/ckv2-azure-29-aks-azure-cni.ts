import { block, resourceRule } from "../../policy-rule";

/** Pods get addresses from Azure CNI (overlay or VNet), which network policies and virtual nodes need. */
export const aksAzureCni = resourceRule(
  {
    id: "CKV2_AZURE_29",
    source: "checkov",
    level: "warning",
    description: "AKS uses the Azure CNI network plugin",
    fix: 'set network_profile.network_plugin = "azure"',
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) =>
    ["azure", "Azure"].includes(block(c.network_profile)?.network_plugin) ? undefined : "network_profile.network_plugin is not azure",
);
