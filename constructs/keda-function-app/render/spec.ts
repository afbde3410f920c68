import type { HttpScalingConfig } from "../http-scaling";
import type { ScaledObjectTrigger } from "../keda-triggers";
import type { ScalingBehavior, ScalingFallback, SettingsReference } from "../props";
import type { FunctionKeysMode, ServiceType, SettingsObjectKind } from "../choices";

/**
 * Everything the renderers need, already defaulted and validated. Values may be cdktf
 * tokens (image digest, identity client id) when rendered for Terraform.
 */
export interface FunctionAppSpec {
  readonly name: string;
  readonly namespace: string;
  /** Render the Namespace itself (first), with Pod Security `restricted` enforced. @default false */
  readonly createNamespace?: boolean;
  readonly image: string;
  /** Port the Functions host listens on inside the container. */
  readonly containerPort: number;
  /** Stable host id shared by all pods, so timers and singletons run once per app. */
  readonly hostId: string;
  /** Non-secret settings the construct derives (runtime, identity-based connections): plain `env`. */
  readonly env: Readonly<Record<string, string>>;
  /** The user's app settings, delivered in a ConfigMap (or, when asked for, a Secret); none when empty. */
  readonly settings: { readonly kind: SettingsObjectKind; readonly values: Readonly<Record<string, string>> };
  readonly existingSettings: readonly SettingsReference[];
  readonly httpFunctions: readonly string[];
  readonly workerFunctions: readonly string[];
  readonly functionKeys: {
    readonly mode: FunctionKeysMode;
    readonly secretName: string;
    readonly annotations: Readonly<Record<string, string>>;
  };
  readonly http: {
    readonly scaling: HttpScalingConfig;
    readonly serviceType: ServiceType;
    readonly servicePort: number;
  };
  readonly scaling: {
    readonly minReplicas: number;
    readonly maxReplicas: number;
    readonly pollingInterval: number;
    readonly cooldownPeriod: number;
    readonly triggers: readonly ScaledObjectTrigger[];
    readonly fallback?: ScalingFallback;
    readonly behavior?: ScalingBehavior;
  };
  /** Client id of the user-assigned identity the pods and KEDA use; none in connection-string mode. */
  readonly workloadIdentityClientId?: string;
  readonly imagePullSecrets: readonly string[];
  readonly resources: {
    readonly cpuRequest: string;
    readonly memoryRequest: string;
    readonly cpuLimit?: string;
    readonly memoryLimit: string;
  };
  readonly terminationGracePeriodSeconds: number;
  readonly burstToVirtualNodes: boolean;
  /** Who the pods run as and whether the root file system is read-only. */
  readonly security: {
    readonly runAsUser: number;
    readonly runAsGroup: number;
    readonly readOnlyRootFilesystem: boolean;
  };
  /** Who may call the HTTP pods; undefined renders no NetworkPolicy. */
  readonly networkPolicy?: {
    readonly allowedNamespaces: readonly string[];
    readonly allowedPods: ReadonlyArray<Readonly<Record<string, string>>>;
    readonly deniedEgressCidrs: readonly string[];
  };
}

/** Names of the objects of one app, in one place so renderers and tests agree. */
export function objectNames(name: string, keysSecretName?: string) {
  return {
    serviceAccount: name,
    settings: `${name}-settings`,
    keysSecret: keysSecretName ?? `func-keys-kube-secret-${name}`,
    keysRole: `${name}-function-keys`,
    keysRoleBinding: `${name}-function-keys`,
    httpDeployment: `${name}-http`,
    service: `${name}-http`,
    workerDeployment: name,
    scaledObject: name,
    httpScaledObject: `${name}-http`,
    interceptorRoute: `${name}-http`,
    triggerAuthentication: `${name}-wi`,
  } as const;
}

/** Where the host reads keys from when the keys Secret is mounted (`--mount-funckeys-as-containervolume`). */
export const FUNCTION_KEYS_MOUNT_PATH = "/run/secrets/functions-keys";
