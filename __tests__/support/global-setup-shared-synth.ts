import { spawn } from "node:child_process";
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
export default async function globalSetupWithSharedSynth(): Promise<void> {
  globalSetup();
  const dir = join(process.env[RUN_DIR_VARIABLE]!, "shared-synth");
  mkdirSync(dir);
  // Side by side: the first jest worker starts only after this returns.
  const synthesized = await Promise.all(SHARED_ENVIRONMENTS.map((environment) => synth(environment, join(dir, environment))));
  if (synthesized.every(Boolean)) process.env[SHARED_SYNTH_VARIABLE] = dir;
}

/** `node scripts/run-app.mjs` for `environment` into `outdir`; resolves to whether it wrote a synth. */
function synth(environment: string, outdir: string): Promise<boolean> {
  const { CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: _c, SYNTH_HCL_OUTPUT: _s, ...env } = process.env;
  const child = spawn(process.execPath, [join(ROOT, "scripts", "run-app.mjs")], {
    cwd: ROOT,
    stdio: "ignore",
    env: { ...env, CHECKPOINT_DISABLE: "1", DEPLOY_ENV: environment, CDKTF_OUTDIR: outdir },
  });
  return new Promise((resolve) => {
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0 && existsSync(join(outdir, "manifest.json"))));
  });
}
