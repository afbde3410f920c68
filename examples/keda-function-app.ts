// The smallest complete KedaFunctionApp: a prebuilt image, the app's functions manifest, a storage
// account reached with workload identity, and the OIDC issuer of an existing AKS cluster.
// The manifest is the sample app's, shipped in the package; yours is the one
// `npx keda-functions-aks discover <app-dir>` writes into your app's folder.
import { join } from "node:path";
import { App, TerraformStack } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { ImageSource, KedaFunctionApp, readFunctionsManifest, sampleFunctionAppDirectory } from "keda-functions-aks";

const app = new App();
const stack = new TerraformStack(app, "orders");
new AzurermProvider(stack, "azurerm", { features: [{}], storageUseAzuread: true });
new KubernetesProvider(stack, "kubernetes", { configPath: "~/.kube/config" });
const storage = new StorageAccount(stack, "storage", {
  name: "stordersdev",
  resourceGroupName: "rg-orders",
  location: "westeurope",
  accountTier: "Standard",
  accountReplicationType: "LRS",
  minTlsVersion: "TLS1_2",
  sharedAccessKeyEnabled: false,
  allowNestedItemsToBePublic: false,
});

new KedaFunctionApp(stack, "function-app", {
  name: "orders",
  namespace: "orders",
  image: ImageSource.fromReference(
    "myacr.azurecr.io/orders@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
  ),
  functions: readFunctionsManifest(join(sampleFunctionAppDirectory(), "functions.manifest.json")).functions,
  storage: { accountName: storage.name, accountId: storage.id },
  workloadIdentity: {
    oidcIssuerUrl: "https://westeurope.oic.prod-aks.azure.com/<tenant-id>/<cluster-id>/",
    resourceGroupName: "rg-orders",
    location: "westeurope",
  },
});

app.synth();
