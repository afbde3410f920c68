// The typed options of KedaTrigger's factories, one interface per KEDA scaler. Field names
// are KEDA 2.17's metadata keys wherever one maps to one, so KEDA's docs read across.

/** How a KEDA scaler reaches an Azure storage account or namespace: exactly one of the two. */
export interface AzureScalerConnection {
  /**
   * Identity-based: the account / namespace name; KEDA authenticates with the app's
   * workload identity (its azure-workload TriggerAuthentication). Needs `connectionMode: "workload-identity"`.
   */
  readonly accountName?: string;
  /** Name of the app setting holding a connection string, read from the worker container. */
  readonly connectionFromEnv?: string;
}

/** Options of `KedaTrigger.storageQueue`. */
export interface StorageQueueTriggerOptions extends AzureScalerConnection {
  /** The queue: 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit. */
  readonly queueName: string;
  /** Messages per replica. @default 5 (KEDA's default) */
  readonly queueLength?: number;
  /** Names the trigger in KEDA's metrics and events. @default - none */
  readonly name?: string;
}

/** Options of `KedaTrigger.serviceBus`: a queue, or a topic with its subscription. */
export interface ServiceBusTriggerOptions {
  readonly queueName?: string;
  readonly topicName?: string;
  /** Needed with `topicName`. */
  readonly subscriptionName?: string;
  /** Active messages per replica. @default 5 (KEDA's default) */
  readonly messageCount?: number;
  /** Identity-based: the namespace name (`<namespace>.servicebus.windows.net`). Exactly one of `namespace` and `connectionFromEnv`. */
  readonly namespace?: string;
  /** Name of the app setting holding a connection string. */
  readonly connectionFromEnv?: string;
  /** @default - none */
  readonly name?: string;
}

/** Options of `KedaTrigger.prometheus`. */
export interface PrometheusTriggerOptions {
  /** `http(s)://host:port` of the Prometheus server. */
  readonly serverAddress: string;
  /** PromQL query returning one value. */
  readonly query: string;
  /** Value per replica: a number > 0. */
  readonly threshold: number;
  /** @default - none */
  readonly name?: string;
}

/** Options of `KedaTrigger.cpu`. */
export interface CpuTriggerOptions {
  /** Average cpu use in percent of the request (1-100). */
  readonly utilization: number;
  /** @default - none */
  readonly name?: string;
}

/** Options of `KedaTrigger.custom`, the escape hatch. */
export interface CustomTriggerOptions {
  /** Names the trigger in KEDA's metrics and events. @default - none */
  readonly name?: string;
  /** How KEDA reads the metric. @default KEDA's: AverageValue (written out when the app has a fallback) */
  readonly metricType?: "AverageValue" | "Value" | "Utilization";
  /** A TriggerAuthentication you manage, in the app's namespace. */
  readonly authenticationRef?: { readonly name: string };
  /**
   * Parameters KEDA reads from the worker container's environment (app settings, Secret- and
   * ConfigMap-backed ones included): the construct renders a TriggerAuthentication with this
   * `spec.env` and points the trigger at it, in place of `authenticationRef`.
   */
  readonly authenticationFromEnv?: ReadonlyArray<{ readonly parameter: string; readonly name: string }>;
}

/**
 * Options of `KedaTrigger.blob`: KEDA's `azure-blob` scaler counts the blobs under a prefix, so
 * it measures a backlog only when the worker deletes (or moves away) each blob it processed.
 */
export interface BlobTriggerOptions extends AzureScalerConnection {
  /** The container: 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit. */
  readonly blobContainerName: string;
  /**
   * Counts only blobs whose full name starts with this, e.g. `incoming/`: the literal part of a
   * Functions blob path before its first `{...}`. Listed flat (`recursive: "true"` is written), as a
   * Functions path matches at any depth; KEDA would otherwise append `/` and list one folder level.
   * @default - the whole container
   */
  readonly blobPrefix?: string;
  /**
   * Counts only full blob names matching this glob (gobwas syntax), e.g. `incoming/*.csv` for the
   * path `container/incoming/{name}.csv`.
   * @default - every blob under the prefix
   */
  readonly globPattern?: string;
  /** Blobs per replica. @default 5 (KEDA's default) */
  readonly blobCount?: number;
  /**
   * Your promise that every function reading these blobs deletes or moves each blob it processed:
   * otherwise the count never falls and the worker never scales in. Must be `true`.
   */
  readonly blobsRemovedAfterProcessing: true;
  /** @default - none */
  readonly name?: string;
}

