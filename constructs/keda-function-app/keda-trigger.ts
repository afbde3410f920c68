import { Fn } from "cdktf";
import { isToken, numberString } from "../core/tokens";
import type { Violation } from "../core/validation";
import type { ScaledObjectTrigger } from "./keda-triggers";
import { BLOB_COUNT_NEVER_FALLS } from "./blob-scaling";
import { KAFKA_DEFAULT_CONSUMER_GROUP, KAFKA_DEFAULT_LAG_THRESHOLD } from "./kafka-scaling";
import type {
  BlobTriggerOptions,
  CpuTriggerOptions,
  CustomTriggerOptions,
  EventHubTriggerOptions,
  KafkaTriggerOptions,
  MemoryTriggerOptions,
  PrometheusTriggerOptions,
  RabbitMqTriggerOptions,
  ServiceBusTriggerOptions,
  StorageQueueTriggerOptions,
} from "./keda-trigger-options";
import {
  ENV_NAME,
  atMostOne,
  brokers,
  checkBlobContainerName,
  checkQueueName,
  checkScalerType,
  checkServerAddress,
  exactlyOne,
  notEmpty,
  oneOf,
  positive,
  settingName,
  storageAccount,
  wholeNumber,
} from "./keda-trigger-checks";

type Check = () => Violation | undefined;

/**
 * A KEDA trigger for the worker ScaledObject, as `triggers` (override) or `addTrigger` take it.
 * Built with a typed factory per scaler; `KedaTrigger.custom` is the escape hatch for scalers
 * without one (metadata then goes to KEDA unchecked). Each factory records what is wrong with
 * its input; the app reports it at synth, naming its construct path and the property.
 */
export class KedaTrigger {
  /** KEDA's `azure-queue` scaler on a storage queue. */
  static storageQueue(options: StorageQueueTriggerOptions): KedaTrigger {
    const identity = options.accountName !== undefined;
    const metadata = metadataOf({
      queueName: options.queueName,
      queueLength: options.queueLength,
      accountName: options.accountName,
      connectionFromEnv: options.connectionFromEnv,
    });
    return new KedaTrigger("azure-queue", metadata, { name: options.name, workloadIdentity: identity }, [
      () => checkQueueName("queueName", options.queueName),
      () => wholeNumber("queueLength", options.queueLength),
      () => exactlyOne("accountName", options.accountName, "connectionFromEnv", options.connectionFromEnv),
    ]);
  }

  /** KEDA's `azure-servicebus` scaler on a queue, or on a topic subscription. */
  static serviceBus(options: ServiceBusTriggerOptions): KedaTrigger {
    const identity = options.namespace !== undefined;
    const metadata = metadataOf({
      queueName: options.queueName,
      topicName: options.topicName,
      subscriptionName: options.subscriptionName,
      messageCount: options.messageCount,
      namespace: options.namespace,
      connectionFromEnv: options.connectionFromEnv,
    });
    return new KedaTrigger("azure-servicebus", metadata, { name: options.name, workloadIdentity: identity }, [
      () => exactlyOne("queueName", options.queueName, "topicName", options.topicName),
      () =>
        (options.topicName === undefined) === (options.subscriptionName === undefined)
          ? undefined
          : {
              property: "subscriptionName",
              value: options.subscriptionName,
              rule: "goes with topicName, and only with it: KEDA counts a topic's messages per subscription",
              fix: "set both topicName and subscriptionName, or queueName alone",
            },
      () => wholeNumber("messageCount", options.messageCount),
      () => exactlyOne("namespace", options.namespace, "connectionFromEnv", options.connectionFromEnv),
    ]);
  }

  /** KEDA's `prometheus` scaler: scale on the value of a PromQL query. */
  static prometheus(options: PrometheusTriggerOptions): KedaTrigger {
    return new KedaTrigger(
      "prometheus",
      { serverAddress: options.serverAddress, query: options.query, threshold: numberString(options.threshold) },
      { name: options.name },
      [
        () => checkServerAddress("serverAddress", options.serverAddress),
        () => (options.query.trim() !== "" ? undefined : { property: "query", value: options.query, rule: "must not be empty", fix: "pass the PromQL query to scale on" }),
        () =>
          typeof options.threshold === "number" && options.threshold > 0
            ? undefined
            : { property: "threshold", value: options.threshold, rule: "must be a number > 0", fix: "pass the query value one replica handles" },
      ],
    );
  }

