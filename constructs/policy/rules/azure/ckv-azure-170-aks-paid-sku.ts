import { resourceRule } from "../../policy-rule";

/** The control plane has the uptime SLA of the Standard tier. */
export const aksPaidSku = resourceRule(
  {
    id: "CKV_AZURE_170",
    source: "checkov",
    level: "warning",
    description: "AKS uses the Standard (SLA) tier",
    fix: 'set sku_tier = "Standard"',
    resourceTypes: ["azurerm_kubernetes_cluster"],
  },
  (c) => (c.sku_tier === "Standard" ? undefined : `sku_tier is ${JSON.stringify(c.sku_tier ?? "Free")}`),
);
