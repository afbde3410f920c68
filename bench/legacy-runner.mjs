// The synth runner as it was before the benchmark (commit 25b8eee), kept to measure the
// change against: esbuild transpiles every project file on every run (no bundle, no
// cache) into .build/bench/per-file, then node requires ~420 modules one by one.
import { build } from "esbuild";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, ".build", "bench", "per-file");

await build({
  absWorkingDir: root,
  entryPoints: ["main.ts", "config/**/*.ts", "stacks/**/*.ts", "constructs/**/*.ts"],
  outdir,
  outbase: ".",
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});

process.chdir(root);
createRequire(import.meta.url)(join(outdir, "main.js"));
