import { DefaultAzureCredential, ManagedIdentityCredential, WorkloadIdentityCredential, type TokenCredential } from "@azure/identity";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { QueueServiceClient, type QueueClient } from "@azure/storage-queue";
import {
  resolveStorageConnection,
  serviceUriOf,
  STORAGE_CONNECTION_SETTING,
  type CredentialSettings,
  type Settings,
  type StorageConnection,
} from "./storage-settings";

/** SDK clients for one storage connection. Built lazily: nothing here runs when a function file is loaded. */
export interface StorageClients {
  readonly connection: StorageConnection;
  queueService(): QueueServiceClient;
  blobService(): BlobServiceClient;
}

/** Builds the credential an identity-based connection asks for. */
export function createCredential(settings: CredentialSettings): TokenCredential {
  switch (settings.kind) {
    case "workloadidentity":
      return new WorkloadIdentityCredential({ clientId: settings.clientId, tenantId: settings.tenantId, tokenFilePath: settings.tokenFilePath });
    case "managedidentity":
      if (settings.resourceId !== undefined) return new ManagedIdentityCredential({ resourceId: settings.resourceId });
      return settings.clientId !== undefined ? new ManagedIdentityCredential({ clientId: settings.clientId }) : new ManagedIdentityCredential();
    case "default":
      return new DefaultAzureCredential({
        tenantId: settings.tenantId,
        managedIdentityClientId: settings.clientId,
        workloadIdentityClientId: settings.clientId,
      });
  }
}

/** Creates (lazily, once each) the queue and blob service clients of `connection`. */
export function createStorageClients(connection: StorageConnection): StorageClients {
  let credential: TokenCredential | undefined;
  const credentialOf = (settings: CredentialSettings): TokenCredential => (credential ??= createCredential(settings));
  let queue: QueueServiceClient | undefined;
  let blob: BlobServiceClient | undefined;
  return {
    connection,
    queueService: () =>
      (queue ??=
        connection.kind === "connectionString"
          ? QueueServiceClient.fromConnectionString(connection.connectionString)
          : new QueueServiceClient(serviceUriOf(connection, "queue"), credentialOf(connection.credential))),
    blobService: () =>
      (blob ??=
        connection.kind === "connectionString"
          ? BlobServiceClient.fromConnectionString(connection.connectionString)
          : new BlobServiceClient(serviceUriOf(connection, "blob"), credentialOf(connection.credential))),
  };
}

let cached: { key: string; clients: StorageClients } | undefined;

/**
 * The storage clients for the `AzureWebJobsStorage` connection in `settings` (default `process.env`), cached per
 * process. Settings are re-read on each call, so a changed configuration gets new clients.
 *
 * @throws StorageSettingsError when the connection is not configured.
 */
export function storageClientsFromSettings(settings: Settings = process.env, setting: string = STORAGE_CONNECTION_SETTING): StorageClients {
  const connection = resolveStorageConnection(settings, setting);
  const key = JSON.stringify(connection);
  if (cached?.key !== key) cached = { key, clients: createStorageClients(connection) };
  return cached.clients;
}

const created = new Map<string, Promise<unknown>>();

/**
 * Runs `create` once per process for `url` (creating a queue or container that may already exist). A failure is
 * forgotten, so the next invocation tries again.
 */
function once(url: string, create: () => Promise<unknown>): Promise<unknown> {
  let pending = created.get(url);
  if (!pending) {
    pending = create().catch((error: unknown) => {
      created.delete(url);
      throw error;
    });
    created.set(url, pending);
  }
  return pending;
}

/** The queue `name`, created if it does not exist yet (once per process, like the host's queue output binding). */
export async function openQueue(clients: StorageClients, name: string): Promise<QueueClient> {
  const queue = clients.queueService().getQueueClient(name);
  await once(queue.url, () => queue.createIfNotExists());
  return queue;
}

/** The blob container `name`, created if it does not exist yet (once per process). */
export async function openContainer(clients: StorageClients, name: string): Promise<ContainerClient> {
  const container = clients.blobService().getContainerClient(name);
  await once(container.url, () => container.createIfNotExists());
  return container;
}
