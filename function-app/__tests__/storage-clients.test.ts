import { DefaultAzureCredential, ManagedIdentityCredential, WorkloadIdentityCredential } from "@azure/identity";
import { createCredential, createStorageClients, storageClientsFromSettings } from "../src/lib/storage-clients";
import { StorageSettingsError } from "../src/lib/storage-settings";

// Azurite's public, well-known development key (documented by Microsoft); not a secret.
const AZURITE =
  "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
  "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

describe("createCredential", () => {
  test.each([
    [{ kind: "workloadidentity", clientId: "c", tenantId: "t", tokenFilePath: "/token" } as const, WorkloadIdentityCredential],
    [{ kind: "managedidentity" } as const, ManagedIdentityCredential],
    [{ kind: "managedidentity", clientId: "c" } as const, ManagedIdentityCredential],
    [{ kind: "managedidentity", resourceId: "/subscriptions/s/id" } as const, ManagedIdentityCredential],
    [{ kind: "default", clientId: "c" } as const, DefaultAzureCredential],
  ])("%j builds a %p", (settings, type) => {
    expect(createCredential(settings)).toBeInstanceOf(type);
  });
});

describe("createStorageClients", () => {
  test("connection string: both services on the string's endpoints", () => {
    const clients = createStorageClients({ kind: "connectionString", setting: "AzureWebJobsStorage", connectionString: AZURITE });
    expect(clients.queueService().url).toBe("http://127.0.0.1:10001/devstoreaccount1");
    expect(clients.blobService().url).toBe("http://127.0.0.1:10000/devstoreaccount1");
    expect(clients.queueService()).toBe(clients.queueService());
  });

  test("identity: endpoints from the settings, no account key", () => {
    const clients = createStorageClients({
      kind: "identity",
      setting: "AzureWebJobsStorage",
      queueServiceUri: "https://stjobs.queue.core.windows.net",
      blobServiceUri: "https://stjobs.blob.core.windows.net",
      credential: { kind: "workloadidentity", clientId: "c", tenantId: "t", tokenFilePath: "/token" },
    });
    expect(clients.queueService().url).toBe("https://stjobs.queue.core.windows.net");
    expect(clients.blobService().url).toMatch(/^https:\/\/stjobs\.blob\.core\.windows\.net\/?$/);
  });

  test("identity: a missing endpoint fails only when that service is used", () => {
    const clients = createStorageClients({
      kind: "identity",
      setting: "AzureWebJobsStorage",
      blobServiceUri: "https://stjobs.blob.core.windows.net",
      credential: { kind: "default" },
    });
    expect(clients.blobService().url).toMatch(/^https:\/\/stjobs\.blob\.core\.windows\.net\/?$/);
    expect(() => clients.queueService()).toThrow(StorageSettingsError);
  });
});

describe("storageClientsFromSettings", () => {
  test("reuses clients while the settings stay the same and rebuilds when they change", () => {
    const first = storageClientsFromSettings({ AzureWebJobsStorage: AZURITE });
    expect(storageClientsFromSettings({ AzureWebJobsStorage: AZURITE })).toBe(first);
    const other = storageClientsFromSettings({ AzureWebJobsStorage__accountName: "stjobs" });
    expect(other).not.toBe(first);
    expect(other.queueService().url).toBe("https://stjobs.queue.core.windows.net");
  });

  test("throws the settings error when nothing is configured", () => {
    expect(() => storageClientsFromSettings({})).toThrow(/^No storage connection configured for "AzureWebJobsStorage"/);
  });
});
