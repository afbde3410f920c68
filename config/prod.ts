import { EnvironmentConfig } from "./environment";

/** An example production environment: same shape as dev, only the values differ. */
export const prod: EnvironmentConfig = {
  name: "prod",
  location: "westeurope",
  tags: { environment: "prod", project: "keda-functions-aks" },
  registry: {
    resourceGroupName: "rg-kedafn-prod-registry",
    name: "acrkedafnprod",
    sku: "Premium",
  },
  cluster: {
    resourceGroupName: "rg-kedafn-prod-cluster",
    name: "aks-kedafn-prod",
    dnsPrefix: "aks-kedafn-prod",
    kubernetesVersion: null,
    skuTier: "Standard",
    systemNodePool: { name: "system", vmSize: "Standard_D4s_v5", nodeCount: 3 },
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
      serviceType: "ClusterIP",
    },
  },
};
