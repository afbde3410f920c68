import { FunctionMetadata } from "../../constructs/keda-function-app/functions-manifest";
import { storageQueueNames } from "../../constructs/keda-function-app/storage-queues";

const queueFn = (name: string, queueName: string, connection?: string): FunctionMetadata => ({
  name,
  trigger: { type: "queueTrigger", queueName, ...(connection === undefined ? {} : { connection }) },
});

test("literal names, plus their poison queues, sorted and without duplicates", () => {
  const functions = [queueFn("b", "orders"), queueFn("a", "jobs", "AzureWebJobsStorage"), queueFn("c", "orders"), { name: "h", trigger: { type: "httpTrigger" } }];
  expect(storageQueueNames(functions, {})).toEqual({ queues: ["jobs", "jobs-poison", "orders", "orders-poison"], unresolved: [] });
});

test("%Setting% resolves against the app settings, never becoming a queue named %X%", () => {
  const result = storageQueueNames([queueFn("worker", "%JobsQueue%"), queueFn("audit", "audit-%Env%")], { JobsQueue: "jobs-v2", Env: "dev" });
  expect(result).toEqual({ queues: ["audit-dev", "audit-dev-poison", "jobs-v2", "jobs-v2-poison"], unresolved: [] });
});

test("an unresolvable setting is reported, not created", () => {
  expect(storageQueueNames([queueFn("worker", "%Missing%"), queueFn("ok", "jobs")], {})).toEqual({
    queues: ["jobs", "jobs-poison"],
    unresolved: [{ functionName: "worker", reason: '"%Missing%" refers to app setting "Missing", which is not set: add it to the app\'s settings' }],
  });
});

test("queues of another connection live in another account and are left out", () => {
  expect(storageQueueNames([queueFn("other", "billing", "BillingStorage"), queueFn("blank", "jobs", " ")], {}).queues).toEqual(["jobs", "jobs-poison"]);
});
