import { Token } from "cdktf";
import { TriggerBinding } from "./functions-manifest";

/**
 * The consumer group the Kafka extension uses when the binding names none
 * (Microsoft.Azure.WebJobs.Extensions.Kafka, `KafkaListener`: `string.IsNullOrEmpty(ConsumerGroup) ? "$Default"`).
 */
export const KAFKA_DEFAULT_CONSUMER_GROUP = "$Default";

/** The extension's `LagThreshold` default (KafkaTriggerAttribute). */
export const KAFKA_DEFAULT_LAG_THRESHOLD = 1000;

/** What the Kafka mapping needs besides the binding. */
export interface KafkaMappingContext {
  /** The app settings known at synth (env + settings object). */
  readonly settings: Readonly<Record<string, string>>;
  /** Settings may also come from existing Secrets/ConfigMaps, whose keys are unknown at synth. */
  readonly settingsFromExistingObjects: boolean;
  /** Resolves `%Setting%` inside a longer string, as the host does (throws for an unknown setting). */
  readonly resolve: (value: string) => string;
}

/** A KEDA `kafka` trigger and the environment variables its TriggerAuthentication reads. */
export interface KafkaScaler {
  readonly metadata: Readonly<Record<string, string>>;
  /** `spec.env` of the TriggerAuthentication: SASL credentials from the worker container's settings. */
  readonly authenticationFromEnv?: ReadonlyArray<{ readonly parameter: string; readonly name: string }>;
}

/** A binding value: a literal, or the name of the app setting that holds it (KEDA reads it with `...FromEnv`). */
type Source = { readonly literal: string } | { readonly setting: string };

/** Names an app setting can have that KEDA can read from the container (a C identifier, as Kubernetes env names). */
const SETTING_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The extension's `BrokerProtocol` → what KEDA needs: TLS and/or SASL. */
const PROTOCOLS: Readonly<Record<string, { readonly tls: boolean; readonly sasl: boolean }>> = {
  notset: { tls: false, sasl: false },
  plaintext: { tls: false, sasl: false },
  ssl: { tls: true, sasl: false },
  saslplaintext: { tls: false, sasl: true },
  saslssl: { tls: true, sasl: true },
};

/** The extension's `BrokerAuthenticationMode` → KEDA's `sasl` value; undefined: KEDA cannot take it from a binding. */
const SASL_MECHANISMS: Readonly<Record<string, string | undefined>> = {
  plain: "plaintext",
  scramsha256: "scram_sha256",
  scramsha512: "scram_sha512",
  gssapi: undefined,
  oauthbearer: undefined,
};

/** Binding options for client certificates, which KEDA wants as PEM content in a TriggerAuthentication. */
const CERTIFICATE_OPTIONS = [
  "sslCaLocation",
  "sslCertificateLocation",
  "sslKeyLocation",
  "sslKeyPassword",
  "sslCaPEM",
  "sslCertificatePEM",
  "sslKeyPEM",
  "sslCertificateandKeyPEM",
];

/**
 * Maps a Functions `kafkaTrigger` binding to KEDA 2.17's `kafka` scaler
 * (pkg/scalers/kafka_scaler.go). Values are resolved the way the extension resolves them
 * (`ResolveSecureSetting`: `%Setting%`, then a value that names an app setting stands for that
 * setting), and a value that lives in a setting is read by KEDA from the worker container
 * (`bootstrapServersFromEnv`, `topicFromEnv`, `consumerGroupFromEnv`), never copied. KEDA needs a
 * consumer group (one scaler that fails to build stops every trigger of the ScaledObject), so
 * the extension's default `$Default` is written out. SASL PLAIN/SCRAM and TLS are mapped
 * (`sasl`, `tls`, credentials through a TriggerAuthentication with `env`); what KEDA cannot take
 * from a binding (GSSAPI, OAUTHBEARER, client certificates) is refused with the way out.
 */
