import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Environment variables shared by global-setup.ts and global-teardown.ts. */
export const RUN_DIR_VARIABLE = "KEDAFN_JEST_TMPDIR";
/** The TMPDIR the process had before this run (empty string: it had none), restored by the teardown. */
export const TMPDIR_BEFORE_VARIABLE = "KEDAFN_JEST_TMPDIR_BEFORE";

/**
 * Gives the whole jest run one private temp folder: every mkdtemp, cdktf Testing outdir
 * and staged Docker context of the tests lands under it, and global-teardown removes it.
 * Workers are started after this runs, so they inherit TMPDIR.
 *
 * One process may run jest many times (Stryker's jest runner calls jest in-process for
 * every mutant; so does `jest --watch`). The teardown therefore puts TMPDIR back, so each
 * run's folder is made next to the previous one, never inside the folder just deleted.
 */
export default function globalSetup(): void {
  process.env[TMPDIR_BEFORE_VARIABLE] = process.env.TMPDIR ?? "";
  const runDir = mkdtempSync(join(tmpdir(), "kedafn-jest-"));
  process.env[RUN_DIR_VARIABLE] = runDir;
  process.env.TMPDIR = runDir;
}
