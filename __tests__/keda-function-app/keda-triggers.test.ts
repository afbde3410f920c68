import { mapTrigger, resolveSettingExpression, splitBlobPath, TriggerMappingContext } from "../../constructs/keda-function-app/keda-triggers";
import { rolesForTrigger } from "../../constructs/keda-function-app/trigger-roles";

const identity: TriggerMappingContext = {
  settings: {
    AzureWebJobsStorage__accountName: "sthost",
    UploadsStorage__blobServiceUri: "https://stuploads.blob.core.windows.net/",
    Jobs__queueServiceUri: "https://stjobs.queue.core.windows.net",
    ServiceBusConnection__fullyQualifiedNamespace: "sb-app.servicebus.windows.net",
    EventHubConnection__fullyQualifiedNamespace: "eh-app.servicebus.windows.net",
    JobsQueue: "jobs-from-setting",
    KafkaBrokers: "broker-0:9092,broker-1:9092",
  },
  hostJson: {},
  authenticationRef: "app-wi",
};
const connectionStrings: TriggerMappingContext = { settings: { JobsQueue: "jobs-from-setting" }, hostJson: {} };
const auth = { name: "app-wi" };

function scaler(binding: Parameters<typeof mapTrigger>[0], context: TriggerMappingContext) {
  const mapping = mapTrigger(binding, context);
  if (mapping.kind !== "scaler") throw new Error(`expected a scaler, got: ${mapping.reason}`);
  return mapping.trigger;
}

/** Bindings and the KEDA trigger each maps to, whole (type, metadata, authenticationRef or none). */
type MappingCase = [name: string, binding: Parameters<typeof mapTrigger>[0], context: TriggerMappingContext, expected: ReturnType<typeof scaler>];
function mapsEach(cases: MappingCase[]): void {
  test.each(cases)("%s", (_name, binding, context, expected) => {
    expect(scaler(binding, context)).toEqual(expected);
  });
}
const withHost = (hostJson: TriggerMappingContext["hostJson"]): TriggerMappingContext => ({ ...identity, hostJson });

describe("storage queue → azure-queue", () => {
  mapsEach([
    [
      "queueLength defaults to the host's batchSize default (16); empty connection means AzureWebJobsStorage",
      { type: "queueTrigger", queueName: "jobs", connection: "" },
      identity,
      { type: "azure-queue", metadata: { queueName: "jobs", queueLength: "16", accountName: "sthost" }, authenticationRef: auth },
    ],
    [
      "a connection string becomes connectionFromEnv without a TriggerAuthentication",
      { type: "queueTrigger", queueName: "jobs" },
      connectionStrings,
      { type: "azure-queue", metadata: { queueName: "jobs", queueLength: "16", connectionFromEnv: "AzureWebJobsStorage" } },
    ],
  ]);

  test("queueLength comes from host.json extensions.queues.batchSize and %Setting% names resolve", () => {
    const trigger = scaler({ type: "queueTrigger", queueName: "%JobsQueue%" }, withHost({ extensions: { queues: { batchSize: 8 } } }));
    expect(trigger.metadata).toMatchObject({ queueName: "jobs-from-setting", queueLength: "8" });
  });

  test("an identity connection given as __queueServiceUri becomes accountName", () => {
    expect(scaler({ type: "queueTrigger", queueName: "jobs", connection: "Jobs" }, identity).metadata.accountName).toBe("stjobs");
  });
});

