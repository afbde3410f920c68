import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import globalSetup, { RUN_DIR_VARIABLE } from "./global-setup";

/** Where the shared synth of the built-in environments lives, for synth-app.ts (absent: none). */
export const SHARED_SYNTH_VARIABLE = "KEDAFN_JEST_SHARED_SYNTH";
/** The built-in environments synthesized once per run. */
export const SHARED_ENVIRONMENTS = ["dev", "prod"] as const;

const ROOT = join(__dirname, "..", "..");

/**
 * `npm test`'s global setup: the run's temp folder (global-setup.ts), then dev and prod
 * synthesized once, with the README's runner (`node scripts/run-app.mjs`), into that folder.
 * Many suites only read the stacks of an unchanged built-in environment; each synthesized them
 * again in-process (about half a second per synth). `synthEnvironment` now reads these.
 *
 * A failed synth is not an error here: the variable stays unset, every suite synthesizes
 * in-process, and the failing suites report the synth error where it belongs.
 */
export default function globalSetupWithSharedSynth(): void {
  globalSetup();
  const dir = join(process.env[RUN_DIR_VARIABLE]!, "shared-synth");
  mkdirSync(dir);
  for (const environment of SHARED_ENVIRONMENTS) {
    const outdir = join(dir, environment);
    const { CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: _c, SYNTH_HCL_OUTPUT: _s, ...env } = process.env;
    const result = spawnSync(process.execPath, [join(ROOT, "scripts", "run-app.mjs")], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...env, CHECKPOINT_DISABLE: "1", DEPLOY_ENV: environment, CDKTF_OUTDIR: outdir },
    });
    if (result.status !== 0 || !existsSync(join(outdir, "manifest.json"))) return;
  }
  process.env[SHARED_SYNTH_VARIABLE] = dir;
}
