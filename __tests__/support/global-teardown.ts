import { rmSync } from "node:fs";

/** Removes the run's temp folder made by global-setup.ts, whatever the tests left in it. */
export default function globalTeardown(): void {
  const runDir = process.env.KEDAFN_JEST_TMPDIR;
  if (runDir !== undefined) rmSync(runDir, { recursive: true, force: true });
}
