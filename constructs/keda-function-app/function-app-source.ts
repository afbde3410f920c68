import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { FunctionMetadata, readFunctionsManifest } from "./functions-manifest";
import { HostJson } from "./keda-triggers";

/**
 * A function app's folder as the construct reads it: `host.json` and the
 * `functions.manifest.json` that `npm run discover` writes, each read once. Pass its
 * `functions` and `hostJson` to `KedaFunctionApp`, and its `directory` to an image source.
 */
export class FunctionAppSource {
  /**
   * Reads `<directory>/host.json` and `<directory>/functions.manifest.json` (functions sorted by
   * name). Throws naming the file when either is missing or malformed.
   */
  static fromDirectory(directory: string): FunctionAppSource {
    const absolute = resolve(directory);
    const manifest = readFunctionsManifest(join(absolute, "functions.manifest.json"));
    return new FunctionAppSource(directory, manifest.functions, readHostJson(join(absolute, "host.json")));
  }

  private constructor(
    /** The folder as given (relative paths stay relative, so synthesized paths do not depend on the machine). */
    readonly directory: string,
    /** The app's functions and their trigger bindings. */
    readonly functions: readonly FunctionMetadata[],
    /** The app's host.json. */
    readonly hostJson: HostJson,
  ) {}
}

function readHostJson(file: string): HostJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read the app's host.json ${file}: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error(`${file} must hold a JSON object.`);
  return parsed as HostJson;
}
