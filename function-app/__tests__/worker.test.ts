import "./support/functions-test-mode";
import { createWorkerHandler } from "../src/functions/worker";
import { encodeJobMessage, InvalidJobError, type Job } from "../src/lib/jobs";
import { testContext } from "./support/context";
import { memoryResultStore } from "./support/fakes";

const JOB: Job = { id: "job-7", text: "to be or not to be", submittedAt: "2025-01-02T03:04:05.000Z" };
const PROCESSED_AT = new Date("2025-01-02T03:04:06Z");

function workerWith(store = memoryResultStore()) {
  return { store, handler: createWorkerHandler({ resultStore: async () => store, now: () => PROCESSED_AT }) };
}

function queueContext(dequeueCount = 1) {
  return testContext({ functionName: "worker", triggerMetadata: { id: "msg-1", dequeueCount } });
}

test("processes a job message (as the Node.js worker passes it: parsed JSON) and stores its result", async () => {
  const { store, handler } = workerWith();
  const { context, logs } = queueContext();
  await handler({ ...JOB }, context);
  expect(store.results.get("job-7")).toEqual({
    jobId: "job-7",
    submittedAt: "2025-01-02T03:04:05.000Z",
    processedAt: "2025-01-02T03:04:06.000Z",
    attempt: 1,
    characters: 18,
    words: 6,
    lines: 1,
    sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
  expect(logs).toEqual([{ level: "information", message: "Processed job job-7 from message msg-1 (attempt 1)." }]);
});

test("accepts the message as a JSON string too", async () => {
  const { store, handler } = workerWith();
  await handler(JSON.stringify(JOB), queueContext().context);
  expect(store.results.has("job-7")).toBe(true);
});

test("records the attempt from the trigger metadata's dequeueCount", async () => {
  const { store, handler } = workerWith();
  await handler(JOB, queueContext(3).context);
  expect(store.results.get("job-7")?.attempt).toBe(3);
});

test("a duplicate message changes nothing and is not an error", async () => {
  const { store, handler } = workerWith();
  await handler(JOB, queueContext().context);
  const first = store.results.get("job-7");
  const { context, logs } = queueContext(2);
  await expect(handler({ ...JOB, text: "different text, same id" }, context)).resolves.toBeUndefined();
  expect(store.results.get("job-7")).toBe(first);
  expect(store.results.size).toBe(1);
  expect(logs).toEqual([{ level: "warning", message: "Job job-7 already has a result; message msg-1 (attempt 2) is a duplicate and changed nothing." }]);
});

test.each([
  ["a message that is not JSON", "not json at all"],
  ["a job without text", { id: "job-8", submittedAt: JOB.submittedAt }],
  ["a message still base64-encoded (wrong messageEncoding)", encodeJobMessage(JOB)],
])("throws on %s so the host retries and finally poisons it", async (_, message) => {
  const { store, handler } = workerWith();
  const { context, logs } = queueContext(4);
  await expect(handler(message, context)).rejects.toThrow(InvalidJobError);
  expect(store.results.size).toBe(0);
  expect(logs).toEqual([{ level: "error", message: expect.stringMatching(/^Rejected message msg-1 \(attempt 4\): Invalid job: /) }]);
});

test("lets a storage failure propagate, so the message is retried", async () => {
  const handler = createWorkerHandler({
    resultStore: async () => ({
      saveOnce: async () => {
        throw new Error("503 Server Busy");
      },
    }),
  });
  await expect(handler(JOB, queueContext().context)).rejects.toThrow("503 Server Busy");
});
