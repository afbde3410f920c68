// An AKS cluster and Helm-installed KEDA in stacks of your own, without the project's config.
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { AksCluster, IClusterEndpoint, KedaInstallation, KedaSettings } from "keda-functions-aks";

// KEDA from its chart instead of the AKS add-on: the cluster and the installation get the same settings.
const keda: KedaSettings = { addOn: false, helm: { enabled: true } };

class ClusterStack extends TerraformStack {
  readonly cluster: AksCluster;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}] });
    // Every setting has a secure production default (private API server, customer-managed disk key,
    // three zones, ...); list only what you change, e.g. `skuTier: "Free"` for a test cluster.
    this.cluster = new AksCluster(this, "aks", { resourceGroupName: "rg-aks-example", keda });
  }
}

class KedaStack extends TerraformStack {
  constructor(scope: Construct, id: string, endpoint: IClusterEndpoint, resourceGroupName: string) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}] });
    new HelmProvider(this, "helm", { kubernetes: endpoint.helmConnection("azurecli") });
    new KedaInstallation(this, "keda", { endpoint, keda, resourceGroupName, location: "westeurope" });
  }
}

const app = new App();
const { cluster } = new ClusterStack(app, "cluster");
// The endpoint's attributes are tokens: cdktf turns them into cross-stack references.
new KedaStack(app, "keda", cluster.endpoint, cluster.resourceGroupName);
app.synth();
