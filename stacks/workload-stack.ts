import { Construct } from "constructs";
import { Annotations, TerraformOutput, TerraformVariable } from "cdktf";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageQueue } from "@cdktf/provider-azurerm/lib/storage-queue";
import { DockerProvider } from "@cdktf/provider-docker/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { WorkloadConfig } from "../config/environment";
import { workloadRules } from "../config/validation";
import { validate } from "../constructs/core/validation";
import { suppressPolicy } from "../constructs/policy/policy-pack";
import { FunctionAppSource, HttpScaling, ImageSource, KedaFunctionApp, legacyHostId } from "../constructs/keda-function-app";
import { AzureStack, AzureStackProps } from "./azure-stack";
import { ClusterAccessGate } from "../constructs/aks-cluster/cluster-access-gate";
import { IClusterEndpoint } from "../constructs/aks-cluster/cluster-endpoint";
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { dockerRegistryAuth } from "./docker-registry-auth";

/** What the workload stack needs: the environment's workload config, the cluster it deploys to and the registry that holds the image. */
export interface WorkloadStackProps extends AzureStackProps {
  readonly workload: WorkloadConfig;
  /** The cluster the app runs in (`AksCluster.endpoint`, or `ClusterEndpoint.fromAttributes`). */
  readonly cluster: IClusterEndpoint;
  /** Registry host the image is pushed to. */
  readonly loginServer: string;
  /** Resource id of the registry: where an ACR Task builds the image (`functionApp.image.source: "acr-task"`). */
  readonly registryId: string;
}

/** The function app's storage and its Kubernetes objects, applied to the cluster with Entra ID credentials. */
export class WorkloadStack extends AzureStack {
  readonly functionApp: KedaFunctionApp;

  constructor(scope: Construct, id: string, props: WorkloadStackProps) {
    super(scope, id, props, { storageUseAzuread: true });
    const { workload, cluster } = props;
    validate(this, "WorkloadStack", workload, workloadRules);
    const exec = cluster.kubeloginExec(workload.kubeloginMode);
    new KubernetesProvider(this, "kubernetes", cluster.kubernetesProviderConfig(workload.kubeloginMode));
    new HelmProvider(this, "helm", { kubernetes: cluster.helmConnection(workload.kubeloginMode) });
    // Pushes sign in with an Entra ID token from DOCKER_REGISTRY_PASS (az acr login --expose-token): see dockerRegistryAuth.
    // Only a local build needs a Docker daemon; an ACR Task's digest read must work where there is none (Terraform Cloud).
    const localBuild = (workload.functionApp.image?.source ?? "docker-build") === "docker-build";
    new DockerProvider(this, "docker", {
      registryAuth: [dockerRegistryAuth(props.loginServer)],
      ...(localBuild ? {} : { disableDockerDaemonCheck: true }),
    });

    const group = new ResourceGroup(this, "resource-group", {
      name: workload.resourceGroupName,
      location: this.location,
      tags: this.tags,
    });
    const app = workload.functionApp;
    const connectionMode = app.connectionMode ?? "workload-identity";
    const connectionString = connectionMode === "connection-string";
    const storage = new StorageAccount(this, "storage", {
      name: workload.storageAccountName,
      resourceGroupName: group.name,
      location: group.location,
      accountTier: "Standard",
      accountReplicationType: "LRS",
      minTlsVersion: "TLS1_2",
      httpsTrafficOnlyEnabled: true,
      // Every client (host, KEDA, Terraform) uses Entra ID; account keys are switched off, unless
      // the config's unsafe connection-string mode needs them (pods on virtual nodes have no identity).
      sharedAccessKeyEnabled: connectionString,
      defaultToOauthAuthentication: true,
      allowNestedItemsToBePublic: false,
      tags: this.tags,
    });

    const source = FunctionAppSource.fromDirectory(app.sourceDirectory);
    // Azure RBAC needs minutes to grant the cluster stack's role assignment: wait for it before any object.
    const access = new ClusterAccessGate(this, "cluster-access", {
      host: cluster.host,
      clusterCaCertificate: cluster.clusterCaCertificate,
      credentialCommand: exec,
      deployerObjectId: new DataAzurermClientConfig(this, "client").objectId,
    });
    const namespace = new Manifest(this, "namespace", {
      dependsOn: [access.ready],
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
      // One app per environment, with its own storage account and resource group: the 0.1.0
      // names cannot collide here, and keeping them spares a deployed environment a new
      // identity (replaced role assignments) and a new host id (timer and blob-receipt state).
      hostId: legacyHostId(workload.namespace, app.name),
      image: this.imageSource(props),
      functions: source.functions,
      hostJson: source.hostJson,
      connectionMode,
      ...(connectionString
        ? {
            // A Terraform reference, never a literal: the key exists only in state and in the Secret.
            settings: { ...app.settings, AzureWebJobsStorage: storage.primaryConnectionString },
            settingsObjectKind: "Secret",
          }
        : {
            settings: app.settings,
            // Config holds no secrets (the project policy forbids literal Secret values): a ConfigMap.
            settingsObjectKind: "ConfigMap",
            storage: { accountName: storage.name, accountId: storage.id },
            workloadIdentity: {
              oidcIssuerUrl: cluster.oidcIssuerUrl,
              resourceGroupName: group.name,
              location: group.location,
              kedaOperatorServiceAccount: cluster.kedaOperatorServiceAccount,
              identityName: `id-${app.name}`,
            },
          }),
      minReplicas: app.minReplicas,
      maxReplicas: app.maxReplicas,
      // Unset values take KedaFunctionApp's defaults: config lists only what differs.
      httpScaling: app.httpReplicas === undefined ? undefined : HttpScaling.fixedReplicas(app.httpReplicas),
      serviceType: app.serviceType,
      burstToVirtualNodes: app.burstToVirtualNodes,
      dependsOn: [namespace],
      tags: this.tags,
    });

    if (connectionString) this.acceptConnectionString(storage);

    // `%Setting%` names resolve against the settings the pods get; one that cannot be resolved
    // has already failed synth in the construct's trigger mapping, naming the missing setting.
    for (const queue of this.functionApp.storageQueues) {
      new StorageQueue(this, `queue-${queue}`, { name: queue, storageAccountId: storage.id });
    }

    new TerraformOutput(this, "image", { value: this.functionApp.imageReference });
    new TerraformOutput(this, "invoke_urls", { value: this.functionApp.invokeUrls });
    if (this.functionApp.serviceAddress !== undefined) {
      new TerraformOutput(this, "service_address", { value: this.functionApp.serviceAddress });
    }
  }

