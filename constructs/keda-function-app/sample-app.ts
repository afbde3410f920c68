import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const PACKAGE_NAME = "keda-functions-aks";

/**
 * Absolute path of the sample Azure Functions app shipped in this package (`function-app/`:
 * an HTTP and a queue function, their Dockerfile, host.json and functions manifest). The
 * examples build on it so they run from the installed package; point `sourceDirectory` /
 * `readFunctionsManifest` at your own app instead.
 *
 * Found by walking up from this module to the package root, so it works from `dist/`, from
 * the sources and from the repository's synth bundle; then from the working directory (a
 * bundle written elsewhere but run inside the package's checkout). Throws when neither leads
 * to the package.
 */
export function sampleFunctionAppDirectory(): string {
  return locateSampleApp([__dirname, process.cwd()]);
}

/** The sample app found above the first of `starts` that leads to the package; throws naming them all. */
export function locateSampleApp(starts: readonly string[]): string {
  for (const start of starts) {
    const found = findUpwards(start);
    if (found !== undefined) return found;
  }
  throw new Error(
    `The sample function app of ${PACKAGE_NAME} was not found above ${starts.join(" or ")}: use the package as installed (not re-bundled), or point at your own app's folder.`,
  );
}

function findUpwards(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, "function-app");
    if (isPackageRoot(dir) && existsSync(join(candidate, "functions.manifest.json"))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function isPackageRoot(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}