  /** KEDA's `cpu` scaler (metric type Utilization): it cannot wake a Deployment at zero replicas. */
  static cpu(options: CpuTriggerOptions): KedaTrigger {
    return new KedaTrigger("cpu", { value: numberString(options.utilization) }, { name: options.name, metricType: "Utilization" }, [
      () => wholeNumber("utilization", options.utilization, 100),
    ]);
  }

  /** KEDA's `memory` scaler (metric type Utilization): like cpu, it cannot wake a Deployment at zero replicas. */
  static memory(options: MemoryTriggerOptions): KedaTrigger {
    return new KedaTrigger("memory", { value: numberString(options.utilization) }, { name: options.name, metricType: "Utilization" }, [
      () => wholeNumber("utilization", options.utilization, 100),
    ]);
  }

  /**
   * KEDA's `azure-blob` scaler: the number of blobs under a prefix. Only for functions that delete
   * (or move away) each blob they processed; `blobsRemovedAfterProcessing: true` states it.
   */
  static blob(options: BlobTriggerOptions): KedaTrigger {
    // recursive: without it KEDA appends "/" to blobPrefix and lists one folder level (blob-scaling.ts).
    const identity = options.accountName !== undefined;
    const metadata = metadataOf({
      blobContainerName: options.blobContainerName,
      recursive: "true",
      blobPrefix: options.blobPrefix,
      globPattern: options.globPattern,
      blobCount: options.blobCount,
      accountName: options.accountName,
      connectionFromEnv: options.connectionFromEnv,
    });
    return new KedaTrigger("azure-blob", metadata, { name: options.name, workloadIdentity: identity }, [
      () =>
        options.blobsRemovedAfterProcessing === true
          ? undefined
          : { property: "blobsRemovedAfterProcessing", value: options.blobsRemovedAfterProcessing, rule: `must be true: ${BLOB_COUNT_NEVER_FALLS}`, fix: "make each function delete or move the blob it processed, then set blobsRemovedAfterProcessing: true" },
      () => checkBlobContainerName("blobContainerName", options.blobContainerName),
      () => notEmpty("blobPrefix", options.blobPrefix, "leave blobPrefix out to count the whole container"),
      () => notEmpty("globPattern", options.globPattern, "leave globPattern out to count every blob under the prefix"),
      () => wholeNumber("blobCount", options.blobCount),
      () => exactlyOne("accountName", options.accountName, "connectionFromEnv", options.connectionFromEnv),
      () => storageAccount("accountName", options.accountName),
      () => settingName("connectionFromEnv", options.connectionFromEnv),
    ]);
  }

  /**
   * KEDA's `azure-eventhub` scaler: unprocessed events of a consumer group, measured against the
   * Functions host's checkpoints (`checkpointStrategy: azureFunction`).
   */
  static eventHub(options: EventHubTriggerOptions): KedaTrigger {
    const identity = options.namespace !== undefined;
    const metadata = metadataOf({
      eventHubName: options.eventHubName,
      consumerGroup: options.consumerGroup ?? "$Default",
      checkpointStrategy: "azureFunction",
      unprocessedEventThreshold: options.unprocessedEventThreshold,
      eventHubNamespace: options.namespace,
      connectionFromEnv: options.connectionFromEnv,
      storageAccountName: options.storageAccountName,
      storageConnectionFromEnv: options.storageConnectionFromEnv,
    });
    return new KedaTrigger("azure-eventhub", metadata, { name: options.name, workloadIdentity: identity }, [
      () => notEmpty("eventHubName", options.eventHubName ?? "", "pass the event hub's name"),
      () => notEmpty("consumerGroup", options.consumerGroup, 'leave consumerGroup out for "$Default"'),
      () => wholeNumber("unprocessedEventThreshold", options.unprocessedEventThreshold),
      () => exactlyOne("namespace", options.namespace, "connectionFromEnv", options.connectionFromEnv),
      () => exactlyOne("storageAccountName", options.storageAccountName, "storageConnectionFromEnv", options.storageConnectionFromEnv),
      () =>
        // KEDA 2.17 reads storageAccountName only under the azure-workload provider.
        options.storageAccountName === undefined || options.connectionFromEnv === undefined
          ? undefined
          : {
              property: "storageAccountName",
              value: options.storageAccountName,
              rule: "is read by KEDA only with workload identity (namespace); with connectionFromEnv it needs the checkpoint store's connection string",
              fix: 'pass storageConnectionFromEnv (e.g. "AzureWebJobsStorage") instead, or namespace instead of connectionFromEnv',
            },
      () => storageAccount("storageAccountName", options.storageAccountName),
      () => settingName("connectionFromEnv", options.connectionFromEnv),
      () => settingName("storageConnectionFromEnv", options.storageConnectionFromEnv),
    ]);
  }

