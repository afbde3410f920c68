import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { globFiles } from "../../core/glob";
import { sortKeysDeep } from "../../core/stable-json";
import { FunctionMetadata, FunctionsManifest, TriggerBinding } from "../functions-manifest";
import { recordRegistrations } from "./registration-recorder";
import { byCodePoint } from "../../core/ordering";

/** How `discoverFunctions` loads the built app: its folder, extra module paths, environment and time limit. */
export interface DiscoveryOptions {
  /** Folder of the built app: its `package.json#main` glob names the compiled entry files. */
  readonly appDir: string;
  /**
   * Extra folders searched for packages the app requires (`NODE_PATH`), e.g. where
   * `@azure/functions` is installed when the app folder has no `node_modules`.
   * @default []
   */
  readonly modulePaths?: readonly string[];
  /** Environment variables for the app's top-level code, on top of this process's. @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** Milliseconds before the child process is killed. @default 60000 */
  readonly timeoutMs?: number;
}

/** Metadata of one function as `@azure/functions` passes it to `registerFunction`. */
export interface RegisteredFunction {
  readonly name: string;
  readonly bindings: Readonly<Record<string, { readonly type: string; readonly direction?: string; readonly [k: string]: unknown }>>;
}

/**
 * Finds the functions of a Node.js v4 programming model app the way the Functions worker
 * does: loads the compiled entry files in a child process with a recording stub of
 * `@azure/functions-core`, then turns each registration into a manifest entry.
 * It runs the app's top-level code, so it belongs in a build step (`npm run discover`),
 * never in synth.
 */
export function discoverFunctions(options: DiscoveryOptions): FunctionsManifest {
  const appDir = resolve(options.appDir);
  const files = entryFiles(appDir);
  const scratch = mkdtempSync(join(tmpdir(), "functions-discovery-"));
  try {
    const output = join(scratch, "registrations.json");
    const request = JSON.stringify({ files, output, cwd: appDir });
    const program = `(${recordRegistrations.toString()})(process.argv[1]).then(() => process.exit(0), (error) => { console.error(error && error.stack || error); process.exit(1); });`;
    const nodePath = [...(options.modulePaths ?? []).map((p) => resolve(p)), process.env.NODE_PATH ?? ""].filter((p) => p !== "");
    const result = spawnSync(process.execPath, ["-e", program, request], {
      cwd: appDir,
      encoding: "utf8",
      timeout: options.timeoutMs ?? 60_000,
      env: { ...process.env, ...options.env, NODE_PATH: nodePath.join(delimiter), FUNCTIONS_WORKER_RUNTIME: "node" },
    });
    if (result.status !== 0) {
      const reason = result.error?.message ?? result.stderr.trim().split("\n").slice(0, 20).join("\n");
      throw new Error(`Function discovery failed while loading the app in ${appDir}:\n${reason}`);
    }
    return manifestFromRegistrations(JSON.parse(readFileSync(output, "utf8")) as RegisteredFunction[]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The compiled entry files named by the app's `package.json#main` (a file or a glob). */
export function entryFiles(appDir: string): string[] {
  let main: unknown;
  try {
    main = (JSON.parse(readFileSync(join(appDir, "package.json"), "utf8")) as { main?: unknown }).main;
  } catch (error) {
    throw new Error(`Cannot read ${join(appDir, "package.json")}: ${(error as Error).message}`);
  }
  if (typeof main !== "string" || main.trim() === "") {
    throw new Error(`${join(appDir, "package.json")} has no "main": set it to the compiled entry files, e.g. "dist/src/functions/*.js".`);
  }
  const files = globFiles(appDir, main);
  if (files.length === 0) {
    throw new Error(`package.json "main" (${JSON.stringify(main)}) matches no file in ${appDir}: build the app first (npm --prefix ${appDir} run build).`);
  }
  return files.map((file) => join(appDir, file));
}

/**
 * One manifest entry per registered function: its name and its trigger binding (the
 * binding whose type ends in `Trigger`), without the worker-only `direction`, `name`
 * and `properties`. Sorted by name, keys sorted: the output is byte-stable.
 */
export function manifestFromRegistrations(registrations: readonly RegisteredFunction[]): FunctionsManifest {
  const functions = registrations.map((registration): FunctionMetadata => {
    const triggers = Object.values(registration.bindings ?? {}).filter(
      (b) => b.direction !== "out" && typeof b.type === "string" && /trigger$/i.test(b.type),
    );
    if (triggers.length !== 1) {
      throw new Error(`Function "${registration.name}" must have exactly one trigger binding, found ${triggers.length}.`);
    }
    const { direction: _direction, name: _name, properties: _properties, ...options } = triggers[0];
    return { name: registration.name, trigger: sortKeysDeep(options) as TriggerBinding };
  });
  const names = functions.map((f) => f.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw new Error(`Function "${duplicate}" is registered twice.`);
  return { functions: functions.sort((a, b) => byCodePoint(a.name, b.name)) };
}

/** The manifest as committed: two-space JSON with sorted keys and a final newline. */
export function formatFunctionsManifest(manifest: FunctionsManifest): string {
  return `${JSON.stringify(sortKeysDeep(manifest), null, 2)}\n`;
}

/** Writes the manifest as `formatFunctionsManifest` formats it (what `npm run discover` commits). */
export function writeFunctionsManifest(file: string, manifest: FunctionsManifest): void {
  writeFileSync(file, formatFunctionsManifest(manifest));
}
