import { EnvironmentConfig } from "./environment";

/** An example production environment: same shape as dev, only the values differ. */
export const prod: EnvironmentConfig = {
  name: "prod",
  location: "westeurope",
  tags: { environment: "prod", project: "keda-functions-aks" },
  // Switch to { type: "azurerm", ... } or { type: "cloud", ... } for shared state: see docs/deploy.md.
  backend: { type: "local" },
  // ContainerRegistry's defaults are production's: Premium, zone redundant, 7-day retention of untagged
  // manifests, dedicated data endpoints, no quarantine (no scanner releases images) and no Docker
  // Content Trust (new registries cannot enable it: sign with Notation).
  registry: {
    resourceGroupName: "rg-kedafn-prod-registry",
    name: "acrkedafnprod",
    // Pushes come from CI's hosted runners over the internet (see policyExceptions); exports stay
    // allowed, as ACR refuses them only on a private registry.
    publicNetworkAccessEnabled: true,
    // A replica in the paired region.
    geoReplicationLocations: ["northeurope"],
    policyExceptions: [
      {
        ids: ["CKV_AZURE_139"],
        reason:
          "The registry keeps its public endpoint so CI's hosted runners can push; access is Entra-only (admin user and anonymous pull off, pushes with AcrPush tokens, pulls by the kubelet identity). Private endpoints plus a runner in the VNet are the follow-up.",
      },
      {
        ids: ["CKV_AZURE_164", "CKV_AZURE_166"],
        reason:
          "Images are admitted by digest pin, not by registry gates: Docker Content Trust can no longer be enabled on new registries (Notation replaces it), and a quarantine policy would hide every pushed image until a scanner that this project does not run releases it.",
      },
    ],
  },
  // AksCluster's defaults are production's: Standard tier, three zones, 3 + 3-20 Standard_D4ds_v5 nodes,
  // Cilium, and a private API server, so Terraform (addons and workload stacks), kubectl and CI run
  // from the VNet or a peered one (self-hosted runner / Terraform Cloud agent).
  cluster: {
    resourceGroupName: "rg-kedafn-prod-cluster",
    name: "aks-kedafn-prod",
    // OS and data disks encrypted with a key this project owns: the cluster creates the Key Vault
    // (name globally unique: change it if taken), the key and the disk encryption set. ForceNew, so
    // decide before the first apply. See docs/deploy.md "Disk encryption".
    diskEncryption: { mode: "customer-managed", keyVaultName: "kv-kedafn-prod-des" },
  },
  workload: {
    resourceGroupName: "rg-kedafn-prod-workload",
    kubeloginMode: "azurecli",
    namespace: "functions",
    storageAccountName: "stkedafnprod",
    functionApp: {
      name: "keda-func",
      sourceDirectory: "function-app",
      repository: "keda-func",
      minReplicas: 1,
      maxReplicas: 50,
      httpReplicas: 3,
      // Storage is reached with workload identity (the default); connectionMode "connection-string"
      // is the unsafe switch virtual-node bursting needs: see docs/deploy.md.
    },
  },
};
