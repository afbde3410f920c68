// One variant of the synth runner's module loading, for bench/runner-variants.mjs: the same
// freshness check, bundle and report as scripts/run-app.mjs, only the way .build/main.js is
// loaded differs. `node bench/runner-variants/load.mjs <variant>`, variants:
//   code-cache       runBundle(): vm.Script with the V8 code cache (what the runner does)
//   require-maps     plain require() with Node's own source maps (process.setSourceMapsEnabled)
//   require          plain require(), no source maps (the lower bound of loading)
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { bundleApp, formatSynthReport, readSynthResult, runBundle } from "../../scripts/run-app.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const variant = process.argv[2];
const started = performance.now();
const startedAt = Date.now();
const outfile = join(root, ".build", "main.js");
await bundleApp({ entry: "main.ts", outfile });
process.chdir(root);
process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS ??= "true";
if (variant === "code-cache") runBundle(outfile);
else if (variant === "require-maps") {
  process.setSourceMapsEnabled(true);
  createRequire(import.meta.url)(outfile);
} else if (variant === "require") createRequire(import.meta.url)(outfile);
else throw new Error(`unknown variant ${variant}`);
const stacks = readSynthResult(resolve(root, process.env.CDKTF_OUTDIR ?? "cdktf.out"), startedAt - 1);
const { lines } = formatSynthReport(stacks, { cwd: root, seconds: (performance.now() - started) / 1000 });
process.stderr.write(`${lines.join("\n")}\n`);
