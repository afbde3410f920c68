import { EnvironmentConfig } from "./environment";

/** The built-in default: the cheapest setup that is still secure. */
export const dev: EnvironmentConfig = {
  name: "dev",
  location: "westeurope",
  tags: { environment: "dev", project: "keda-functions-aks" },
  // Switch to { type: "azurerm", ... } or { type: "cloud", ... } for shared state: see docs/deploy.md.
  backend: { type: "local" },
  // Only what dev relaxes: Standard (the Premium-only features default to off below Premium) and a
  // public endpoint, which Standard cannot turn off. Every other setting is ContainerRegistry's default.
  registry: {
    resourceGroupName: "rg-kedafn-dev-registry",
    name: "acrkedafndev",
    sku: "Standard",
    publicNetworkAccessEnabled: true,
    policyExceptions: [
      {
        ids: ["CKV_AZURE_139", "CKV_AZURE_164", "CKV_AZURE_165", "CKV_AZURE_166", "CKV_AZURE_167", "CKV_AZURE_233", "CKV_AZURE_237"],
        reason:
          "The dev registry is Standard to save the Premium surcharge: private access, geo-replication, retention, zone redundancy, data endpoints, quarantine and trust policy are Premium-only. Access stays Entra-only (no admin user, no anonymous pull); prod runs Premium with them on.",
      },
    ],
  },
  // Only what dev relaxes: every other setting is AksCluster's secure production default.
  cluster: {
    resourceGroupName: "rg-kedafn-dev-cluster",
    name: "aks-kedafn-dev",
    skuTier: "Free",
    zones: [],
    // Ddsv5: a 75 GiB local temp disk holds the ephemeral OS disk (Dsv5 sizes have no local disk).
    systemNodePool: { vmSize: "Standard_D2ds_v5", nodeCount: 1, osDiskSizeGb: 64 },
    userNodePool: { vmSize: "Standard_D2ds_v5", minCount: 1, maxCount: 3, osDiskSizeGb: 64 },
    network: { dataPlane: "azure", policy: "azure", privateClusterEnabled: false },
    monitoring: { retentionInDays: 30, dailyQuotaGb: 1 },
    diskEncryption: { mode: "platform-managed" },
    policyExceptions: [
      {
        ids: ["CKV_AZURE_170"],
        reason: "The Free tier (no uptime SLA) keeps the dev control plane free of charge; prod runs the Standard tier with its SLA.",
      },
      {
        ids: ["CKV_AZURE_115", "CKV_AZURE_6"],
        reason:
          "dev is deployed from laptops and Terraform Cloud runners whose addresses are neither in the VNet nor stable, so the API server stays public and unfiltered; it accepts Entra ID tokens only (local accounts off, Azure RBAC). prod is private.",
      },
      {
        ids: ["CKV_AZURE_117"],
        reason:
          "dev keeps platform-managed disk keys: a customer-managed key needs a Key Vault with purge protection and a disk encryption set, and dev nodes hold no production data (ephemeral OS disks, encryption at host on). prod uses a customer-managed key (diskEncryption.mode).",
      },
    ],
  },
  workload: {
    resourceGroupName: "rg-kedafn-dev-workload",
    kubeloginMode: "azurecli",
    namespace: "functions",
    storageAccountName: "stkedafndev",
    functionApp: {
      name: "keda-func",
      sourceDirectory: "function-app",
      repository: "keda-func",
      // Storage is reached with workload identity (the default); connectionMode "connection-string"
      // is the unsafe switch virtual-node bursting needs: see docs/deploy.md.
    },
  },
};