  /**
   * `connectionMode: "connection-string"` is an explicit, documented trade-off: say so at every
   * synth, and exempt exactly the checks it breaks, on exactly the resources it concerns.
   */
  private acceptConnectionString(storage: StorageAccount): void {
    Annotations.of(this).addWarning(
      'workload.functionApp.connectionMode is "connection-string" (unsafe): the storage account accepts shared keys, and its primary ' +
        "connection string is stored in Terraform state and in the Kubernetes Secret read by the app and KEDA. Anyone who can read " +
        "either can use the account; protect both, rotate the key, or go back to workload identity when the pods do not need virtual nodes.",
    );
    const reason = 'config workload.functionApp.connectionMode "connection-string" (for burstToVirtualNodes: ACI pods get no workload identity)';
    suppressPolicy(storage, "CKV2_AZURE_40", `shared keys are on because of ${reason}`);
    suppressPolicy(this.functionApp, "CKV_K8S_35", `AzureWebJobsStorage comes from the settings Secret via envFrom because of ${reason}`);
    suppressPolicy(this.functionApp, "PRJ_KEDA_WORKLOAD_IDENTITY", `KEDA reads AzureWebJobsStorage with connectionFromEnv because of ${reason}`);
  }

  /** The image source `functionApp.image` picks (validated by workloadRules). */
  private imageSource(props: WorkloadStackProps): ImageSource {
    const app = props.workload.functionApp;
    const image = app.image ?? { source: "docker-build" };
    switch (image.source) {
      case "docker-build":
        return ImageSource.fromDockerBuild({ directory: app.sourceDirectory, loginServer: props.loginServer, repository: app.repository });
      case "reference":
        return ImageSource.fromReference(image.reference);
      case "acr-task": {
        const token = new TerraformVariable(this, "image_context_access_token", {
          type: "string",
          sensitive: true,
          nullable: false,
          description: "Token (e.g. a Git PAT) the ACR Task uses to read functionApp.image.contextPath; set TF_VAR_image_context_access_token.",
        });
        return ImageSource.fromAcrTask({
          directory: app.sourceDirectory,
          registryId: props.registryId,
          loginServer: props.loginServer,
          repository: app.repository,
          contextPath: image.contextPath,
          contextAccessToken: token.stringValue,
          dockerfilePath: image.dockerfilePath,
        });
      }
    }
  }
}
