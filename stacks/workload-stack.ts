import { Construct } from "constructs";
import { Fn, TerraformOutput } from "cdktf";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageQueue } from "@cdktf/provider-azurerm/lib/storage-queue";
import { DockerProvider } from "@cdktf/provider-docker/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { WorkloadConfig } from "../config/environment";
import { HostJson, HttpScaling, ImageSource, KedaFunctionApp, readFunctionsManifest } from "../constructs/keda-function-app";
import { AzureStack, AzureStackProps } from "./azure-stack";
import { kubeloginExec } from "./kubelogin";

/** What the workload stack needs from the cluster stack. */
export interface ClusterConnection {
  readonly host: string;
  /** Base64 PEM, as AKS returns it. */
  readonly clusterCaCertificate: string;
  readonly oidcIssuerUrl: string;
  /** KEDA operator's service account (kube-system for the AKS add-on, the chart's namespace for Helm KEDA). */
  readonly kedaOperatorServiceAccount?: { readonly namespace: string; readonly name: string };
}

export interface WorkloadStackProps extends AzureStackProps {
  readonly workload: WorkloadConfig;
  readonly cluster: ClusterConnection;
  /** Registry host the image is pushed to. */
  readonly loginServer: string;
}

/** The function app's storage and its Kubernetes objects, applied to the cluster with Entra ID credentials. */
export class WorkloadStack extends AzureStack {
  readonly functionApp: KedaFunctionApp;

  constructor(scope: Construct, id: string, props: WorkloadStackProps) {
    super(scope, id, props, { storageUseAzuread: true });
    const { workload, cluster } = props;
    const exec = kubeloginExec(workload.kubeloginMode);
    const clusterCaCertificate = Fn.base64decode(cluster.clusterCaCertificate);
    new KubernetesProvider(this, "kubernetes", { host: cluster.host, clusterCaCertificate, exec: [exec] });
    new HelmProvider(this, "helm", { kubernetes: { host: cluster.host, clusterCaCertificate, exec } });
    // Pushes use the credentials `az acr login` stored in ~/.docker/config.json: no password in code or state.
    new DockerProvider(this, "docker", { registryAuth: [{ address: props.loginServer }] });

    const group = new ResourceGroup(this, "resource-group", {
      name: workload.resourceGroupName,
      location: this.location,
      tags: this.tags,
    });
    const storage = new StorageAccount(this, "storage", {
      name: workload.storageAccountName,
      resourceGroupName: group.name,
      location: group.location,
      accountTier: "Standard",
      accountReplicationType: "LRS",
      minTlsVersion: "TLS1_2",
      httpsTrafficOnlyEnabled: true,
      // Every client (host, KEDA, Terraform) uses Entra ID; account keys are switched off.
      sharedAccessKeyEnabled: false,
      defaultToOauthAuthentication: true,
      allowNestedItemsToBePublic: false,
      tags: this.tags,
    });

    const app = workload.functionApp;
    const manifest = readFunctionsManifest(join(app.sourceDirectory, "functions.manifest.json"));
    const hostJson = JSON.parse(readFileSync(join(app.sourceDirectory, "host.json"), "utf8")) as HostJson;
    for (const queue of queueNames(manifest.functions)) {
      new StorageQueue(this, `queue-${queue}`, { name: queue, storageAccountId: storage.id });
    }

    const namespace = new Manifest(this, "namespace", {
      manifest: {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: {
          name: workload.namespace,
          labels: { "pod-security.kubernetes.io/enforce": "restricted" },
        },
      },
    });

    this.functionApp = new KedaFunctionApp(this, "function-app", {
      name: app.name,
      namespace: workload.namespace,
      image: ImageSource.fromDockerBuild({
        directory: app.sourceDirectory,
        loginServer: props.loginServer,
        repository: app.repository,
      }),
      functions: manifest.functions,
      hostJson,
      storage: { accountName: storage.name, accountId: storage.id },
      workloadIdentity: {
        oidcIssuerUrl: cluster.oidcIssuerUrl,
        resourceGroupName: group.name,
        location: group.location,
        kedaOperatorServiceAccount: cluster.kedaOperatorServiceAccount,
      },
      minReplicas: app.minReplicas,
      maxReplicas: app.maxReplicas,
      httpScaling: HttpScaling.fixedReplicas(app.httpReplicas),
      serviceType: app.serviceType,
      dependsOn: [namespace],
      tags: this.tags,
    });

    new TerraformOutput(this, "image", { value: this.functionApp.imageReference });
    new TerraformOutput(this, "invoke_urls", { value: this.functionApp.invokeUrls });
    if (this.functionApp.serviceAddress !== undefined) {
      new TerraformOutput(this, "service_address", { value: this.functionApp.serviceAddress });
    }
  }
}

/** Each queue a trigger listens on, plus the poison queue the host moves failed messages to. */
function queueNames(functions: readonly { trigger: { type: string; [k: string]: unknown } }[]): string[] {
  const queues = functions
    .filter((f) => f.trigger.type.toLowerCase() === "queuetrigger" && typeof f.trigger.queueName === "string")
    .flatMap((f) => [f.trigger.queueName as string, `${f.trigger.queueName as string}-poison`]);
  return [...new Set(queues)].sort();
}
