import { ClusterSettings } from "../constructs/aks-cluster/settings";
import { KubeloginMode } from "../constructs/aks-cluster/kubelogin";
import { RegistrySettings } from "../constructs/container-registry/settings";
import type { ConnectionMode, ServiceType } from "../constructs/keda-function-app/choices";

export type { ClusterSettings } from "../constructs/aks-cluster/settings";
export type { RegistrySettings, RegistrySku } from "../constructs/container-registry/settings";

/**
 * Everything that differs between environments lives in one typed object per
 * environment: code never branches on the environment's name.
 */
export interface EnvironmentConfig {
  /** Short environment name; becomes part of stack and resource names. */
  readonly name: string;
  /** Azure region of every resource, e.g. `westeurope`. */
  readonly location: string;
  /** Tags put on every Azure resource. */
  readonly tags: Readonly<Record<string, string>>;
  /** Where every stack of the environment keeps its Terraform state. */
  readonly backend: StateBackendConfig;
  readonly registry: RegistryConfig;
  readonly cluster: ClusterConfig;
  readonly workload: WorkloadConfig;
}

/**
 * Terraform state of each stack:
 * - `local`: `terraform.<stack>.tfstate` in the project root (the default; one person, one machine).
 * - `azurerm`: one blob per stack, `<keyPrefix><stack>.tfstate`, read and written with Entra ID
 *   (`use_azuread_auth`): no storage key anywhere. Needs "Storage Blob Data Contributor" on the container.
 * - `cloud`: Terraform Cloud / HCP Terraform, one named workspace `<workspacePrefix><stack>` per stack
 *   (tagged workspaces cannot serve cross-stack references). The token comes from `terraform login`
 *   or `TF_TOKEN_app_terraform_io`, never from this file.
 */
export type StateBackendConfig = LocalBackendConfig | AzurermBackendConfig | CloudBackendConfig;

/** State in a local file per stack. */
export interface LocalBackendConfig {
  readonly type: "local";
}

/** State in an Azure blob container, read and written with Entra ID. */
export interface AzurermBackendConfig {
  readonly type: "azurerm";
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  readonly containerName: string;
  /** Prefix of every state blob's key, e.g. `keda-functions/`. @default "" */
  readonly keyPrefix?: string;
}

/** State in Terraform Cloud / HCP Terraform workspaces, one per stack. */
export interface CloudBackendConfig {
  readonly type: "cloud";
  readonly organization: string;
  /** @default "app.terraform.io" */
  readonly hostname?: string;
  /** Terraform Cloud project the workspaces belong to. @default the organization's default project */
  readonly project?: string;
  /** Workspace name = prefix + stack id, e.g. `kedafn-dev-cluster`. */
  readonly workspacePrefix: string;
  /**
   * Whether the workspaces run plans on Terraform Cloud's runners (execution mode "remote").
   * Remote runners have no `az login` and no Docker daemon.
   */
  readonly remoteExecution: boolean;
}

/**
 * Policy checks an environment deliberately does not meet, and why. The stack suppresses the listed
 * check IDs on its main resource (the registry or the cluster) only; keep the list short: every entry
 * is a risk someone accepted.
 */
export interface PolicyException {
  /** Check IDs (e.g. `CKV_AZURE_170`) that share the reason. */
  readonly ids: readonly string[];
  /** Why the risk is acceptable here, at least 40 characters a reviewer can judge. */
  readonly reason: string;
}

