import { FunctionMetadata } from "./functions-manifest";
import type { ResolvedProps } from "./resolve";
import { triggerKind } from "./trigger-catalogue";

/** A trigger whose connection the host would not find among the app's settings. */
export interface UnresolvedConnection {
  readonly functionName: string;
  readonly option: string;
  readonly connection: string;
  /** The settings the host would have read, in its order. */
  readonly lookedFor: readonly string[];
}

/**
 * The first trigger whose connection resolves to nothing, the way the host looks it up
 * (`GetWebJobsConnectionSection`): a setting `AzureWebJobs<name>` or `<name>`, as a value
 * or as a section of `<name>__*` settings (identity-based). Undefined when all resolve, or
 * when `existingSettings` are used: their keys are only known in the cluster.
 */
export function unresolvedConnections(p: ResolvedProps): UnresolvedConnection | undefined {
  if (p.existingSettings.length > 0) return undefined;
  const available = new Set(Object.keys(p.settings).map((key) => key.split("__")[0]));
  // A missing storage account, or connections without workload identity, have rules of their own.
  if (p.connectionMode === "workload-identity") available.add("AzureWebJobsStorage");
  for (const connection of Object.keys(p.connections)) available.add(connection);
  const found = (name: string) => available.has(name) || available.has(`AzureWebJobs${name}`);
  for (const fn of p.functions) {
    const missing = connectionOf(fn);
    if (missing !== undefined && !found(missing.connection)) return { functionName: fn.name, ...missing, lookedFor: lookedFor(missing.connection) };
  }
  return undefined;
}

function connectionOf(fn: FunctionMetadata): { option: string; connection: string } | undefined {
  // Unknown kinds are checked by the usual option name, when they set it.
  const known = triggerKind(fn.trigger.type)?.connection;
  const option = known?.option ?? "connection";
  const value = fn.trigger[option];
  if (typeof value === "string" && value.trim() !== "") return { option, connection: value };
  return known?.defaultSetting === undefined ? undefined : { option, connection: known.defaultSetting };
}

function lookedFor(connection: string): string[] {
  const names = connection.startsWith("AzureWebJobs") ? [connection] : [`AzureWebJobs${connection}`, connection];
  return names.flatMap((name) => [name, `${name}__*`]);
}
