// The floor app (bench/floor/main.ts), compiled file by file like `tsc` would (its imports stay
// `require`s) into .build/bench/floor/, so its rows run plain `node` on precompiled JavaScript.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export async function compileFloor() {
  await build({
    absWorkingDir: root,
    entryPoints: ["bench/floor/main.ts"],
    outdir: join(root, ".build", "bench", "floor"),
    format: "cjs",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
}
