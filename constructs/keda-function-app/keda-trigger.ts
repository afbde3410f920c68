import { isToken, numberString } from "../core/tokens";
import type { Violation } from "../core/validation";
import type { ScaledObjectTrigger } from "./keda-triggers";

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
    const metadata: Record<string, string> = { queueName: options.queueName };
    if (options.queueLength !== undefined) metadata.queueLength = numberString(options.queueLength);
    const identity = options.accountName !== undefined;
    if (identity) metadata.accountName = options.accountName!;
    if (options.connectionFromEnv !== undefined) metadata.connectionFromEnv = options.connectionFromEnv;
    return new KedaTrigger("azure-queue", metadata, { name: options.name, workloadIdentity: identity }, [
      () => azureName("queueName", options.queueName, QUEUE_NAME, "3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit", "jobs"),
      () => wholeNumber("queueLength", options.queueLength),
      () => exactlyOne("accountName", options.accountName, "connectionFromEnv", options.connectionFromEnv),
    ]);
  }

  /** KEDA's `azure-servicebus` scaler on a queue, or on a topic subscription. */
  static serviceBus(options: ServiceBusTriggerOptions): KedaTrigger {
    const metadata: Record<string, string> = {};
    if (options.queueName !== undefined) metadata.queueName = options.queueName;
    if (options.topicName !== undefined) metadata.topicName = options.topicName;
    if (options.subscriptionName !== undefined) metadata.subscriptionName = options.subscriptionName;
    if (options.messageCount !== undefined) metadata.messageCount = numberString(options.messageCount);
    const identity = options.namespace !== undefined;
    if (identity) metadata.namespace = options.namespace!;
    if (options.connectionFromEnv !== undefined) metadata.connectionFromEnv = options.connectionFromEnv;
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
        () =>
          isToken(options.serverAddress) || /^https?:\/\/[^\s/]+/.test(options.serverAddress)
            ? undefined
            : { property: "serverAddress", value: options.serverAddress, rule: "must be an http(s) URL", fix: 'write it like "http://prometheus.monitoring:9090"' },
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
        () =>
          isToken(type) || /^[a-z][a-z0-9-]*$/.test(type)
            ? undefined
            : { property: "type", value: type, rule: "must be a KEDA scaler type: lowercase letters, digits and '-'", fix: 'use the scaler\'s name from keda.sh, e.g. "prometheus"' },
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

/** Environment variable names KEDA can read from the container. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Azure Storage queue names. */
const QUEUE_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

function azureName(property: string, value: string, pattern: RegExp, shape: string, example: string): Violation | undefined {
  if (isToken(value) || (typeof value === "string" && pattern.test(value))) return undefined;
  return { property, value, rule: `must be ${shape}`, fix: `use a name such as "${example}"` };
}

function wholeNumber(property: string, value: number | undefined, max?: number): Violation | undefined {
  if (value === undefined || isToken(value)) return undefined;
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && (max === undefined || value <= max)) return undefined;
  return {
    property,
    value,
    rule: max === undefined ? "must be a whole number >= 1" : `must be a whole number from 1 to ${max}`,
    fix: max === undefined ? "use 1 or more" : `use a whole number from 1 to ${max}`,
  };
}

function exactlyOne(a: string, aValue: unknown, b: string, bValue: unknown): Violation | undefined {
  if ((aValue === undefined) !== (bValue === undefined)) return undefined;
  const both = aValue !== undefined;
  return {
    property: both ? b : a,
    value: both ? bValue : undefined,
    rule: both ? `must not be set together with ${a}` : `or ${b} is required`,
    fix: `set exactly one of ${a} and ${b}`,
  };
}
