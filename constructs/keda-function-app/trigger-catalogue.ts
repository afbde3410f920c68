import { numberString } from "../core/tokens";
import type { TriggerBinding } from "./functions-manifest";
import type { ScaledObjectTrigger, TriggerMapping, TriggerMappingContext } from "./keda-triggers";
import { BLOB_COUNT_NEVER_FALLS, blobSelection } from "./blob-scaling";
import { KAFKA_DEFAULT_LAG_THRESHOLD, kafkaScaler } from "./kafka-scaling";
import {
  bindingOption,
  connectionName,
  namespaceOf,
  resolveSettingExpression,
  storageAccountOf,
  storageConnection,
  workloadAuth,
} from "./trigger-connections";

/** The Azure services an identity-based connection can point at. */
export type ConnectionService = "storage" | "serviceBus" | "eventHubs";

/**
 * Everything the construct knows about one kind of trigger binding. Each field has one
 * consumer: `connection` the check that the connection resolves (connection-names.ts),
 * `roles` the app identity's role assignments (trigger-roles.ts), `queues` the queues the
 * workload stack creates (storage-queues.ts), `scaling` the worker ScaledObject
 * (keda-triggers.ts). Every field is required, so a new kind states all of them.
 */
export interface TriggerKind {
  /**
   * The binding option that names the connection and the app setting the host reads without
   * it (`undefined`: the option is required). `undefined` for triggers without a connection.
   */
  readonly connection: { readonly option: string; readonly defaultSetting: string | undefined } | undefined;
  /**
   * Built-in data roles the app identity needs on the resource behind an identity-based
   * connection. The app and KEDA share one identity, so they cover both: the host consuming
   * messages and KEDA reading the backlog. `undefined`: none (or not an Azure data service).
   */
  readonly roles: { readonly service: ConnectionService; readonly roles: readonly string[] } | undefined;
  /**
   * Queues of the binding's storage account the binding listens on, `%Setting%` unresolved:
   * created with the account, because the host does not create them in time for KEDA.
   */
  readonly queues: (binding: TriggerBinding) => readonly string[];
  /** The KEDA scaler that measures the backlog, with thresholds from host.json, or why there is none. */
  readonly scaling: (binding: TriggerBinding, context: TriggerMappingContext) => TriggerMapping;
}

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

const none = (): readonly string[] => [];
const scaler = (trigger: ScaledObjectTrigger): TriggerMapping => ({ kind: "scaler", trigger });
const unscalable =
  (reason: string) =>
  (): TriggerMapping => ({ kind: "unscalable", reason });

/**
 * The trigger catalogue, keyed by binding type in lower case (the host matches types
 * case-insensitively). Adding a trigger kind is one entry here.
 */
