import type { ContainerClient } from "@azure/storage-blob";
import { resultBlobName, type JobResult } from "./jobs";

/** `created`: this call wrote the result; `duplicate`: a result for the job id already existed and was kept. */
export type SaveOutcome = "created" | "duplicate";

/** Where job results go, at most once per job id. */
export interface ResultStore {
  /** Writes the result unless one exists for `result.jobId`; never overwrites. */
  saveOnce(result: JobResult): Promise<SaveOutcome>;
}

/**
 * A ResultStore on a blob container: `<jobId>.json`, created with `If-None-Match: *`, so the service itself rejects a
 * second write for the same id (409 BlobAlreadyExists) even when two workers race on duplicate messages.
 */
export function blobResultStore(container: ContainerClient): ResultStore {
  return {
    async saveOnce(result) {
      const body = JSON.stringify(result);
      try {
        await container.getBlockBlobClient(resultBlobName(result.jobId)).upload(body, Buffer.byteLength(body), {
          conditions: { ifNoneMatch: "*" },
          blobHTTPHeaders: { blobContentType: "application/json" },
        });
        return "created";
      } catch (error) {
        if (isAlreadyExists(error)) return "duplicate";
        throw error;
      }
    },
  };
}

/** A 409 from the conditional create. Checked structurally: RestError may come from another copy of core-rest-pipeline. */
function isAlreadyExists(error: unknown): boolean {
  const e = error as { statusCode?: unknown; code?: unknown } | null;
  return typeof e === "object" && e !== null && (e.statusCode === 409 || e.code === "BlobAlreadyExists");
}
