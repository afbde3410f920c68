import { Violation } from "../../constructs/core/validation";
import { KedaTrigger } from "../../constructs/keda-function-app/keda-trigger";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { TerraformOutput, TerraformVariable, Testing } from "cdktf";
import { manifests, requiredProps, testStack } from "../support/keda-function-app";

// Issue 15 item 3: typed factories for the `triggers` override. Each check of each factory has
// a violating input and the nearest valid one; `custom` is the documented escape hatch.

const at = (trigger: KedaTrigger): Violation[] => trigger._violations("triggers[0]");
const one = (trigger: KedaTrigger) => at(trigger).map((v) => `${v.property} = ${JSON.stringify(v.value)}: ${v.rule}`);

/**
 * What triggers render, table-driven: `[test name, trigger, the app's TriggerAuthentication name,
 * the KEDA trigger expected whole, whether it authenticates with the app's workload identity]`.
 */
type RenderCase = [name: string, trigger: () => KedaTrigger, authenticationRef: string | undefined, expected: ReturnType<KedaTrigger["_render"]>, usesWorkloadIdentity: boolean];
function rendersEach(cases: RenderCase[]): void {
  test.each(cases)("%s", (_name, trigger, authenticationRef, expected, usesWorkloadIdentity) => {
    expect(trigger().usesWorkloadIdentity).toBe(usesWorkloadIdentity);
    expect(trigger()._render(authenticationRef)).toEqual(expected);
  });
}

/**
 * A factory's checks, table-driven: each refused input with its exact violations, and each near
 * miss, which must pass every check.
 */
function judgesOptions<O>(factory: (options: O) => KedaTrigger, refused: ReadonlyArray<[string, O, string[]]>, nearMisses: ReadonlyArray<[string, O]>): void {
  test.each(refused)("refuses %s", (_case, options, expected) => {
    expect(one(factory(options))).toEqual(expected);
  });
  test.each(nearMisses)("accepts the near miss: %s", (_case, options) => {
    expect(at(factory(options))).toEqual([]);
  });
}

describe("KedaTrigger.storageQueue", () => {
  judgesOptions<Parameters<typeof KedaTrigger.storageQueue>[0]>((options) => KedaTrigger.storageQueue(options), [
    ["uppercase queue name", { queueName: "Jobs", accountName: "st" }, [`triggers[0].queueName = "Jobs": must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit`]],
    ["queue name of 2 characters", { queueName: "jb", accountName: "st" }, [`triggers[0].queueName = "jb": must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit`]],
    ["double dash", { queueName: "my--jobs", accountName: "st" }, [`triggers[0].queueName = "my--jobs": must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit`]],
    ["queueLength 0", { queueName: "jobs", accountName: "st", queueLength: 0 }, ["triggers[0].queueLength = 0: must be a whole number >= 1"]],
    ["queueLength 1.5", { queueName: "jobs", accountName: "st", queueLength: 1.5 }, ["triggers[0].queueLength = 1.5: must be a whole number >= 1"]],
    ["neither account nor connection", { queueName: "jobs" }, ["triggers[0].accountName = undefined: or connectionFromEnv is required"]],
    ["both account and connection", { queueName: "jobs", accountName: "st", connectionFromEnv: "Conn" }, ['triggers[0].connectionFromEnv = "Conn": must not be set together with accountName']],
  ], [
    ["3-character name, identity", { queueName: "job", accountName: "st" }],
    ["63-character name with single dashes, connection string", { queueName: "a" + "-b".repeat(31), connectionFromEnv: "Conn" }],
    ["queueLength 1", { queueName: "jobs", accountName: "st", queueLength: 1 }],
  ]);

  test("renders KEDA's azure-queue metadata, pointed at the app's TriggerAuthentication when identity-based", () => {
    expect(KedaTrigger.storageQueue({ queueName: "jobs", accountName: "st", queueLength: 8 })._render("demo-wi")).toEqual({
      type: "azure-queue",
      metadata: { queueName: "jobs", queueLength: "8", accountName: "st" },
      authenticationRef: { name: "demo-wi" },
    });
    expect(KedaTrigger.storageQueue({ queueName: "jobs", connectionFromEnv: "Conn" })._render("demo-wi")).toEqual({
      type: "azure-queue",
      metadata: { queueName: "jobs", connectionFromEnv: "Conn" },
    });
    // An app with no workload TriggerAuthentication (connection strings): no reference at all.
    expect(KedaTrigger.storageQueue({ queueName: "jobs", accountName: "st" })._render(undefined)).not.toHaveProperty("authenticationRef");
  });
});

