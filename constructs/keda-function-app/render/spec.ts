import { KedaTrigger } from "../keda-triggers";

/**
 * Everything the renderers need, already defaulted and validated. Values may be cdktf
 * tokens (image digest, identity client id) when rendered for Terraform.
 */
export interface FunctionAppSpec {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  /** Port the Functions host listens on inside the container. */
  readonly containerPort: number;
  /** Stable host id shared by all pods, so timers and singletons run once per app. */
  readonly hostId: string;
  /** Non-secret app settings, delivered through a ConfigMap. */
  readonly settings: Readonly<Record<string, string>>;
  readonly httpFunctions: readonly string[];
  readonly workerFunctions: readonly string[];
  readonly http: {
    readonly replicas: number;
    readonly serviceType: "ClusterIP" | "LoadBalancer" | "NodePort";
    readonly servicePort: number;
  };
  readonly scaling: {
    readonly minReplicas: number;
    readonly maxReplicas: number;
    readonly pollingInterval: number;
    readonly cooldownPeriod: number;
    readonly triggers: readonly KedaTrigger[];
  };
  /** Client id of the user-assigned identity the pods and KEDA use. */
  readonly workloadIdentityClientId: string;
  readonly resources: {
    readonly cpuRequest: string;
    readonly memoryRequest: string;
    readonly memoryLimit: string;
  };
  readonly terminationGracePeriodSeconds: number;
}

/** Names of the objects of one app, in one place so renderers and tests agree. */
export function objectNames(name: string) {
  return {
    serviceAccount: name,
    settings: `${name}-settings`,
    httpDeployment: `${name}-http`,
    service: `${name}-http`,
    workerDeployment: name,
    scaledObject: name,
    triggerAuthentication: `${name}-wi`,
  } as const;
}
