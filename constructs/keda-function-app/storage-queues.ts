import { FunctionMetadata } from "./functions-manifest";
import { resolveSettingExpression } from "./keda-triggers";

/** The queues of `AzureWebJobsStorage` the app's queue triggers listen on, and those that could not be named. */
export interface StorageQueueNames {
  /** Each queue and the poison queue the host moves failed messages to, sorted, without duplicates. */
  readonly queues: readonly string[];
  /** Functions whose `queueName` refers to an app setting that is not set: why each was skipped. */
  readonly unresolved: ReadonlyArray<{ readonly functionName: string; readonly reason: string }>;
}

/**
 * The queues to create in the `AzureWebJobsStorage` account for the app's queue triggers,
 * with `%Setting%` resolved the way the host resolves it. Triggers on another connection
 * use another account and are left out.
 */
export function storageQueueNames(functions: readonly FunctionMetadata[], settings: Readonly<Record<string, string>>): StorageQueueNames {
  const queues = new Set<string>();
  const unresolved: Array<{ functionName: string; reason: string }> = [];
  for (const fn of functions) {
    const { type, queueName, connection } = fn.trigger;
    if (type.toLowerCase() !== "queuetrigger" || typeof queueName !== "string") continue;
    if (typeof connection === "string" && connection.trim() !== "" && connection !== "AzureWebJobsStorage") continue;
    try {
      const name = resolveSettingExpression(queueName, settings);
      queues.add(name).add(`${name}-poison`);
    } catch (error) {
      unresolved.push({ functionName: fn.name, reason: (error as Error).message });
    }
  }
  return { queues: [...queues].sort(), unresolved };
}