describe("KedaTrigger.serviceBus", () => {
  judgesOptions<Parameters<typeof KedaTrigger.serviceBus>[0]>((options) => KedaTrigger.serviceBus(options), [
    ["no entity", { namespace: "sb" }, ["triggers[0].queueName = undefined: or topicName is required"]],
    ["queue and topic", { queueName: "q", topicName: "t", subscriptionName: "s", namespace: "sb" }, ['triggers[0].topicName = "t": must not be set together with queueName']],
    ["topic without subscription", { topicName: "t", namespace: "sb" }, ["triggers[0].subscriptionName = undefined: goes with topicName, and only with it: KEDA counts a topic's messages per subscription"]],
    ["messageCount 0", { queueName: "q", namespace: "sb", messageCount: 0 }, ["triggers[0].messageCount = 0: must be a whole number >= 1"]],
    ["no namespace nor connection", { queueName: "q" }, ["triggers[0].namespace = undefined: or connectionFromEnv is required"]],
  ], [
    ["queue, identity", { queueName: "q", namespace: "sb" }],
    ["topic with subscription, connection string", { topicName: "t", subscriptionName: "s", connectionFromEnv: "Bus" }],
    ["messageCount 1", { queueName: "q", namespace: "sb", messageCount: 1 }],
  ]);
});

describe("KedaTrigger.prometheus and cpu", () => {
  test.each<[string, KedaTrigger, string[]]>([
    ["server address without scheme", KedaTrigger.prometheus({ serverAddress: "prometheus:9090", query: "x", threshold: 1 }), ['triggers[0].serverAddress = "prometheus:9090": must be an http(s) URL']],
    ["empty query", KedaTrigger.prometheus({ serverAddress: "http://p:9090", query: " ", threshold: 1 }), ['triggers[0].query = " ": must not be empty']],
    ["threshold 0", KedaTrigger.prometheus({ serverAddress: "http://p:9090", query: "x", threshold: 0 }), ["triggers[0].threshold = 0: must be a number > 0"]],
    ["cpu 0 %", KedaTrigger.cpu({ utilization: 0 }), ["triggers[0].utilization = 0: must be a whole number from 1 to 100"]],
    ["cpu 101 %", KedaTrigger.cpu({ utilization: 101 }), ["triggers[0].utilization = 101: must be a whole number from 1 to 100"]],
  ])("refuses %s", (_case, trigger, expected) => {
    expect(one(trigger)).toEqual(expected);
  });

  test.each<[string, KedaTrigger]>([
    ["https address, fractional threshold", KedaTrigger.prometheus({ serverAddress: "https://p.example", query: "sum(x)", threshold: 0.5 })],
    ["cpu 1 %", KedaTrigger.cpu({ utilization: 1 })],
    ["cpu 100 %", KedaTrigger.cpu({ utilization: 100 })],
  ])("accepts the near miss: %s", (_case, trigger) => {
    expect(at(trigger)).toEqual([]);
  });

  test("cpu renders metricType Utilization", () => {
    expect(KedaTrigger.cpu({ utilization: 60 })._render(undefined)).toEqual({ type: "cpu", metricType: "Utilization", metadata: { value: "60" } });
  });
});

