import { Fn } from "cdktf";
import { asTerraformString, isToken } from "../core/tokens";
import type { TriggerBinding } from "./functions-manifest";
import type { ScaledObjectTrigger, TriggerMappingContext } from "./keda-triggers";

// Helpers the trigger catalogue's scaler mappings share: how the host names and reads a
// connection, and how KEDA must be told about it.

/** An empty or missing connection means the host's default setting. */
export function connectionName(value: unknown, fallback: string): string {
  return typeof value === "string" && value.trim() !== "" ? value : fallback;
}

/** A required binding option, with `%Setting%` resolved; throws naming the option when it is missing. */
export function bindingOption(binding: TriggerBinding, option: string, context: TriggerMappingContext): string {
  const value = binding[option];
  if (typeof value !== "string" || value === "") {
    throw new Error(`${binding.type} binding has no "${option}"`);
  }
  return resolveSettingExpression(value, context.settings);
}

/** Resolves `%Setting%` references the way the Functions host does. */
export function resolveSettingExpression(value: string, settings: Readonly<Record<string, string>>): string {
  return value.replace(/%([^%]+)%/g, (_match, name: string) => {
    const resolvedValue = settings[name];
    if (resolvedValue === undefined) {
      throw new Error(`"${value}" refers to app setting "${name}", which is not set: add it to the app's settings`);
    }
    return resolvedValue;
  });
}

/** The storage services a trigger's connection can point at. */
export type StorageService = "queue" | "blob";

/**
 * KEDA cannot read Functions' `<conn>__accountName` style settings: identity-based
 * connections become `accountName` + an azure-workload TriggerAuthentication, and
 * connection strings become `connectionFromEnv`.
 */
export function storageConnection(
  connection: string,
  service: StorageService,
  metadata: Record<string, string>,
  context: TriggerMappingContext,
): Pick<ScaledObjectTrigger, "metadata" | "authenticationRef"> {
  const accountName = storageAccountOf(connection, service, context);
  if (accountName !== undefined) {
    return { metadata: { ...metadata, accountName }, authenticationRef: workloadAuth(connection, context) };
  }
  return { metadata: { ...metadata, connectionFromEnv: connection } };
}

/** The account of an identity-based storage connection (`__accountName` or `__<service>ServiceUri`). */
export function storageAccountOf(connection: string, service: StorageService, context: TriggerMappingContext): string | undefined {
  const accountName = context.settings[`${connection}__accountName`];
  if (accountName !== undefined) return accountName;
  const uri = context.settings[`${connection}__${service}ServiceUri`];
  return uri === undefined ? undefined : hostLabel(uri);
}

/** The namespace of an identity-based Service Bus / Event Hubs connection. */
export function namespaceOf(connection: string, context: TriggerMappingContext): string | undefined {
  const fqdn = context.settings[`${connection}__fullyQualifiedNamespace`];
  return fqdn === undefined ? undefined : hostLabel(fqdn);
}

/** The first DNS label of a URL or FQDN, with an optional scheme (the same regex in JS and Terraform). */
const HOST_LABEL = "^([a-zA-Z][a-zA-Z0-9+.-]*://)?([^./]+).*$";

/**
 * `https://acct.queue.core.windows.net/` or `ns.servicebus.windows.net` → `acct` / `ns`. A
 * value built from a Terraform reference (`${ns.name}.servicebus.windows.net`) is cut by
 * Terraform's `replace` at apply time: splitting its placeholder here would break the token.
 */
function hostLabel(value: string): string {
  if (isToken(value)) return Fn.replace(asTerraformString(value), `/${HOST_LABEL}/`, "$2");
  return value.replace(new RegExp(HOST_LABEL), "$2");
}

export function workloadAuth(connection: string, context: TriggerMappingContext): { name: string } {
  if (context.authenticationRef === undefined) {
    throw new Error(`connection "${connection}" is identity-based but no TriggerAuthentication is configured`);
  }
  return { name: context.authenticationRef };
}
