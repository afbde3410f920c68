import { rmSync } from "node:fs";
import { RUN_DIR_VARIABLE, TMPDIR_BEFORE_VARIABLE } from "./global-setup";

/**
 * Removes the run's temp folder made by global-setup.ts, whatever the tests left in it, and
 * gives the process back the TMPDIR it had, so a later jest run in the same process (Stryker,
 * `--watch`) does not try to create its folder inside the one removed here.
 */
export default function globalTeardown(): void {
  const runDir = process.env[RUN_DIR_VARIABLE];
  if (runDir !== undefined) rmSync(runDir, { recursive: true, force: true });
  delete process.env[RUN_DIR_VARIABLE];
  // Set by global-setup-shared-synth.ts; its folder was inside the run's folder.
  delete process.env.KEDAFN_JEST_SHARED_SYNTH;
  const before = process.env[TMPDIR_BEFORE_VARIABLE];
  if (before === undefined) return;
  if (before === "") delete process.env.TMPDIR;
  else process.env.TMPDIR = before;
  delete process.env[TMPDIR_BEFORE_VARIABLE];
}
