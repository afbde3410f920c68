import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";

/* eslint-disable @typescript-eslint/no-require-imports */
const { BUNDLES, INTEGRATION_SUITES } = require("../../jest.shared.js") as {
  BUNDLES: Record<string, string[]>;
  INTEGRATION_SUITES: string[];
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = join(__dirname, "..", "..");

/** Every `*.test.ts` below `dir`, sorted; fixtures, snapshots and node_modules left out. */
export function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return ["node_modules", "fixtures", "__snapshots__"].includes(name) ? [] : testFiles(path);
      return name.endsWith(".test.ts") ? [path] : [];
    });
}

/** A suite with snapshots runs as its own test file: jest keys the snapshot file by the test file's path. */
export function hasSnapshots(file: string): boolean {
  return existsSync(join(dirname(file), "__snapshots__", `${basename(file)}.snap`));
}

/** Whether `file` is an integration suite (jest.shared.js), run only by `npm run test:integration`. */
export const isIntegration = (file: string) => INTEGRATION_SUITES.some((pattern) => new RegExp(pattern).test(file));

/** The suites of bundle `name`: every in-process test file of its folders, without snapshot suites. */
export function bundleMembers(name: string): string[] {
  const folders = BUNDLES[name];
  if (folders === undefined) throw new Error(`jest.shared.js has no bundle "${name}"; known: ${Object.keys(BUNDLES).join(", ")}`);
  return folders.flatMap((folder) => testFiles(join(ROOT, folder))).filter((file) => !isIntegration(file) && !hasSnapshots(file));
}

/**
 * Registers each suite of bundle `name` in the calling test file, inside a describe named by the
 * suite's path, so a failure reads `__tests__/x/y.test.ts › ...` and each suite's top-level hooks
 * stay scoped to it.
 */
export function bundle(name: string): void {
  registerSuites(bundleMembers(name));
}

/** Registers each of `files` (absolute paths of `*.test.ts`) in the calling test file, as `bundle` does. */
export function registerSuites(files: string[]): void {
  for (const file of files) {
    describe(relative(ROOT, file), () => {
      require(file);
    });
  }
}
