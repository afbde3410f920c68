// Synth without type-checking: esbuild transpiles the project's own TypeScript
// (~50 ms) and the compiled app runs in this same process. Type-checking is the
// job of `npm test` / CI (`tsc --noEmit`).
import { build } from "esbuild";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, ".build");

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
