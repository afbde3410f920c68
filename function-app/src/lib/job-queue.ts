import type { QueueClient } from "@azure/storage-queue";
import { encodeJobMessage, type Job } from "./jobs";

/** Where accepted jobs go. */
export interface JobQueue {
  /** Enqueues the job; resolves with the queue message id. */
  send(job: Job): Promise<string>;
}

/** A JobQueue on an Azure Storage queue, writing the encoding the worker's queue trigger expects. */
export function storageJobQueue(queue: QueueClient): JobQueue {
  return {
    async send(job) {
      const response = await queue.sendMessage(encodeJobMessage(job));
      return response.messageId;
    },
  };
}
