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
  readonly registry: RegistryConfig;
  readonly cluster: ClusterConfig;
  readonly workload: WorkloadConfig;
}

export type RegistrySku = "Basic" | "Standard" | "Premium";

export interface RegistryConfig {
  readonly resourceGroupName: string;
  /** Globally unique, 5-50 alphanumerics; the login server is `<name>.azurecr.io`. */
  readonly name: string;
  readonly sku: RegistrySku;
}

export interface ClusterConfig {
  readonly resourceGroupName: string;
  readonly name: string;
  readonly dnsPrefix: string;
  /** `null` lets AKS pick its default version; the upgrade channel keeps it current. */
  readonly kubernetesVersion: string | null;
  readonly skuTier: "Free" | "Standard" | "Premium";
  readonly systemNodePool: {
    readonly name: string;
    readonly vmSize: string;
    readonly nodeCount: number;
  };
}

export interface WorkloadConfig {
  readonly resourceGroupName: string;
  /** How the kubernetes/helm providers sign in to the cluster (see stacks/kubelogin.ts). */
  readonly kubeloginMode: "azurecli" | "workloadidentity" | "spn";
  /** Kubernetes namespace the function apps run in. */
  readonly namespace: string;
  /** Storage account backing the Functions host and the app's queues (3-24 lowercase alphanumerics). */
  readonly storageAccountName: string;
  readonly functionApp: FunctionAppConfig;
}

export interface FunctionAppConfig {
  /** Base name of the app's Kubernetes objects. */
  readonly name: string;
  /** Folder of the function app, relative to the project root. */
  readonly sourceDirectory: string;
  /** Image repository inside the registry. */
  readonly repository: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly httpReplicas: number;
  readonly serviceType: "ClusterIP" | "LoadBalancer" | "NodePort";
}