describe("blob → azure-blob (when processed blobs are removed: blob-scaling.test.ts)", () => {
  const removed = { blobsRemovedAfterProcessing: true };
  mapsEach([
    [
      "container, literal prefix and pattern come from path; blobCount from host.json maxDegreeOfParallelism",
      { type: "blobTrigger", path: "uploads/incoming/{name}.csv", connection: "UploadsStorage" },
      { ...withHost({ extensions: { blobs: { maxDegreeOfParallelism: 4 } } }), ...removed },
      {
        type: "azure-blob",
        metadata: { blobContainerName: "uploads", blobPrefix: "incoming/", recursive: "true", globPattern: "incoming/*.csv", blobCount: "4", accountName: "stuploads" },
        authenticationRef: auth,
      },
    ],
    [
      "a path without a prefix has no blobPrefix; blobCount defaults to KEDA's 5",
      { type: "blobTrigger", path: "samples/{name}" },
      { ...connectionStrings, ...removed },
      { type: "azure-blob", metadata: { blobContainerName: "samples", recursive: "true", blobCount: "5", connectionFromEnv: "AzureWebJobsStorage" } },
    ],
  ]);

  test("source EventGrid is push-based: no scaler", () => {
    expect(mapTrigger({ type: "blobTrigger", path: "images/{name}", source: "EventGrid" }, identity).kind).toBe("unscalable");
  });

  test.each([
    ["c/{name}", { container: "c", prefix: "" }],
    ["c/a/b-{name}.txt", { container: "c", prefix: "a/b-" }],
    ["c/literal.txt", { container: "c", prefix: "literal.txt" }],
    // Leading slashes, one or more, name no container.
    ["/c/{name}", { container: "c", prefix: "" }],
    ["//c/a/{name}", { container: "c", prefix: "a/" }],
  ])("splitBlobPath(%s)", (path, expected) => {
    expect(splitBlobPath(path)).toEqual(expected);
  });
});

describe("Service Bus → azure-servicebus", () => {
  mapsEach([
    [
      "queue: messageCount from maxConcurrentCalls (default 16), namespace from __fullyQualifiedNamespace",
      { type: "serviceBusTrigger", queueName: "orders", connection: "ServiceBusConnection" },
      identity,
      { type: "azure-servicebus", metadata: { queueName: "orders", messageCount: "16", namespace: "sb-app" }, authenticationRef: auth },
    ],
    [
      "topic with sessions: messageCount from maxConcurrentSessions",
      { type: "serviceBusTrigger", topicName: "audit", subscriptionName: "archiver", connection: "ServiceBusConnection", isSessionsEnabled: true },
      withHost({ extensions: { serviceBus: { maxConcurrentCalls: 32, maxConcurrentSessions: 4 } } }),
      { type: "azure-servicebus", metadata: { topicName: "audit", subscriptionName: "archiver", messageCount: "4", namespace: "sb-app" }, authenticationRef: auth },
    ],
    [
      "cardinality many: messageCount from maxMessageBatchSize (default 1000); connection string mode",
      { type: "serviceBusTrigger", queueName: "orders", cardinality: "many" },
      connectionStrings,
      { type: "azure-servicebus", metadata: { queueName: "orders", messageCount: "1000", connectionFromEnv: "AzureWebJobsServiceBus" } },
    ],
  ]);
});

describe("Event Hubs → azure-eventhub", () => {
  mapsEach([
    [
      "identity: namespace, checkpoint storage account, azureFunction checkpoints, threshold from host.json",
      { type: "eventHubTrigger", eventHubName: "telemetry", consumerGroup: "functions", connection: "EventHubConnection" },
      withHost({ extensions: { eventHubs: { targetUnprocessedEventThreshold: 50 } } }),
      {
        type: "azure-eventhub",
        metadata: { eventHubName: "telemetry", consumerGroup: "functions", checkpointStrategy: "azureFunction", unprocessedEventThreshold: "50", eventHubNamespace: "eh-app", storageAccountName: "sthost" },
        authenticationRef: auth,
      },
    ],
    [
      "connection string: storageConnectionFromEnv AzureWebJobsStorage, $Default group, KEDA threshold 64",
      { type: "eventHubTrigger", eventHubName: "telemetry", connection: "Hub" },
      connectionStrings,
      {
        type: "azure-eventhub",
        metadata: { eventHubName: "telemetry", consumerGroup: "$Default", checkpointStrategy: "azureFunction", unprocessedEventThreshold: "64", connectionFromEnv: "Hub", storageConnectionFromEnv: "AzureWebJobsStorage" },
      },
    ],
  ]);
});

describe("Kafka → kafka (details: kafka-scaling.test.ts)", () => {
  mapsEach([
    [
      "a broker list in a setting is read from env; consumerGroup and lagThreshold from the binding",
      { type: "kafkaTrigger", brokerList: "KafkaBrokers", topic: "clicks", consumerGroup: "functions", lagThreshold: 500 },
      identity,
      { type: "kafka", metadata: { bootstrapServersFromEnv: "KafkaBrokers", topic: "clicks", consumerGroup: "functions", lagThreshold: "500" } },
    ],
    [
      "a literal broker list passes through; consumerGroup and lagThreshold default to the extension's $Default and 1000",
      { type: "kafkaTrigger", brokerList: "kafka:9092", topic: "t" },
      identity,
      { type: "kafka", metadata: { bootstrapServers: "kafka:9092", topic: "t", consumerGroup: "$Default", lagThreshold: "1000" } },
    ],
  ]);
});

