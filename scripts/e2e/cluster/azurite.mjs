// Azurite's queue and blob services (the root devDependency) on 127.0.0.1 with a temp folder.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { freePort, startServer, waitFor } from "./processes.mjs";

/**
 * Azurite's well-known development account, published in Microsoft's Azurite documentation.
 * PUBLIC, NOT A SECRET: it only opens the emulator this module starts on 127.0.0.1.
 */
export const AZURITE_ACCOUNT = "devstoreaccount1";
export const AZURITE_WELL_KNOWN_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

async function startService(root, service, { dir, logDir }) {
  const port = await freePort();
  const location = join(dir, `azurite-${service}`);
  mkdirSync(location, { recursive: true });
  const server = startServer(
    `azurite-${service}`,
    join(root, "node_modules", ".bin", `azurite-${service}`),
    [`--${service}Host`, "127.0.0.1", `--${service}Port`, String(port), "--location", location, "--skipApiVersionCheck", "--disableTelemetry", "--silent"],
    { logDir, cwd: location },
  );
  const endpoint = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
  // Any HTTP answer (403 without a signature) means it listens.
  await waitFor(`Azurite ${service} on ${endpoint}`, async () => (await fetch(endpoint)).status > 0, { timeoutMs: 30_000, server });
  return endpoint;
}

/** Starts Azurite queue and blob; returns their endpoints and a connection string for both. */
export async function startAzurite(root, options) {
  const queueEndpoint = await startService(root, "queue", options);
  const blobEndpoint = await startService(root, "blob", options);
  return {
    queueEndpoint,
    blobEndpoint,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_WELL_KNOWN_KEY};` +
      `BlobEndpoint=${blobEndpoint};QueueEndpoint=${queueEndpoint};`,
  };
}