describe("KedaTrigger.custom, the escape hatch", () => {
  test("passes the metadata through unchecked and keeps a given authenticationRef", () => {
    const trigger = KedaTrigger.custom("redis", { address: "redis:6379", listName: "jobs" }, { name: "redis", authenticationRef: { name: "redis-auth" } });
    expect(at(trigger)).toEqual([]);
    expect(trigger._render("demo-wi")).toEqual({ type: "redis", name: "redis", metadata: { address: "redis:6379", listName: "jobs" }, authenticationRef: { name: "redis-auth" } });
  });

  test("authenticationFromEnv renders a TriggerAuthentication from the worker's settings", () => {
    const { synth, app } = (() => {
      const stack = testStack();
      const fn = new KedaFunctionApp(stack, "app", requiredProps({ settings: { RedisPassword: "placeholder" } }));
      return { app: fn, synth: () => JSON.parse(Testing.synth(stack, true)) };
    })();
    app.addTrigger(KedaTrigger.custom("redis", { address: "redis:6379", listName: "jobs" }, { authenticationFromEnv: [{ parameter: "password", name: "RedisPassword" }] }));
    const objects = manifests(synth());
    const auth = objects.find((o) => o.kind === "TriggerAuthentication" && o.metadata.name.startsWith("demo-env-"));
    expect(auth.spec.env).toEqual([{ parameter: "password", name: "RedisPassword" }]);
    const redis = objects.find((o) => o.kind === "ScaledObject").spec.triggers.find((t: any) => t.type === "redis");
    expect(redis.authenticationRef).toEqual({ name: auth.metadata.name });
  });

  test.each<[string, { parameter: string; name: string }, string[]]>([
    ["setting name with '-'", { parameter: "password", name: "redis-password" }, ['triggers[0].authenticationFromEnv[0] = {"parameter":"password","name":"redis-password"}: needs a parameter and the name of an app setting (letters, digits and \'_\', not starting with a digit)']],
    ["empty parameter", { parameter: "", name: "RedisPassword" }, ['triggers[0].authenticationFromEnv[0] = {"parameter":"","name":"RedisPassword"}: needs a parameter and the name of an app setting (letters, digits and \'_\', not starting with a digit)']],
    ["blank parameter", { parameter: "  ", name: "RedisPassword" }, ['triggers[0].authenticationFromEnv[0] = {"parameter":"  ","name":"RedisPassword"}: needs a parameter and the name of an app setting (letters, digits and \'_\', not starting with a digit)']],
  ])("authenticationFromEnv refuses %s", (_case, entry, expected) => {
    expect(one(KedaTrigger.custom("redis", {}, { authenticationFromEnv: [entry] }))).toEqual(expected);
  });

  test("authenticationFromEnv near miss: an identifier with '_' and digits", () => {
    expect(at(KedaTrigger.custom("redis", {}, { authenticationFromEnv: [{ parameter: "password", name: "_Redis_Password2" }] }))).toEqual([]);
  });

  test("refuses a type that is no scaler name, accepts the nearest one", () => {
    expect(one(KedaTrigger.custom("Redis Lists", {}))).toEqual(["triggers[0].type = \"Redis Lists\": must be a KEDA scaler type: lowercase letters, digits and '-'"]);
    expect(at(KedaTrigger.custom("redis-lists", {}))).toEqual([]);
  });
});

test("a bad factory input in the triggers prop fails construction with the usual message", () => {
  expect(() => new KedaFunctionApp(testStack(), "app", requiredProps({ triggers: [KedaTrigger.cpu({ utilization: 0 })] }))).toThrow(
    'KedaFunctionApp at "test/app" has 1 invalid property:\n  - triggers[0].utilization = 0: must be a whole number from 1 to 100. Fix: use a whole number from 1 to 100',
  );
});

// The factories for the catalogue's other scalers (azure-blob, azure-eventhub, kafka, rabbitmq) and
// memory next to cpu. Metadata keys and value grammars are KEDA 2.17.2's (pkg/scalers/*_scaler.go).

describe("KedaTrigger.memory", () => {
  test("renders KEDA's memory scaler with metricType Utilization", () => {
    expect(KedaTrigger.memory({ utilization: 75, name: "memory" })._render(undefined)).toEqual({ type: "memory", name: "memory", metricType: "Utilization", metadata: { value: "75" } });
  });

  test.each<[string, number, string[]]>([
    ["0 %", 0, ["triggers[0].utilization = 0: must be a whole number from 1 to 100"]],
    ["101 %", 101, ["triggers[0].utilization = 101: must be a whole number from 1 to 100"]],
    ["a fraction", 50.5, ["triggers[0].utilization = 50.5: must be a whole number from 1 to 100"]],
  ])("refuses %s", (_case, utilization, expected) => {
    expect(one(KedaTrigger.memory({ utilization }))).toEqual(expected);
  });

  test.each([1, 100])("accepts the near miss %d %%", (utilization) => {
    expect(at(KedaTrigger.memory({ utilization }))).toEqual([]);
  });
});