describe("RabbitMQ → rabbitmq", () => {
  mapsEach([
    [
      "mode QueueLength with value from host.json prefetchCount, host from the connection setting",
      { type: "rabbitMQTrigger", queueName: "tasks", connectionStringSetting: "RabbitConnection" },
      withHost({ extensions: { rabbitMQ: { prefetchCount: 20 } } }),
      { type: "rabbitmq", metadata: { queueName: "tasks", mode: "QueueLength", value: "20", hostFromEnv: "RabbitConnection" } },
    ],
  ]);

  test("value defaults to prefetchCount 30", () => {
    expect(scaler({ type: "rabbitMQTrigger", queueName: "tasks" }, identity).metadata.value).toBe("30");
  });
});

describe("triggers without a scaler", () => {
  test.each(["timerTrigger", "cosmosDBTrigger", "eventGridTrigger", "activityTrigger", "httpTrigger"])("%s is unscalable", (type) => {
    expect(mapTrigger({ type }, identity)).toMatchObject({ kind: "unscalable" });
  });
});

describe("mapping errors", () => {
  test.each<[string, Parameters<typeof mapTrigger>[0], TriggerMappingContext, string]>([
    ["a missing option", { type: "queueTrigger" }, identity, 'queueTrigger binding has no "queueName"'],
    ["an empty option", { type: "queueTrigger", queueName: "" }, identity, 'queueTrigger binding has no "queueName"'],
    ["an option that is not a string", { type: "serviceBusTrigger", queueName: 7 as unknown as string }, identity, 'serviceBusTrigger binding has no "queueName"'],
    ["an unknown %Setting%", { type: "queueTrigger", queueName: "%Nope%" }, identity, '"%Nope%" refers to app setting "Nope", which is not set: add it to the app\'s settings'],
    [
      "identity without a TriggerAuthentication",
      { type: "queueTrigger", queueName: "q" },
      { ...identity, authenticationRef: undefined },
      'connection "AzureWebJobsStorage" is identity-based but no TriggerAuthentication is configured',
    ],
    [
      "mixed event hub / checkpoint modes",
      { type: "eventHubTrigger", eventHubName: "h", connection: "EventHubConnection" },
      { ...connectionStrings, settings: { EventHubConnection__fullyQualifiedNamespace: "eh.servicebus.windows.net" }, authenticationRef: "x" },
      'event hub connection "EventHubConnection" is identity-based, so the checkpoint store AzureWebJobsStorage must be too (set AzureWebJobsStorage__accountName)',
    ],
  ])("%s", (_case, binding, context, message) => {
    expect(() => mapTrigger(binding, context)).toThrow(message);
  });

  test("resolveSettingExpression replaces every %Name%", () => {
    expect(resolveSettingExpression("%A%-%B%", { A: "x", B: "y" })).toBe("x-y");
  });
});

describe("roles per trigger kind", () => {
  test.each([
    [{ type: "queueTrigger", queueName: "q" }, { connection: "AzureWebJobsStorage", service: "storage", roles: ["Storage Queue Data Contributor"] }],
    [{ type: "blobTrigger", path: "c/{n}", connection: "Up" }, { connection: "Up", service: "storage", roles: ["Storage Blob Data Owner", "Storage Queue Data Contributor"] }],
    [{ type: "serviceBusTrigger", queueName: "q" }, { connection: "AzureWebJobsServiceBus", service: "serviceBus", roles: ["Azure Service Bus Data Owner"] }],
    [{ type: "eventHubTrigger", eventHubName: "h", connection: "Hub" }, { connection: "Hub", service: "eventHubs", roles: ["Azure Event Hubs Data Receiver"] }],
    [{ type: "kafkaTrigger" }, undefined],
    [{ type: "timerTrigger" }, undefined],
  ])("%j", (binding, expected) => {
    expect(rolesForTrigger(binding)).toEqual(expected);
  });
});
