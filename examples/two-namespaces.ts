// Two teams' function apps in one stack of your own, each in its own namespace.
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { FunctionMetadata, ImageSource, KedaFunctionApp } from "keda-functions-aks";

const functions: FunctionMetadata[] = [
  { name: "hello", trigger: { type: "httpTrigger", route: "hello" } },
  { name: "work", trigger: { type: "queueTrigger", queueName: "jobs" } },
];

class TeamAppsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}] });
    new KubernetesProvider(this, "kubernetes", { configPath: "~/.kube/config" });

    const shared = {
      functions,
      storage: {
        accountName: "stteamfunctions",
        accountId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-teams/providers/Microsoft.Storage/storageAccounts/stteamfunctions",
      },
      workloadIdentity: {
        oidcIssuerUrl: "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/",
        resourceGroupName: "rg-teams",
        location: "westeurope",
      },
    };

    new KedaFunctionApp(this, "orders", {
      ...shared,
      name: "orders",
      namespace: "team-orders",
      image: ImageSource.fromReference("acrteams.azurecr.io/orders@sha256:" + "a".repeat(64)),
    });
    new KedaFunctionApp(this, "billing", {
      ...shared,
      name: "billing",
      namespace: "team-billing",
      image: ImageSource.fromReference("acrteams.azurecr.io/billing@sha256:" + "b".repeat(64)),
      maxReplicas: 20,
    });
  }
}

const app = new App();
new TeamAppsStack(app, "team-apps");
app.synth();