describe("KedaTrigger.blob", () => {
  const base = { blobContainerName: "incoming", accountName: "stdata", blobsRemovedAfterProcessing: true } as const;
  type Options = Parameters<typeof KedaTrigger.blob>[0];

  test("renders azure-blob listed flat (recursive) under the prefix, pointed at the app's TriggerAuthentication when identity-based", () => {
    const trigger = KedaTrigger.blob({ ...base, blobPrefix: "orders/", globPattern: "orders/*.csv", blobCount: 8, name: "orders" });
    expect(trigger.usesWorkloadIdentity).toBe(true);
    expect(trigger._render("demo-wi")).toEqual({
      type: "azure-blob",
      name: "orders",
      metadata: { blobContainerName: "incoming", recursive: "true", blobPrefix: "orders/", globPattern: "orders/*.csv", blobCount: "8", accountName: "stdata" },
      authenticationRef: { name: "demo-wi" },
    });
    const byConnection = KedaTrigger.blob({ blobContainerName: "incoming", connectionFromEnv: "AzureWebJobsStorage", blobsRemovedAfterProcessing: true });
    expect(byConnection.usesWorkloadIdentity).toBe(false);
    expect(byConnection._render("demo-wi")).toEqual({ type: "azure-blob", metadata: { blobContainerName: "incoming", recursive: "true", connectionFromEnv: "AzureWebJobsStorage" } });
  });

  judgesOptions<Options>((options) => KedaTrigger.blob(options), [
    ["no promise that blobs are removed", { ...base, blobsRemovedAfterProcessing: false as unknown as true }, [expect.stringMatching(/^triggers\[0\]\.blobsRemovedAfterProcessing = false: must be true: KEDA's azure-blob scaler counts the blobs that exist/) as unknown as string]],
    ["uppercase container", { ...base, blobContainerName: "Incoming" }, [`triggers[0].blobContainerName = "Incoming": must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit`]],
    ["container ending with '-'", { ...base, blobContainerName: "incoming-" }, [`triggers[0].blobContainerName = "incoming-": must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit`]],
    ["empty prefix", { ...base, blobPrefix: "" }, ['triggers[0].blobPrefix = "": must not be empty']],
    ["blank glob", { ...base, globPattern: " " }, ['triggers[0].globPattern = " ": must not be empty']],
    ["blobCount 0", { ...base, blobCount: 0 }, ["triggers[0].blobCount = 0: must be a whole number >= 1"]],
    ["neither account nor connection", { blobContainerName: "incoming", blobsRemovedAfterProcessing: true }, ["triggers[0].accountName = undefined: or connectionFromEnv is required"]],
    ["both account and connection", { ...base, connectionFromEnv: "Conn" }, ['triggers[0].connectionFromEnv = "Conn": must not be set together with accountName']],
    ["account name of 25 characters", { ...base, accountName: "a".repeat(25) }, [`triggers[0].accountName = "${"a".repeat(25)}": must be 3-24 lowercase letters and digits (a storage account name)`]],
    ["account name with '-'", { ...base, accountName: "st-data" }, ['triggers[0].accountName = "st-data": must be 3-24 lowercase letters and digits (a storage account name)']],
    ["setting name with '-'", { blobContainerName: "incoming", connectionFromEnv: "blob-conn", blobsRemovedAfterProcessing: true }, [`triggers[0].connectionFromEnv = "blob-conn": must name an app setting KEDA can read from the container: letters, digits and '_', not starting with a digit`]],
  ], [
    ["3-character container, 24-character account", { ...base, blobContainerName: "inc", accountName: "a".repeat(24) }],
    ["63-character container with single dashes", { ...base, blobContainerName: "a" + "-b".repeat(31) }],
    ["3-character account, blobCount 1, one-character prefix and glob", { ...base, accountName: "st1", blobCount: 1, blobPrefix: "a", globPattern: "*" }],
    ["setting name with '_' and digits", { blobContainerName: "incoming", connectionFromEnv: "AzureWebJobs_Storage2", blobsRemovedAfterProcessing: true }],
  ]);
});

describe("KedaTrigger.eventHub", () => {
  const identity = { eventHubName: "orders", namespace: "evh-orders", storageAccountName: "stdata" } as const;
  const strings = { eventHubName: "orders", connectionFromEnv: "EventHubConnection", storageConnectionFromEnv: "AzureWebJobsStorage" } as const;
  type Options = Parameters<typeof KedaTrigger.eventHub>[0];

  rendersEach([
    [
      "renders azure-eventhub on the Functions host's checkpoints: identity-based with the app's TriggerAuthentication",
      () => KedaTrigger.eventHub({ ...identity, consumerGroup: "orders-fn", unprocessedEventThreshold: 100 }),
      "demo-wi",
      {
        type: "azure-eventhub",
        metadata: { eventHubName: "orders", consumerGroup: "orders-fn", checkpointStrategy: "azureFunction", unprocessedEventThreshold: "100", eventHubNamespace: "evh-orders", storageAccountName: "stdata" },
        authenticationRef: { name: "demo-wi" },
      },
      true,
    ],
    [
      "connection strings: $Default group, both ...FromEnv, no TriggerAuthentication",
      () => KedaTrigger.eventHub(strings),
      "demo-wi",
      { type: "azure-eventhub", metadata: { eventHubName: "orders", consumerGroup: "$Default", checkpointStrategy: "azureFunction", connectionFromEnv: "EventHubConnection", storageConnectionFromEnv: "AzureWebJobsStorage" } },
      false,
    ],
  ]);

  judgesOptions<Options>((options) => KedaTrigger.eventHub(options), [
    ["empty event hub name", { ...identity, eventHubName: "" }, ['triggers[0].eventHubName = "": must not be empty']],
    ["empty consumer group", { ...identity, consumerGroup: "" }, ['triggers[0].consumerGroup = "": must not be empty']],
    ["threshold 0", { ...identity, unprocessedEventThreshold: 0 }, ["triggers[0].unprocessedEventThreshold = 0: must be a whole number >= 1"]],
    ["threshold 1.5 (KEDA parses an integer)", { ...identity, unprocessedEventThreshold: 1.5 }, ["triggers[0].unprocessedEventThreshold = 1.5: must be a whole number >= 1"]],
    ["neither namespace nor connection", { eventHubName: "orders", storageAccountName: "stdata" }, ["triggers[0].namespace = undefined: or connectionFromEnv is required"]],
    ["namespace and connection", { ...identity, connectionFromEnv: "Conn" }, ['triggers[0].connectionFromEnv = "Conn": must not be set together with namespace', 'triggers[0].storageAccountName = "stdata": is read by KEDA only with workload identity (namespace); with connectionFromEnv it needs the checkpoint store\'s connection string']],
    ["no checkpoint store", { eventHubName: "orders", namespace: "evh-orders" }, ["triggers[0].storageAccountName = undefined: or storageConnectionFromEnv is required"]],
    ["two checkpoint stores", { ...identity, storageConnectionFromEnv: "AzureWebJobsStorage" }, ['triggers[0].storageConnectionFromEnv = "AzureWebJobsStorage": must not be set together with storageAccountName']],
    ["checkpoint account with a connection string", { eventHubName: "orders", connectionFromEnv: "Conn", storageAccountName: "stdata" }, ['triggers[0].storageAccountName = "stdata": is read by KEDA only with workload identity (namespace); with connectionFromEnv it needs the checkpoint store\'s connection string']],
    ["uppercase checkpoint account", { ...identity, storageAccountName: "StData" }, ['triggers[0].storageAccountName = "StData": must be 3-24 lowercase letters and digits (a storage account name)']],
    ["connection setting with '.'", { ...strings, connectionFromEnv: "EventHub.Connection" }, [`triggers[0].connectionFromEnv = "EventHub.Connection": must name an app setting KEDA can read from the container: letters, digits and '_', not starting with a digit`]],
    ["storage setting starting with a digit", { ...strings, storageConnectionFromEnv: "1Storage" }, [`triggers[0].storageConnectionFromEnv = "1Storage": must name an app setting KEDA can read from the container: letters, digits and '_', not starting with a digit`]],
  ], [
    ["identity with a connection-string checkpoint store (KEDA reads it under azure-workload too)", { eventHubName: "orders", namespace: "evh-orders", storageConnectionFromEnv: "AzureWebJobsStorage" }],
    ["threshold 1, one-character group", { ...identity, unprocessedEventThreshold: 1, consumerGroup: "g" }],
    ["settings with '_' and digits", { ...strings, connectionFromEnv: "EventHub__Connection2", storageConnectionFromEnv: "_Storage" }],
  ]);
});

describe("KedaTrigger.kafka", () => {
  const base = { bootstrapServers: ["kafka-0.kafka:9092", "kafka-1.kafka:9092"], topic: "orders" } as const;
  type Options = Parameters<typeof KedaTrigger.kafka>[0];

  rendersEach([
    [
      "renders kafka with the extension's $Default group and lag threshold 1000 written out",
      () => KedaTrigger.kafka(base),
      "demo-wi",
      { type: "kafka", metadata: { bootstrapServers: "kafka-0.kafka:9092,kafka-1.kafka:9092", topic: "orders", consumerGroup: "$Default", lagThreshold: "1000" } },
      false,
    ],
    [
      "values from settings, TLS and SASL: credentials through authenticationFromEnv, never in the metadata",
      () =>
        KedaTrigger.kafka({
          bootstrapServersFromEnv: "KafkaBrokers",
          topicFromEnv: "KafkaTopic",
          consumerGroupFromEnv: "KafkaGroup",
          lagThreshold: 50,
          tls: true,
          sasl: { mechanism: "scram_sha512", usernameFromEnv: "KafkaUser", passwordFromEnv: "KafkaPassword" },
          name: "orders",
        }),
      "demo-wi",
      {
        type: "kafka",
        name: "orders",
        metadata: { bootstrapServersFromEnv: "KafkaBrokers", topicFromEnv: "KafkaTopic", consumerGroupFromEnv: "KafkaGroup", lagThreshold: "50", tls: "enable", sasl: "scram_sha512" },
        authenticationFromEnv: [
          { parameter: "username", name: "KafkaUser" },
          { parameter: "password", name: "KafkaPassword" },
        ],
      },
      false,
    ],
  ]);

  judgesOptions<Options>((options) => KedaTrigger.kafka(options), [
    ["no brokers", { topic: "orders" }, ["triggers[0].bootstrapServers = undefined: or bootstrapServersFromEnv is required"]],
    ["brokers twice", { ...base, bootstrapServersFromEnv: "KafkaBrokers" }, ['triggers[0].bootstrapServersFromEnv = "KafkaBrokers": must not be set together with bootstrapServers']],
    ["a broker without port", { ...base, bootstrapServers: ["kafka-0.kafka:9092", "kafka-1.kafka"] }, ['triggers[0].bootstrapServers[1] = "kafka-1.kafka": must list brokers as host:port']],
    ["a URL as broker string", { ...base, bootstrapServers: "kafka://kafka:9092" }, ['triggers[0].bootstrapServers = "kafka://kafka:9092": must list brokers as host:port']],
    ["an empty broker list", { ...base, bootstrapServers: [] }, ["triggers[0].bootstrapServers = []: must list brokers as host:port"]],
    ["no topic", { bootstrapServers: "kafka:9092" }, ["triggers[0].topic = undefined: or topicFromEnv is required"]],
    ["empty topic", { ...base, topic: "" }, ['triggers[0].topic = "": must not be empty']],
    ["group twice", { ...base, consumerGroup: "g", consumerGroupFromEnv: "KafkaGroup" }, ['triggers[0].consumerGroupFromEnv = "KafkaGroup": must not be set together with consumerGroup']],
    ["empty group", { ...base, consumerGroup: "" }, ['triggers[0].consumerGroup = "": must not be empty']],
    ["lag 0 (KEDA: must be positive)", { ...base, lagThreshold: 0 }, ["triggers[0].lagThreshold = 0: must be a whole number >= 1"]],
    ["topic setting with '-'", { bootstrapServers: "kafka:9092", topicFromEnv: "kafka-topic" }, [`triggers[0].topicFromEnv = "kafka-topic": must name an app setting KEDA can read from the container: letters, digits and '_', not starting with a digit`]],
    ["brokers setting with '-'", { topic: "orders", bootstrapServersFromEnv: "kafka-brokers" }, [`triggers[0].bootstrapServersFromEnv = "kafka-brokers": must name an app setting KEDA can read from the container: letters, digits and '_', not starting with a digit`]],
    ["group setting with '-'", { ...base, consumerGroupFromEnv: "kafka-group" }, [`triggers[0].consumerGroupFromEnv = "kafka-group": must name an app setting KEDA can read from the container: letters, digits and '_', not starting with a digit`]],
    ["SASL mechanism KEDA cannot take from settings", { ...base, sasl: { mechanism: "gssapi" as "plaintext", usernameFromEnv: "U", passwordFromEnv: "P" } }, ['triggers[0].sasl.mechanism = "gssapi": must be one of plaintext, scram_sha256, scram_sha512']],
    ["SASL without password setting", { ...base, sasl: { mechanism: "plaintext", usernameFromEnv: "KafkaUser", passwordFromEnv: "" } }, ['triggers[0].sasl.passwordFromEnv = "": is required: the name of the app setting KEDA reads it from']],
    ["SASL user setting with '-'", { ...base, sasl: { mechanism: "plaintext", usernameFromEnv: "kafka-user", passwordFromEnv: "KafkaPassword" } }, [`triggers[0].sasl.usernameFromEnv = "kafka-user": must name an app setting KEDA can read from the container: letters, digits and '_', not starting with a digit`]],
  ], [
    ["one broker string with two host:port and a space", { ...base, bootstrapServers: "kafka-0:9092, kafka-1:9093" }],
    ["an IPv6 broker", { ...base, bootstrapServers: ["[::1]:9092"] }],
    ["no group at all (the extension's $Default)", base],
    ["lag 1, group from a setting", { ...base, lagThreshold: 1, consumerGroupFromEnv: "KafkaGroup" }],
    ["SASL scram_sha256 with '_' settings", { ...base, sasl: { mechanism: "scram_sha256", usernameFromEnv: "Kafka_User", passwordFromEnv: "Kafka_Password" } }],
  ]);

  test("a group from a setting replaces the $Default literal", () => {
    expect(KedaTrigger.kafka({ ...base, consumerGroupFromEnv: "KafkaGroup" }).metadata).toEqual({
      bootstrapServers: "kafka-0.kafka:9092,kafka-1.kafka:9092",
      topic: "orders",
      consumerGroupFromEnv: "KafkaGroup",
      lagThreshold: "1000",
    });
  });
});

test("Kafka's violations say how to fix them", () => {
  const base = { bootstrapServers: "kafka:9092" } as const;
  const fixes = (options: Parameters<typeof KedaTrigger.kafka>[0]) => at(KedaTrigger.kafka(options)).map((v) => v.fix);
  expect(fixes({ ...base, topic: "" })).toEqual(["pass the topic the functions consume"]);
  expect(fixes({ ...base, topic: "t", consumerGroup: "" })).toEqual(['leave consumerGroup out for "$Default"']);
  expect(fixes({ ...base, topic: "t", sasl: { mechanism: "gssapi" as "plaintext", usernameFromEnv: "U", passwordFromEnv: "P" } })).toEqual(['use one of "plaintext", "scram_sha256", "scram_sha512"']);
});

describe("KedaTrigger.rabbitMq", () => {
  const base = { queueName: "orders", hostFromEnv: "RabbitMqConnection" } as const;
  type Options = Parameters<typeof KedaTrigger.rabbitMq>[0];

  rendersEach([
    [
      "renders rabbitmq QueueLength with KEDA's default value 20 and the host from a setting",
      () => KedaTrigger.rabbitMq(base),
      "demo-wi",
      { type: "rabbitmq", metadata: { queueName: "orders", mode: "QueueLength", value: "20", hostFromEnv: "RabbitMqConnection" } },
      false,
    ],
    [
      "MessageRate over the management API",
      () => KedaTrigger.rabbitMq({ ...base, mode: "MessageRate", value: 2.5, protocol: "http", name: "orders" }),
      undefined,
      { type: "rabbitmq", name: "orders", metadata: { queueName: "orders", mode: "MessageRate", value: "2.5", hostFromEnv: "RabbitMqConnection", protocol: "http" } },
      false,
    ],
  ]);

  judgesOptions<Options>((options) => KedaTrigger.rabbitMq(options), [
    ["empty queue", { ...base, queueName: "" }, ['triggers[0].queueName = "": must not be empty']],
    ["no host setting", { queueName: "orders", hostFromEnv: "" }, ['triggers[0].hostFromEnv = "": is required: the name of the app setting KEDA reads it from']],
    ["a URL as host setting", { queueName: "orders", hostFromEnv: "amqp://guest:guest@rabbit:5672/" }, [`triggers[0].hostFromEnv = "amqp://guest:guest@rabbit:5672/": must name an app setting KEDA can read from the container: letters, digits and '_', not starting with a digit`]],
    ["unknown mode", { ...base, mode: "Length" as "QueueLength" }, ['triggers[0].mode = "Length": must be one of QueueLength, MessageRate']],
    ["unknown protocol", { ...base, protocol: "amqps" as "amqp" }, ['triggers[0].protocol = "amqps": must be one of auto, amqp, http']],
    ["value 0", { ...base, value: 0 }, ["triggers[0].value = 0: must be a number > 0"]],
    ["MessageRate without value", { ...base, mode: "MessageRate" }, ["triggers[0].value = undefined: is required with mode MessageRate"]],
    ["MessageRate over AMQP", { ...base, mode: "MessageRate", value: 5, protocol: "amqp" }, ['triggers[0].protocol = "amqp": cannot measure MessageRate: KEDA reads publish rates from the management API']],
  ], [
    ["one-character queue, fractional value", { ...base, queueName: "q", value: 0.1 }],
    ["MessageRate with auto protocol (KEDA picks http from an http(s) URL)", { ...base, mode: "MessageRate", value: 5 }],
    ["QueueLength over AMQP", { ...base, mode: "QueueLength", value: 30, protocol: "amqp" }],
  ]);
});

describe("the new factories in an app", () => {
  const synthWith = (props: Parameters<typeof requiredProps>[0], ...triggers: KedaTrigger[]) => {
    const stack = testStack();
    const app = new KedaFunctionApp(stack, "app", requiredProps(props));
    for (const trigger of triggers) app.addTrigger(trigger);
    return manifests(JSON.parse(Testing.synth(stack, true)));
  };

  test("identity-based blob and event hub triggers use the app's azure-workload TriggerAuthentication; Kafka SASL gets a spec.env one", () => {
    const objects = synthWith(
      { settings: { KafkaUser: "user", KafkaPassword: "placeholder" } },
      KedaTrigger.blob({ blobContainerName: "incoming", accountName: "stdemo", blobsRemovedAfterProcessing: true }),
      KedaTrigger.eventHub({ eventHubName: "orders", namespace: "evh-demo", storageAccountName: "stdemo" }),
      KedaTrigger.kafka({ bootstrapServers: "kafka:9092", topic: "orders", sasl: { mechanism: "plaintext", usernameFromEnv: "KafkaUser", passwordFromEnv: "KafkaPassword" } }),
    );
    const triggers = objects.find((o) => o.kind === "ScaledObject").spec.triggers;
    const byType = (type: string) => triggers.find((t: any) => t.type === type);
    expect(byType("azure-blob").authenticationRef).toEqual({ name: "demo-wi" });
    expect(byType("azure-eventhub").authenticationRef).toEqual({ name: "demo-wi" });
    const auth = objects.find((o) => o.kind === "TriggerAuthentication" && o.metadata.name === byType("kafka").authenticationRef.name);
    expect(auth.spec.env).toEqual([
      { parameter: "username", name: "KafkaUser" },
      { parameter: "password", name: "KafkaPassword" },
    ]);
  });

  test("a late bad value fails synth naming addTrigger[i] and the property", () => {
    expect(() => synthWith({}, KedaTrigger.memory({ utilization: 60 }), KedaTrigger.rabbitMq({ queueName: "orders", hostFromEnv: "Rabbit", mode: "MessageRate" }))).toThrow(
      "addTrigger[1].value = undefined: is required with mode MessageRate. Fix: pass the publish rate (messages per second) one replica handles",
    );
  });

  test("an identity-based event hub needs workload identity; the connection-string form is the near miss", () => {
    const connectionMode = { connectionMode: "connection-string" as const, workloadIdentity: undefined, storage: undefined, settings: { AzureWebJobsStorage: "placeholder", EventHubConnection: "placeholder" } };
    expect(() => synthWith(connectionMode, KedaTrigger.eventHub({ eventHubName: "orders", namespace: "evh-demo", storageAccountName: "stdemo" }))).toThrow(
      'addTrigger[0].metadata = {"eventHubName":"orders","consumerGroup":"$Default","checkpointStrategy":"azureFunction","eventHubNamespace":"evh-demo","storageAccountName":"stdemo"}: authenticates with workload identity',
    );
    expect(() => synthWith(connectionMode, KedaTrigger.eventHub({ eventHubName: "orders", connectionFromEnv: "EventHubConnection", storageConnectionFromEnv: "AzureWebJobsStorage" }))).not.toThrow();
  });
});

test("Terraform tokens are never judged as literals", () => {
  const stack = testStack();
  const name = new TerraformVariable(stack, "name", { type: "string" }).stringValue;
  const count = new TerraformVariable(stack, "count", { type: "number" }).numberValue;
  const list = new TerraformVariable(stack, "brokers", { type: "list(string)" }).listValue;
  expect(at(KedaTrigger.blob({ blobContainerName: name, accountName: name, blobCount: count, blobsRemovedAfterProcessing: true }))).toEqual([]);
  expect(at(KedaTrigger.eventHub({ eventHubName: name, namespace: name, storageAccountName: name, unprocessedEventThreshold: count }))).toEqual([]);
  expect(at(KedaTrigger.kafka({ bootstrapServers: list, topic: name, lagThreshold: count }))).toEqual([]);
  expect(at(KedaTrigger.kafka({ bootstrapServers: [name, "kafka-1:9092"], topic: name }))).toEqual([]);
  expect(at(KedaTrigger.rabbitMq({ queueName: name, hostFromEnv: name, value: count }))).toEqual([]);
  expect(at(KedaTrigger.memory({ utilization: count }))).toEqual([]);
  // A list token is joined by Terraform, never split here.
  new TerraformOutput(stack, "servers", { value: KedaTrigger.kafka({ bootstrapServers: list, topic: "t" }).metadata.bootstrapServers });
  expect(JSON.parse(Testing.synth(stack)).output.servers.value).toBe('${join(",", var.brokers)}');
});
