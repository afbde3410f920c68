import "./support/functions-test-mode";
import { HttpRequest, type HttpResponseInit } from "@azure/functions";
import { BlobServiceClient } from "@azure/storage-blob";
import { QueueServiceClient } from "@azure/storage-queue";
import { enqueue } from "../src/functions/enqueue";
import { worker } from "../src/functions/worker";
import { JOB_RESULTS_CONTAINER, JOBS_POISON_QUEUE_NAME, JOBS_QUEUE_NAME, type JobResult } from "../src/lib/jobs";
import { startAzurite, type Azurite } from "./support/azurite";
import { testContext } from "./support/context";
import { QueueHost, readHostQueueSettings } from "./support/queue-host";

// End to end against a real Azurite: the registered `enqueue` and `worker` handlers, with storage reached only
// through the AzureWebJobsStorage setting, exactly as in the container. QueueHost stands in for the Functions host's
// queue listener (retries and poison handling from the real host.json).

let azurite: Azurite;
let queues: QueueServiceClient;
let blobs: BlobServiceClient;
let host: QueueHost;
const savedSetting = process.env.AzureWebJobsStorage;

beforeAll(async () => {
  azurite = await startAzurite();
  process.env.AzureWebJobsStorage = azurite.connectionString;
  queues = QueueServiceClient.fromConnectionString(azurite.connectionString);
  blobs = BlobServiceClient.fromConnectionString(azurite.connectionString);
  // Retries become visible at once instead of after host.json's visibilityTimeout; the attempt count is unchanged.
  host = new QueueHost({ queueService: queues, queueName: JOBS_QUEUE_NAME, functionName: "worker", handler: worker, retryDelaySeconds: 0 });
}, 20_000);

afterAll(async () => {
  if (savedSetting === undefined) delete process.env.AzureWebJobsStorage;
  else process.env.AzureWebJobsStorage = savedSetting;
  await azurite?.stop();
});

afterEach(async () => {
  // Every test leaves the jobs queue empty, so the next one starts clean.
  expect(await visibleMessages(JOBS_QUEUE_NAME)).toEqual([]);
});

async function postJob(body: unknown): Promise<HttpResponseInit> {
  const request = new HttpRequest({
    method: "POST",
    url: "http://localhost:8080/api/jobs",
    headers: { "content-type": "application/json" },
    body: { string: JSON.stringify(body) },
  });
  return enqueue(request, testContext({ functionName: "enqueue" }).context);
}

async function visibleMessages(queueName: string): Promise<string[]> {
  const queue = queues.getQueueClient(queueName);
  if (!(await queue.exists())) return [];
  const { peekedMessageItems } = await queue.peekMessages({ numberOfMessages: 32 });
  return peekedMessageItems.map((m) => m.messageText);
}

async function resultOf(jobId: string): Promise<{ result: JobResult; etag: string }> {
  const blob = blobs.getContainerClient(JOB_RESULTS_CONTAINER).getBlobClient(`${jobId}.json`);
  const buffer = await blob.downloadToBuffer();
  const { etag } = await blob.getProperties();
  return { result: JSON.parse(buffer.toString("utf8")) as JobResult, etag: etag! };
}

async function resultBlobNames(prefix: string): Promise<string[]> {
  const names: string[] = [];
  for await (const blob of blobs.getContainerClient(JOB_RESULTS_CONTAINER).listBlobsFlat({ prefix })) names.push(blob.name);
  return names;
}

test("enqueue writes a base64 JSON message to the jobs queue that the worker consumes into a result blob", async () => {
  const response = await postJob({ id: "e2e-1", text: "the quick brown fox" });
  expect(response).toEqual({ status: 202, jsonBody: { id: "e2e-1", status: "queued" } });

  const [message] = await visibleMessages(JOBS_QUEUE_NAME);
  expect(JSON.parse(Buffer.from(message!, "base64").toString("utf8"))).toEqual({
    id: "e2e-1",
    text: "the quick brown fox",
    submittedAt: expect.any(String),
  });

  const invocations = await host.drain();
  expect(invocations.map((i) => [i.dequeueCount, i.outcome])).toEqual([[1, "succeeded"]]);
  expect((await resultOf("e2e-1")).result).toMatchObject({ jobId: "e2e-1", attempt: 1, characters: 19, words: 4, lines: 1 });
});

test("a generated id is returned to the caller and names the result", async () => {
  const response = await postJob({ text: "no id given" });
  const id = (response.jsonBody as { id: string }).id;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  await host.drain();
  expect((await resultOf(id)).result.jobId).toBe(id);
});

test("duplicate messages for one job (a client retry), processed concurrently, produce one result", async () => {
  await postJob({ id: "e2e-dup", text: "same job twice" });
  await postJob({ id: "e2e-dup", text: "same job twice" });
  expect(await visibleMessages(JOBS_QUEUE_NAME)).toHaveLength(2);

  const invocations = await host.drain();
  expect(invocations.map((i) => i.outcome)).toEqual(["succeeded", "succeeded"]);
  const logLevels = invocations.flatMap((i) => i.logs.map((l) => l.level)).sort();
  expect(logLevels).toEqual(["information", "warning"]);
  expect(await resultBlobNames("e2e-dup")).toEqual(["e2e-dup.json"]);
});

test("a redelivered message (the host crashed before deleting it) does not touch the result again", async () => {
  await postJob({ id: "e2e-redelivery", text: "deliver me twice" });
  const [message] = await visibleMessages(JOBS_QUEUE_NAME);
  await host.drain();
  const before = await resultOf("e2e-redelivery");

  await queues.getQueueClient(JOBS_QUEUE_NAME).sendMessage(message!);
  const invocations = await host.drain();
  expect(invocations.map((i) => i.outcome)).toEqual(["succeeded"]);
  expect(invocations[0]!.logs[0]!.message).toMatch(/^Job e2e-redelivery already has a result; .* is a duplicate and changed nothing\.$/);
  expect(await resultOf("e2e-redelivery")).toEqual(before);
});

test("a failing message is retried up to host.json's maxDequeueCount, then moved unchanged to jobs-poison", async () => {
  const { maxDequeueCount } = readHostQueueSettings();
  const bad = Buffer.from(JSON.stringify({ id: "e2e-bad", submittedAt: new Date().toISOString() })).toString("base64");
  await queues.getQueueClient(JOBS_QUEUE_NAME).createIfNotExists();
  await queues.getQueueClient(JOBS_QUEUE_NAME).sendMessage(bad);

  const invocations = await host.drain();
  expect(invocations.map((i) => [i.dequeueCount, i.outcome])).toEqual([
    ...Array.from({ length: maxDequeueCount - 1 }, (_, n) => [n + 1, "retried"]),
    [maxDequeueCount, "poisoned"],
  ]);
  expect(invocations.every((i) => i.logs.some((l) => l.level === "error" && l.message.includes("text is required")))).toBe(true);
  expect(await visibleMessages(JOBS_POISON_QUEUE_NAME)).toEqual([bad]);
  expect(await resultBlobNames("e2e-bad")).toEqual([]);
});