/** A registry's settings (each defaults to the secure production choice) plus its names. */
export interface RegistryConfig extends RegistrySettings {
  /** Globally unique, 5-50 letters and digits; the login server is `<name>.azurecr.io`. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly policyExceptions: readonly PolicyException[];
}

/** A cluster's settings (each defaults to the secure production choice) plus its resource group and accepted risks. */
export interface ClusterConfig extends ClusterSettings {
  readonly resourceGroupName: string;
  /** Policy checks this environment's cluster deliberately does not meet, suppressed on the cluster only. @default [] */
  readonly policyExceptions?: readonly PolicyException[];
}

/** The workload stack's settings: where the function app runs and how Terraform signs in to the cluster. */
export interface WorkloadConfig {
  readonly resourceGroupName: string;
  /** How the kubernetes/helm providers sign in to the cluster (see constructs/aks-cluster/kubelogin.ts and docs/deploy.md). */
  readonly kubeloginMode: KubeloginMode;
  /** Kubernetes namespace the function apps run in. */
  readonly namespace: string;
  /** Storage account backing the Functions host and the app's queues (3-24 lowercase alphanumerics). */
  readonly storageAccountName: string;
  readonly functionApp: FunctionAppConfig;
}

/** The function app the workload stack deploys. */
export interface FunctionAppConfig {
  /** Base name of the app's Kubernetes objects. */
  readonly name: string;
  /** Folder of the function app, relative to the project root. */
  readonly sourceDirectory: string;
  /** Image repository inside the registry. */
  readonly repository: string;
  /** Fewest worker pods; 0 scales the event-driven functions to zero. @default 0 (KedaFunctionApp's) */
  readonly minReplicas?: number;
  /** Most worker pods KEDA scales to. @default 10 (KedaFunctionApp's) */
  readonly maxReplicas?: number;
  /** Fixed number of HTTP pods. @default 1 (KedaFunctionApp's `HttpScaling.fixedReplicas(1)`) */
  readonly httpReplicas?: number;
  /** Kubernetes Service type of the HTTP functions. @default "ClusterIP" (KedaFunctionApp's) */
  readonly serviceType?: ServiceType;
  /** Where the image comes from. @default { source: "docker-build" } */
  readonly image?: FunctionAppImageConfig;
  /**
   * Non-secret app settings (environment variables) of the pods; `%Name%` in the functions
   * manifest (e.g. a queue name) resolves against them. @default {}
   */
  readonly settings?: Readonly<Record<string, string>>;
  /**
   * How the app and KEDA reach the storage account:
   * - `workload-identity`: a user-assigned identity federated with the app's and KEDA's service
   *   accounts; the account's shared keys stay disabled. No secret exists anywhere.
   * - `connection-string` (**unsafe**, for `burstToVirtualNodes`): shared keys are enabled and
   *   `AzureWebJobsStorage` is the account's primary connection string, delivered in the app's
   *   settings Secret. The key lands in Terraform state and in a Kubernetes Secret; synth warns.
   * @default "workload-identity"
   */
  readonly connectionMode?: FunctionAppConnectionMode;
  /**
   * Let worker pods burst to AKS virtual nodes (ACI). Needs `cluster.virtualNodes.enabled` and
   * `connectionMode: "connection-string"`: virtual-node pods get no workload identity token.
   * @default false
   */
  readonly burstToVirtualNodes?: boolean;
}

/** See `FunctionAppConfig.connectionMode`; the choice is KedaFunctionApp's `ConnectionMode`, defined once. */
export type FunctionAppConnectionMode = ConnectionMode;

/**
 * Where the workload stack gets the function app's image:
 * - `docker-build`: the local Docker daemon builds and pushes it during apply.
 * - `acr-task`: an ACR Task builds `contextPath` (a Git URL with branch and folder, e.g.
 *   `https://github.com/org/repo.git#main:function-app`) in Azure: no Docker daemon needed, as on
 *   Terraform Cloud's remote runners. The token that reads `contextPath` comes from the stack's
 *   sensitive variable `image_context_access_token` (`TF_VAR_image_context_access_token`), never from this file.
 * - `reference`: an image that already exists, pinned by tag or digest.
 */
export type FunctionAppImageConfig =
  | { readonly source: "docker-build" }
  | { readonly source: "acr-task"; readonly contextPath: string; /** @default "Dockerfile" */ readonly dockerfilePath?: string }
  | { readonly source: "reference"; readonly reference: string };
