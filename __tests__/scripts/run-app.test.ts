import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";

// Issue 11 item 14: the README's synth command reports what it wrote and every annotation,
// fails on error annotations, and never runs a stale bundle or V8 code cache.

const ROOT = join(__dirname, "..", "..");
const FIXTURE = join("__tests__", "fixtures", "run-app", "annotated-app.ts");

jest.setTimeout(180_000);

/** `node scripts/run-app.mjs [entry]` of checkout `root`, run from `cwd`, writing to a fresh outdir. */
function synth(options: { root?: string; entry?: string; cwd?: string; env?: Record<string, string> } = {}) {
  const root = options.root ?? ROOT;
  const outdir = mkdtempSync(join(tmpdir(), "run-app-out-"));
  const { CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: _c, SYNTH_HCL_OUTPUT: _s, DEPLOY_ENV: _d, ...env } = process.env;
  const result = spawnSync(process.execPath, [join(root, "scripts", "run-app.mjs"), ...(options.entry ? [join(root, options.entry)] : [])], {
    cwd: options.cwd ?? root,
    encoding: "utf8",
    env: { ...env, CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: outdir, ...options.env },
  });
  return { ...result, outdir };
}

describe("the synth report (stderr)", () => {
  test("the README command lists each stack with the file it wrote, relative to the caller's folder; stdout stays empty", () => {
    const { status, stderr, stdout, outdir } = synth({ cwd: join(ROOT, "config") });
    expect(status).toBe(0);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Synthesized 3 stacks in \d+\.\d s:$/);
    for (const stack of ["dev-registry", "dev-cluster", "dev-workload"]) {
      const file = join(outdir, "stacks", stack, "cdk.tf.json");
      expect(existsSync(file)).toBe(true);
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^  ${stack} +${escape(relative(join(ROOT, "config"), file))}$`)));
    }
  });

  test("construct warnings are printed as the cdktf CLI prints them, and a warning alone exits 0", () => {
    const { status, stderr } = synth({ entry: FIXTURE });
    expect(stderr).toContain('WARN [first/nightly-app]: Function "nightly" cannot drive scaling');
    expect(stderr).not.toContain("ERROR");
    expect(status).toBe(0);
  });

  test("an error annotation exits 1, after every stack's annotations were printed", () => {
    const { status, stderr } = synth({ entry: FIXTURE, env: { FIXTURE_ERROR: "1" } });
    expect(stderr).toContain("ERROR [second]: the fixture's error annotation");
    expect(stderr).toContain('WARN [first/nightly-app]: Function "nightly" cannot drive scaling');
    expect(stderr).toContain("Synth failed: 1 error annotation (above).");
    expect(status).toBe(1);
  });

  test("an entry that synthesizes nothing reports nothing", () => {
    const { status, stderr, stdout } = synth({ entry: join("scripts", "manifests.ts"), env: { DEPLOY_ENV: "dev" } });
    expect(status).toBe(0);
    expect(stdout).toContain("kind: Namespace");
    expect(stderr).toBe("");
  });
});

describe("caches", () => {
  test("a V8 code cache made from another bundle of the same length is never used", () => {
    const dir = mkdtempSync(join(tmpdir(), "run-app-v8-"));
    // runBundle in a child process (jest cannot import the runner's ES module).
    const program = `
      const { writeFileSync } = await import("node:fs");
      const { runBundle } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "scripts", "run-app.mjs")).href)});
      const bundle = ${JSON.stringify(join(dir, "main.js"))};
      writeFileSync(bundle, 'module.exports = "old"; function f() { return 1; }');
      const seen = [runBundle(bundle), runBundle(bundle)]; // the second run uses the code cache
      // Same length, other content: what a concurrent rebuild or a restored .build/ leaves beside the cache.
      writeFileSync(bundle, 'module.exports = "new"; function f() { return 2; }');
      seen.push(runBundle(bundle));
      console.log(seen.join(","));`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("old,old,new");
  });

  test("a copied checkout (with its .build/) synthesizes its own edited sources, never the copied bundle", () => {
    const copy = join(mkdtempSync(join(tmpdir(), "run-app-copy-")), "checkout");
    const skip = new Set(["node_modules", ".git", "cdktf.out", "dist", "docs/api", "function-app/node_modules"].map((p) => p.split("/").join(sep)));
    // Warm the original's cache first, so the copy starts with a bundle that is fresh for the original.
    expect(synth().status).toBe(0);
    cpSync(ROOT, copy, { recursive: true, filter: (path) => !skip.has(relative(ROOT, path)) });
    symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
    expect(existsSync(join(copy, ".build", "main.js.v8cache"))).toBe(true);
    const before = synth({ root: copy });
    expect(before.status).toBe(0);
    expect(readFileSync(join(before.outdir, "stacks", "dev-registry", "cdk.tf.json"), "utf8")).toContain('"project": "keda-functions-aks"');
    // A same-length edit: only content tells the two bundles apart.
    const dev = join(copy, "config", "dev.ts");
    writeFileSync(dev, readFileSync(dev, "utf8").replace('project: "keda-functions-aks"', 'project: "keda-functions-xyz"'));
    const after = synth({ root: copy });
    expect(after.status).toBe(0);
    expect(readFileSync(join(after.outdir, "stacks", "dev-registry", "cdk.tf.json"), "utf8")).toContain('"project": "keda-functions-xyz"');
    // The original checkout is untouched by the copy's rebuild.
    const original = synth();
    expect(readFileSync(join(original.outdir, "stacks", "dev-registry", "cdk.tf.json"), "utf8")).toContain('"project": "keda-functions-aks"');
    rmSync(join(copy, ".."), { recursive: true, force: true });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
