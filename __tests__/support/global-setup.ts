import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Gives the whole jest run one private temp folder: every mkdtemp, cdktf Testing outdir
 * and staged Docker context of the tests lands under it, and global-teardown removes it.
 * Workers are started after this runs, so they inherit TMPDIR.
 */
export default function globalSetup(): void {
  const runDir = mkdtempSync(join(tmpdir(), "kedafn-jest-"));
  process.env.KEDAFN_JEST_TMPDIR = runDir;
  process.env.TMPDIR = runDir;
}
