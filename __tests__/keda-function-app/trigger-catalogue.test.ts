import { TRIGGER_CATALOGUE, TriggerKind } from "../../constructs/keda-function-app/trigger-catalogue";
import { mapTrigger } from "../../constructs/keda-function-app/keda-triggers";
import { rolesForTrigger } from "../../constructs/keda-function-app/trigger-roles";
import { storageQueueNames } from "../../constructs/keda-function-app/storage-queues";
import { unresolvedConnections } from "../../constructs/keda-function-app/connection-names";
import { TriggerBinding } from "../../constructs/keda-function-app/functions-manifest";
import { validResolvedProps } from "../support/keda-function-app";

// Issue 15 item 3: what the construct knows about a trigger kind lives in one catalogue entry,
// and every consumer reads it from there. Each entry is swapped for a sentinel in turn: a
// consumer with a switch of its own (or an entry it skips) would not return the sentinel.

/** One binding of each kind, as a manifest lists it; a new catalogue entry needs one here too. */
const SAMPLES: Readonly<Record<string, TriggerBinding>> = {
  queuetrigger: { type: "queueTrigger", queueName: "jobs" },
  blobtrigger: { type: "blobTrigger", path: "uploads/{name}" },
  servicebustrigger: { type: "serviceBusTrigger", queueName: "orders" },
  eventhubtrigger: { type: "eventHubTrigger", eventHubName: "events" },
  kafkatrigger: { type: "kafkaTrigger", brokerList: "broker:9092", topic: "t" },
  rabbitmqtrigger: { type: "rabbitMQTrigger", queueName: "q" },
  cosmosdbtrigger: { type: "cosmosDBTrigger", databaseName: "db", containerName: "c" },
  timertrigger: { type: "timerTrigger", schedule: "0 */5 * * * *" },
  httptrigger: { type: "httpTrigger" },
};

const SENTINEL: TriggerKind = {
  connection: { option: "sentinelOption", defaultSetting: "AzureWebJobsStorage" },
  roles: { service: "storage", roles: ["Sentinel Role"] },
  queues: () => ["sentinel-queue"],
  scaling: () => ({ kind: "unscalable", reason: "sentinel scaling" }),
};

const catalogue = TRIGGER_CATALOGUE as Record<string, TriggerKind>;

function withSentinel<T>(key: string, fn: () => T): T {
  const original = catalogue[key];
  catalogue[key] = SENTINEL;
  try {
    return fn();
  } finally {
    catalogue[key] = original;
  }
}

test("every catalogue entry has a sample binding here, and every sample an entry", () => {
  expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(TRIGGER_CATALOGUE).sort());
});

describe.each(Object.keys(SAMPLES))("catalogue entry %s", (key) => {
  const binding = SAMPLES[key];
  const context = { settings: {}, hostJson: {} };

  test("the KEDA mapping reads its scaling", () => {
    expect(withSentinel(key, () => mapTrigger(binding, context))).toEqual({ kind: "unscalable", reason: "sentinel scaling" });
  });

  test("the role assignments read its roles and connection", () => {
    expect(withSentinel(key, () => rolesForTrigger(binding))).toEqual({ connection: "AzureWebJobsStorage", service: "storage", roles: ["Sentinel Role"] });
  });

  test("the queues to create read its queues and connection", () => {
    expect(withSentinel(key, () => storageQueueNames([{ name: "f", trigger: binding }], {}).queues)).toEqual(["sentinel-queue"]);
  });

  test("the connection check reads its connection option and default setting", () => {
    const props = { ...validResolvedProps(), existingSettings: [], functions: [{ name: "f", trigger: { ...binding, sentinelOption: "Missing" } }] };
    expect(withSentinel(key, () => unresolvedConnections(props))).toMatchObject({ functionName: "f", option: "sentinelOption", connection: "Missing" });
  });
});

test("a binding type the catalogue does not know maps to no scaler, no roles, no queues", () => {
  const binding = { type: "durableActivityTrigger" };
  expect(mapTrigger(binding, { settings: {}, hostJson: {} })).toEqual({ kind: "unscalable", reason: 'trigger type "durableActivityTrigger" has no KEDA scaler mapping' });
  expect(rolesForTrigger(binding)).toBeUndefined();
  expect(storageQueueNames([{ name: "f", trigger: binding }], {}).queues).toEqual([]);
});

test("binding types match case-insensitively, as the host matches them", () => {
  expect(rolesForTrigger({ type: "QUEUETRIGGER" })).toEqual({ connection: "AzureWebJobsStorage", service: "storage", roles: ["Storage Queue Data Contributor"] });
});
