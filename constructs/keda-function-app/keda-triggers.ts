import { TriggerBinding } from "./functions-manifest";

/** A trigger of a KEDA ScaledObject (`spec.triggers[]`). */
export interface KedaTrigger {
  readonly type: string;
  readonly name?: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly authenticationRef?: { readonly name: string };
}

/** What the mapping needs to know besides the binding itself. */
export interface TriggerMappingContext {
  /** The app settings (environment) the pods get: resolves `%Name%` and connection names. */
  readonly settings: Readonly<Record<string, string>>;
  /** Parsed host.json of the app: thresholds come from its `extensions`. */
  readonly hostJson: HostJson;
  /** TriggerAuthentication for identity-based connections. */
  readonly authenticationRef?: string;
}

export interface HostJson {
  readonly functionTimeout?: string;
  readonly extensions?: {
    readonly queues?: { readonly batchSize?: number; readonly newBatchThreshold?: number };
    readonly [extension: string]: unknown;
  };
  readonly [key: string]: unknown;
}

/** The result of mapping one binding: a scaler, or the reason there is none. */
export type TriggerMapping =
  | { readonly kind: "scaler"; readonly trigger: KedaTrigger }
  | { readonly kind: "unscalable"; readonly reason: string };

/** Functions host default for `extensions.queues.batchSize`. */
const DEFAULT_QUEUE_BATCH_SIZE = 16;

/** Maps a Functions trigger binding to the KEDA scaler that measures its backlog. */
export function mapTrigger(binding: TriggerBinding, context: TriggerMappingContext): TriggerMapping {
  switch (binding.type.toLowerCase()) {
    case "queuetrigger":
      return { kind: "scaler", trigger: storageQueueTrigger(binding, context) };
    default:
      return {
        kind: "unscalable",
        reason: `trigger type "${binding.type}" has no KEDA scaler mapping`,
      };
  }
}

function storageQueueTrigger(binding: TriggerBinding, context: TriggerMappingContext): KedaTrigger {
  const queueName = resolveSettingExpression(requiredString(binding, "queueName"), context.settings);
  const connection = connectionName(binding.connection, "AzureWebJobsStorage");
  const queues = context.hostJson.extensions?.queues;
  // One replica takes batchSize messages at a time: that is its fair share of the backlog.
  const queueLength = queues?.batchSize ?? DEFAULT_QUEUE_BATCH_SIZE;
  const metadata: Record<string, string> = { queueName, queueLength: String(queueLength) };
  return { type: "azure-queue", name: `queue-${queueName}`, ...storageConnection(connection, metadata, context) };
}

/**
 * KEDA cannot read Functions' `<conn>__accountName` style settings: identity-based
 * connections become `accountName` + an azure-workload TriggerAuthentication, and
 * connection strings become `connectionFromEnv`.
 */
function storageConnection(
  connection: string,
  metadata: Record<string, string>,
  context: TriggerMappingContext,
): Pick<KedaTrigger, "metadata" | "authenticationRef"> {
  const accountName = context.settings[`${connection}__accountName`];
  if (accountName !== undefined) {
    if (context.authenticationRef === undefined) {
      throw new Error(`connection "${connection}" is identity-based but no TriggerAuthentication is configured`);
    }
    return { metadata: { ...metadata, accountName }, authenticationRef: { name: context.authenticationRef } };
  }
  return { metadata: { ...metadata, connectionFromEnv: connection } };
}

/** An empty or missing `connection` means the host's default setting. */
function connectionName(value: unknown, fallback: string): string {
  return typeof value === "string" && value.trim() !== "" ? value : fallback;
}

function requiredString(binding: TriggerBinding, option: string): string {
  const value = binding[option];
  if (typeof value !== "string" || value === "") {
    throw new Error(`${binding.type} binding has no "${option}"`);
  }
  return value;
}

/** Resolves `%Setting%` references the way the Functions host does. */
export function resolveSettingExpression(value: string, settings: Readonly<Record<string, string>>): string {
  return value.replace(/%([^%]+)%/g, (_match, name: string) => {
    const resolved = settings[name];
    if (resolved === undefined) {
      throw new Error(`"${value}" refers to app setting "${name}", which is not set`);
    }
    return resolved;
  });
}
