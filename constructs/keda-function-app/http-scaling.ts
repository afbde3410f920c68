/** Settings of the KEDA HTTP add-on choice (`HttpScaling.kedaHttpAddOn`). */
export interface KedaHttpAddOnOptions {
  /** Fewest HTTP pods; 0 scales to zero (the interceptor holds requests during a cold start). @default 0 */
  readonly minReplicas?: number;
  /** Most HTTP pods. @default 10 */
  readonly maxReplicas?: number;
  /** Concurrent requests per pod the add-on aims for. @default 100 */
  readonly targetConcurrency?: number;
  /**
   * Host names the interceptor routes to this app (wildcards such as `*.example.com` work).
   * Empty routes every host: the InterceptorRoute then gets one catch-all rule (`hosts: ["*"]`),
   * because the add-on builds its routing table only from `spec.rules`.
   * @default [] (all hosts)
   */
  readonly hosts?: readonly string[];
  /**
   * Namespace the `keda-add-ons-http` chart runs in. Its interceptor proxies every request to
   * the app, so a NetworkPolicy that names allowed peers also admits this namespace.
   * @default "keda"
   */
  readonly namespace?: string;
  /** `host:port` of the add-on's external scaler. @default "keda-add-ons-http-external-scaler.<namespace>:9090" */
  readonly scalerAddress?: string;
}

/** Settings of the cpu choice (`HttpScaling.cpu`). */
export interface CpuScalingOptions {
  /** Fewest HTTP pods (the cpu metric cannot wake a Deployment at zero). @default 1 */
  readonly minReplicas?: number;
  /** Most HTTP pods. @default 10 */
  readonly maxReplicas?: number;
  /** Average cpu use, in percent of the request, that triggers a scale-out. @default 70 */
  readonly utilization?: number;
}

/** The resolved choice, as the renderers read it. */
export type HttpScalingConfig =
  | { readonly mode: "fixed"; readonly replicas: number }
  | {
      readonly mode: "keda-http-add-on";
      readonly minReplicas: number;
      readonly maxReplicas: number;
      readonly targetConcurrency: number;
      readonly hosts: readonly string[];
      readonly namespace: string;
      readonly scalerAddress: string;
    }
  | { readonly mode: "cpu"; readonly minReplicas: number; readonly maxReplicas: number; readonly utilization: number };

/**
 * How the `<name>-http` Deployment scales. Core KEDA has no HTTP scaler, so this is an
 * open choice: a fixed size (what `func kubernetes deploy` does), the KEDA HTTP add-on
 * (scale to zero), or KEDA's cpu trigger.
 */
export class HttpScaling {
  /** A fixed number of HTTP pods, as `func kubernetes deploy` does (`replicas: 1`). */
  static fixedReplicas(replicas = 1): HttpScaling {
    return new HttpScaling({ mode: "fixed", replicas });
  }

  /**
   * The KEDA HTTP add-on (chart `keda-add-ons-http` 0.15+): an `InterceptorRoute`
   * (`http.keda.sh/v1beta1`, the add-on's current API; `HTTPScaledObject` is deprecated
   * since 0.14) and a ScaledObject with an `external-push` trigger on the add-on's scaler.
   * Traffic must reach the app through `keda-add-ons-http-interceptor-proxy.keda:8080`.
   */
  static kedaHttpAddOn(options: KedaHttpAddOnOptions = {}): HttpScaling {
    const namespace = options.namespace ?? "keda";
    return new HttpScaling({
      mode: "keda-http-add-on",
      minReplicas: options.minReplicas ?? 0,
      maxReplicas: options.maxReplicas ?? 10,
      targetConcurrency: options.targetConcurrency ?? 100,
      hosts: options.hosts ?? [],
      namespace,
      scalerAddress: options.scalerAddress ?? `keda-add-ons-http-external-scaler.${namespace}:9090`,
    });
  }

  /** A ScaledObject with KEDA's cpu trigger (average utilization of the cpu request). */
  static cpu(options: CpuScalingOptions = {}): HttpScaling {
    return new HttpScaling({
      mode: "cpu",
      minReplicas: options.minReplicas ?? 1,
      maxReplicas: options.maxReplicas ?? 10,
      utilization: options.utilization ?? 70,
    });
  }

  private constructor(
    /** The resolved choice, as the renderers read it; not part of the public API. @internal */
    readonly config: HttpScalingConfig,
  ) {}
}
