import { Violation } from "../../constructs/core/validation";
import { KedaTrigger } from "../../constructs/keda-function-app/keda-trigger";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { Testing } from "cdktf";
import { manifests, requiredProps, testStack } from "../support/keda-function-app";

// Issue 15 item 3: typed factories for the `triggers` override. Each check of each factory has
// a violating input and the nearest valid one; `custom` is the documented escape hatch.

const at = (trigger: KedaTrigger): Violation[] => trigger._violations("triggers[0]");
const one = (trigger: KedaTrigger) => at(trigger).map((v) => `${v.property} = ${JSON.stringify(v.value)}: ${v.rule}`);

describe("KedaTrigger.storageQueue", () => {
  test.each<[string, Parameters<typeof KedaTrigger.storageQueue>[0], string[]]>([
    ["uppercase queue name", { queueName: "Jobs", accountName: "st" }, [`triggers[0].queueName = "Jobs": must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit`]],
    ["queue name of 2 characters", { queueName: "jb", accountName: "st" }, [`triggers[0].queueName = "jb": must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit`]],
    ["double dash", { queueName: "my--jobs", accountName: "st" }, [`triggers[0].queueName = "my--jobs": must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit`]],
    ["queueLength 0", { queueName: "jobs", accountName: "st", queueLength: 0 }, ["triggers[0].queueLength = 0: must be a whole number >= 1"]],
    ["queueLength 1.5", { queueName: "jobs", accountName: "st", queueLength: 1.5 }, ["triggers[0].queueLength = 1.5: must be a whole number >= 1"]],
    ["neither account nor connection", { queueName: "jobs" }, ["triggers[0].accountName = undefined: or connectionFromEnv is required"]],
    ["both account and connection", { queueName: "jobs", accountName: "st", connectionFromEnv: "Conn" }, ['triggers[0].connectionFromEnv = "Conn": must not be set together with accountName']],
  ])("refuses %s", (_case, options, expected) => {
    expect(one(KedaTrigger.storageQueue(options))).toEqual(expected);
  });

  test.each<[string, Parameters<typeof KedaTrigger.storageQueue>[0]]>([
    ["3-character name, identity", { queueName: "job", accountName: "st" }],
    ["63-character name with single dashes, connection string", { queueName: "a" + "-b".repeat(31), connectionFromEnv: "Conn" }],
    ["queueLength 1", { queueName: "jobs", accountName: "st", queueLength: 1 }],
  ])("accepts the near miss: %s", (_case, options) => {
    expect(at(KedaTrigger.storageQueue(options))).toEqual([]);
  });

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
  });
});

describe("KedaTrigger.serviceBus", () => {
  test.each<[string, Parameters<typeof KedaTrigger.serviceBus>[0], string[]]>([
    ["no entity", { namespace: "sb" }, ["triggers[0].queueName = undefined: or topicName is required"]],
    ["queue and topic", { queueName: "q", topicName: "t", subscriptionName: "s", namespace: "sb" }, ['triggers[0].topicName = "t": must not be set together with queueName']],
    ["topic without subscription", { topicName: "t", namespace: "sb" }, ["triggers[0].subscriptionName = undefined: goes with topicName, and only with it: KEDA counts a topic's messages per subscription"]],
    ["messageCount 0", { queueName: "q", namespace: "sb", messageCount: 0 }, ["triggers[0].messageCount = 0: must be a whole number >= 1"]],
    ["no namespace nor connection", { queueName: "q" }, ["triggers[0].namespace = undefined: or connectionFromEnv is required"]],
  ])("refuses %s", (_case, options, expected) => {
    expect(one(KedaTrigger.serviceBus(options))).toEqual(expected);
  });

  test.each<[string, Parameters<typeof KedaTrigger.serviceBus>[0]]>([
    ["queue, identity", { queueName: "q", namespace: "sb" }],
    ["topic with subscription, connection string", { topicName: "t", subscriptionName: "s", connectionFromEnv: "Bus" }],
    ["messageCount 1", { queueName: "q", namespace: "sb", messageCount: 1 }],
  ])("accepts the near miss: %s", (_case, options) => {
    expect(at(KedaTrigger.serviceBus(options))).toEqual([]);
  });
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
