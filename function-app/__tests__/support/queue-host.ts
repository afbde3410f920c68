import { InvocationContext, type StorageQueueHandler } from "@azure/functions";
import type { DequeuedMessageItem, QueueServiceClient } from "@azure/storage-queue";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "node:util";

/** The `extensions.queues` settings of host.json that decide retries and poison handling. */
export interface HostQueueSettings {
  readonly batchSize: number;
  readonly maxDequeueCount: number;
  readonly visibilityTimeoutSeconds: number;
  readonly messageEncoding: "base64" | "none";
}

export const HOST_JSON_PATH = join(__dirname, "..", "..", "host.json");

/** Reads the app's real host.json, with the queue extension's documented defaults for absent values. */
export function readHostQueueSettings(path: string = HOST_JSON_PATH): HostQueueSettings {
  const host = JSON.parse(readFileSync(path, "utf8")) as { extensions?: { queues?: Record<string, unknown> } };
  const queues = host.extensions?.queues ?? {};
  return {
    batchSize: typeof queues.batchSize === "number" ? queues.batchSize : 16,
    maxDequeueCount: typeof queues.maxDequeueCount === "number" ? queues.maxDequeueCount : 5,
    visibilityTimeoutSeconds: typeof queues.visibilityTimeout === "string" ? timeSpanSeconds(queues.visibilityTimeout) : 0,
    messageEncoding: queues.messageEncoding === "none" ? "none" : "base64",
  };
}

/** One handler invocation, as the harness saw it. */
export interface Invocation {
  readonly messageId: string;
  readonly dequeueCount: number;
  /** succeeded: deleted; retried: made visible again; poisoned: copied to `<queue>-poison` and deleted. */
  readonly outcome: "succeeded" | "retried" | "poisoned";
  readonly error?: unknown;
  readonly logs: readonly LogLine[];
}

export interface LogLine {
  readonly level: string;
  readonly message: string;
}

export interface QueueHostOptions {
  readonly queueService: QueueServiceClient;
  readonly queueName: string;
  readonly functionName: string;
  readonly handler: StorageQueueHandler<unknown>;
  /** @default readHostQueueSettings() */
  readonly settings?: HostQueueSettings;
  /**
   * Delay before a failed message is visible again. The host uses host.json's visibilityTimeout; tests pass 0 so the
   * retries happen at once (the count of attempts, which is what poison handling depends on, is unchanged).
   * @default settings.visibilityTimeoutSeconds
   */
  readonly retryDelaySeconds?: number;
}

/**
 * A stand-in for the Functions host's storage-queue listener, so the worker's real handler can be driven against
 * Azurite without the host. It mirrors the documented behaviour of the queue trigger (Azure Functions "Azure Queue
 * storage trigger" docs: poison messages, host.json settings; QueueProcessor.CompleteProcessingMessageAsync in the
 * Microsoft.Azure.WebJobs.Extensions.Storage.Queues extension):
 *
 * - get up to `batchSize` messages, decode them per `messageEncoding`, and invoke the function for each, in parallel;
 *   the Node.js worker hands JSON messages to the handler parsed, other text as a string;
 * - on success delete the message;
 * - on failure, if the message's dequeueCount >= `maxDequeueCount`, copy it unchanged to `<queue>-poison` (creating the
 *   queue if needed) and delete it; otherwise make it visible again after `visibilityTimeout`.
 *
 * Not mirrored: polling back-off, visibility renewal for long invocations, newBatchThreshold, dynamic concurrency.
 */
export class QueueHost {
  private readonly settings: HostQueueSettings;
  private readonly retryDelaySeconds: number;

  constructor(private readonly options: QueueHostOptions) {
    this.settings = options.settings ?? readHostQueueSettings();
    this.retryDelaySeconds = options.retryDelaySeconds ?? this.settings.visibilityTimeoutSeconds;
  }

  get poisonQueueName(): string {
    return `${this.options.queueName}-poison`;
  }

  /** Processes messages until the queue has none visible and no retry is pending; returns every invocation. */
  async drain(timeoutMs = 10_000): Promise<Invocation[]> {
    const queue = this.options.queueService.getQueueClient(this.options.queueName);
    const invocations: Invocation[] = [];
    const deadline = Date.now() + timeoutMs;
    let retryVisibleAt = 0;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`QueueHost.drain: queue "${this.options.queueName}" not drained within ${timeoutMs} ms`);
      const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: this.settings.batchSize, visibilityTimeout: 60 });
      if (receivedMessageItems.length === 0) {
        if (Date.now() >= retryVisibleAt) return invocations;
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      const batch = await Promise.all(receivedMessageItems.map((m) => this.process(m)));
      invocations.push(...batch);
      if (batch.some((i) => i.outcome === "retried")) {
        retryVisibleAt = Math.max(retryVisibleAt, Date.now() + this.retryDelaySeconds * 1000);
      }
    }
  }

  private async process(message: DequeuedMessageItem): Promise<Invocation> {
    const queue = this.options.queueService.getQueueClient(this.options.queueName);
    const text = this.settings.messageEncoding === "base64" ? Buffer.from(message.messageText, "base64").toString("utf8") : message.messageText;
    const logs: LogLine[] = [];
    const context = new InvocationContext({
      invocationId: randomUUID(),
      functionName: this.options.functionName,
      triggerMetadata: {
        id: message.messageId,
        popReceipt: message.popReceipt,
        dequeueCount: message.dequeueCount,
        insertionTime: message.insertedOn.toISOString(),
        expirationTime: message.expiresOn.toISOString(),
        nextVisibleTime: message.nextVisibleOn.toISOString(),
        queueTrigger: text,
      },
      logHandler: (level, ...args) => logs.push({ level, message: format(...args) }),
    });
    const base = { messageId: message.messageId, dequeueCount: message.dequeueCount, logs };
    try {
      await this.options.handler(tryJsonParse(text), context);
    } catch (error) {
      if (message.dequeueCount >= this.settings.maxDequeueCount) {
        const poison = this.options.queueService.getQueueClient(this.poisonQueueName);
        await poison.createIfNotExists();
        await poison.sendMessage(message.messageText);
        await queue.deleteMessage(message.messageId, message.popReceipt);
        return { ...base, outcome: "poisoned", error };
      }
      await queue.updateMessage(message.messageId, message.popReceipt, undefined, this.retryDelaySeconds);
      return { ...base, outcome: "retried", error };
    }
    await queue.deleteMessage(message.messageId, message.popReceipt);
    return { ...base, outcome: "succeeded" };
  }
}

/** What @azure/functions does with string trigger data: JSON is parsed, anything else stays a string. */
function tryJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Parses a .NET TimeSpan "[d.]hh:mm:ss[.fff]" into seconds. */
export function timeSpanSeconds(value: string): number {
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value);
  if (!match) throw new Error(`Not a TimeSpan: "${value}"`);
  const [, days, hours, minutes, seconds] = match;
  return Number(days ?? 0) * 86_400 + Number(hours) * 3_600 + Number(minutes) * 60 + Number(seconds);
}