export function kafkaScaler(binding: TriggerBinding, context: KafkaMappingContext): KafkaScaler {
  const metadata: Record<string, string> = {};
  const put = (key: string, source: Source) => {
    if ("setting" in source) metadata[`${key}FromEnv`] = source.setting;
    else metadata[key] = source.literal;
  };
  put("bootstrapServers", source(binding, "brokerList", context, { bareNames: true }));
  put("topic", source(binding, "topic", context, { bareNames: false }));
  put(
    "consumerGroup",
    isSet(binding.consumerGroup) ? source(binding, "consumerGroup", context, { bareNames: false }) : { literal: KAFKA_DEFAULT_CONSUMER_GROUP },
  );
  const lag = binding.lagThreshold;
  metadata.lagThreshold = String(typeof lag === "number" || (typeof lag === "string" && lag !== "") ? lag : KAFKA_DEFAULT_LAG_THRESHOLD);

  const certificates = CERTIFICATE_OPTIONS.filter((option) => isSet(binding[option]));
  if (certificates.length > 0) {
    throw new Error(
      `kafkaTrigger sets ${certificates.join(", ")}: KEDA's kafka scaler needs certificates as PEM content in a TriggerAuthentication (ca, cert, key), ` +
        "which the construct does not build from a binding. Give the ScaledObject's triggers explicitly (props.triggers) with an authenticationRef to a TriggerAuthentication you create",
    );
  }
  const protocolName = lowerOption(binding, "protocol") ?? "notset";
  const protocol = PROTOCOLS[protocolName];
  if (protocol === undefined) {
    throw new Error(`kafkaTrigger protocol ${JSON.stringify(binding.protocol)} is not one of plaintext, ssl, saslPlaintext, saslSsl`);
  }
  if (protocol.tls) metadata.tls = "enable";
  if (!protocol.sasl) return { metadata };

  const modeName = lowerOption(binding, "authenticationMode") ?? "notset";
  if (modeName === "notset") {
    throw new Error(
      `kafkaTrigger protocol ${JSON.stringify(binding.protocol)} uses SASL but authenticationMode is not set (librdkafka would then use GSSAPI): set authenticationMode to plain, scramSha256 or scramSha512`,
    );
  }
  if (!(modeName in SASL_MECHANISMS)) {
    throw new Error(`kafkaTrigger authenticationMode ${JSON.stringify(binding.authenticationMode)} is not one of gssapi, plain, scramSha256, scramSha512, oAuthBearer`);
  }
  const sasl = SASL_MECHANISMS[modeName];
  if (sasl === undefined) {
    throw new Error(
      `kafkaTrigger authenticationMode ${JSON.stringify(binding.authenticationMode)}: KEDA's kafka scaler needs Kerberos files or OAuth endpoints in a TriggerAuthentication, ` +
        "which the construct does not build from a binding. Give the ScaledObject's triggers explicitly (props.triggers) with an authenticationRef to a TriggerAuthentication you create",
    );
  }
  metadata.sasl = sasl;
  return { metadata, authenticationFromEnv: [credential(binding, "username", context), credential(binding, "password", context)] };
}

/** A SASL credential must live in an app setting: KEDA reads it only through a TriggerAuthentication. */
function credential(binding: TriggerBinding, option: "username" | "password", context: KafkaMappingContext) {
  if (!isSet(binding[option])) {
    throw new Error(`kafkaTrigger uses SASL (authenticationMode ${JSON.stringify(binding.authenticationMode)}) but has no ${option}: name the app setting that holds it`);
  }
  const value = source(binding, option, context, { bareNames: true });
  if ("literal" in value) {
    throw new Error(
      `kafkaTrigger ${option} ${JSON.stringify(binding[option])} is a literal, but KEDA reads SASL credentials only from a TriggerAuthentication, ` +
        `which the construct points at the container's settings: put the value in an app setting (settings, or a Secret in existingSettings) ` +
        `and set ${option} to its name or "%Name%"`,
    );
  }
  return { parameter: option, name: value.setting };
}

/**
 * Where a binding value comes from. `%Name%` alone names a setting; a known setting's name
 * stands for it (the extension looks every value up as a setting name); with `bareNames` an
 * unknown identifier does too when existing Secrets/ConfigMaps may hold it (broker lists and
 * credentials are never identifiers; topics and groups often are, so for them it is a literal).
 */
function source(binding: TriggerBinding, option: string, context: KafkaMappingContext, options: { bareNames: boolean }): Source {
  const value = binding[option];
  if (typeof value !== "string" || value === "") throw new Error(`${binding.type} binding has no "${option}"`);
  // A Terraform token stays whole: it is a value, never split or looked up.
  if (Token.isUnresolved(value)) return { literal: value };
  const reference = /^%([^%]+)%$/.exec(value);
  if (reference !== null) {
    const name = reference[1];
    if (name in context.settings || (context.settingsFromExistingObjects && SETTING_NAME.test(name))) return { setting: name };
    return { literal: context.resolve(value) };
  }
  if (value in context.settings) return { setting: value };
  if (options.bareNames && context.settingsFromExistingObjects && SETTING_NAME.test(value)) return { setting: value };
  return { literal: context.resolve(value) };
}

/** A string binding option that is given: the extension treats "" as not set. */
function isSet(value: unknown): boolean {
  return typeof value === "string" && value !== "";
}

function lowerOption(binding: TriggerBinding, option: string): string | undefined {
  const value = binding[option];
  return typeof value === "string" && value !== "" ? value.toLowerCase() : undefined;
}
