/**
 * Resolves an Azure Functions-style storage connection from app settings (environment variables),
 * the same way the Functions host reads the `connection` of a storage binding:
 *
 * - `<NAME>` holding a connection string (`AccountName=...;AccountKey=...` or `...;SharedAccessSignature=...`), or
 * - identity-based settings under `<NAME>__*`: `__accountName`, or `__blobServiceUri` / `__queueServiceUri`
 *   (and the legacy blob-only `__serviceUri`), with an optional `__credential` (`workloadidentity` or
 *   `managedidentity`), `__clientId`, `__tenantId`, `__managedIdentityResourceId`, `__tokenFilePath`.
 *
 * When both forms are present the connection string wins, as in the host. Setting names are matched
 * case-insensitively and `:` is accepted in place of `__`, as in .NET configuration.
 *
 * This module is pure: it reads only the record it is given and never builds clients (see storage-clients.ts).
 */

/** The app setting the host and this app use for storage: the worker's trigger and the SDK clients share it. */
export const STORAGE_CONNECTION_SETTING = "AzureWebJobsStorage";

/** Values accepted for `<NAME>__credential`. */
export type CredentialKind = "workloadidentity" | "managedidentity";
const CREDENTIAL_KINDS: readonly CredentialKind[] = ["workloadidentity", "managedidentity"];

/** How to obtain Microsoft Entra tokens for an identity-based connection. */
export type CredentialSettings =
  /** No `__credential`: `DefaultAzureCredential` (environment, workload identity, managed identity, developer tools). */
  | { readonly kind: "default"; readonly clientId?: string; readonly tenantId?: string }
  /** `__credential=managedidentity`: system-assigned, or user-assigned by `__clientId` or `__managedIdentityResourceId`. */
  | { readonly kind: "managedidentity"; readonly clientId?: string; readonly resourceId?: string }
  /**
   * `__credential=workloadidentity`: Microsoft Entra Workload ID. Unset values fall back to the variables the AKS
   * workload identity webhook injects (`AZURE_CLIENT_ID`, `AZURE_TENANT_ID`, `AZURE_FEDERATED_TOKEN_FILE`).
   */
  | { readonly kind: "workloadidentity"; readonly clientId?: string; readonly tenantId?: string; readonly tokenFilePath?: string };

/** A resolved storage connection. */
export type StorageConnection = ConnectionStringConnection | IdentityConnection;

export interface ConnectionStringConnection {
  readonly kind: "connectionString";
  /** The setting it came from, e.g. `AzureWebJobsStorage`. */
  readonly setting: string;
  readonly connectionString: string;
}

export interface IdentityConnection {
  readonly kind: "identity";
  /** The setting prefix it came from, e.g. `AzureWebJobsStorage`. */
  readonly setting: string;
  /** Blob endpoint, from `__blobServiceUri`, `__serviceUri` or `__accountName`; undefined when none is set. */
  readonly blobServiceUri?: string;
  /** Queue endpoint, from `__queueServiceUri` or `__accountName`; undefined when none is set. */
  readonly queueServiceUri?: string;
  readonly credential: CredentialSettings;
}

export type StorageService = "blob" | "queue";

/** Thrown when the settings are missing or invalid; the message lists every problem and how to fix it. */
export class StorageSettingsError extends Error {
  constructor(
    message: string,
    /** One entry per problem found. */
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
    this.name = "StorageSettingsError";
  }
}

/** A setting source: `process.env` or any plain record. */
export type Settings = Readonly<Record<string, string | undefined>>;

const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Identity-based settings that would carry a secret: the host accepts them, this app refuses them on purpose. */
const SECRET_SUFFIXES = ["clientSecret", "certificate"];

/**
 * Resolves the storage connection named `setting` (default `AzureWebJobsStorage`) from `settings`.
 *
 * @throws StorageSettingsError when nothing is configured or a value is invalid; all problems are reported at once.
 */
