import { app, type HttpHandler, type HttpResponseInit } from "@azure/functions";
import { isJsonContentType } from "../lib/content-type";
import { storageJobQueue, type JobQueue } from "../lib/job-queue";
import { createJob, encodeJobMessage, JOBS_QUEUE_NAME, MAX_QUEUE_MESSAGE_BYTES, validateJobRequest } from "../lib/jobs";
import { openQueue, storageClientsFromSettings } from "../lib/storage-clients";
import { StorageSettingsError } from "../lib/storage-settings";

/** What the enqueue handler needs from the outside world; tests pass their own. */
export interface EnqueueDependencies {
  /** The queue to send accepted jobs to. Called per request, after validation. */
  readonly jobQueue: () => Promise<JobQueue>;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /** Generates an id when the request has none. @default crypto.randomUUID */
  readonly newId?: () => string;
}

/**
 * `POST /api/jobs` with a JSON body `{"text": "...", "id"?: "..."}`: validates it, assigns an id when missing and
 * sends the job to the `jobs` queue. Answers 202 `{"id", "status": "queued"}`; 400 with every problem for an invalid
 * body; 413 when the job cannot fit in a queue message; 415 for a non-JSON content type; 500/503 when storage is
 * misconfigured/unavailable (details are logged, not returned).
 */
export function createEnqueueHandler(deps: EnqueueDependencies): HttpHandler {
  const now = deps.now ?? (() => new Date());
  return async (request, context) => {
    const contentType = request.headers.get("content-type");
    if (contentType !== null && !isJsonContentType(contentType)) {
      return problem(415, `Content-Type must be application/json, got "${contentType}".`);
    }
    const raw = await request.text();
    if (Buffer.byteLength(raw, "utf8") > MAX_QUEUE_MESSAGE_BYTES) {
      return problem(413, `The body is larger than a queue message can hold (${MAX_QUEUE_MESSAGE_BYTES} bytes).`);
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return problem(400, 'The body is not valid JSON; send {"text": "..."}.');
    }
    const validation = validateJobRequest(body);
    if (!validation.ok) return problem(400, "The job is invalid.", validation.problems);

    const job = createJob(validation.value, now(), deps.newId);
    const encodedBytes = encodeJobMessage(job).length;
    if (encodedBytes > MAX_QUEUE_MESSAGE_BYTES) {
      return problem(413, "The job is too large.", [`encoded it takes ${encodedBytes} bytes; a queue message holds at most ${MAX_QUEUE_MESSAGE_BYTES}`]);
    }

    try {
      const messageId = await (await deps.jobQueue()).send(job);
      context.log(`Queued job ${job.id} as message ${messageId} on "${JOBS_QUEUE_NAME}".`);
    } catch (error) {
      if (error instanceof StorageSettingsError) {
        context.error(`Cannot queue job ${job.id}: ${error.message}`);
        return problem(500, "The function app's storage connection is not configured; see the function logs.");
      }
      context.error(`Cannot queue job ${job.id} on "${JOBS_QUEUE_NAME}":`, error);
      return { ...problem(503, "The job could not be queued; retry later with the same id."), headers: { "Retry-After": "5" } };
    }
    return { status: 202, jsonBody: { id: job.id, status: "queued" } };
  };
}

function problem(status: number, error: string, problems?: readonly string[]): HttpResponseInit {
  return { status, jsonBody: problems === undefined ? { error } : { error, problems } };
}

/** The production handler: the `jobs` queue of the `AzureWebJobsStorage` connection, resolved on first use. */
export const enqueue = createEnqueueHandler({
  jobQueue: async () => storageJobQueue(await openQueue(storageClientsFromSettings(), JOBS_QUEUE_NAME)),
});

app.http("enqueue", {
  methods: ["POST"],
  authLevel: "function",
  route: "jobs",
  handler: enqueue,
});
