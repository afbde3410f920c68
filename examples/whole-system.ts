// The whole system in stacks of your own, without the project's config: a container registry, an
// AKS cluster, KEDA's HTTP add-on and a function app, wired through the constructs' interfaces.
// Three stacks, because a provider's credentials must not come from a resource of the same
// configuration: the helm and kubernetes providers sign in to a cluster an earlier stack created.
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageQueue } from "@cdktf/provider-azurerm/lib/storage-queue";
import { DockerProvider } from "@cdktf/provider-docker/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import {
  AksCluster,
  ContainerRegistry,
  FunctionAppSource,
  HttpScaling,
  IClusterEndpoint,
  IContainerRegistry,
  ImageSource,
  KedaFunctionApp,
  KedaInstallation,
  KedaSettings,
  sampleFunctionAppDirectory,
} from "keda-functions-aks";

const location = "westeurope";
// The AKS KEDA add-on scales the workers; the HTTP add-on's chart scales the HTTP pods. The cluster
// and the installation get the same settings.
const keda: KedaSettings = { httpAddOn: { enabled: true } };

/** Registry and cluster, with their secure production defaults: list only what you change. */
class PlatformStack extends TerraformStack {
  readonly registry: ContainerRegistry;
  readonly cluster: AksCluster;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}] });
    this.registry = new ContainerRegistry(this, "registry", {
      name: "acrordersexample",
      resourceGroupName: "rg-orders-registry",
      location,
      geoReplicationLocations: ["northeurope"],
    });
    this.cluster = new AksCluster(this, "aks", { resourceGroupName: "rg-orders-aks", location, keda });
    // The nodes pull the app's image with the kubelet identity.
    this.registry.grantPull(this.cluster.kubeletIdentity);
  }
}

/** KEDA's HTTP add-on, installed with Helm into the cluster. */
class KedaStack extends TerraformStack {
  readonly keda: KedaInstallation;

  constructor(scope: Construct, id: string, cluster: AksCluster) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}] });
    new HelmProvider(this, "helm", { kubernetes: cluster.endpoint.helmConnection("azurecli") });
    this.keda = new KedaInstallation(this, "keda", { endpoint: cluster.endpoint, keda, resourceGroupName: cluster.resourceGroupName, location });
  }
}

/** The function app: its storage, its image built and pushed to the registry, its Kubernetes objects. */
class AppsStack extends TerraformStack {
  constructor(scope: Construct, id: string, endpoint: IClusterEndpoint, registry: IContainerRegistry, httpAddOnNamespace: string) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { features: [{}], storageUseAzuread: true });
    new KubernetesProvider(this, "kubernetes", endpoint.kubernetesProviderConfig("azurecli"));
    // Pushes sign in with an Entra ID token: the provider takes it from DOCKER_REGISTRY_PASS
    // (`az acr login --name <registry> --expose-token`); the user name is ACR's fixed token user.
    new DockerProvider(this, "docker", { registryAuth: [{ address: registry.loginServer, username: "00000000-0000-0000-0000-000000000000" }] });

    const group = new ResourceGroup(this, "resource-group", { name: "rg-orders-apps", location });
    const storage = new StorageAccount(this, "storage", {
      name: "stordersexample",
      resourceGroupName: group.name,
      location: group.location,
      accountTier: "Standard",
      accountReplicationType: "GZRS",
      minTlsVersion: "TLS1_2",
      // The host, KEDA and Terraform use Entra ID: no account keys.
      sharedAccessKeyEnabled: false,
      defaultToOauthAuthentication: true,
      allowNestedItemsToBePublic: false,
    });

    // Your app's folder; the sample app shipped in the package keeps this runnable as is.
    const source = FunctionAppSource.fromDirectory(sampleFunctionAppDirectory());
    const orders = new KedaFunctionApp(this, "orders", {
      name: "orders",
      image: ImageSource.fromDockerBuild({ directory: source.directory, loginServer: registry.loginServer, repository: "orders" }),
      functions: source.functions,
      hostJson: source.hostJson,
      storage: { accountName: storage.name, accountId: storage.id },
      workloadIdentity: {
        oidcIssuerUrl: endpoint.oidcIssuerUrl,
        resourceGroupName: group.name,
        location: group.location,
        kedaOperatorServiceAccount: endpoint.kedaOperatorServiceAccount,
      },
      httpScaling: HttpScaling.kedaHttpAddOn({ namespace: httpAddOnNamespace }),
    });
    for (const queue of orders.storageQueues) {
      new StorageQueue(this, `queue-${queue}`, { name: queue, storageAccountId: storage.id });
    }
  }
}

const app = new App();
const platform = new PlatformStack(app, "platform");
const addOns = new KedaStack(app, "keda", platform.cluster);
// The attributes are tokens: cdktf turns them into cross-stack references.
const apps = new AppsStack(app, "apps", platform.cluster.endpoint, platform.registry, addOns.keda.settings.helm.namespace);
// No value flows from the add-on to the app, but its HTTPScaledObject needs the add-on's CRDs at plan time.
apps.addDependency(addOns);
app.synth();
