import { FunctionMetadata } from "./functions-manifest";
import { triggerKind } from "./trigger-catalogue";
import { connectionName, resolveSettingExpression } from "./trigger-connections";

/** The queues of `AzureWebJobsStorage` the app's queue triggers listen on, and those that could not be named. */
export interface StorageQueueNames {
  /** Each queue and the poison queue the host moves failed messages to, sorted, without duplicates. */
  readonly queues: readonly string[];
  /** Functions whose `queueName` refers to an app setting that is not set: why each was skipped. */
  readonly unresolved: ReadonlyArray<{ readonly functionName: string; readonly reason: string }>;
}

/**
 * The queues to create in the `AzureWebJobsStorage` account for the app's triggers (the
 * catalogue's `queues`), with `%Setting%` resolved the way the host resolves it. Triggers on
 * another connection use another account and are left out.
 */
export function storageQueueNames(functions: readonly FunctionMetadata[], settings: Readonly<Record<string, string>>): StorageQueueNames {
  const queues = new Set<string>();
  const unresolved: Array<{ functionName: string; reason: string }> = [];
  for (const fn of functions) {
    const kind = triggerKind(fn.trigger.type);
    if (kind === undefined || kind.connection === undefined) continue;
    if (connectionName(fn.trigger[kind.connection.option], kind.connection.defaultSetting ?? "") !== "AzureWebJobsStorage") continue;
    try {
      for (const queue of kind.queues(fn.trigger)) queues.add(resolveSettingExpression(queue, settings));
    } catch (error) {
      unresolved.push({ functionName: fn.name, reason: (error as Error).message });
    }
  }
  return { queues: [...queues].sort(), unresolved };
}
