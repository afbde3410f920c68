import { ITerraformDependable } from "cdktf";
import type { IScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";
import { FunctionMetadata } from "./functions-manifest";
import { HttpScaling } from "./http-scaling";
import { ImageSource } from "./image-source";
import { HostJson } from "./keda-triggers";
import type { KedaTrigger } from "./keda-trigger";
import type { ConnectionMode, FunctionKeysMode, ServiceType, SettingsObjectKind } from "./choices";

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
  /**
   * Name of the app's user-assigned identity. Set it to `id-<name>` to keep the identity
   * an app created with version 0.1.0 (whose default omitted the namespace): a new name
   * replaces the identity, its federated credentials and role assignments.
   * @default `id-<name>_<namespace>` (identity names are unique per resource group)
   */
  readonly identityName?: string;
}

/**
 * An identity-based connection other than `AzureWebJobsStorage`: the construct writes its
 * `<name>__accountName` / `<name>__fullyQualifiedNamespace` settings and grants the roles
 * its triggers need on `resourceId`.
 */
export type AzureConnection =
  | { readonly service: "storage"; readonly accountName: string; readonly resourceId: string }
  | { readonly service: "serviceBus" | "eventHubs"; readonly fullyQualifiedNamespace: string; readonly resourceId: string };


/** An existing Secret or ConfigMap whose keys become environment variables (`envFrom`). */
export interface SettingsReference {
  readonly kind: SettingsObjectKind;
  readonly name: string;
}


/** KEDA's `fallback`: replicas to run while a scaler keeps failing. */
export interface ScalingFallback {
  readonly failureThreshold: number;
  readonly replicas: number;
}

/** HPA scale-up/-down policies, as KEDA's ScaledObject takes them. */
export type ScalingBehavior = NonNullable<
  NonNullable<NonNullable<IScaledObject["spec"]["advanced"]>["horizontalPodAutoscalerConfig"]>["behavior"]
>;

/**
 * The app's NetworkPolicies. Ingress: who may call the HTTP pods' `http` port. With neither
 * list, any pod of the cluster may (and, behind a LoadBalancer or NodePort Service, any
 * client). Worker pods never accept ingress. Egress: every pod may reach the cluster and any
 * address outside it except `deniedEgressCidrs` (by default the node-local Azure endpoints);
 * a finer egress allow-list is not possible here, because the host reaches Azure endpoints by
 * FQDN and a core NetworkPolicy names only IP blocks.
 */
export interface NetworkPolicyOptions {
  /** Namespaces, by name, whose pods may call the app. @default [] */
  readonly allowedNamespaces?: readonly string[];
  /** Pods of the app's namespace, by labels, that may call the app. @default [] */
  readonly allowedPods?: ReadonlyArray<Readonly<Record<string, string>>>;
  /**
   * Addresses outside the cluster the app's pods may not reach. The default blocks the Azure
   * Instance Metadata Service, which hands any pod on a node the node's managed-identity tokens
   * (the kubelet identity can pull every image of the registry), and the WireServer; the pods
   * authenticate with workload identity and resolve names through CoreDNS, so they need neither.
   * `[]` allows every address (the egress policy still exists, so kube-score's check holds).
   * @default ["169.254.169.254/32", "168.63.129.16/32"]
   */
  readonly deniedEgressCidrs?: readonly string[];
}


/** Requests and limits of the functions container. */
export interface ContainerResources {
  /** @default "250m" */
  readonly cpuRequest?: string;
  /** @default "256Mi" */
  readonly memoryRequest?: string;
  /** No cpu limit by default: throttling a busy host only slows it down. @default undefined */
  readonly cpuLimit?: string;
  /** @default "1Gi" */
  readonly memoryLimit?: string;
}

