import { atLeastOne } from "../core/tokens";
import type { FunctionMetadata } from "./functions-manifest";
import { hostIdFor } from "./host-id";
import { HttpScaling, HttpScalingConfig } from "./http-scaling";
import { identityNameFor } from "./identity-names";
import type { KedaTrigger } from "./keda-trigger";
import { ContainerResources, KedaFunctionAppProps, NetworkPolicyOptions, ScalingFallback, WorkloadIdentityOptions } from "./props";
import { objectNames } from "./render/spec";

/** UID and GID of function-app/Dockerfile's USER: >= 10000, so they match no node account. */
const DEFAULT_RUN_AS_ID = 10001;
/** The Functions host's function timeout when host.json sets none. */
const DEFAULT_FUNCTION_TIMEOUT_SECONDS = 30 * 60;

/** Node-local Azure endpoints no function pod needs: IMDS and the WireServer. */
export const DEFAULT_DENIED_EGRESS_CIDRS: readonly string[] = ["169.254.169.254/32", "168.63.129.16/32"];

/** Props whose default is "none": still optional once resolved. */
type WithoutDefault = "storage" | "workloadIdentity" | "scalingBehavior" | "triggers";
/** Props that resolve to another shape (their own defaults filled in). */
type Reshaped = "httpScaling" | "networkPolicy" | "resources" | "fallback" | "workloadIdentity";

/**
 * The props with every default applied: what the rules check and the renderers read. Derived
 * from `KedaFunctionAppProps`, so a new prop appears here without a hand-kept copy.
 */
export type ResolvedProps = {
  readonly [K in Exclude<keyof KedaFunctionAppProps, WithoutDefault | Reshaped>]-?: NonNullable<KedaFunctionAppProps[K]>;
} & {
  readonly [K in Exclude<WithoutDefault, Reshaped>]: KedaFunctionAppProps[K];
} & {
  readonly httpScaling: HttpScalingConfig;
  readonly networkPolicy: Required<NetworkPolicyOptions> | false;
  readonly resources: Required<Omit<ContainerResources, "cpuLimit">> & Pick<ContainerResources, "cpuLimit">;
  readonly fallback: ScalingFallback | false;
  /** Present in workload-identity mode (the rules require it), with its own defaults applied. */
  readonly workloadIdentity: Required<Omit<WorkloadIdentityOptions, "kedaOperatorServiceAccount">> & Required<Pick<WorkloadIdentityOptions, "kedaOperatorServiceAccount">> | undefined;
  /** Triggers added with `addTrigger`, next to the mapped (or overriding) ones. */
  readonly addedTriggers: readonly KedaTrigger[];
  /** host.json `functionTimeout` in seconds (`-1`, unbounded, counts as the default). */
  readonly functionTimeoutSeconds: number;
  /** host.json `extensions.http.routePrefix` without surrounding slashes: the host's default is `api`. */
  readonly routePrefix: string;
};

/** What was added to an app after construction (`addSetting`, `addFunction`, `addTrigger`). */
export interface Additions {
  readonly settings: Readonly<Record<string, string>>;
  readonly functions: readonly FunctionMetadata[];
  readonly triggers: readonly KedaTrigger[];
}

const NO_ADDITIONS: Additions = { settings: {}, functions: [], triggers: [] };

/**
 * Every default of `KedaFunctionApp`, in one place: the props (plus what was added after
 * construction) as the rules check them and the renderers render them. Nothing downstream
 * applies a default of its own.
 */
export function resolveProps(props: KedaFunctionAppProps, added: Additions = NO_ADDITIONS): ResolvedProps {
  const name = props.name;
  const namespace = props.namespace ?? name;
  const minReplicas = props.minReplicas ?? 0;
  const resources = props.resources ?? {};
  const networkPolicy = props.networkPolicy ?? {};
  const hostJson = props.hostJson ?? {};
  const workloadIdentity = props.workloadIdentity;
  return {
    name,
    namespace,
    createNamespace: props.createNamespace ?? props.namespace === undefined,
    image: props.image,
    hostId: props.hostId ?? hostIdFor(namespace, name),
    functions: [...props.functions, ...added.functions],
    hostJson,
    functionTimeoutSeconds: functionTimeoutSeconds(hostJson.functionTimeout),
    routePrefix: (hostJson.extensions?.http?.routePrefix ?? "api").replace(/^\/+|\/+$/g, ""),
    triggers: props.triggers,
    addedTriggers: added.triggers,
    blobsRemovedAfterProcessing: props.blobsRemovedAfterProcessing ?? false,
    connectionMode: props.connectionMode ?? "workload-identity",
    storage: props.storage,
    workloadIdentity:
      workloadIdentity === undefined
        ? undefined
        : {
            ...workloadIdentity,
            kedaOperatorServiceAccount: workloadIdentity.kedaOperatorServiceAccount ?? { namespace: "kube-system", name: "keda-operator" },
            identityName: workloadIdentity.identityName ?? identityNameFor(namespace, name),
          },
    connections: props.connections ?? {},
    settings: { ...props.settings, ...added.settings },
    settingsObjectKind: props.settingsObjectKind ?? "ConfigMap",
    existingSettings: props.existingSettings ?? [],
    functionKeys: props.functionKeys ?? "kubernetes-secret",
    keysSecretName: objectNames(name, props.keysSecretName).keysSecret,
    keysSecretAnnotations: props.keysSecretAnnotations ?? {},
    httpScaling: (props.httpScaling ?? HttpScaling.fixedReplicas(1)).config,
    serviceType: props.serviceType ?? "ClusterIP",
    servicePort: props.servicePort ?? 80,
    minReplicas,
    maxReplicas: props.maxReplicas ?? 10,
    pollingInterval: props.pollingInterval ?? 30,
    cooldownPeriod: props.cooldownPeriod ?? 300,
    fallback: props.fallback ?? { failureThreshold: 3, replicas: atLeastOne(minReplicas) },
    scalingBehavior: props.scalingBehavior,
    imagePullSecrets: props.imagePullSecrets ?? [],
    resources: {
      cpuRequest: resources.cpuRequest ?? "250m",
      memoryRequest: resources.memoryRequest ?? "256Mi",
      cpuLimit: resources.cpuLimit,
      memoryLimit: resources.memoryLimit ?? "1Gi",
    },
    burstToVirtualNodes: props.burstToVirtualNodes ?? false,
    readOnlyRootFilesystem: props.readOnlyRootFilesystem ?? true,
    runAsUser: props.runAsUser ?? DEFAULT_RUN_AS_ID,
    runAsGroup: props.runAsGroup ?? DEFAULT_RUN_AS_ID,
    networkPolicy:
      networkPolicy === false
        ? false
        : {
            allowedNamespaces: networkPolicy.allowedNamespaces ?? [],
            allowedPods: networkPolicy.allowedPods ?? [],
            deniedEgressCidrs: networkPolicy.deniedEgressCidrs ?? DEFAULT_DENIED_EGRESS_CIDRS,
          },
    dependsOn: props.dependsOn ?? [],
    tags: props.tags ?? {},
  };
}

/** host.json `functionTimeout` ("hh:mm:ss"; "-1" means unbounded) in seconds. */
export function functionTimeoutSeconds(value: string | undefined): number {
  if (value === undefined) return DEFAULT_FUNCTION_TIMEOUT_SECONDS;
  const match = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return DEFAULT_FUNCTION_TIMEOUT_SECONDS;
  const [, h, m, s] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}
