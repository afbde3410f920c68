import { mapTrigger, TriggerMappingContext } from "../../constructs/keda-function-app/keda-triggers";

// Each scaler's threshold when host.json says nothing, written as literal numbers (not read from
// DEFAULT_THRESHOLDS): a changed default must fail here. Each default has a near-miss case too: a
// host.json value one above the default wins, so the test also fails if the mapping ignores host.json.

const settings = { AzureWebJobsStorage: "UseDevelopmentStorage=true", Brokers: "broker:9092" };
// Blob triggers drive scaling only when processed blobs are removed (blob-scaling.ts).
const context = (hostJson: TriggerMappingContext["hostJson"] = {}): TriggerMappingContext => ({ settings, hostJson, blobsRemovedAfterProcessing: true });

function threshold(binding: Parameters<typeof mapTrigger>[0], key: string, hostJson?: TriggerMappingContext["hostJson"]): string | undefined {
  const mapping = mapTrigger(binding, context(hostJson));
  if (mapping.kind !== "scaler") throw new Error(`expected a scaler, got: ${mapping.reason}`);
  return mapping.trigger.metadata[key];
}

const SESSIONS = { type: "serviceBusTrigger", queueName: "orders", isSessionsEnabled: true };
const CALLS = { type: "serviceBusTrigger", queueName: "orders" };
const BATCH = { type: "serviceBusTrigger", queueName: "orders", cardinality: "many" };

describe("default thresholds (host.json silent)", () => {
  test.each([
    ["storage queue: queueLength = host batchSize default", { type: "queueTrigger", queueName: "jobs" }, "queueLength", "16"],
    ["blob: blobCount = KEDA default", { type: "blobTrigger", path: "uploads/{name}" }, "blobCount", "5"],
    ["Service Bus: messageCount = maxConcurrentCalls default", CALLS, "messageCount", "16"],
    ["Service Bus with sessions: messageCount = maxConcurrentSessions default", SESSIONS, "messageCount", "8"],
    ["Service Bus, cardinality many: messageCount = maxMessageBatchSize default", BATCH, "messageCount", "1000"],
    ["Event Hubs: unprocessedEventThreshold = KEDA default", { type: "eventHubTrigger", eventHubName: "telemetry" }, "unprocessedEventThreshold", "64"],
    ["Kafka: lagThreshold = extension default", { type: "kafkaTrigger", brokerList: "Brokers", topic: "t" }, "lagThreshold", "1000"],
    ["RabbitMQ: value = prefetchCount default", { type: "rabbitMQTrigger", queueName: "q" }, "value", "30"],
  ])("%s", (_name, binding, key, expected) => {
    expect(threshold(binding, key)).toBe(expected);
  });
});

describe("host.json wins over the default (near miss: one above it)", () => {
  test.each([
    ["storage queue batchSize 17", { type: "queueTrigger", queueName: "jobs" }, "queueLength", { extensions: { queues: { batchSize: 17 } } }, "17"],
    ["blob maxDegreeOfParallelism 6", { type: "blobTrigger", path: "uploads/{name}" }, "blobCount", { extensions: { blobs: { maxDegreeOfParallelism: 6 } } }, "6"],
    ["Service Bus maxConcurrentCalls 17", CALLS, "messageCount", { extensions: { serviceBus: { maxConcurrentCalls: 17 } } }, "17"],
    ["Service Bus maxConcurrentSessions 9", SESSIONS, "messageCount", { extensions: { serviceBus: { maxConcurrentSessions: 9 } } }, "9"],
    ["Service Bus maxMessageBatchSize 1001", BATCH, "messageCount", { extensions: { serviceBus: { maxMessageBatchSize: 1001 } } }, "1001"],
    ["Event Hubs targetUnprocessedEventThreshold 65", { type: "eventHubTrigger", eventHubName: "telemetry" }, "unprocessedEventThreshold", { extensions: { eventHubs: { targetUnprocessedEventThreshold: 65 } } }, "65"],
    ["RabbitMQ prefetchCount 31", { type: "rabbitMQTrigger", queueName: "q" }, "value", { extensions: { rabbitMQ: { prefetchCount: 31 } } }, "31"],
  ])("%s", (_name, binding, key, hostJson, expected) => {
    expect(threshold(binding, key, hostJson)).toBe(expected);
  });

  test("sessions read maxConcurrentSessions, not maxConcurrentCalls", () => {
    expect(threshold(SESSIONS, "messageCount", { extensions: { serviceBus: { maxConcurrentCalls: 32 } } })).toBe("8");
  });
});
