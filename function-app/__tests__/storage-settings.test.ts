import { resolveStorageConnection, serviceUriOf, StorageSettingsError, type IdentityConnection } from "../src/lib/storage-settings";

const CONNECTION_STRING = "DefaultEndpointsProtocol=https;AccountName=stjobs;AccountKey=a2V5;EndpointSuffix=core.windows.net";

function identity(settings: Record<string, string>): IdentityConnection {
  const connection = resolveStorageConnection(settings);
  if (connection.kind !== "identity") throw new Error(`expected an identity connection, got ${connection.kind}`);
  return connection;
}

function problemsOf(settings: Record<string, string>): readonly string[] {
  try {
    resolveStorageConnection(settings);
  } catch (error) {
    if (error instanceof StorageSettingsError) return error.problems;
    throw error;
  }
  throw new Error("expected a StorageSettingsError");
}

describe("connection string form", () => {
  test("AzureWebJobsStorage holding a connection string", () => {
    expect(resolveStorageConnection({ AzureWebJobsStorage: CONNECTION_STRING })).toEqual({
      kind: "connectionString",
      setting: "AzureWebJobsStorage",
      connectionString: CONNECTION_STRING,
    });
  });

  test("an emulator connection string with explicit endpoints", () => {
    const value = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";
    expect(resolveStorageConnection({ AzureWebJobsStorage: value })).toMatchObject({ kind: "connectionString", connectionString: value });
  });

  test("a connection string wins over identity settings, as in the host", () => {
    expect(resolveStorageConnection({ AzureWebJobsStorage: CONNECTION_STRING, AzureWebJobsStorage__accountName: "other" }).kind).toBe("connectionString");
  });

  test("another setting name can be resolved", () => {
    expect(resolveStorageConnection({ JobsStorage: CONNECTION_STRING }, "JobsStorage")).toMatchObject({ setting: "JobsStorage" });
  });

  test.each([
    ["a URL", "https://stjobs.queue.core.windows.net"],
    ["an account name", "stjobs"],
    ["a pair without a key", "=value;AccountName=x"],
  ])("rejects %s with a message that names both forms", (_, value) => {
    expect(() => resolveStorageConnection({ AzureWebJobsStorage: value })).toThrow(
      'AzureWebJobsStorage is set but is not a storage connection string (expected "DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net"). ' +
        "For an identity-based connection, unset AzureWebJobsStorage and set AzureWebJobsStorage__accountName instead.",
    );
  });
});

describe("identity-based form", () => {
  test("accountName alone: public-cloud endpoints and DefaultAzureCredential", () => {
    expect(identity({ AzureWebJobsStorage__accountName: "stjobs" })).toEqual({
      kind: "identity",
      setting: "AzureWebJobsStorage",
      blobServiceUri: "https://stjobs.blob.core.windows.net",
      queueServiceUri: "https://stjobs.queue.core.windows.net",
      credential: { kind: "default" },
    });
  });

  test("explicit service URIs win over accountName; a trailing slash is dropped", () => {
    const connection = identity({
      AzureWebJobsStorage__accountName: "stjobs",
      AzureWebJobsStorage__queueServiceUri: "https://queues.example.net/",
      AzureWebJobsStorage__blobServiceUri: "https://blobs.example.net",
    });
    expect(connection.queueServiceUri).toBe("https://queues.example.net");
    expect(connection.blobServiceUri).toBe("https://blobs.example.net");
  });

  test("legacy __serviceUri is the blob endpoint only", () => {
    const connection = identity({ AzureWebJobsStorage__serviceUri: "https://stjobs.blob.core.windows.net" });
    expect(connection.blobServiceUri).toBe("https://stjobs.blob.core.windows.net");
    expect(connection.queueServiceUri).toBeUndefined();
  });

  test("workload identity with client id, tenant id and token file", () => {
    expect(
      identity({
        AzureWebJobsStorage__accountName: "stjobs",
        AzureWebJobsStorage__credential: "workloadidentity",
        AzureWebJobsStorage__clientId: "11111111-1111-1111-1111-111111111111",
        AzureWebJobsStorage__tenantId: "22222222-2222-2222-2222-222222222222",
        AzureWebJobsStorage__tokenFilePath: "/var/run/secrets/azure/tokens/azure-identity-token",
      }).credential,
    ).toEqual({
      kind: "workloadidentity",
      clientId: "11111111-1111-1111-1111-111111111111",
      tenantId: "22222222-2222-2222-2222-222222222222",
      tokenFilePath: "/var/run/secrets/azure/tokens/azure-identity-token",
    });
  });

  test("workload identity without client id relies on the webhook's AZURE_* variables", () => {
    expect(identity({ AzureWebJobsStorage__accountName: "stjobs", AzureWebJobsStorage__credential: "workloadidentity" }).credential).toEqual({
      kind: "workloadidentity",
    });
  });

  test.each([
    [{ AzureWebJobsStorage__credential: "managedidentity" }, { kind: "managedidentity" }],
    [{ AzureWebJobsStorage__credential: "ManagedIdentity", AzureWebJobsStorage__clientId: "abc" }, { kind: "managedidentity", clientId: "abc" }],
    [{ AzureWebJobsStorage__credential: "managedidentity", AzureWebJobsStorage__managedIdentityResourceId: "/subscriptions/x/id" }, { kind: "managedidentity", resourceId: "/subscriptions/x/id" }],
    [{ AzureWebJobsStorage__clientId: "abc", AzureWebJobsStorage__tenantId: "t" }, { kind: "default", clientId: "abc", tenantId: "t" }],
  ])("credential settings %j resolve to %j", (settings, expected) => {
    expect(identity({ AzureWebJobsStorage__accountName: "stjobs", ...settings }).credential).toEqual(expected);
  });

  test("names are case-insensitive, ':' works as separator and blank values count as unset", () => {
    expect(identity({ azurewebjobsstorage: "  ", "AzureWebJobsStorage:AccountName": "stjobs", AZUREWEBJOBSSTORAGE__CREDENTIAL: "workloadidentity" })).toMatchObject({
      queueServiceUri: "https://stjobs.queue.core.windows.net",
      credential: { kind: "workloadidentity" },
    });
  });

  test("plain http is accepted for a loopback emulator", () => {
    expect(identity({ AzureWebJobsStorage__queueServiceUri: "http://127.0.0.1:10001/devstoreaccount1" }).queueServiceUri).toBe(
      "http://127.0.0.1:10001/devstoreaccount1",
    );
  });
});

