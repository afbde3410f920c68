import { patternCheck } from "../core/pattern-check";
import { isToken } from "../core/tokens";
import type { Violation } from "../core/validation";

// The input checks KedaTrigger's factories share. Each returns the violation or undefined; a
// Terraform token passes every check: its value is known only at apply.

/** Environment variable names KEDA can read from the container. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Azure Storage queue and blob container names: one grammar. */
const STORAGE_CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;
const STORAGE_CONTAINER_RULE = "must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit";

/** A storage queue's name. */
export const checkQueueName = patternCheck({ pattern: STORAGE_CONTAINER_NAME, rule: STORAGE_CONTAINER_RULE, fix: 'use a name such as "jobs"' });

/** A blob container's name. */
export const checkBlobContainerName = patternCheck({ pattern: STORAGE_CONTAINER_NAME, rule: STORAGE_CONTAINER_RULE, fix: 'use a name such as "incoming"' });

/** A storage account's name (core's checkStorageAccountName states the same grammar; this message names the trigger's example). */
const checkAccountName = patternCheck({
  pattern: /^[a-z0-9]{3,24}$/,
  rule: "must be 3-24 lowercase letters and digits (a storage account name)",
  fix: 'use a name such as "stordersdata"',
});

/** The name of an app setting KEDA reads from the container's environment. */
const checkSettingName = patternCheck({
  pattern: ENV_NAME,
  rule: "must name an app setting KEDA can read from the container: letters, digits and '_', not starting with a digit",
  fix: 'use the setting\'s name, e.g. "RabbitMqConnection"',
});

/** The Prometheus server KEDA queries: an http(s) URL with a host (whatever follows is the server's path). */
export const checkServerAddress = patternCheck({
  pattern: /^https?:\/\/[^\s/]+[\s\S]*$/,
  rule: "must be an http(s) URL",
  fix: 'write it like "http://prometheus.monitoring:9090"',
});

/** A KEDA scaler type, as `KedaTrigger.custom` takes it. */
export const checkScalerType = patternCheck({
  pattern: /^[a-z][a-z0-9-]*$/,
  rule: "must be a KEDA scaler type: lowercase letters, digits and '-'",
  fix: 'use the scaler\'s name from keda.sh, e.g. "prometheus"',
});

/** `host:port` of a Kafka broker (an IPv6 host in brackets). */
const BROKER = /^(\[[0-9A-Fa-f:.]+\]|[^\s:,[\]]+):\d{1,5}$/;

/** An optional storage account name (an unset one is `exactlyOne`'s business). */
export function storageAccount(property: string, value: string | undefined): Violation | undefined {
  return value === undefined ? undefined : checkAccountName(property, value);
}

export function wholeNumber(property: string, value: number | undefined, max?: number): Violation | undefined {
  if (value === undefined || isToken(value)) return undefined;
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && (max === undefined || value <= max)) return undefined;
  return {
    property,
    value,
    rule: max === undefined ? "must be a whole number >= 1" : `must be a whole number from 1 to ${max}`,
    fix: max === undefined ? "use 1 or more" : `use a whole number from 1 to ${max}`,
  };
}

/** A number > 0, fractions allowed (KEDA parses it as a float). */
export function positive(property: string, value: number | undefined, fix: string): Violation | undefined {
  if (value === undefined || isToken(value) || (typeof value === "number" && Number.isFinite(value) && value > 0)) return undefined;
  return { property, value, rule: "must be a number > 0", fix };
}

export function exactlyOne(a: string, aValue: unknown, b: string, bValue: unknown): Violation | undefined {
  if ((aValue === undefined) !== (bValue === undefined)) return undefined;
  const both = aValue !== undefined;
  return {
    property: both ? b : a,
    value: both ? bValue : undefined,
    rule: both ? `must not be set together with ${a}` : `or ${b} is required`,
    fix: `set exactly one of ${a} and ${b}`,
  };
}

export function atMostOne(a: string, aValue: unknown, b: string, bValue: unknown): Violation | undefined {
  return aValue !== undefined && bValue !== undefined ? exactlyOne(a, aValue, b, bValue) : undefined;
}

/** A string KEDA requires: set and not blank. */
export function notEmpty(property: string, value: string | undefined, fix: string): Violation | undefined {
  if (value === undefined || isToken(value) || (typeof value === "string" && value.trim() !== "")) return undefined;
  return { property, value, rule: "must not be empty", fix };
}

/** An optional `...FromEnv` value: the name of an app setting KEDA reads from the worker container. */
export function settingName(property: string, value: string | undefined): Violation | undefined {
  return value === undefined ? undefined : checkSettingName(property, value);
}

/** A closed choice, checked at run time for callers without the TypeScript types. */
export function oneOf(property: string, value: string | undefined, choices: readonly string[]): Violation | undefined {
  if (value === undefined || isToken(value) || choices.includes(value)) return undefined;
  return { property, value, rule: `must be one of ${choices.join(", ")}`, fix: `use one of ${choices.map((c) => JSON.stringify(c)).join(", ")}` };
}

/** Kafka brokers, literal ones as `host:port`; the first bad one is reported with its index. */
export function brokers(property: string, value: string | readonly string[] | undefined): Violation | undefined {
  if (value === undefined || isToken(value)) return undefined;
  const list = typeof value === "string" ? value.split(",") : value;
  const index = list.findIndex((broker) => !isToken(broker) && !(typeof broker === "string" && BROKER.test(broker.trim())));
  if (list.length > 0 && index < 0) return undefined;
  return {
    property: typeof value === "string" || index < 0 ? property : `${property}[${index}]`,
    value: typeof value === "string" || index < 0 ? value : list[index],
    rule: "must list brokers as host:port",
    fix: 'write it like ["kafka-0.kafka:9092", "kafka-1.kafka:9092"]',
  };
}
