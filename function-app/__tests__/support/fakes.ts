import type { JobQueue } from "../../src/lib/job-queue";
import type { Job, JobResult } from "../../src/lib/jobs";
import type { ResultStore } from "../../src/lib/result-store";

/** An in-memory JobQueue that records what was sent. */
export function memoryJobQueue(): JobQueue & { readonly sent: Job[] } {
  const sent: Job[] = [];
  return {
    sent,
    async send(job) {
      sent.push(job);
      return `message-${sent.length}`;
    },
  };
}

/** An in-memory ResultStore with the blob store's create-if-absent semantics. */
export function memoryResultStore(): ResultStore & { readonly results: Map<string, JobResult> } {
  const results = new Map<string, JobResult>();
  return {
    results,
    async saveOnce(result) {
      if (results.has(result.jobId)) return "duplicate";
      results.set(result.jobId, result);
      return "created";
    },
  };
}
