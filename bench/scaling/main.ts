/**
 * Scaling benchmark app: one workload-like stack with `BENCH_APPS` (default 1)
 * KedaFunctionApps built by the real construct from the real function app's manifest
 * and host.json. Images come from `ImageSource.fromReference`, so the numbers are the
 * construct's own cost; the Docker build context's cost is measured by bench/profile.mjs.
 * Run through the synth runner: `BENCH_APPS=10 node scripts/run-app.mjs bench/scaling/main.ts`.
 */
import { App, TerraformStack } from "cdktf";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { HostJson, ImageSource, KedaFunctionApp, readFunctionsManifest } from "../../constructs/keda-function-app";

const apps = Number(process.env.BENCH_APPS ?? "1");
// The synth runner starts apps in the project root.
const functionApp = join(process.cwd(), "function-app");

const app = new App();
const stack = new TerraformStack(app, "scaling");
new AzurermProvider(stack, "azurerm", { features: [{}], storageUseAzuread: true });
new KubernetesProvider(stack, "kubernetes", { host: "https://aks.example:443" });
const group = new ResourceGroup(stack, "resource-group", { name: "rg-bench", location: "westeurope" });
const storage = new StorageAccount(stack, "storage", {
  name: "stbench",
  resourceGroupName: group.name,
  location: group.location,
  accountTier: "Standard",
  accountReplicationType: "LRS",
});
const namespace = new Manifest(stack, "namespace", {
  manifest: { apiVersion: "v1", kind: "Namespace", metadata: { name: "bench" } },
});
const manifest = readFunctionsManifest(join(functionApp, "functions.manifest.json"));
const hostJson = JSON.parse(readFileSync(join(functionApp, "host.json"), "utf8")) as HostJson;

for (let i = 1; i <= apps; i++) {
  new KedaFunctionApp(stack, `app-${i}`, {
    name: `app-${i}`,
    namespace: "bench",
    image: ImageSource.fromReference(`registry.example/app-${i}@sha256:${"0".repeat(64)}`),
    functions: manifest.functions,
    hostJson,
    storage: { accountName: storage.name, accountId: storage.id },
    workloadIdentity: { oidcIssuerUrl: "https://oidc.example/", resourceGroupName: group.name, location: group.location },
    dependsOn: [namespace],
  });
}
app.synth();
