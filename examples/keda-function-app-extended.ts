// A KedaFunctionApp read from its app folder and changed after construction: a setting, a
// KEDA trigger next to the mapped ones, and a role for the app identity. The objects render
// from the final state at synth, where the same input rules run again.
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageQueue } from "@cdktf/provider-azurerm/lib/storage-queue";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { FunctionAppSource, ImageSource, KedaFunctionApp, KedaTrigger, sampleFunctionAppDirectory } from "keda-functions-aks";

const app = new App();
const stack = new TerraformStack(app, "orders");
new AzurermProvider(stack, "azurerm", { features: [{}], storageUseAzuread: true });
new KubernetesProvider(stack, "kubernetes", { configPath: "~/.kube/config" });
const storage = new StorageAccount(stack, "storage", {
  name: "stordersext",
  resourceGroupName: "rg-orders",
  location: "westeurope",
  accountTier: "Standard",
  accountReplicationType: "LRS",
  minTlsVersion: "TLS1_2",
  sharedAccessKeyEnabled: false,
  allowNestedItemsToBePublic: false,
});

// host.json and functions.manifest.json, read once.
const source = FunctionAppSource.fromDirectory(sampleFunctionAppDirectory());
const orders = new KedaFunctionApp(stack, "function-app", {
  name: "orders",
  image: ImageSource.fromReference("myacr.azurecr.io/orders@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"),
  functions: source.functions,
  hostJson: source.hostJson,
  storage: { accountName: storage.name, accountId: storage.id },
  workloadIdentity: {
    oidcIssuerUrl: "https://westeurope.oic.prod-aks.azure.com/<tenant-id>/<cluster-id>/",
    resourceGroupName: "rg-orders",
    location: "westeurope",
  },
});

orders.addSetting("ORDERS_FEATURE_FLAGS", "fast-path");
orders.addTrigger(
  KedaTrigger.prometheus({ name: "checkout-rps", serverAddress: "http://prometheus.monitoring:9090", query: "sum(rate(checkout_requests_total[1m]))", threshold: 50 }),
);
orders.grantRole("/subscriptions/<subscription-id>/resourceGroups/rg-orders/providers/Microsoft.KeyVault/vaults/kv-orders", "Key Vault Secrets User");

// The queues the app's triggers listen on (and their poison queues), created with the account.
for (const queue of orders.storageQueues) new StorageQueue(stack, `queue-${queue}`, { name: queue, storageAccountId: storage.id });
new TerraformOutput(stack, "invoke_urls", { value: orders.invokeUrls });

app.synth();