  /**
   * KEDA's `kafka` scaler: the consumer group's lag on a topic. SASL credentials reach KEDA through
   * a TriggerAuthentication with `spec.env` that the construct renders from the named app settings.
   */
  static kafka(options: KafkaTriggerOptions): KedaTrigger {
    const servers = options.bootstrapServers;
    const sasl = options.sasl;
    const metadata = metadataOf({
      bootstrapServers: servers === undefined || typeof servers === "string" ? servers : isToken(servers) ? Fn.join(",", servers as string[]) : servers.join(","),
      bootstrapServersFromEnv: options.bootstrapServersFromEnv,
      topic: options.topic,
      topicFromEnv: options.topicFromEnv,
      consumerGroupFromEnv: options.consumerGroupFromEnv,
      // KEDA requires a group; the extension reads with "$Default" when the binding names none.
      consumerGroup: options.consumerGroupFromEnv === undefined ? (options.consumerGroup ?? KAFKA_DEFAULT_CONSUMER_GROUP) : options.consumerGroup,
      lagThreshold: options.lagThreshold ?? KAFKA_DEFAULT_LAG_THRESHOLD,
      tls: options.tls === true ? "enable" : undefined,
      sasl: sasl?.mechanism,
    });
    const authenticationFromEnv =
      sasl === undefined
        ? undefined
        : [
            { parameter: "username", name: sasl.usernameFromEnv },
            { parameter: "password", name: sasl.passwordFromEnv },
          ];
    return new KedaTrigger("kafka", metadata, { name: options.name, authenticationFromEnv }, [
      () => exactlyOne("bootstrapServers", options.bootstrapServers, "bootstrapServersFromEnv", options.bootstrapServersFromEnv),
      () => brokers("bootstrapServers", options.bootstrapServers),
      () => exactlyOne("topic", options.topic, "topicFromEnv", options.topicFromEnv),
      () => notEmpty("topic", options.topic, "pass the topic the functions consume"),
      () => atMostOne("consumerGroup", options.consumerGroup, "consumerGroupFromEnv", options.consumerGroupFromEnv),
      () => notEmpty("consumerGroup", options.consumerGroup, 'leave consumerGroup out for "$Default"'),
      () => wholeNumber("lagThreshold", options.lagThreshold),
      () => settingName("bootstrapServersFromEnv", options.bootstrapServersFromEnv),
      () => settingName("topicFromEnv", options.topicFromEnv),
      () => settingName("consumerGroupFromEnv", options.consumerGroupFromEnv),
      () => oneOf("sasl.mechanism", sasl?.mechanism, ["plaintext", "scram_sha256", "scram_sha512"]),
      () => (sasl === undefined ? undefined : requiredSetting("sasl.usernameFromEnv", sasl.usernameFromEnv)),
      () => (sasl === undefined ? undefined : requiredSetting("sasl.passwordFromEnv", sasl.passwordFromEnv)),
    ]);
  }

  /**
   * KEDA's `rabbitmq` scaler: a queue's length (or publish rate). The broker URL, which carries the
   * password, is read from an app setting (`hostFromEnv`), never written into the ScaledObject.
   */
  static rabbitMq(options: RabbitMqTriggerOptions): KedaTrigger {
    const mode = options.mode ?? "QueueLength";
    const value = options.value ?? (mode === "QueueLength" ? RABBITMQ_DEFAULT_QUEUE_LENGTH : undefined);
    const metadata = metadataOf({ queueName: options.queueName, mode, hostFromEnv: options.hostFromEnv, value, protocol: options.protocol });
    return new KedaTrigger("rabbitmq", metadata, { name: options.name }, [
      () => notEmpty("queueName", options.queueName ?? "", "pass the queue the functions consume"),
      () => requiredSetting("hostFromEnv", options.hostFromEnv),
      () => oneOf("mode", options.mode, ["QueueLength", "MessageRate"]),
      () => oneOf("protocol", options.protocol, ["auto", "amqp", "http"]),
      () =>
        value !== undefined
          ? positive("value", value, "pass the messages (or messages per second) one replica handles")
          : mode === "MessageRate"
            ? { property: "value", value: undefined, rule: "is required with mode MessageRate", fix: "pass the publish rate (messages per second) one replica handles" }
            : undefined,
      () =>
        mode === "MessageRate" && options.protocol === "amqp"
          ? { property: "protocol", value: "amqp", rule: "cannot measure MessageRate: KEDA reads publish rates from the management API", fix: 'use protocol "http" (or "auto" with an http(s) URL in hostFromEnv)' }
          : undefined,
    ]);
  }

