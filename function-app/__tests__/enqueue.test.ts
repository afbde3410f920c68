import "./support/functions-test-mode";
import { HttpRequest } from "@azure/functions";
import { createEnqueueHandler, enqueue } from "../src/functions/enqueue";
import { MAX_QUEUE_MESSAGE_BYTES } from "../src/lib/jobs";
import { StorageSettingsError } from "../src/lib/storage-settings";
import { testContext } from "./support/context";
import { memoryJobQueue } from "./support/fakes";

const NOW = new Date("2025-01-02T03:04:05Z");

function post(body: string, headers: Record<string, string> = { "content-type": "application/json" }): HttpRequest {
  return new HttpRequest({ method: "POST", url: "http://localhost:7071/api/jobs", body: { string: body }, headers });
}

function handlerWith(queue = memoryJobQueue()) {
  return { queue, handler: createEnqueueHandler({ jobQueue: async () => queue, now: () => NOW, newId: () => "generated-id" }) };
}

test("queues a valid job with its own id and answers 202", async () => {
  const { queue, handler } = handlerWith();
  const { context, logs } = testContext({ functionName: "enqueue" });
  const response = await handler(post('{"id":"job-42","text":"hello"}'), context);
  expect(response).toEqual({ status: 202, jsonBody: { id: "job-42", status: "queued" } });
  expect(queue.sent).toEqual([{ id: "job-42", text: "hello", submittedAt: "2025-01-02T03:04:05.000Z" }]);
  expect(logs).toEqual([{ level: "information", message: 'Queued job job-42 as message message-1 on "jobs".' }]);
});

test("generates an id when the body has none", async () => {
  const { queue, handler } = handlerWith();
  const response = await handler(post('{"text":"hello"}'), testContext().context);
  expect(response).toEqual({ status: 202, jsonBody: { id: "generated-id", status: "queued" } });
  expect(queue.sent.map((j) => j.id)).toEqual(["generated-id"]);
});

test.each([
  ["invalid JSON", post("{text:"), { status: 400, jsonBody: { error: 'The body is not valid JSON; send {"text": "..."}.' } }],
  ["an empty body", post(""), { status: 400, jsonBody: { error: 'The body is not valid JSON; send {"text": "..."}.' } }],
  [
    "a job without text and with a bad id",
    post('{"id":"no spaces please"}'),
    {
      status: 400,
      jsonBody: {
        error: "The job is invalid.",
        problems: [
          "text is required and must be a string, got nothing",
          'id must be 1-64 characters of letters, digits, ".", "_" or "-", starting with a letter or digit; got "no spaces please"',
        ],
      },
    },
  ],
  ["a form post", post("text=hello", { "content-type": "application/x-www-form-urlencoded" }), { status: 415, jsonBody: { error: 'Content-Type must be application/json, got "application/x-www-form-urlencoded".' } }],
  [
    "a body larger than a queue message",
    post(JSON.stringify({ text: "x".repeat(MAX_QUEUE_MESSAGE_BYTES) })),
    { status: 413, jsonBody: { error: `The body is larger than a queue message can hold (${MAX_QUEUE_MESSAGE_BYTES} bytes).` } },
  ],
])("rejects %s without queueing anything", async (_, request, expected) => {
  const { queue, handler } = handlerWith();
  expect(await handler(request, testContext().context)).toEqual(expected);
  expect(queue.sent).toEqual([]);
});

test("rejects a job that fits the body limit but not a queue message once encoded", async () => {
  const { queue, handler } = handlerWith();
  const response = await handler(post(JSON.stringify({ text: "x".repeat(50_000) })), testContext().context);
  expect(response).toEqual({
    status: 413,
    jsonBody: { error: "The job is too large.", problems: [expect.stringMatching(/^encoded it takes \d+ bytes; a queue message holds at most 65536$/)] },
  });
  expect(queue.sent).toEqual([]);
});

test("answers 503 with Retry-After when the queue is unavailable, and logs why", async () => {
  const handler = createEnqueueHandler({
    jobQueue: async () => ({
      send: async () => {
        throw new Error("connect ECONNREFUSED");
      },
    }),
    newId: () => "job-1",
  });
  const { context, logs } = testContext();
  expect(await handler(post('{"text":"hi"}'), context)).toEqual({
    status: 503,
    jsonBody: { error: "The job could not be queued; retry later with the same id." },
    headers: { "Retry-After": "5" },
  });
  expect(logs).toEqual([{ level: "error", message: expect.stringContaining('Cannot queue job job-1 on "jobs": Error: connect ECONNREFUSED') }]);
});

test("answers 500 when storage is not configured, keeping the details in the log", async () => {
  const handler = createEnqueueHandler({
    jobQueue: async () => {
      throw new StorageSettingsError("No storage connection configured for \"AzureWebJobsStorage\".");
    },
    newId: () => "job-1",
  });
  const { context, logs } = testContext();
  expect(await handler(post('{"text":"hi"}'), context)).toEqual({
    status: 500,
    jsonBody: { error: "The function app's storage connection is not configured; see the function logs." },
  });
  expect(logs).toEqual([{ level: "error", message: 'Cannot queue job job-1: No storage connection configured for "AzureWebJobsStorage".' }]);
});

describe("the registered handler", () => {
  const isStorageSetting = (key: string): boolean => key.toLowerCase().startsWith("azurewebjobsstorage");
  const saved = Object.entries(process.env).filter(([key]) => isStorageSetting(key));
  afterEach(() => {
    for (const [key, value] of saved) process.env[key] = value;
  });

  test("reads AzureWebJobsStorage* from the environment and explains what is missing", async () => {
    for (const [key] of saved) delete process.env[key];
    const { context, logs } = testContext();
    expect(await enqueue(post('{"text":"hi"}'), context)).toMatchObject({ status: 500 });
    expect(logs[0]?.message).toMatch(/No storage connection configured for "AzureWebJobsStorage"\. Set AzureWebJobsStorage to a storage account connection string, or use an identity-based connection/);
  });
});
