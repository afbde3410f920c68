import { createHash, randomUUID } from "node:crypto";

/** The storage queue that `enqueue` writes to and `worker` is triggered by. */
export const JOBS_QUEUE_NAME = "jobs";
/** Where the host moves messages that failed `maxDequeueCount` times (`<queue>-poison`). */
export const JOBS_POISON_QUEUE_NAME = `${JOBS_QUEUE_NAME}-poison`;
/** The blob container that holds one result blob per job id: the worker's only effect. */
export const JOB_RESULTS_CONTAINER = "job-results";
/** Azure Storage's limit for one queue message, measured on the encoded (base64) text. */
export const MAX_QUEUE_MESSAGE_BYTES = 64 * 1024;
/** Job ids become blob names; this keeps them short and URL-safe. */
export const JOB_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The body the `enqueue` function (`POST /api/jobs`) accepts. */
export interface JobRequest {
  /** Idempotency key. @default a random UUID */
  readonly id?: string;
  /** The text to analyse; must not be empty. */
  readonly text: string;
}

/** A job as it travels on the `jobs` queue. */
export interface Job {
  readonly id: string;
  readonly text: string;
  /** ISO 8601 time the job was accepted. */
  readonly submittedAt: string;
}

/** What the worker writes to `job-results/<id>.json`. */
export interface JobResult {
  readonly jobId: string;
  readonly submittedAt: string;
  readonly processedAt: string;
  /** The queue message's dequeue count when the result was written (1 = first try). */
  readonly attempt: number;
  /** Unicode code points. */
  readonly characters: number;
  readonly words: number;
  readonly lines: number;
  /** SHA-256 of the UTF-8 text, hex. */
  readonly sha256: string;
}

/** A job or job message that breaks the rules; `problems` lists every rule broken. */
export class InvalidJobError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid job: ${problems.join("; ")}`);
    this.name = "InvalidJobError";
  }
}

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

const REQUEST_KEYS = new Set(["id", "text"]);

/** Checks a parsed request body against the JobRequest rules, reporting every problem at once. */
export function validateJobRequest(body: unknown): Validation<JobRequest> {
  if (!isPlainObject(body)) {
    return { ok: false, problems: [`the body must be a JSON object like {"text": "..."}, got ${describe(body)}`] };
  }
  const problems = [
    ...Object.keys(body)
      .filter((k) => !REQUEST_KEYS.has(k))
      .map((k) => `unknown property "${k}" (allowed: ${[...REQUEST_KEYS].join(", ")})`),
    ...checkText(body.text),
    ...(body.id === undefined ? [] : checkId(body.id)),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: body.id === undefined ? { text: body.text as string } : { id: body.id as string, text: body.text as string } };
}

/** Turns an accepted request into a job: the id is kept when given, else generated. */
export function createJob(request: JobRequest, now: Date = new Date(), newId: () => string = randomUUID): Job {
  return { id: request.id ?? newId(), text: request.text, submittedAt: now.toISOString() };
}

/**
 * The queue message text for a job: base64 of its JSON, because the host's queue trigger decodes base64 by default
 * (host.json `extensions.queues.messageEncoding`: "base64"), as the queue output binding encodes.
 */
export function encodeJobMessage(job: Job): string {
  return Buffer.from(JSON.stringify(job), "utf8").toString("base64");
}

/**
 * Reads a job from a queue trigger's input. The host hands the decoded message to the Node.js worker, which passes
 * JSON as a parsed value and anything else as a string (or a Buffer for binary data).
 *
 * @throws InvalidJobError when the message is not a valid job.
 */
export function parseJobMessage(message: unknown): Job {
  let value = message;
  if (Buffer.isBuffer(value)) value = value.toString("utf8");
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      throw new InvalidJobError([`the message is not JSON: ${JSON.stringify(truncate(value as string, 80))}`]);
    }
  }
  if (!isPlainObject(value)) {
    throw new InvalidJobError([`the message must be a JSON object, got ${describe(value)}`]);
  }
  const problems = [
    ...(value.id === undefined ? ["id is required (the producer assigns it; it is the idempotency key)"] : checkId(value.id)),
    ...checkText(value.text),
    ...(typeof value.submittedAt === "string" && !Number.isNaN(Date.parse(value.submittedAt))
      ? []
      : [`submittedAt must be an ISO 8601 date string, got ${describe(value.submittedAt)}`]),
  ];
  if (problems.length > 0) throw new InvalidJobError(problems);
  return { id: value.id as string, text: value.text as string, submittedAt: value.submittedAt as string };
}

/** The job's computation: pure and deterministic for a given job, time and attempt. */
export function runJob(job: Job, processedAt: Date, attempt: number): JobResult {
  const trimmed = job.text.trim();
  return {
    jobId: job.id,
    submittedAt: job.submittedAt,
    processedAt: processedAt.toISOString(),
    attempt,
    characters: [...job.text].length,
    words: trimmed === "" ? 0 : trimmed.split(/\s+/u).length,
    lines: job.text === "" ? 0 : job.text.split(/\r\n|\r|\n/).length,
    sha256: createHash("sha256").update(job.text, "utf8").digest("hex"),
  };
}

/** The blob name of a job's result. */
export function resultBlobName(jobId: string): string {
  return `${jobId}.json`;
}

function checkText(text: unknown): string[] {
  if (typeof text !== "string") return [`text is required and must be a string, got ${describe(text)}`];
  if (text.length === 0) return ["text must not be empty"];
  return [];
}

function checkId(id: unknown): string[] {
  if (typeof id !== "string" || !JOB_ID_PATTERN.test(id)) {
    return [`id must be 1-64 characters of letters, digits, ".", "_" or "-", starting with a letter or digit; got ${describe(id)}`];
  }
  return [];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(truncate(value, 40));
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
