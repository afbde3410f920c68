import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

const root = resolve(__dirname, "..", "..");

/** Every file under `dir` with its bytes, keyed by relative path. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full)] = readFileSync(full).toString("base64");
    }
  };
  walk(dir);
  return files;
}

/** `node scripts/run-app.mjs` as a user runs it, from `cwd`, in time zone `tz`. */
function synthFrom(cwd: string, tz: string, lang: string, environment: string): string {
  const outdir = mkdtempSync(join(tmpdir(), "determinism-out-"));
  const result = spawnSync(process.execPath, [join(root, "scripts", "run-app.mjs")], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, TZ: tz, LANG: lang, LC_ALL: lang, CDKTF_OUTDIR: outdir, DEPLOY_ENV: environment, CHECKPOINT_DISABLE: "1" },
  });
  if (result.status !== 0) throw new Error(`synth failed: ${result.stderr}`);
  return outdir;
}

describe("R11 two synths from different working directories and time zones are byte-identical", () => {
  test.each(["dev", "prod"])("%s", (environment) => {
    const first = tree(synthFrom(root, "UTC", "C.UTF-8", environment));
    const second = tree(synthFrom(mkdtempSync(join(tmpdir(), "determinism-cwd-")), "Pacific/Kiritimati", "de_DE.UTF-8", environment));
    expect(Object.keys(first).length).toBeGreaterThan(3);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    for (const file of Object.keys(first)) expect({ file, same: second[file] === first[file] }).toEqual({ file, same: true });
    // Neither output may embed this machine's paths.
    const text = Object.values(first).map((b) => Buffer.from(b, "base64").toString("utf8")).join("\n");
    expect(text).not.toContain(root);
    expect(text).not.toContain(join(tmpdir(), "determinism-"));
  });
});
