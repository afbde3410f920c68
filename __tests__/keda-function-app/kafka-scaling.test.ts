import { Lazy } from "cdktf";
import { mapTrigger, TriggerMappingContext } from "../../constructs/keda-function-app/keda-triggers";
import { FunctionMetadata } from "../../constructs/keda-function-app/functions-manifest";
import { manifests, requiredProps, synthApp } from "../support/keda-function-app";

/**
 * What KEDA 2.17's kafka scaler requires of its metadata before it builds (transcribed from
 * pkg/scalers/kafka_scaler.go parseKafkaMetadata / parseKafkaAuthParams). One trigger that fails
 * here stops every trigger of its ScaledObject.
 */
function kedaKafkaError(metadata: Record<string, string>, authParams: Record<string, string>, env: Record<string, string>): string | undefined {
  const fromEnvOr = (key: string) => (metadata[`${key}FromEnv`] ? env[metadata[`${key}FromEnv`]] ?? "" : metadata[key] ?? "");
  if (!metadata.bootstrapServersFromEnv && !metadata.bootstrapServers) return "no bootstrapServers given";
  if (!metadata.consumerGroupFromEnv && !metadata.consumerGroup) return "no consumer group given";
  if (fromEnvOr("bootstrapServers") === "") return "empty bootstrapServers";
  if (metadata.tls !== undefined && !["enable", "disable"].includes(metadata.tls)) return `error incorrect TLS value given, got ${metadata.tls}`;
  const sasl = metadata.sasl;
  if (sasl !== undefined) {
    if (!["plaintext", "scram_sha256", "scram_sha512", "oauthbearer", "gssapi"].includes(sasl)) return `err SASL mode ${sasl} given`;
    if (!authParams.username) return "no username given";
    if (!authParams.password) return "no password given";
  }
  return undefined;
}

const KAFKA = (trigger: Record<string, unknown>): FunctionMetadata[] => [{ name: "clicks", trigger: { type: "kafkaTrigger", topic: "clicks", ...trigger } }];
const context = (settings: Record<string, string>, settingsFromExistingObjects = false): TriggerMappingContext => ({ settings, hostJson: {}, settingsFromExistingObjects });
const kafka = (binding: Record<string, unknown>, ctx: TriggerMappingContext) => {
  const mapping = mapTrigger({ type: "kafkaTrigger", topic: "clicks", ...binding }, ctx);
  if (mapping.kind !== "scaler") throw new Error(mapping.reason);
  return mapping.trigger;
};