describe("validation: one rule, one message", () => {
  test.each([
    [
      "bad account name",
      { AzureWebJobsStorage__accountName: "https://stjobs.blob.core.windows.net" },
      'AzureWebJobsStorage__accountName is "https://stjobs.blob.core.windows.net": a storage account name is 3-24 lowercase letters and digits (the account name, not a URL or connection string).',
    ],
    [
      "relative URI",
      { AzureWebJobsStorage__queueServiceUri: "stjobs.queue.core.windows.net" },
      'AzureWebJobsStorage__queueServiceUri is "stjobs.queue.core.windows.net": expected an absolute URL such as https://<account>.blob.core.windows.net.',
    ],
    [
      "http to a remote host",
      { AzureWebJobsStorage__blobServiceUri: "http://stjobs.blob.core.windows.net" },
      'AzureWebJobsStorage__blobServiceUri is "http://stjobs.blob.core.windows.net": identity-based connections need an https:// endpoint.',
    ],
    [
      "unknown credential",
      { AzureWebJobsStorage__accountName: "stjobs", AzureWebJobsStorage__credential: "podidentity" },
      'AzureWebJobsStorage__credential is "podidentity": allowed values are workloadidentity, managedidentity (or leave it unset for DefaultAzureCredential).',
    ],
    [
      "two ways to pick a managed identity",
      { AzureWebJobsStorage__accountName: "stjobs", AzureWebJobsStorage__credential: "managedidentity", AzureWebJobsStorage__clientId: "a", AzureWebJobsStorage__managedIdentityResourceId: "b" },
      "AzureWebJobsStorage__clientId and AzureWebJobsStorage__managedIdentityResourceId are both set: set only one to pick the user-assigned identity.",
    ],
    [
      "a client secret",
      { AzureWebJobsStorage__accountName: "stjobs", AzureWebJobsStorage__clientSecret: "s" },
      "AzureWebJobsStorage__clientSecret is set: service principal secrets are not supported by this app. Use AzureWebJobsStorage__credential=workloadidentity (AKS) or managedidentity instead.",
    ],
  ])("%s", (_, settings, message) => {
    expect(problemsOf(settings)).toEqual([message]);
  });

  test("every problem is reported at once", () => {
    const settings = { AzureWebJobsStorage__accountName: "Bad_Name", AzureWebJobsStorage__credential: "nope" };
    expect(problemsOf(settings)).toHaveLength(2);
    expect(() => resolveStorageConnection(settings)).toThrow(/^Invalid storage settings for "AzureWebJobsStorage":\n- AzureWebJobsStorage__accountName .*\n- AzureWebJobsStorage__credential /);
  });
});

describe("nothing configured", () => {
  test("says which settings to add, for both forms", () => {
    expect(() => resolveStorageConnection({ PATH: "/usr/bin" })).toThrow(
      new StorageSettingsError(
        'No storage connection configured for "AzureWebJobsStorage". Set AzureWebJobsStorage to a storage account connection string, ' +
          "or use an identity-based connection: AzureWebJobsStorage__accountName=<account> (or AzureWebJobsStorage__queueServiceUri and " +
          "AzureWebJobsStorage__blobServiceUri), optionally with AzureWebJobsStorage__credential=workloadidentity and AzureWebJobsStorage__clientId=<client id>.",
      ),
    );
  });

  test("points at the identity settings that are there but incomplete", () => {
    expect(() => resolveStorageConnection({ AzureWebJobsStorage__credential: "workloadidentity", AzureWebJobsStorage__clientId: "abc" })).toThrow(
      "Found AzureWebJobsStorage__clientId, AzureWebJobsStorage__credential, but no account or service URI.",
    );
  });

  test("never falls back to the development storage emulator", () => {
    expect(() => resolveStorageConnection({})).toThrow(StorageSettingsError);
  });
});

describe("serviceUriOf", () => {
  test("returns the endpoint of each service", () => {
    const connection = identity({ AzureWebJobsStorage__accountName: "stjobs" });
    expect(serviceUriOf(connection, "queue")).toBe("https://stjobs.queue.core.windows.net");
    expect(serviceUriOf(connection, "blob")).toBe("https://stjobs.blob.core.windows.net");
  });

  test("names the missing setting", () => {
    const connection = identity({ AzureWebJobsStorage__blobServiceUri: "https://stjobs.blob.core.windows.net" });
    expect(() => serviceUriOf(connection, "queue")).toThrow(
      'The queue service endpoint of "AzureWebJobsStorage" is unknown: set AzureWebJobsStorage__queueServiceUri=https://<account>.queue.core.windows.net or AzureWebJobsStorage__accountName=<account>.',
    );
  });
});
