import { TriggerBinding } from "./functions-manifest";
import { noMapping, triggerKind } from "./trigger-catalogue";

export { splitBlobPath } from "./blob-scaling";
export { resolveSettingExpression } from "./trigger-connections";
export { DEFAULT_THRESHOLDS } from "./trigger-catalogue";

/**
 * A trigger of a KEDA ScaledObject (`spec.triggers[]`) as the renderers write it. Users pass
 * `KedaTrigger` (typed factories) instead; this is what those and the mapping produce.
 */
export interface ScaledObjectTrigger {
  readonly type: string;
  /** Names the trigger in KEDA's metrics and events; the construct uses the function name. */
  readonly name?: string;
  readonly metadata: Readonly<Record<string, string>>;
  /** `AverageValue` (KEDA's default for external scalers) or `Utilization` (cpu/memory). */
  readonly metricType?: "AverageValue" | "Value" | "Utilization";
  readonly authenticationRef?: { readonly name: string };
  /**
   * Parameters KEDA reads from the worker container's environment (app settings, Secret- and
   * ConfigMap-backed ones included): the construct renders a TriggerAuthentication with this
   * `spec.env` and points `authenticationRef` at it (it replaces `authenticationRef`). Kafka
   * SASL credentials come this way.
   */
  readonly authenticationFromEnv?: ReadonlyArray<{ readonly parameter: string; readonly name: string }>;
}

/** What the mapping needs to know besides the binding itself. */
export interface TriggerMappingContext {
  /** The app settings the pods get (env + settings object): resolves `%Name%` and connection names. */
  readonly settings: Readonly<Record<string, string>>;
  /** Parsed host.json of the app: thresholds come from its `extensions`. */
  readonly hostJson: HostJson;
  /** TriggerAuthentication (azure-workload) used for identity-based connections. */
  readonly authenticationRef?: string;
  /**
   * The app's blob-triggered functions delete (or move away) each blob they processed, so
   * KEDA's blob count is the backlog. Without it blob triggers are `unscalable`.
   */
  readonly blobsRemovedAfterProcessing?: boolean;
  /** Settings may also come from existing Secrets/ConfigMaps (`existingSettings`), unknown at synth. */
  readonly settingsFromExistingObjects?: boolean;
}

/** The parts of host.json the construct reads. */
export interface HostJson {
  readonly functionTimeout?: string;
  readonly extensions?: {
    readonly http?: { readonly routePrefix?: string };
    readonly queues?: { readonly batchSize?: number; readonly newBatchThreshold?: number };
    readonly blobs?: { readonly maxDegreeOfParallelism?: number };
    readonly serviceBus?: {
      readonly maxConcurrentCalls?: number;
      readonly maxConcurrentSessions?: number;
      readonly maxMessageBatchSize?: number;
    };
    readonly eventHubs?: { readonly targetUnprocessedEventThreshold?: number; readonly maxEventBatchSize?: number };
    readonly rabbitMQ?: { readonly prefetchCount?: number };
    readonly [extension: string]: unknown;
  };
  readonly [key: string]: unknown;
}

/** The result of mapping one binding: a scaler, or the reason there is none. */
export type TriggerMapping =
  | { readonly kind: "scaler"; readonly trigger: ScaledObjectTrigger }
  | { readonly kind: "unscalable"; readonly reason: string };

/**
 * Maps a Functions trigger binding to the KEDA scaler that measures its backlog, with
 * thresholds from host.json (research §2.2), through the trigger catalogue. Triggers KEDA
 * cannot measure (timer, HTTP push sources, Cosmos DB, Durable, ...) come back `unscalable`
 * with the reason.
 */
export function mapTrigger(binding: TriggerBinding, context: TriggerMappingContext): TriggerMapping {
  return (triggerKind(binding.type)?.scaling ?? noMapping)(binding, context);
}
