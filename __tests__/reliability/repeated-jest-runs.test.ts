import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Stryker's jest runner (npm run mutation) calls jest many times in one process, so the
 * global setup/teardown pair must work any number of times in a row: each run gets a fresh,
 * existing folder under the process's own TMPDIR, and TMPDIR is handed back afterwards.
 * The pair runs in a child process because os.tmpdir() reads the real process environment,
 * which a jest test cannot change.
 */
const SUPPORT = join(__dirname, "..", "support");

/** Runs global setup + teardown `runs` times in one fresh node process; returns what each run saw. */
function runRepeatedly(runs: number, tmpdirValue: string | undefined): { error?: string; seen: any[]; tmpdirAfter: string | null } {
  const script = `
    const { existsSync } = require("node:fs");
    const { tmpdir } = require("node:os");
    const setup = require(${JSON.stringify(join(SUPPORT, "global-setup.ts"))}).default;
    const teardown = require(${JSON.stringify(join(SUPPORT, "global-teardown.ts"))}).default;
    const seen = [];
    let error;
    try {
      for (let i = 0; i < ${runs}; i++) {
        setup();
        const runDir = process.env.KEDAFN_JEST_TMPDIR;
        const during = { runDir, existed: existsSync(runDir), tmpdir: tmpdir() };
        teardown();
        seen.push({ ...during, existsAfter: existsSync(runDir), tmpdirAfter: tmpdir() });
      }
    } catch (e) { error = String(e && e.message); }
    process.stdout.write(JSON.stringify({ error, seen, tmpdirAfter: process.env.TMPDIR ?? null }));
  `;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.KEDAFN_JEST_TMPDIR;
  delete env.KEDAFN_JEST_TMPDIR_BEFORE;
  if (tmpdirValue === undefined) delete env.TMPDIR;
  else env.TMPDIR = tmpdirValue;
  const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { env, encoding: "utf8" });
  return JSON.parse(out);
}

describe("jest global setup and teardown, run repeatedly in one process", () => {
  it("makes a fresh folder under the original TMPDIR on every run and removes it afterwards", () => {
    const base = mkdtempSync(join(tmpdir(), "repeated-runs-"));
    try {
      const result = runRepeatedly(3, base);
      expect(result.error).toBeUndefined();
      expect(result.seen).toHaveLength(3);
      for (const run of result.seen) {
        expect(run.existed).toBe(true);
        expect(run.tmpdir).toBe(run.runDir);
        expect(run.runDir.startsWith(join(base, "kedafn-jest-"))).toBe(true);
        expect(run.existsAfter).toBe(false);
        expect(run.tmpdirAfter).toBe(base);
      }
      expect(new Set(result.seen.map((run) => run.runDir)).size).toBe(3);
      expect(result.tmpdirAfter).toBe(base);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it("leaves TMPDIR unset afterwards when it was unset before", () => {
    const result = runRepeatedly(2, undefined);
    expect(result.error).toBeUndefined();
    expect(result.seen).toHaveLength(2);
    expect(result.tmpdirAfter).toBeNull();
  });
});
