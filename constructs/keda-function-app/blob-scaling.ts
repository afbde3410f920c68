import { Token } from "cdktf";

/**
 * Why a polling blob trigger cannot drive KEDA by default: KEDA's azure-blob scaler counts the
 * blobs that exist, and the Functions host deletes none after processing (it keeps receipts in
 * `azure-webjobs-hosts` instead), so the count only grows: the worker would never scale in.
 */
export const BLOB_COUNT_NEVER_FALLS =
  "KEDA's azure-blob scaler counts the blobs that exist and the Functions host deletes none after processing, so the count never falls " +
  "and the worker would never scale in. If every blob-triggered function deletes (or moves out of its path) each blob it has processed, " +
  "set blobsRemovedAfterProcessing: true and the blob count drives scaling";

/**
 * `container/some/prefix-{name}.txt` → container `container`, prefix `some/prefix-`: the
 * literal part of the path up to the first `{` binding expression.
 */
export function splitBlobPath(path: string): { container: string; prefix: string } {
  const [container, ...rest] = path.replace(/^\/+/, "").split("/");
  const remainder = rest.join("/");
  const brace = remainder.indexOf("{");
  return { container, prefix: brace === -1 ? remainder : remainder.slice(0, brace) };
}

/** The azure-blob scaler metadata that selects which blobs are counted. */
export interface BlobSelection {
  readonly blobContainerName: string;
  /** The path's literal prefix, used verbatim (see `recursive`). */
  readonly blobPrefix?: string;
  /**
   * `"true"`: KEDA then lists flat with the prefix as given. Without it KEDA appends its
   * delimiter `/` to `blobPrefix` and counts one folder level only (`incoming/` would be listed
   * as `incoming//`, which matches nothing), while a Functions path matches at any depth.
   */
  readonly recursive: "true";
  /** Full blob names to count when the path has literal parts after its first `{...}` (e.g. `.csv`). */
  readonly globPattern?: string;
}

/**
 * Which blobs KEDA 2.17 counts for a Functions blob trigger `path`, exactly those the trigger
 * matches (pkg/scalers/azure_blob_scaler.go: `recursive` clears the delimiter, so the listing
 * prefix is `blobPrefix` itself; `globPattern` is matched, gobwas syntax without separators,
 * against each full blob name of that listing). Each `{expression}` matches any characters,
 * `/` included, as in the Functions host.
 */
export function blobSelection(path: string): BlobSelection {
  if (Token.isUnresolved(path)) {
    throw new Error(
      `blob trigger path ${JSON.stringify(path)} is a Terraform token, but KEDA needs its container, prefix and pattern at synth: ` +
        "use a literal path (or a %Setting% with a literal value), or give the ScaledObject's triggers explicitly",
    );
  }
  const { container, prefix } = splitBlobPath(path);
  const remainder = path.replace(/^\/+/, "").slice(container.length + 1);
  const pattern = remainder.slice(prefix.length);
  // After the prefix, only one expression up to the end (`{name}`): the prefix alone selects the same blobs.
  const simple = pattern === "" || /^\{[^{}]*\}$/.test(pattern);
  return {
    blobContainerName: container,
    ...(prefix !== "" ? { blobPrefix: prefix } : {}),
    recursive: "true",
    ...(simple ? {} : { globPattern: escapeGlob(prefix) + globOf(pattern) }),
  };
}

/** `{name}.csv` → `*.csv`: each binding expression becomes `*`, literal text is escaped. */
function globOf(pattern: string): string {
  return pattern
    .split(/(\{[^{}]*\})/)
    .map((part) => (/^\{[^{}]*\}$/.test(part) ? "*" : escapeGlob(part)))
    .join("");
}

/** gobwas/glob's special characters, escaped with a backslash. */
function escapeGlob(literal: string): string {
  return literal.replace(/[*?[\]{}\\]/g, (c) => `\\${c}`);
}