/** Props of `KedaFunctionApp`: only `name`, `image` and `functions` (plus, with workload identity, `storage` and `workloadIdentity`) are required. */
export interface KedaFunctionAppProps {
  /**
   * Base name of every Kubernetes object: `<name>-http` serves HTTP functions, `<name>`
   * runs the event-driven ones. A DNS-1035 label (Service names start with a letter) of at
   * most 45 characters, and a literal: it derives object names and Terraform addresses.
   */
  readonly name: string;
  /**
   * Namespace of all objects. Never `default`, where every workload of the cluster shares
   * one set of policies: without this prop the app gets a namespace of its own.
   * @default the app's `name` (created by the construct, see `createNamespace`)
   */
  readonly namespace?: string;
  /**
   * Create the namespace as the first object (Pod Security `restricted` enforced), and make
   * every other object wait for it. Set it to `false` for a namespace you manage yourself
   * (pass the resource that creates it in `dependsOn`), `true` to have a given `namespace` created.
   * @default true when `namespace` is not set, false when it is
   */
  readonly createNamespace?: boolean;
  /** Where the container image comes from. */
  readonly image: ImageSource;
  /**
   * Host id shared by all pods of the app (`AzureFunctionsWebHost__hostid`): the key of its
   * timer schedules, singleton locks and blob receipts in `AzureWebJobsStorage`. Set it to
   * `legacyHostId(namespace, name)` to keep the state of an app deployed with version 0.1.0
   * (safe only while no other app of that name uses the same storage account).
   * @default `<name>-<8 hex of sha256("<namespace>/<name>")>`, distinct per namespace
   */
  readonly hostId?: string;
  /**
   * The app's functions and their triggers, usually `FunctionAppSource.fromDirectory(dir).functions`:
   * the manifest `npm run discover` writes into the app's folder. More can be added with `addFunction`.
   */
  readonly functions: readonly FunctionMetadata[];
  /** The app's host.json (`FunctionAppSource.hostJson`): thresholds, route prefix and function timeout come from it. @default {} */
  readonly hostJson?: HostJson;
  /**
   * KEDA triggers of the worker ScaledObject, built with `KedaTrigger.storageQueue(...)`,
   * `KedaTrigger.prometheus(...)`, ... When set they replace the triggers mapped from
   * `functions`; `addTrigger` adds one next to the mapped ones instead.
   * @default mapped from the functions' trigger bindings
   */
  readonly triggers?: readonly KedaTrigger[];
  /**
   * Every blob-triggered function deletes (or moves out of its trigger path) each blob it has
   * processed. Only then is KEDA's blob count the backlog, and blob triggers drive scaling: an
   * `azure-blob` scaler that counts exactly the blobs the trigger path matches. Otherwise a blob
   * trigger cannot drive scaling (the host deletes no blob, so the count never falls): the
   * construct warns and keeps at least one worker replica, as for timers.
   * @default false
   */
  readonly blobsRemovedAfterProcessing?: boolean;

  /**
   * `workload-identity`: no secrets; the app and KEDA use a user-assigned identity.
   * `connection-string`: connections come from `settings`/`existingSettings`, KEDA reads
   * them with `connectionFromEnv`; no identity is created.
   * @default "workload-identity"
   */
  readonly connectionMode?: ConnectionMode;
  /** Storage account used as `AzureWebJobsStorage`. Required with workload identity. */
  readonly storage?: FunctionStorage;
  /** Identity placement and OIDC issuer. Required with workload identity. */
  readonly workloadIdentity?: WorkloadIdentityOptions;
  /** Other identity-based connections, by setting prefix (e.g. `ServiceBusConnection`). @default {} */
  readonly connections?: Readonly<Record<string, AzureConnection>>;

