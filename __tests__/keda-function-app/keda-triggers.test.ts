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

describe("storage queue → azure-queue", () => {
  test("queueLength defaults to the host's batchSize default (16); empty connection means AzureWebJobsStorage", () => {
    expect(scaler({ type: "queueTrigger", queueName: "jobs", connection: "" }, identity)).toEqual({
      type: "azure-queue",
      metadata: { queueName: "jobs", queueLength: "16", accountName: "sthost" },
      authenticationRef: auth,
    });
  });

  test("queueLength comes from host.json extensions.queues.batchSize and %Setting% names resolve", () => {
    const trigger = scaler({ type: "queueTrigger", queueName: "%JobsQueue%" }, { ...identity, hostJson: { extensions: { queues: { batchSize: 8 } } } });
    expect(trigger.metadata).toMatchObject({ queueName: "jobs-from-setting", queueLength: "8" });
  });

  test("an identity connection given as __queueServiceUri becomes accountName", () => {
    expect(scaler({ type: "queueTrigger", queueName: "jobs", connection: "Jobs" }, identity).metadata.accountName).toBe("stjobs");
  });

  test("a connection string becomes connectionFromEnv without a TriggerAuthentication", () => {
    expect(scaler({ type: "queueTrigger", queueName: "jobs" }, connectionStrings)).toEqual({
      type: "azure-queue",
      metadata: { queueName: "jobs", queueLength: "16", connectionFromEnv: "AzureWebJobsStorage" },
    });
  });
});

describe("blob → azure-blob (when processed blobs are removed: blob-scaling.test.ts)", () => {
  const removed = { blobsRemovedAfterProcessing: true };
  test("container, literal prefix and pattern come from path; blobCount from host.json maxDegreeOfParallelism", () => {
    const context = { ...identity, ...removed, hostJson: { extensions: { blobs: { maxDegreeOfParallelism: 4 } } } };
    expect(scaler({ type: "blobTrigger", path: "uploads/incoming/{name}.csv", connection: "UploadsStorage" }, context)).toEqual({
      type: "azure-blob",
      metadata: { blobContainerName: "uploads", blobPrefix: "incoming/", recursive: "true", globPattern: "incoming/*.csv", blobCount: "4", accountName: "stuploads" },
      authenticationRef: auth,
    });
  });

  test("a path without a prefix has no blobPrefix; blobCount defaults to KEDA's 5", () => {
    expect(scaler({ type: "blobTrigger", path: "samples/{name}" }, { ...connectionStrings, ...removed }).metadata).toEqual({
      blobContainerName: "samples",
      recursive: "true",
      blobCount: "5",
      connectionFromEnv: "AzureWebJobsStorage",
    });
  });

  test("source EventGrid is push-based: no scaler", () => {
    expect(mapTrigger({ type: "blobTrigger", path: "images/{name}", source: "EventGrid" }, identity).kind).toBe("unscalable");
  });

  test.each([
    ["c/{name}", { container: "c", prefix: "" }],
    ["c/a/b-{name}.txt", { container: "c", prefix: "a/b-" }],
    ["c/literal.txt", { container: "c", prefix: "literal.txt" }],
  ])("splitBlobPath(%s)", (path, expected) => {
    expect(splitBlobPath(path)).toEqual(expected);
  });
});

describe("Service Bus → azure-servicebus", () => {
  test("queue: messageCount from maxConcurrentCalls (default 16), namespace from __fullyQualifiedNamespace", () => {
    expect(scaler({ type: "serviceBusTrigger", queueName: "orders", connection: "ServiceBusConnection" }, identity)).toEqual({
      type: "azure-servicebus",
      metadata: { queueName: "orders", messageCount: "16", namespace: "sb-app" },
      authenticationRef: auth,
    });
  });

  test("topic with sessions: messageCount from maxConcurrentSessions", () => {
    const context = { ...identity, hostJson: { extensions: { serviceBus: { maxConcurrentCalls: 32, maxConcurrentSessions: 4 } } } };
    const binding = { type: "serviceBusTrigger", topicName: "audit", subscriptionName: "archiver", connection: "ServiceBusConnection", isSessionsEnabled: true };
    expect(scaler(binding, context).metadata).toEqual({ topicName: "audit", subscriptionName: "archiver", messageCount: "4", namespace: "sb-app" });
  });

  test("cardinality many: messageCount from maxMessageBatchSize (default 1000); connection string mode", () => {
    expect(scaler({ type: "serviceBusTrigger", queueName: "orders", cardinality: "many" }, connectionStrings).metadata).toEqual({
      queueName: "orders",
      messageCount: "1000",
      connectionFromEnv: "AzureWebJobsServiceBus",
    });
  });
});

describe("Event Hubs → azure-eventhub", () => {
  test("identity: namespace, checkpoint storage account, azureFunction checkpoints, threshold from host.json", () => {
    const context = { ...identity, hostJson: { extensions: { eventHubs: { targetUnprocessedEventThreshold: 50 } } } };
    const binding = { type: "eventHubTrigger", eventHubName: "telemetry", consumerGroup: "functions", connection: "EventHubConnection" };
    expect(scaler(binding, context)).toEqual({
      type: "azure-eventhub",
      metadata: {
        eventHubName: "telemetry",
        consumerGroup: "functions",
        checkpointStrategy: "azureFunction",
        unprocessedEventThreshold: "50",
        eventHubNamespace: "eh-app",
        storageAccountName: "sthost",
      },
      authenticationRef: auth,
    });
  });

  test("connection string: storageConnectionFromEnv AzureWebJobsStorage, $Default group, KEDA threshold 64", () => {
    expect(scaler({ type: "eventHubTrigger", eventHubName: "telemetry", connection: "Hub" }, connectionStrings).metadata).toEqual({
      eventHubName: "telemetry",
      consumerGroup: "$Default",
      checkpointStrategy: "azureFunction",
      unprocessedEventThreshold: "64",
      connectionFromEnv: "Hub",
      storageConnectionFromEnv: "AzureWebJobsStorage",
    });
  });
});

describe("Kafka → kafka (details: kafka-scaling.test.ts)", () => {
  test("a broker list in a setting is read from env; consumerGroup and lagThreshold from the binding", () => {
    const binding = { type: "kafkaTrigger", brokerList: "KafkaBrokers", topic: "clicks", consumerGroup: "functions", lagThreshold: 500 };
    expect(scaler(binding, identity)).toEqual({
      type: "kafka",
      metadata: { bootstrapServersFromEnv: "KafkaBrokers", topic: "clicks", consumerGroup: "functions", lagThreshold: "500" },
    });
  });

  test("a literal broker list passes through; consumerGroup and lagThreshold default to the extension's $Default and 1000", () => {
    expect(scaler({ type: "kafkaTrigger", brokerList: "kafka:9092", topic: "t" }, identity).metadata).toEqual({
      bootstrapServers: "kafka:9092",
      topic: "t",
      consumerGroup: "$Default",
      lagThreshold: "1000",
    });
  });
});

describe("RabbitMQ → rabbitmq", () => {
  test("mode QueueLength with value from host.json prefetchCount, host from the connection setting", () => {
    const binding = { type: "rabbitMQTrigger", queueName: "tasks", connectionStringSetting: "RabbitConnection" };
    expect(scaler(binding, { ...identity, hostJson: { extensions: { rabbitMQ: { prefetchCount: 20 } } } })).toEqual({
      type: "rabbitmq",
      metadata: { queueName: "tasks", mode: "QueueLength", value: "20", hostFromEnv: "RabbitConnection" },
    });
  });

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