  /**
   * Escape hatch: any KEDA scaler by its `type` and string metadata, passed to KEDA as given
   * (only the type is checked). Prefer a typed factory where one exists.
   */
  static custom(type: string, metadata: Readonly<Record<string, string>>, options: CustomTriggerOptions = {}): KedaTrigger {
    const fromEnv = options.authenticationFromEnv ?? [];
    return new KedaTrigger(
      type,
      { ...metadata },
      { name: options.name, metricType: options.metricType, authenticationRef: options.authenticationRef, authenticationFromEnv: options.authenticationFromEnv },
      [
        () => checkScalerType("type", type),
        () => {
          // KEDA reads each parameter from a container environment variable: a C identifier.
          const index = fromEnv.findIndex((p) => p.parameter.trim() === "" || !ENV_NAME.test(p.name));
          return index < 0
            ? undefined
            : {
                property: `authenticationFromEnv[${index}]`,
                value: fromEnv[index],
                rule: "needs a parameter and the name of an app setting (letters, digits and '_', not starting with a digit)",
                fix: 'write it like { parameter: "password", name: "KafkaPassword" }',
              };
        },
      ],
    );
  }

  private constructor(
    /** KEDA scaler type, e.g. `azure-queue`. */
    readonly type: string,
    /** The scaler's metadata as KEDA reads it. */
    readonly metadata: Readonly<Record<string, string>>,
    private readonly options: {
      readonly name?: string;
      readonly metricType?: ScaledObjectTrigger["metricType"];
      readonly authenticationRef?: { readonly name: string };
      readonly authenticationFromEnv?: ScaledObjectTrigger["authenticationFromEnv"];
      readonly workloadIdentity?: boolean;
    },
    private readonly checks: readonly Check[],
  ) {}

  /** KEDA authenticates with the app's workload identity (an identity-based account or namespace). */
  get usesWorkloadIdentity(): boolean {
    return this.options.workloadIdentity === true;
  }

  /**
   * What is wrong with the factory's input, each property prefixed with `at`.
   * @internal
   */
  _violations(at: string): Violation[] {
    return this.checks
      .map((check) => check())
      .filter((v): v is Violation => v !== undefined)
      .map((v) => ({ ...v, property: `${at}.${v.property}` }));
  }

  /**
   * The ScaledObject trigger, pointed at the app's workload TriggerAuthentication when it uses one.
   * @internal
   */
  _render(workloadAuthentication: string | undefined): ScaledObjectTrigger {
    const authenticationRef = this.usesWorkloadIdentity && workloadAuthentication !== undefined ? { name: workloadAuthentication } : this.options.authenticationRef;
    return {
      type: this.type,
      ...(this.options.name !== undefined ? { name: this.options.name } : {}),
      metadata: this.metadata,
      ...(this.options.metricType !== undefined ? { metricType: this.options.metricType } : {}),
      ...(authenticationRef !== undefined ? { authenticationRef } : {}),
      ...(this.options.authenticationFromEnv !== undefined ? { authenticationFromEnv: this.options.authenticationFromEnv } : {}),
    };
  }
}

/** KEDA's rabbitmq target when neither mode nor value is given (`defaultRabbitMQQueueLength`). */
const RABBITMQ_DEFAULT_QUEUE_LENGTH = 20;

/** A required `...FromEnv` value. */
function requiredSetting(property: string, value: string | undefined): Violation | undefined {
  return value === undefined || (typeof value === "string" && value.trim() === "")
    ? { property, value, rule: "is required: the name of the app setting KEDA reads it from", fix: "name the app setting that holds it" }
    : settingName(property, value);
}

/**
 * KEDA trigger metadata from the options that are set, in the order given: an unset option is left
 * out, and a number is written as the string KEDA parses (a Terraform number as `tostring(...)`).
 */
function metadataOf(entries: Record<string, string | number | undefined>): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined) metadata[key] = typeof value === "number" ? numberString(value) : value;
  }
  return metadata;
}
