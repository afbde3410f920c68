import { Fn } from "cdktf";
import { asTerraformString, isToken, numberString } from "../core/tokens";
import { TriggerBinding } from "./functions-manifest";
import { BLOB_COUNT_NEVER_FALLS, blobSelection } from "./blob-scaling";
import { KAFKA_DEFAULT_LAG_THRESHOLD, kafkaScaler } from "./kafka-scaling";

export { splitBlobPath } from "./blob-scaling";

/** A trigger of a KEDA ScaledObject (`spec.triggers[]`). */
export interface KedaTrigger {
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
  | { readonly kind: "scaler"; readonly trigger: KedaTrigger }
  | { readonly kind: "unscalable"; readonly reason: string };

/**
 * Thresholds used when host.json does not set them: the Functions host's own defaults
 * (what one replica processes at a time), except where noted.
 */
export const DEFAULT_THRESHOLDS = {
  /** host.json `extensions.queues.batchSize`. */
  queueBatchSize: 16,
  /** KEDA's `blobCount` default; the host's default (8 x cores) depends on the node. */
  blobCount: 5,
  /** host.json `extensions.serviceBus.maxConcurrentCalls`. */
  serviceBusConcurrentCalls: 16,
  /** host.json `extensions.serviceBus.maxConcurrentSessions`. */
  serviceBusConcurrentSessions: 8,
  /** host.json `extensions.serviceBus.maxMessageBatchSize` (cardinality "many"). */
  serviceBusBatchSize: 1000,
  /** KEDA's `unprocessedEventThreshold` default. */
  eventHubUnprocessedEvents: 64,
  /** The Kafka extension's `LagThreshold` default. */
  kafkaLagThreshold: KAFKA_DEFAULT_LAG_THRESHOLD,
  /** host.json `extensions.rabbitMQ.prefetchCount`. */
  rabbitMqPrefetchCount: 30,
} as const;

/**
 * Maps a Functions trigger binding to the KEDA scaler that measures its backlog, with
 * thresholds from host.json (research §2.2). Triggers KEDA cannot measure (timer, HTTP
 * push sources, Cosmos DB, Durable, ...) come back `unscalable` with the reason.
 */
export function mapTrigger(binding: TriggerBinding, context: TriggerMappingContext): TriggerMapping {
  const scaler = (trigger: KedaTrigger): TriggerMapping => ({ kind: "scaler", trigger });
  switch (binding.type.toLowerCase()) {
    case "queuetrigger":
      return scaler(storageQueueTrigger(binding, context));
    case "blobtrigger":
      if (typeof binding.source === "string" && binding.source.toLowerCase() === "eventgrid") {
        return { kind: "unscalable", reason: 'a blob trigger with source "EventGrid" is pushed over HTTP, there is no backlog to measure' };
      }
      if (context.blobsRemovedAfterProcessing !== true) return { kind: "unscalable", reason: BLOB_COUNT_NEVER_FALLS };
      return scaler(storageBlobTrigger(binding, context));
    case "servicebustrigger":
      return scaler(serviceBusTrigger(binding, context));
    case "eventhubtrigger":
      return scaler(eventHubTrigger(binding, context));
    case "kafkatrigger":
      return scaler(kafkaTrigger(binding, context));
    case "rabbitmqtrigger":
      return scaler(rabbitMqTrigger(binding, context));
    case "timertrigger":
      return { kind: "unscalable", reason: "a timer trigger has no backlog for KEDA to measure (KEDA's cron scaler takes 5-field schedules, not NCRONTAB)" };
    case "httptrigger":
      return { kind: "unscalable", reason: "HTTP functions run in the <name>-http Deployment" };
    default:
      return { kind: "unscalable", reason: `trigger type "${binding.type}" has no KEDA scaler mapping` };
  }
}

function storageQueueTrigger(binding: TriggerBinding, context: TriggerMappingContext): KedaTrigger {
  const queueName = resolved(binding, "queueName", context);
  const connection = connectionName(binding.connection, "AzureWebJobsStorage");
  // One replica takes batchSize messages at a time: that is its fair share of the backlog.
  const queueLength = context.hostJson.extensions?.queues?.batchSize ?? DEFAULT_THRESHOLDS.queueBatchSize;
  return {
    type: "azure-queue",
    ...storageConnection(connection, "queue", { queueName, queueLength: numberString(queueLength) }, context),
  };
}

function storageBlobTrigger(binding: TriggerBinding, context: TriggerMappingContext): KedaTrigger {
  const path = resolved(binding, "path", context);
  const connection = connectionName(binding.connection, "AzureWebJobsStorage");
  const blobCount = context.hostJson.extensions?.blobs?.maxDegreeOfParallelism ?? DEFAULT_THRESHOLDS.blobCount;
  const metadata: Record<string, string> = { ...blobSelection(path), blobCount: numberString(blobCount) };
  return { type: "azure-blob", ...storageConnection(connection, "blob", metadata, context) };
}

function serviceBusTrigger(binding: TriggerBinding, context: TriggerMappingContext): KedaTrigger {
  const serviceBus = context.hostJson.extensions?.serviceBus;
  const sessions = binding.isSessionsEnabled === true;
  const batched = typeof binding.cardinality === "string" && binding.cardinality.toLowerCase() === "many";
  // What one replica works on at once: sessions in parallel, a batch, or concurrent calls.
  const messageCount = sessions
    ? serviceBus?.maxConcurrentSessions ?? DEFAULT_THRESHOLDS.serviceBusConcurrentSessions
    : batched
      ? serviceBus?.maxMessageBatchSize ?? DEFAULT_THRESHOLDS.serviceBusBatchSize
      : serviceBus?.maxConcurrentCalls ?? DEFAULT_THRESHOLDS.serviceBusConcurrentCalls;
  const entity: Record<string, string> =
    typeof binding.topicName === "string"
      ? { topicName: resolved(binding, "topicName", context), subscriptionName: resolved(binding, "subscriptionName", context) }
      : { queueName: resolved(binding, "queueName", context) };
  const connection = connectionName(binding.connection, "AzureWebJobsServiceBus");
  const metadata = { ...entity, messageCount: numberString(messageCount) };
  const namespace = namespaceOf(connection, context);
  if (namespace !== undefined) {
    return { type: "azure-servicebus", metadata: { ...metadata, namespace }, authenticationRef: workloadAuth(connection, context) };
  }
  return { type: "azure-servicebus", metadata: { ...metadata, connectionFromEnv: connection } };
}

function eventHubTrigger(binding: TriggerBinding, context: TriggerMappingContext): KedaTrigger {
  const eventHubName = resolved(binding, "eventHubName", context);
  const consumerGroup =
    typeof binding.consumerGroup === "string" && binding.consumerGroup !== ""
      ? resolveSettingExpression(binding.consumerGroup, context.settings)
      : "$Default";
  const threshold =
    context.hostJson.extensions?.eventHubs?.targetUnprocessedEventThreshold ?? DEFAULT_THRESHOLDS.eventHubUnprocessedEvents;
  // The Functions host checkpoints in AzureWebJobsStorage (container azure-webjobs-eventhub).
  const metadata: Record<string, string> = {
    eventHubName,
    consumerGroup,
    checkpointStrategy: "azureFunction",
    unprocessedEventThreshold: numberString(threshold),
  };
  const connection = connectionName(binding.connection, "AzureWebJobsEventHub");
  const namespace = namespaceOf(connection, context);
  const storageAccount = storageAccountOf("AzureWebJobsStorage", "blob", context);
  if (namespace !== undefined) {
    if (storageAccount === undefined) {
      throw new Error(
        `event hub connection "${connection}" is identity-based, so the checkpoint store AzureWebJobsStorage must be too (set AzureWebJobsStorage__accountName)`,
      );
    }
    return {
      type: "azure-eventhub",
      metadata: { ...metadata, eventHubNamespace: namespace, storageAccountName: storageAccount },
      authenticationRef: workloadAuth(connection, context),
    };
  }
  if (storageAccount !== undefined) {
    throw new Error(
      `event hub connection "${connection}" uses a connection string but AzureWebJobsStorage is identity-based: use the same mode for both`,
    );
  }
  return { type: "azure-eventhub", metadata: { ...metadata, connectionFromEnv: connection, storageConnectionFromEnv: "AzureWebJobsStorage" } };
}

function kafkaTrigger(binding: TriggerBinding, context: TriggerMappingContext): KedaTrigger {
  const { metadata, authenticationFromEnv } = kafkaScaler(binding, {
    settings: context.settings,
    settingsFromExistingObjects: context.settingsFromExistingObjects ?? false,
    resolve: (value) => resolveSettingExpression(value, context.settings),
  });
  return { type: "kafka", metadata, ...(authenticationFromEnv !== undefined ? { authenticationFromEnv } : {}) };
}

function rabbitMqTrigger(binding: TriggerBinding, context: TriggerMappingContext): KedaTrigger {
  const connection = connectionName(binding.connectionStringSetting, "RabbitMQConnection");
  const prefetch = context.hostJson.extensions?.rabbitMQ?.prefetchCount ?? DEFAULT_THRESHOLDS.rabbitMqPrefetchCount;
  return {
    type: "rabbitmq",
    metadata: { queueName: resolved(binding, "queueName", context), mode: "QueueLength", value: numberString(prefetch), hostFromEnv: connection },
  };
}

/**
 * KEDA cannot read Functions' `<conn>__accountName` style settings: identity-based
 * connections become `accountName` + an azure-workload TriggerAuthentication, and
 * connection strings become `connectionFromEnv`.
 */
function storageConnection(
  connection: string,
  service: "queue" | "blob",
  metadata: Record<string, string>,
  context: TriggerMappingContext,
): Pick<KedaTrigger, "metadata" | "authenticationRef"> {
  const accountName = storageAccountOf(connection, service, context);
  if (accountName !== undefined) {
    return { metadata: { ...metadata, accountName }, authenticationRef: workloadAuth(connection, context) };
  }
  return { metadata: { ...metadata, connectionFromEnv: connection } };
}

/** The account of an identity-based storage connection (`__accountName` or `__<service>ServiceUri`). */
function storageAccountOf(connection: string, service: "queue" | "blob", context: TriggerMappingContext): string | undefined {
  const accountName = context.settings[`${connection}__accountName`];
  if (accountName !== undefined) return accountName;
  const uri = context.settings[`${connection}__${service}ServiceUri`];
  return uri === undefined ? undefined : hostLabel(uri);
}

/** The namespace of an identity-based Service Bus / Event Hubs connection. */
function namespaceOf(connection: string, context: TriggerMappingContext): string | undefined {
  const fqdn = context.settings[`${connection}__fullyQualifiedNamespace`];
  return fqdn === undefined ? undefined : hostLabel(fqdn);
}

/** The first DNS label of a URL or FQDN, with an optional scheme (the same regex in JS and Terraform). */
const HOST_LABEL = "^([a-zA-Z][a-zA-Z0-9+.-]*://)?([^./]+).*$";

/**
 * `https://acct.queue.core.windows.net/` or `ns.servicebus.windows.net` → `acct` / `ns`. A
 * value built from a Terraform reference (`${ns.name}.servicebus.windows.net`) is cut by
 * Terraform's `replace` at apply time: splitting its placeholder here would break the token.
 */
function hostLabel(value: string): string {
  if (isToken(value)) return Fn.replace(asTerraformString(value), `/${HOST_LABEL}/`, "$2");
  return value.replace(new RegExp(HOST_LABEL), "$2");
}

function workloadAuth(connection: string, context: TriggerMappingContext): { name: string } {
  if (context.authenticationRef === undefined) {
    throw new Error(`connection "${connection}" is identity-based but no TriggerAuthentication is configured`);
  }
  return { name: context.authenticationRef };
}

/** An empty or missing connection means the host's default setting. */
function connectionName(value: unknown, fallback: string): string {
  return typeof value === "string" && value.trim() !== "" ? value : fallback;
}

function resolved(binding: TriggerBinding, option: string, context: TriggerMappingContext): string {
  const value = binding[option];
  if (typeof value !== "string" || value === "") {
    throw new Error(`${binding.type} binding has no "${option}"`);
  }
  return resolveSettingExpression(value, context.settings);
}

/** Resolves `%Setting%` references the way the Functions host does. */
export function resolveSettingExpression(value: string, settings: Readonly<Record<string, string>>): string {
  return value.replace(/%([^%]+)%/g, (_match, name: string) => {
    const resolvedValue = settings[name];
    if (resolvedValue === undefined) {
      throw new Error(`"${value}" refers to app setting "${name}", which is not set: add it to the app's settings`);
    }
    return resolvedValue;
  });
}
