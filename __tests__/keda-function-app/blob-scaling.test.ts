import { Lazy, Testing } from "cdktf";
import { blobSelection } from "../../constructs/keda-function-app/blob-scaling";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { mapTrigger } from "../../constructs/keda-function-app/keda-triggers";
import { manifests, requiredProps, testStack } from "../support/keda-function-app";

/**
 * What KEDA 2.17's azure-blob scaler counts for some trigger metadata, transcribed from
 * pkg/scalers/azure_blob_scaler.go (parseAzureBlobMetadata) and pkg/scalers/azure/azure_blob.go
 * (GetAzureBlobListLength):
 * - delimiter = `blobDelimiter` ?? "/", cleared by `recursive: "true"`;
 * - listing prefix = `blobPrefix` + delimiter (when blobPrefix is set);
 * - with `globPattern`: a flat listing under that prefix, counting names the glob matches;
 * - otherwise a hierarchy listing: only blobs directly below the prefix (sub-folders are prefixes, not items).
 */
function kedaBlobCount(metadata: Record<string, string>, blobs: readonly string[]): number {
  const delimiter = metadata.recursive === "true" ? "" : (metadata.blobDelimiter || "/");
  const prefix = metadata.blobPrefix ? metadata.blobPrefix + delimiter : "";
  const listed = blobs.filter((name) => name.startsWith(prefix));
  if (metadata.globPattern) return listed.filter((name) => globMatches(metadata.globPattern, name)).length;
  if (delimiter === "") return listed.length;
  return listed.filter((name) => !name.slice(prefix.length).includes(delimiter)).length;
}

/** gobwas/glob compiled without separators: `*` is any run of characters, `?` one, `\x` a literal x. */
function globMatches(glob: string, name: string): boolean {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "\\") source += escapeRegExp(glob[++i]);
    else if (c === "*") source += "[\\s\\S]*";
    else if (c === "?") source += "[\\s\\S]";
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`).test(name);
}
const escapeRegExp = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The blobs a Functions blob trigger path matches: literal text exact, each `{expression}` any characters. */
function functionsMatches(path: string, container: string, name: string): boolean {
  const pattern = path.slice(container.length + 1);
  const source = pattern.split(/(\{[^{}]*\})/).map((part) => (/^\{[^{}]*\}$/.test(part) ? "[\\s\\S]+" : part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))).join("");
  return new RegExp(`^${source}$`).test(name);
}

const UPLOADS = ["incoming/a.csv", "incoming/b.csv", "incoming/2026/c.csv", "incoming/readme.txt", "archive/d.csv", "incoming.csv"];

describe("blob triggers (issue 11 item 7)", () => {
  test("by default a blob trigger cannot drive scaling: warning, no azure-blob scaler, at least one worker", () => {
    const stack = testStack();
    const app = new KedaFunctionApp(stack, "app", requiredProps({ functions: [{ name: "uploads", trigger: { type: "blobTrigger", path: "uploads/incoming/{name}.csv" } }] }));
    const objects = manifests(JSON.parse(Testing.synth(stack, true)));
    expect(objects.find((o) => o.kind === "ScaledObject")).toBeUndefined();
    expect(objects.find((o) => o.kind === "Deployment" && o.metadata.name === "demo").spec.replicas).toBe(1);
    const warnings = app.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data);
    expect(warnings).toEqual([
      expect.stringMatching(/^Function "uploads" cannot drive scaling: KEDA's azure-blob scaler counts the blobs that exist .* set blobsRemovedAfterProcessing: true/),
      "Some event-driven functions have no KEDA scaler; keeping at least 1 worker replica (minReplicas raised from 0 to 1).",
    ]);
  });

  test("with blobsRemovedAfterProcessing the worker scales on a blob count, and may scale to zero", () => {
    const stack = testStack();
    new KedaFunctionApp(stack, "app", requiredProps({ blobsRemovedAfterProcessing: true, functions: [{ name: "uploads", trigger: { type: "blobTrigger", path: "uploads/incoming/{name}.csv" } }] }));
    const scaled = manifests(JSON.parse(Testing.synth(stack, true))).find((o) => o.kind === "ScaledObject");
    expect(scaled.spec.minReplicaCount).toBe(0);
    expect(scaled.spec.triggers).toEqual([
      {
        type: "azure-blob",
        name: "uploads",
        metricType: "AverageValue",
        metadata: { accountName: "stdemo", blobContainerName: "uploads", blobCount: "5", blobPrefix: "incoming/", globPattern: "incoming/*.csv", recursive: "true" },
        authenticationRef: { name: "demo-wi" },
      },
    ]);
  });

  test.each([
    ["uploads/incoming/{name}.csv", 3],
    ["uploads/incoming/{name}", 4],
    ["uploads/{name}", 6],
    ["uploads/{name}.csv", 5],
    ["uploads/incoming/{year}/{name}.csv", 1],
  ])("KEDA counts exactly the blobs the Functions path %s matches (%d)", (path, expected) => {
    const metadata = blobSelection(path) as unknown as Record<string, string>;
    const matched = UPLOADS.filter((name) => functionsMatches(path, "uploads", name));
    expect(matched).toHaveLength(expected);
    expect(kedaBlobCount(metadata, UPLOADS)).toBe(expected);
  });

  test("the first release's metadata counted nothing: KEDA listed `incoming//`", () => {
    expect(kedaBlobCount({ blobContainerName: "uploads", blobPrefix: "incoming/" }, UPLOADS)).toBe(0);
    // Near miss: the same prefix with recursive counts what is under it.
    expect(kedaBlobCount({ blobContainerName: "uploads", blobPrefix: "incoming/", recursive: "true" }, UPLOADS)).toBe(4);
  });

  test("glob characters in the literal path are escaped; a leading slash is ignored", () => {
    expect(blobSelection("/data/in[1]/{name}.json")).toEqual({ blobContainerName: "data", blobPrefix: "in[1]/", recursive: "true", globPattern: "in\\[1\\]/*.json" });
    expect(globMatches("in\\[1\\]/*.json", "in[1]/x.json")).toBe(true);
    expect(globMatches("in\\[1\\]/*.json", "in1/x.json")).toBe(false);
  });

  test("a path that is a Terraform token is refused, not split", () => {
    const path = Lazy.stringValue({ produce: () => "uploads/{name}" });
    expect(() => blobSelection(path)).toThrow(/blob trigger path ".*" is a Terraform token, but KEDA needs its container, prefix and pattern at synth/);
  });

  test("source EventGrid stays unscalable even when processed blobs are removed", () => {
    expect(mapTrigger({ type: "blobTrigger", path: "images/{name}", source: "EventGrid" }, { settings: {}, hostJson: {}, blobsRemovedAfterProcessing: true }).kind).toBe("unscalable");
  });
});
