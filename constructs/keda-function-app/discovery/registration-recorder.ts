/**
 * The program the discovery child process runs. It is serialized with
 * `Function.prototype.toString` and started with `node -e`, so it must be
 * self-contained: built-in modules only, required inside the body, no outer names.
 *
 * It plays the part of the Azure Functions Node.js worker: it answers
 * `require("@azure/functions-core")` with a stub whose `registerFunction` records each
 * function's metadata (the worker's `setupCoreModule` does the same with the real one),
 * loads every entry file, and writes the recorded metadata as JSON to `output`.
 *
 * @param request JSON `{ files: string[]; output: string; cwd: string }` (absolute paths).
 */
export async function recordRegistrations(request: string): Promise<void> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const Module = require("node:module") as { _load: (...args: unknown[]) => unknown };
  const { writeFileSync } = require("node:fs") as typeof import("node:fs");
  const { pathToFileURL } = require("node:url") as typeof import("node:url");
  const { files, output, cwd } = JSON.parse(request) as { files: string[]; output: string; cwd: string };

  const registrations: unknown[] = [];
  class Disposable {
    static from(): Disposable {
      return new Disposable();
    }
    dispose(): void {}
  }
  const coreApi = {
    version: "0.0.0-discovery",
    hostVersion: "4.0.0",
    registerFunction(metadata: unknown): Disposable {
      // A JSON round trip keeps exactly what the worker would send to the host.
      registrations.push(JSON.parse(JSON.stringify(metadata)));
      return new Disposable();
    },
    registerHook: (): Disposable => new Disposable(),
    setProgrammingModel: (): void => undefined,
    getProgrammingModel: (): undefined => undefined,
    log: (): void => undefined,
    Disposable,
  };
  const load = Module._load;
  Module._load = function (this: unknown, ...args: unknown[]) {
    return args[0] === "@azure/functions-core" ? coreApi : load.apply(this, args);
  };

  process.chdir(cwd);
  for (const file of files) {
    if (file.endsWith(".mjs")) await import(pathToFileURL(file).href);
    else require(file);
  }
  writeFileSync(output, JSON.stringify(registrations));
}
