import { EnvironmentConfig } from "./environment";

/** The built-in default: the cheapest setup that is still secure. */
export const dev: EnvironmentConfig = {
  name: "dev",
  location: "westeurope",
  tags: { environment: "dev", project: "keda-functions-aks" },
  registry: {
    resourceGroupName: "rg-kedafn-dev-registry",
    name: "acrkedafndev",
    sku: "Standard",
  },
  cluster: {
    resourceGroupName: "rg-kedafn-dev-cluster",
    name: "aks-kedafn-dev",
    dnsPrefix: "aks-kedafn-dev",
    kubernetesVersion: null,
    skuTier: "Free",
    systemNodePool: { name: "system", vmSize: "Standard_D2s_v5", nodeCount: 1 },
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
      minReplicas: 0,
      maxReplicas: 10,
      httpReplicas: 1,
      serviceType: "ClusterIP",
    },
  },
};