  /**
   * Non-secret app settings (environment variables), delivered in the settings object. Their
   * values are literals in the Terraform JSON and state: a value that holds a credential
   * (`AccountKey=`, `SharedAccessKey=`, `Password=`, ...) is refused. Pass secrets by
   * reference instead: `existingSettings: [{ kind: "Secret", name }]`, or workload identity.
   * @default {}
   */
  readonly settings?: Readonly<Record<string, string>>;
  /**
   * Kind of the settings object built from `settings`. `Secret` (what `func kubernetes deploy`
   * writes without `--use-config-map`) is only for values that are Terraform references
   * (e.g. a generated connection string): the project policy (PRJ_NO_SECRET_LITERALS,
   * CKV_K8S_35) rejects a Secret of literals and Secrets read into environment variables.
   * @default "ConfigMap"
   */
  readonly settingsObjectKind?: SettingsObjectKind;
  /** Existing Secrets/ConfigMaps added to `envFrom` (`--secret-name`, `--config-map-name`). @default [] */
  readonly existingSettings?: readonly SettingsReference[];

  /** How HTTP function keys are stored (only with HTTP functions). @default "kubernetes-secret" */
  readonly functionKeys?: FunctionKeysMode;
  /** Name of the keys Secret (`--keys-secret-name`). @default "func-keys-kube-secret-<name>" */
  readonly keysSecretName?: string;
  /** Annotations on the keys Secret (`--key-secret-annotations`). @default {} */
  readonly keysSecretAnnotations?: Readonly<Record<string, string>>;

  /** How the HTTP Deployment scales. @default HttpScaling.fixedReplicas(1) */
  readonly httpScaling?: HttpScaling;
  /** How the HTTP Service is exposed; ClusterIP keeps it inside the cluster. @default "ClusterIP" */
  readonly serviceType?: ServiceType;
  /** Port of the HTTP Service. @default 80 */
  readonly servicePort?: number;

  /** Fewest worker pods; 0 lets KEDA scale to zero when the queues are empty. @default 0 */
  readonly minReplicas?: number;
  /** Most worker pods. @default 10 */
  readonly maxReplicas?: number;
  /** Seconds between KEDA's checks of each trigger. @default 30 */
  readonly pollingInterval?: number;
  /** Seconds after the last active trigger before scaling to zero. @default 300 */
  readonly cooldownPeriod?: number;
  /**
   * Replicas KEDA keeps while a scaler fails `failureThreshold` times in a row; `false`
   * turns it off.
   * @default { failureThreshold: 3, replicas: max(1, minReplicas) }
   */
  readonly fallback?: ScalingFallback | false;
  /** HPA scale-up/-down policies (`advanced.horizontalPodAutoscalerConfig.behavior`). @default the HPA's defaults */
  readonly scalingBehavior?: ScalingBehavior;

  /** Image pull Secrets of both Deployments (`--pull-secret`); AKS pulls with the kubelet identity. @default [] */
  readonly imagePullSecrets?: readonly string[];
  /** Requests and limits of the functions container. @default see ContainerResources */
  readonly resources?: ContainerResources;
  /**
   * Let worker pods burst to AKS virtual nodes (ACI): tolerate the virtual-kubelet taint and
   * prefer regular nodes. Virtual-node pods get no workload identity, so this needs
   * `connectionMode: "connection-string"`.
   * @default false
   */
  readonly burstToVirtualNodes?: boolean;

  /**
   * Mount the container's root file system read-only; emptyDirs cover the only paths the
   * host writes (`/tmp`, `/azure-functions-host/Secrets`, `/home/.aspnet`).
   * @default true
   */
  readonly readOnlyRootFilesystem?: boolean;
  /** UID the pods run as; must match the image's `USER` (function-app/Dockerfile). @default 10001 */
  readonly runAsUser?: number;
  /** GID the pods run as (and their fsGroup); must match the image's `USER`. @default 10001 */
  readonly runAsGroup?: number;
  /**
   * A NetworkPolicy per Deployment: HTTP pods accept only their `http` port, worker pods
   * nothing. Needs a network policy engine in the cluster (the cluster stack enables one);
   * `false` renders none.
   * @default {} (HTTP port open to every pod of the cluster)
   */
  readonly networkPolicy?: NetworkPolicyOptions | false;

  /** Resources the Kubernetes objects must wait for, such as the namespace. @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** Azure tags on the identity. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}