describe("Kafka triggers build in KEDA (issue 11 item 8)", () => {
  test("a binding without consumerGroup gets the extension's default $Default, so KEDA's scaler builds", () => {
    const trigger = kafka({ brokerList: "kafka:9092" }, context({}));
    expect(trigger.metadata.consumerGroup).toBe("$Default");
    expect(kedaKafkaError({ ...trigger.metadata }, {}, {})).toBeUndefined();
    // The transcription can fail: what the first release emitted.
    expect(kedaKafkaError({ bootstrapServers: "kafka:9092", topic: "clicks", lagThreshold: "1000" }, {}, {})).toBe("no consumer group given");
  });

  test('options given as "" count as not set, as in the extension: the default group, no certificate', () => {
    const trigger = kafka({ brokerList: "kafka:9092", consumerGroup: "", sslCaLocation: "", protocol: "ssl" }, context({}));
    expect(trigger.metadata).toMatchObject({ consumerGroup: "$Default", tls: "enable" });
    expect(kafka({ brokerList: "kafka:9092", consumerGroup: "orders" }, context({})).metadata.consumerGroup).toBe("orders");
  });

  test.each([
    ["a %Setting% reference", "%Brokers%", {}, true],
    ["a bare name held in existingSettings", "Brokers", {}, true],
    ["a bare name of a known setting", "Brokers", { Brokers: "b-0:9092,b-1:9092" }, false],
  ])("a broker list in an app setting (%s) is read by KEDA from the container: bootstrapServersFromEnv", (_name, brokerList, settings, existing) => {
    const trigger = kafka({ brokerList }, context(settings, existing));
    expect(trigger.metadata).toMatchObject({ bootstrapServersFromEnv: "Brokers" });
    expect(trigger.metadata).not.toHaveProperty("bootstrapServers");
    expect(kedaKafkaError({ ...trigger.metadata }, {}, { Brokers: "b-0:9092" })).toBeUndefined();
  });

  test("near misses: a literal list, or a name no setting can hold, stays a literal bootstrapServers", () => {
    expect(kafka({ brokerList: "b-0:9092,b-1:9092" }, context({}, true)).metadata).toMatchObject({ bootstrapServers: "b-0:9092,b-1:9092" });
    expect(kafka({ brokerList: "kafka" }, context({}, false)).metadata).toMatchObject({ bootstrapServers: "kafka" });
    // A topic that is a plain word is a topic, even when existing Secrets could hold settings.
    expect(kafka({ brokerList: "%Brokers%", topic: "clicks" }, context({}, true)).metadata).toMatchObject({ topic: "clicks" });
  });

  test("a broker list that is a Terraform token is kept whole", () => {
    const brokers = Lazy.stringValue({ produce: () => "${azurerm_eventhub_namespace.ns.name}.servicebus.windows.net:9093" });
    expect(kafka({ brokerList: brokers }, context({})).metadata.bootstrapServers).toBe(brokers);
  });

  test("consumerGroup and topic from settings are read from env too", () => {
    const trigger = kafka({ brokerList: "kafka:9092", topic: "%Topic%", consumerGroup: "%Group%" }, context({ Topic: "clicks", Group: "g" }));
    expect(trigger.metadata).toMatchObject({ topicFromEnv: "Topic", consumerGroupFromEnv: "Group" });
  });

  test.each([
    ["saslSsl", "plain", { tls: "enable", sasl: "plaintext" }],
    ["SASLSSL", "PLAIN", { tls: "enable", sasl: "plaintext" }],
    ["saslPlaintext", "scramSha256", { sasl: "scram_sha256" }],
    ["saslSsl", "scramSha512", { tls: "enable", sasl: "scram_sha512" }],
  ])("protocol %s + authenticationMode %s: %j and the credentials through a TriggerAuthentication", (protocol, authenticationMode, expected) => {
    const trigger = kafka(
      { brokerList: "%Brokers%", protocol, authenticationMode, username: "KafkaUser", password: "%KafkaPassword%" },
      context({}, true),
    );
    expect(trigger.metadata).toMatchObject(expected);
    expect(trigger.authenticationFromEnv).toEqual([
      { parameter: "username", name: "KafkaUser" },
      { parameter: "password", name: "KafkaPassword" },
    ]);
    expect(kedaKafkaError({ ...trigger.metadata }, { username: "u", password: "p" }, { Brokers: "b:9093" })).toBeUndefined();
  });

  test("near misses: protocol ssl is TLS only; plaintext and no protocol have neither", () => {
    expect(kafka({ brokerList: "b:9093", protocol: "ssl" }, context({}))).toEqual({
      type: "kafka",
      metadata: { bootstrapServers: "b:9093", topic: "clicks", consumerGroup: "$Default", lagThreshold: "1000", tls: "enable" },
    });
    for (const protocol of ["plaintext", undefined]) {
      const trigger = kafka({ brokerList: "b:9092", protocol, authenticationMode: "plain" }, context({}));
      expect(trigger.metadata).not.toHaveProperty("tls");
      expect(trigger.metadata).not.toHaveProperty("sasl");
      expect(trigger).not.toHaveProperty("authenticationFromEnv");
    }
  });

  test.each([
    ["GSSAPI", { protocol: "saslSsl", authenticationMode: "gssapi", username: "U", password: "P" }, /authenticationMode "gssapi": KEDA's kafka scaler needs Kerberos files or OAuth endpoints.*props\.triggers/],
    ["OAUTHBEARER", { protocol: "saslSsl", authenticationMode: "oAuthBearer" }, /authenticationMode "oAuthBearer": KEDA's kafka scaler needs/],
    ["SASL without a mechanism", { protocol: "saslSsl", username: "U", password: "P" }, /authenticationMode is not set \(librdkafka would then use GSSAPI\)/],
    ["a literal username", { protocol: "saslSsl", authenticationMode: "plain", username: "$ConnectionString", password: "EventHubConnection" }, /username "\$ConnectionString" is a literal.*put the value in an app setting/],
    ["no password", { protocol: "saslSsl", authenticationMode: "plain", username: "KafkaUser" }, /has no password: name the app setting that holds it/],
    ["a client certificate", { protocol: "ssl", sslCaLocation: "/certs/ca.pem" }, /sets sslCaLocation: KEDA's kafka scaler needs certificates as PEM content/],
    ["an unknown protocol", { protocol: "tls" }, /protocol "tls" is not one of plaintext, ssl, saslPlaintext, saslSsl/],
  ])("refused with the way out: %s", (_name, binding, message) => {
    expect(() => kafka({ brokerList: "b:9093", ...binding }, context({ KafkaUser: "u", EventHubConnection: "x" }))).toThrow(message);
  });

  test("in the construct: the ScaledObject points at a TriggerAuthentication that reads the credentials from the worker's env", () => {
    const { json } = synthApp(
      requiredProps({
        functions: KAFKA({ brokerList: "%Brokers%", protocol: "saslSsl", authenticationMode: "plain", username: "KafkaUser", password: "KafkaPassword" }),
        existingSettings: [{ kind: "Secret", name: "kafka-credentials" }],
      }),
    );
    const objects = manifests(json);
    const scaled = objects.find((o) => o.kind === "ScaledObject");
    const [trigger] = scaled.spec.triggers;
    expect(trigger).toEqual({
      type: "kafka",
      name: "clicks",
      metricType: "AverageValue",
      metadata: { bootstrapServersFromEnv: "Brokers", consumerGroup: "$Default", lagThreshold: "1000", sasl: "plaintext", tls: "enable", topic: "clicks" },
      authenticationRef: { name: expect.stringMatching(/^demo-env-[0-9a-f]{8}$/) },
    });
    const auth = objects.find((o) => o.kind === "TriggerAuthentication" && o.metadata.name === trigger.authenticationRef.name);
    expect(auth.spec).toEqual({ env: [{ parameter: "username", name: "KafkaUser" }, { parameter: "password", name: "KafkaPassword" }] });
    // The credentials' Secret reaches the worker container, where KEDA resolves env.
    const worker = objects.find((o) => o.kind === "Deployment" && o.metadata.name === "demo");
    expect(worker.spec.template.spec.containers[0].envFrom).toContainEqual({ secretRef: { name: "kafka-credentials" } });
  });

  test("two triggers with the same credentials share one TriggerAuthentication", () => {
    const sasl = { brokerList: "%Brokers%", protocol: "saslSsl", authenticationMode: "plain", username: "KafkaUser", password: "KafkaPassword" };
    const { json } = synthApp(
      requiredProps({
        functions: [
          { name: "a", trigger: { type: "kafkaTrigger", topic: "a", ...sasl } },
          { name: "b", trigger: { type: "kafkaTrigger", topic: "b", ...sasl } },
        ],
        existingSettings: [{ kind: "Secret", name: "kafka-credentials" }],
      }),
    );
    const objects = manifests(json);
    expect(objects.filter((o) => o.kind === "TriggerAuthentication" && o.spec.env !== undefined)).toHaveLength(1);
  });
});
