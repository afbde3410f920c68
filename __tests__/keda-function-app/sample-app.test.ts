import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { locateSampleApp, sampleFunctionAppDirectory } from "../../constructs/keda-function-app/sample-app";

// The examples build the sample app shipped in the package; it is found by walking up to the
// package root (package.json named keda-functions-aks with function-app/functions.manifest.json).

const REPO = join(__dirname, "..", "..");

/** A folder tree: `package.json` named `name` (or raw text), optionally with the sample's manifest. */
function tree(pkg: string | undefined, withManifest: boolean): string {
  const root = mkdtempSync(join(tmpdir(), "sample-app-"));
  if (pkg !== undefined) writeFileSync(join(root, "package.json"), pkg.startsWith("{") ? pkg : JSON.stringify({ name: pkg }));
  if (withManifest) {
    mkdirSync(join(root, "function-app"));
    writeFileSync(join(root, "function-app", "functions.manifest.json"), "{}");
  }
  mkdirSync(join(root, "a", "b"), { recursive: true });
  return root;
}

describe("the sample function app", () => {
  test("is the repository's function-app/ from the sources", () => {
    expect(sampleFunctionAppDirectory()).toBe(join(REPO, "function-app"));
  });

  test("is found from a folder deep below the package root", () => {
    const root = tree("keda-functions-aks", true);
    expect(locateSampleApp([join(root, "a", "b")])).toBe(join(root, "function-app"));
  });

  test("a later start is tried when the first leads nowhere", () => {
    const root = tree("keda-functions-aks", true);
    const elsewhere = tree(undefined, false);
    expect(locateSampleApp([elsewhere, join(root, "a")])).toBe(join(root, "function-app"));
  });

  test.each([
    ["another package's function-app", () => tree("my-functions", true)],
    ["the package without the sample's manifest", () => tree("keda-functions-aks", false)],
    ["a package.json that is not JSON", () => tree("{ not json", true)],
  ])("%s is not the sample: the error names every start", (_name, make) => {
    const start = join(make(), "a", "b");
    expect(() => locateSampleApp([start, "/"])).toThrow(
      `The sample function app of keda-functions-aks was not found above ${start} or /: use the package as installed (not re-bundled), or point at your own app's folder.`,
    );
  });
});