export const TRIGGER_CATALOGUE: Readonly<Record<string, TriggerKind>> = {
  queuetrigger: {
    connection: { option: "connection", defaultSetting: "AzureWebJobsStorage" },
    roles: { service: "storage", roles: ["Storage Queue Data Contributor"] },
    // The host moves a message that failed maxDequeueCount times to `<queue>-poison`.
    queues: (b) => (typeof b.queueName === "string" ? [b.queueName, `${b.queueName}-poison`] : []),
    scaling: (binding, context) => {
      const queueName = bindingOption(binding, "queueName", context);
      const connection = connectionName(binding.connection, "AzureWebJobsStorage");
      // One replica takes batchSize messages at a time: that is its fair share of the backlog.
      const queueLength = context.hostJson.extensions?.queues?.batchSize ?? DEFAULT_THRESHOLDS.queueBatchSize;
      return scaler({ type: "azure-queue", ...storageConnection(connection, "queue", { queueName, queueLength: numberString(queueLength) }, context) });
    },
  },
  blobtrigger: {
    connection: { option: "connection", defaultSetting: "AzureWebJobsStorage" },
    // The host keeps blob receipts and a poison queue next to the watched container.
    roles: { service: "storage", roles: ["Storage Blob Data Owner", "Storage Queue Data Contributor"] },
    queues: none,
    scaling: (binding, context) => {
      if (typeof binding.source === "string" && binding.source.toLowerCase() === "eventgrid") {
        return { kind: "unscalable", reason: 'a blob trigger with source "EventGrid" is pushed over HTTP, there is no backlog to measure' };
      }
      if (context.blobsRemovedAfterProcessing !== true) return { kind: "unscalable", reason: BLOB_COUNT_NEVER_FALLS };
      const path = bindingOption(binding, "path", context);
      const connection = connectionName(binding.connection, "AzureWebJobsStorage");
      const blobCount = context.hostJson.extensions?.blobs?.maxDegreeOfParallelism ?? DEFAULT_THRESHOLDS.blobCount;
      const metadata: Record<string, string> = { ...blobSelection(path), blobCount: numberString(blobCount) };
      return scaler({ type: "azure-blob", ...storageConnection(connection, "blob", metadata, context) });
    },
  },
  servicebustrigger: {
    connection: { option: "connection", defaultSetting: "AzureWebJobsServiceBus" },
    // KEDA reads queue runtime properties, which needs Manage rights (Data Owner).
    roles: { service: "serviceBus", roles: ["Azure Service Bus Data Owner"] },
    queues: none,
    scaling: (binding, context) => {
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
          ? { topicName: bindingOption(binding, "topicName", context), subscriptionName: bindingOption(binding, "subscriptionName", context) }
          : { queueName: bindingOption(binding, "queueName", context) };
      const connection = connectionName(binding.connection, "AzureWebJobsServiceBus");
      const metadata = { ...entity, messageCount: numberString(messageCount) };
      const namespace = namespaceOf(connection, context);
      if (namespace !== undefined) {
        return scaler({ type: "azure-servicebus", metadata: { ...metadata, namespace }, authenticationRef: workloadAuth(connection, context) });
      }
      return scaler({ type: "azure-servicebus", metadata: { ...metadata, connectionFromEnv: connection } });
    },
  },
  eventhubtrigger: {
    connection: { option: "connection", defaultSetting: "AzureWebJobsEventHub" },
    roles: { service: "eventHubs", roles: ["Azure Event Hubs Data Receiver"] },
    queues: none,
    scaling: (binding, context) => {
      const eventHubName = bindingOption(binding, "eventHubName", context);
      const consumerGroup =
        typeof binding.consumerGroup === "string" && binding.consumerGroup !== ""
          ? resolveSettingExpression(binding.consumerGroup, context.settings)
          : "$Default";
      const threshold = context.hostJson.extensions?.eventHubs?.targetUnprocessedEventThreshold ?? DEFAULT_THRESHOLDS.eventHubUnprocessedEvents;
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
        return scaler({
          type: "azure-eventhub",
          metadata: { ...metadata, eventHubNamespace: namespace, storageAccountName: storageAccount },
          authenticationRef: workloadAuth(connection, context),
        });
      }
      if (storageAccount !== undefined) {
        throw new Error(`event hub connection "${connection}" uses a connection string but AzureWebJobsStorage is identity-based: use the same mode for both`);
      }
      return scaler({ type: "azure-eventhub", metadata: { ...metadata, connectionFromEnv: connection, storageConnectionFromEnv: "AzureWebJobsStorage" } });
    },
  },
  kafkatrigger: {
    // Brokers and credentials are binding options (`brokerList`, `username`, ...), not a connection.
    connection: undefined,
    roles: undefined,
    queues: none,
    scaling: (binding, context) => {
      const { metadata, authenticationFromEnv } = kafkaScaler(binding, {
        settings: context.settings,
        settingsFromExistingObjects: context.settingsFromExistingObjects ?? false,
        resolve: (value) => resolveSettingExpression(value, context.settings),
      });
      return scaler({ type: "kafka", metadata, ...(authenticationFromEnv !== undefined ? { authenticationFromEnv } : {}) });
    },
  },
  rabbitmqtrigger: {
    connection: { option: "connectionStringSetting", defaultSetting: "RabbitMQConnection" },
    roles: undefined,
    queues: none,
    scaling: (binding, context) => {
      const connection = connectionName(binding.connectionStringSetting, "RabbitMQConnection");
      const prefetch = context.hostJson.extensions?.rabbitMQ?.prefetchCount ?? DEFAULT_THRESHOLDS.rabbitMqPrefetchCount;
      return scaler({
        type: "rabbitmq",
        metadata: { queueName: bindingOption(binding, "queueName", context), mode: "QueueLength", value: numberString(prefetch), hostFromEnv: connection },
      });
    },
  },
  cosmosdbtrigger: {
    // The host requires the option: there is no default setting.
    connection: { option: "connection", defaultSetting: undefined },
    roles: undefined,
    queues: none,
    scaling: (binding) => noMapping(binding),
  },
  timertrigger: {
    connection: undefined,
    roles: undefined,
    queues: none,
    scaling: unscalable("a timer trigger has no backlog for KEDA to measure (KEDA's cron scaler takes 5-field schedules, not NCRONTAB)"),
  },
  httptrigger: {
    connection: undefined,
    roles: undefined,
    queues: none,
    scaling: unscalable("HTTP functions run in the <name>-http Deployment"),
  },
};

/** What kinds without a scaler, known or not, come back as. */
export function noMapping(binding: TriggerBinding): TriggerMapping {
  return { kind: "unscalable", reason: `trigger type "${binding.type}" has no KEDA scaler mapping` };
}

/** The catalogue entry of a binding type (case-insensitive); undefined for kinds the construct does not know. */
export function triggerKind(type: string): TriggerKind | undefined {
  return Object.prototype.hasOwnProperty.call(TRIGGER_CATALOGUE, type.toLowerCase()) ? TRIGGER_CATALOGUE[type.toLowerCase()] : undefined;
}
