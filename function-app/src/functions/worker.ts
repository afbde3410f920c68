import { app, type InvocationContext, type StorageQueueHandler } from "@azure/functions";
import { InvalidJobError, JOB_RESULTS_CONTAINER, JOBS_QUEUE_NAME, parseJobMessage, runJob } from "../lib/jobs";
import { blobResultStore, type ResultStore } from "../lib/result-store";
import { openContainer, storageClientsFromSettings } from "../lib/storage-clients";
import { STORAGE_CONNECTION_SETTING } from "../lib/storage-settings";

/** What the worker handler needs from the outside world; tests pass their own. */
export interface WorkerDependencies {
  /** Where results go. Called per message, after the message is validated. */
  readonly resultStore: () => Promise<ResultStore>;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

/**
 * Processes one `jobs` message. Idempotent: the only effect is the result blob `job-results/<id>.json`, created only if
 * absent, so a redelivered or duplicated message (queues deliver at least once) changes nothing.
 *
 * Throws on an invalid message or a storage failure. The host then makes the message visible again after
 * host.json's `visibilityTimeout`, and after `maxDequeueCount` failed attempts moves it to `jobs-poison`.
 */
export function createWorkerHandler(deps: WorkerDependencies): StorageQueueHandler<unknown> {
  const now = deps.now ?? (() => new Date());
  return async (message: unknown, context: InvocationContext): Promise<void> => {
    const attempt = dequeueCountOf(context);
    const messageId = String(context.triggerMetadata?.id ?? "unknown");
    let job;
    try {
      job = parseJobMessage(message);
    } catch (error) {
      if (error instanceof InvalidJobError) {
        context.error(`Rejected message ${messageId} (attempt ${attempt}): ${error.message}`);
      }
      throw error;
    }
    const outcome = await (await deps.resultStore()).saveOnce(runJob(job, now(), attempt));
    if (outcome === "created") {
      context.log(`Processed job ${job.id} from message ${messageId} (attempt ${attempt}).`);
    } else {
      context.warn(`Job ${job.id} already has a result; message ${messageId} (attempt ${attempt}) is a duplicate and changed nothing.`);
    }
  };
}

/** The message's dequeue count from the trigger metadata (1 on the first delivery). */
function dequeueCountOf(context: InvocationContext): number {
  const count = Number(context.triggerMetadata?.dequeueCount);
  return Number.isInteger(count) && count > 0 ? count : 1;
}

/** The production handler: results in the `job-results` container of the `AzureWebJobsStorage` connection. */
export const worker = createWorkerHandler({
  resultStore: async () => blobResultStore(await openContainer(storageClientsFromSettings(), JOB_RESULTS_CONTAINER)),
});

app.storageQueue("worker", {
  queueName: JOBS_QUEUE_NAME,
  connection: STORAGE_CONNECTION_SETTING,
  handler: worker,
});