export function resolveStorageConnection(settings: Settings, setting: string = STORAGE_CONNECTION_SETTING): StorageConnection {
  const lookup = settingLookup(settings);

  const connectionString = lookup(setting);
  if (connectionString !== undefined) {
    return resolveConnectionString(setting, connectionString);
  }

  const accountName = lookup(`${setting}__accountName`);
  const blobServiceUri = lookup(`${setting}__blobServiceUri`);
  const queueServiceUri = lookup(`${setting}__queueServiceUri`);
  const serviceUri = lookup(`${setting}__serviceUri`);
  const credential = lookup(`${setting}__credential`);
  const clientId = lookup(`${setting}__clientId`);
  const tenantId = lookup(`${setting}__tenantId`);
  const resourceId = lookup(`${setting}__managedIdentityResourceId`);
  const tokenFilePath = lookup(`${setting}__tokenFilePath`);

  if ([accountName, blobServiceUri, queueServiceUri, serviceUri].every((v) => v === undefined)) {
    const orphans = Object.keys(settings).filter((k) => normalize(k).startsWith(normalize(`${setting}__`)) && lookup(k) !== undefined);
    const hint = orphans.length > 0 ? ` Found ${orphans.sort().join(", ")}, but no account or service URI.` : "";
    throw new StorageSettingsError(
      `No storage connection configured for "${setting}".${hint} Set ${setting} to a storage account connection string, ` +
        `or use an identity-based connection: ${setting}__accountName=<account> (or ${setting}__queueServiceUri and ` +
        `${setting}__blobServiceUri), optionally with ${setting}__credential=workloadidentity and ${setting}__clientId=<client id>.`,
    );
  }

  const problems: string[] = [];
  if (accountName !== undefined && !ACCOUNT_NAME.test(accountName)) {
    problems.push(
      `${setting}__accountName is "${accountName}": a storage account name is 3-24 lowercase letters and digits (the account name, not a URL or connection string).`,
    );
  }
  for (const [suffix, value] of [["blobServiceUri", blobServiceUri], ["queueServiceUri", queueServiceUri], ["serviceUri", serviceUri]] as const) {
    if (value !== undefined) {
      const problem = checkServiceUri(`${setting}__${suffix}`, value);
      if (problem) problems.push(problem);
    }
  }
  for (const suffix of SECRET_SUFFIXES) {
    if (lookup(`${setting}__${suffix}`) !== undefined) {
      problems.push(
        `${setting}__${suffix} is set: service principal secrets are not supported by this app. ` +
          `Use ${setting}__credential=workloadidentity (AKS) or managedidentity instead.`,
      );
    }
  }

  let credentialSettings: CredentialSettings = withDefined({ kind: "default" as const, clientId, tenantId });
  if (credential !== undefined) {
    const kind = credential.toLowerCase();
    if (kind === "workloadidentity") {
      credentialSettings = withDefined({ kind, clientId, tenantId, tokenFilePath });
    } else if (kind === "managedidentity") {
      if (clientId !== undefined && resourceId !== undefined) {
        problems.push(`${setting}__clientId and ${setting}__managedIdentityResourceId are both set: set only one to pick the user-assigned identity.`);
      }
      credentialSettings = withDefined({ kind, clientId, resourceId });
    } else {
      problems.push(`${setting}__credential is "${credential}": allowed values are ${CREDENTIAL_KINDS.join(", ")} (or leave it unset for DefaultAzureCredential).`);
    }
  }

  if (problems.length > 0) {
    throw new StorageSettingsError(`Invalid storage settings for "${setting}":\n- ${problems.join("\n- ")}`, problems);
  }

  return withDefined({
    kind: "identity" as const,
    setting,
    blobServiceUri: trimSlash(blobServiceUri ?? serviceUri ?? (accountName && `https://${accountName}.blob.core.windows.net`)),
    queueServiceUri: trimSlash(queueServiceUri ?? (accountName && `https://${accountName}.queue.core.windows.net`)),
    credential: credentialSettings,
  });
}

/**
 * The endpoint of `service` for an identity-based connection.
 *
 * @throws StorageSettingsError naming the setting to add when the endpoint cannot be derived.
 */
export function serviceUriOf(connection: IdentityConnection, service: StorageService): string {
  const uri = service === "blob" ? connection.blobServiceUri : connection.queueServiceUri;
  if (uri === undefined) {
    const s = connection.setting;
    throw new StorageSettingsError(
      `The ${service} service endpoint of "${s}" is unknown: set ${s}__${service}ServiceUri=https://<account>.${service}.core.windows.net ` +
        `or ${s}__accountName=<account>.`,
    );
  }
  return uri;
}

function resolveConnectionString(setting: string, value: string): ConnectionStringConnection {
  const pairs = value.split(";").map((p) => p.trim()).filter((p) => p.length > 0);
  const keys = pairs.map((p) => (p.includes("=") ? p.slice(0, p.indexOf("=")).trim().toLowerCase() : ""));
  const looksValid =
    pairs.length > 0 &&
    keys.every((k) => k.length > 0) &&
    (keys.includes("accountname") || keys.includes("usedevelopmentstorage") || keys.some((k) => k.endsWith("endpoint")));
  if (!looksValid) {
    throw new StorageSettingsError(
      `${setting} is set but is not a storage connection string (expected "DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net"). ` +
        `For an identity-based connection, unset ${setting} and set ${setting}__accountName instead.`,
    );
  }
  return { kind: "connectionString", setting, connectionString: value };
}

function checkServiceUri(name: string, value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name} is "${value}": expected an absolute URL such as https://<account>.blob.core.windows.net.`;
  }
  // Bearer tokens are only sent over TLS (the Azure SDK refuses otherwise); plain http is accepted for a local emulator.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) {
    return `${name} is "${value}": identity-based connections need an https:// endpoint.`;
  }
  return undefined;
}

/** Case-insensitive lookup accepting `:` or `__` as separator; empty or blank values count as unset. */
function settingLookup(settings: Settings): (name: string) => string | undefined {
  const index = new Map<string, string>();
  for (const [key, value] of Object.entries(settings)) {
    const trimmed = value?.trim();
    if (trimmed) index.set(normalize(key), trimmed);
  }
  return (name) => index.get(normalize(name));
}

function normalize(name: string): string {
  return name.replace(/:/g, "__").toLowerCase();
}

function trimSlash(uri: string | undefined): string | undefined {
  return uri?.replace(/\/+$/, "");
}

/** Drops keys whose value is undefined, so resolved objects compare and serialize cleanly. */
function withDefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