/**
 * Options of `KedaTrigger.eventHub`. The checkpoints are the Functions host's (`checkpointStrategy:
 * azureFunction`, container `azure-webjobs-eventhub` of the checkpoint store), so the store is the
 * app's `AzureWebJobsStorage` account.
 */
export interface EventHubTriggerOptions {
  /** The event hub. */
  readonly eventHubName: string;
  /** The consumer group the functions read with. @default "$Default" */
  readonly consumerGroup?: string;
  /** Unprocessed events per replica. @default 64 (KEDA's default) */
  readonly unprocessedEventThreshold?: number;
  /**
   * Identity-based: the Event Hubs namespace name (`<namespace>.servicebus.windows.net`); KEDA
   * authenticates with the app's workload identity. Exactly one of `namespace` and `connectionFromEnv`.
   */
  readonly namespace?: string;
  /** Name of the app setting holding the namespace connection string. */
  readonly connectionFromEnv?: string;
  /**
   * Identity-based checkpoint store: the storage account name (KEDA reads it only with `namespace`).
   * Exactly one of `storageAccountName` and `storageConnectionFromEnv`.
   */
  readonly storageAccountName?: string;
  /** Name of the app setting holding the checkpoint store's connection string, e.g. `AzureWebJobsStorage`. */
  readonly storageConnectionFromEnv?: string;
  /** @default - none */
  readonly name?: string;
}

/** SASL credentials of `KedaTrigger.kafka`, read by KEDA from the worker container's app settings. */
export interface KafkaSaslOptions {
  /** KEDA's `sasl` value (the extension's `plain`, `scramSha256`, `scramSha512`). */
  readonly mechanism: "plaintext" | "scram_sha256" | "scram_sha512";
  /** Name of the app setting holding the user name. */
  readonly usernameFromEnv: string;
  /** Name of the app setting holding the password. */
  readonly passwordFromEnv: string;
}

/** Options of `KedaTrigger.kafka`: each value a literal or, with `...FromEnv`, the app setting holding it. */
export interface KafkaTriggerOptions {
  /** Brokers as `host:port` (a list, or one comma-separated string). Exactly one of this and `bootstrapServersFromEnv`. */
  readonly bootstrapServers?: string | readonly string[];
  /** Name of the app setting holding the comma-separated broker list. */
  readonly bootstrapServersFromEnv?: string;
  /** The topic. Exactly one of this and `topicFromEnv`. */
  readonly topic?: string;
  /** Name of the app setting holding the topic. */
  readonly topicFromEnv?: string;
  /** The consumer group. At most one of this and `consumerGroupFromEnv`. @default "$Default" (the Kafka extension's group) */
  readonly consumerGroup?: string;
  /** Name of the app setting holding the consumer group. */
  readonly consumerGroupFromEnv?: string;
  /**
   * Lag per replica. Always written: KEDA's own default (10) would scale out a hundred times sooner.
   * @default 1000 (the Kafka extension's LagThreshold)
   */
  readonly lagThreshold?: number;
  /** Connect over TLS (`tls: enable`). @default false */
  readonly tls?: boolean;
  /** SASL PLAIN / SCRAM credentials, through a TriggerAuthentication the construct renders. @default - no SASL */
  readonly sasl?: KafkaSaslOptions;
  /** @default - none */
  readonly name?: string;
}

/** Options of `KedaTrigger.rabbitMq`. */
export interface RabbitMqTriggerOptions {
  /** The queue. */
  readonly queueName: string;
  /**
   * Name of the app setting holding the broker URL (`amqp(s)://user:password@host:port/vhost`, or the
   * management API's `http(s)://...`): never a literal, since it carries the password.
   */
  readonly hostFromEnv: string;
  /** Scale on the queue's messages or its publish rate (the latter needs the management API: http). @default "QueueLength" */
  readonly mode?: "QueueLength" | "MessageRate";
  /** Messages (QueueLength) or messages per second (MessageRate) per replica, > 0. @default 20 with QueueLength (KEDA's default); required with MessageRate */
  readonly value?: number;
  /** How KEDA talks to the broker. @default "auto" (KEDA's: from the URL's scheme) */
  readonly protocol?: "auto" | "amqp" | "http";
  /** @default - none */
  readonly name?: string;
}

/** Options of `KedaTrigger.memory`. */
export interface MemoryTriggerOptions {
  /** Average memory use in percent of the request (1-100). */
  readonly utilization: number;
  /** @default - none */
  readonly name?: string;
}
