import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * Azurite's well-known development account and key, published in Microsoft's Azurite documentation. PUBLIC, NOT A
 * SECRET: it only opens the local emulator that this module starts on 127.0.0.1.
 */
export const AZURITE_ACCOUNT = "devstoreaccount1";
export const AZURITE_WELL_KNOWN_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/** A running Azurite. */
export interface Azurite {
  readonly blobEndpoint: string;
  readonly queueEndpoint: string;
  /** A connection string for both services, as AzureWebJobsStorage would hold it. */
  readonly connectionString: string;
  /** Stops the process (SIGTERM, then SIGKILL) and removes its working directory. Safe to call twice. */
  stop(): Promise<void>;
}

const REPO_ROOT = resolve(__dirname, "..", "..", "..");
const AZURITE_BIN = join(REPO_ROOT, "node_modules", ".bin", "azurite");
const LISTENING = /Azurite (Blob|Queue) service is successfully listening at (http:\/\/\S+)/;

/**
 * Starts the repository's own Azurite (root devDependency) on 127.0.0.1 with ports chosen by the OS (port 0, read
 * back from its start-up lines), in-memory storage and a throwaway working directory. Resolves once blob and queue
 * listen. The process is also killed if the test process exits without calling stop().
 */
export async function startAzurite(timeoutMs = 15_000): Promise<Azurite> {
  if (!existsSync(AZURITE_BIN)) {
    throw new Error(`Azurite not found at ${AZURITE_BIN}: run "npm ci" at the repository root (azurite is a root devDependency).`);
  }
  const workDir = mkdtempSync(join(tmpdir(), "azurite-"));
  const child = spawn(
    AZURITE_BIN,
    [
      "--silent",
      "--inMemoryPersistence",
      "--extentMemoryLimit", "64",
      "--skipApiVersionCheck",
      "--loose",
      "--disableTelemetry",
      "--blobHost", "127.0.0.1", "--blobPort", "0",
      "--queueHost", "127.0.0.1", "--queuePort", "0",
      "--tableHost", "127.0.0.1", "--tablePort", "0",
    ],
    { cwd: workDir, stdio: ["ignore", "pipe", "pipe"] },
  );
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener("exit", killOnExit);
    await terminate(child);
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    const endpoints = await waitForEndpoints(child, timeoutMs);
    const blobEndpoint = `${endpoints.Blob}/${AZURITE_ACCOUNT}`;
    const queueEndpoint = `${endpoints.Queue}/${AZURITE_ACCOUNT}`;
    return {
      blobEndpoint,
      queueEndpoint,
      connectionString:
        `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_WELL_KNOWN_KEY};` +
        `BlobEndpoint=${blobEndpoint};QueueEndpoint=${queueEndpoint};`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForEndpoints(child: ChildProcess, timeoutMs: number): Promise<Record<"Blob" | "Queue", string>> {
  return new Promise((resolvePromise, reject) => {
    const found: Partial<Record<"Blob" | "Queue", string>> = {};
    let output = "";
    const timer = setTimeout(() => finish(new Error(`Azurite did not listen within ${timeoutMs} ms. Output:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const completeLines = output.split("\n").slice(0, -1); // the last piece may be a partial line
      for (const line of completeLines) {
        const match = LISTENING.exec(line);
        if (match) found[match[1] as "Blob" | "Queue"] = match[2]!.replace(/\/$/, "");
      }
      if (found.Blob && found.Queue) finish(undefined, { Blob: found.Blob, Queue: found.Queue });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      finish(new Error(`Azurite exited before listening (code ${code}, signal ${signal}). Output:\n${output}`));
    const onError = (error: Error): void => finish(error);
    function finish(error?: Error, endpoints?: Record<"Blob" | "Queue", string>): void {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      child.off("error", onError);
      // Keep draining the pipes so Azurite never blocks on a full stdout.
      child.stdout?.resume();
      child.stderr?.resume();
      if (error) reject(error);
      else resolvePromise(endpoints!);
    }
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
    child.once("error", onError);
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.kill("SIGTERM");
  const killTimer = setTimeout(() => child.kill("SIGKILL"), 3_000);
  await exited;
  clearTimeout(killTimer);
}
