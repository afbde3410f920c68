import { FunctionMetadata } from "./functions-manifest";
import { HostJson } from "./keda-triggers";
import { ImageSource } from "./image-source";

/** The storage account behind `AzureWebJobsStorage`, reached with the app's identity. */
export interface FunctionStorage {
  readonly accountName: string;
  /** Resource id: the scope of the app identity's data-plane roles. */
  readonly accountId: string;
}

/** Where the app's user-assigned identity lives and which cluster issues its tokens. */
export interface WorkloadIdentityOptions {
  /** The cluster's OIDC issuer URL (ClusterStack.oidcIssuerUrl). */
  readonly oidcIssuerUrl: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /**
   * KEDA's operator ServiceAccount, federated with the app identity so the scaler can
   * read queue lengths without a connection string.
   * @default { namespace: "kube-system", name: "keda-operator" } (the AKS KEDA add-on)
   */
  readonly kedaOperatorServiceAccount?: { readonly namespace: string; readonly name: string };
}

import { ITerraformDependable } from "cdktf";

export type ServiceType = "ClusterIP" | "LoadBalancer" | "NodePort";

export interface KedaFunctionAppProps {
  /**
   * Base name of every Kubernetes object: `<name>-http` serves HTTP functions, `<name>`
   * runs the event-driven ones. A DNS-1123 label of at most 45 characters.
   */
  readonly name: string;
  /** Namespace of all objects; it must exist. @default "default" */
  readonly namespace?: string;
  /** Where the container image comes from. */
  readonly image: ImageSource;
  /** The app's functions and their triggers (e.g. from `readFunctionsManifest`). */
  readonly functions: readonly FunctionMetadata[];
  /** The app's host.json: queue batch sizes become KEDA thresholds, functionTimeout the grace period. @default {} */
  readonly hostJson?: HostJson;
  /** Storage account used as `AzureWebJobsStorage`, through the app's identity (no keys). */
  readonly storage: FunctionStorage;
  readonly workloadIdentity: WorkloadIdentityOptions;
  /** Extra non-secret app settings (environment variables). @default {} */
  readonly settings?: Readonly<Record<string, string>>;
  /** Fewest worker pods; 0 lets KEDA scale to zero when the queues are empty. @default 0 */
  readonly minReplicas?: number;
  /** Most worker pods. @default 10 */
  readonly maxReplicas?: number;
  /** Seconds between KEDA's checks of each trigger. @default 30 */
  readonly pollingInterval?: number;
  /** Seconds after the last active trigger before scaling to zero. @default 300 */
  readonly cooldownPeriod?: number;
  /** Fixed replica count of the HTTP Deployment. @default 1 */
  readonly httpReplicas?: number;
  /** How the HTTP Service is exposed; ClusterIP keeps it inside the cluster. @default "ClusterIP" */
  readonly serviceType?: ServiceType;
  /** Resources the Kubernetes objects must wait for, such as the namespace. @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** Azure tags on the identity. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}
