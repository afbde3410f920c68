// `node bench/profile.mjs`: where the time of one synth of the default configuration
// goes, in the synth runner's own setup (bundle + code cache). Median of 5 fresh
// processes after a warm-up. Stages:
//   boot        node itself, until this script's first line
//   cache check the runner's freshness check of .build/ (no rebuild when nothing changed)
//   load        evaluating the bundle: cdktf, the provider modules, the project's modules
//   construct   `new App()` + `addEnvironment()`: the construct tree (of which: file system)
//   synth       `app.synth()`: aspects, token resolution, JSON, files (of which: file system calls)
// and, timed apart after the synth: token resolution alone (`toTerraform()` of every stack),
// JSON serialization alone (cdktf's json-stable-stringify of those documents), and the
// Docker build context that the workload stack hashes and stages.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import fs from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { bundleApp, runBundle } from "../scripts/run-app.mjs";
import { median } from "./lib/measure.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

if (process.argv[2] === "--child") console.log(JSON.stringify(await profileOnce()));
else report();

async function profileOnce() {
  const boot = performance.now();
  const outfile = join(root, ".build", "bench", "profile", "entry.js");
  let start = performance.now();
  await bundleApp({ entry: "bench/profile/entry.ts", outfile });
  const cacheCheck = performance.now() - start;
  process.chdir(root);

  start = performance.now();
  const project = runBundle(outfile);
  const load = performance.now() - start;

  const outdir = mkdtempSync(join(tmpdir(), "profile-"));
  const fsTime = timeCalls(fs, ["readFileSync", "readdirSync", "statSync", "lstatSync", "existsSync", "copyFileSync", "mkdirSync", "writeFileSync", "renameSync", "rmSync"]);

  start = performance.now();
  const app = new project.App({ outdir: join(outdir, "cdktf.out") });
  project.addEnvironment(app, project.environmentConfig(undefined));
  const construct = performance.now() - start;
  const constructFs = fsTime.take();

  start = performance.now();
  app.synth();
  const synth = performance.now() - start;
  const synthFs = fsTime.take();
  fsTime.restore();

  const stacks = app.node.children.filter((child) => project.TerraformStack.isStack(child));
  start = performance.now();
  const documents = stacks.map((stack) => stack.toTerraform());
  const resolve = performance.now() - start;
  const stringify = createRequire(join(root, "node_modules", "cdktf", "package.json"))("json-stable-stringify");
  start = performance.now();
  for (const document of documents) stringify(document, { space: 2 });
  const json = performance.now() - start;

  start = performance.now();
  const context = project.readDockerContext(join(root, "function-app"));
  const contextRead = performance.now() - start;
  start = performance.now();
  project.stageDockerContext(context);
  const contextStage = performance.now() - start;
  rmSync(outdir, { recursive: true, force: true });

  return { boot, cacheCheck, load, construct, constructFs, synth, synthFs, resolve, json, stacks: stacks.length, contextRead, contextStage, contextFiles: context.files.length };
}

/** Wraps `names` of `target` so that the time spent in them adds up; `take()` reads and resets. */
function timeCalls(target, names) {
  const originals = new Map(names.map((name) => [name, target[name]]));
  let total = 0;
  let depth = 0;
  for (const [name, original] of originals) {
    target[name] = function (...args) {
      if (depth > 0) return original.apply(this, args);
      depth++;
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        total += performance.now() - start;
        depth--;
      }
    };
  }
  return {
    take: () => {
      const value = total;
      total = 0;
      return value;
    },
    restore: () => originals.forEach((original, name) => (target[name] = original)),
  };
}

function report() {
  const samples = [];
  for (let i = 0; i <= RUNS; i++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    });
    if (child.status !== 0) throw new Error(`profile run failed:\n${child.stderr}`);
    if (i > 0) samples.push(JSON.parse(child.stdout));
  }
  const m = (key) => median(samples.map((s) => s[key]));
  const total = m("boot") + m("cacheCheck") + m("load") + m("construct") + m("synth");
  const row = (label, value, share = true) =>
    `| ${label} | ${value.toFixed(1)} ms | ${share ? `${Math.round((100 * value) / total)} %` : ""} |`;
  console.log(
    [
      `Where one synth of the default configuration spends its time (median of ${RUNS} processes):`,
      "",
      "| stage | time | share |",
      "|---|---:|---:|",
      row("node boot (until the runner's first line)", m("boot")),
      row("runner: bundle freshness check", m("cacheCheck")),
      row("module loading (bundle + V8 code cache)", m("load")),
      row("construct tree (`new App` + `addEnvironment`)", m("construct")),
      row("↳ of which file system calls", m("constructFs"), false),
      row("`app.synth()`", m("synth")),
      row("↳ of which file system calls (writes, asset copy)", m("synthFs"), false),
      row("total", total),
      "",
      `Timed apart after the synth, for its ${samples[0].stacks} stacks: token resolution (\`toTerraform()\`) ` +
        `${m("resolve").toFixed(1)} ms, JSON serialization (json-stable-stringify) ${m("json").toFixed(1)} ms.`,
      `Docker build context of function-app/ (${samples[0].contextFiles} files), timed apart: ` +
        `read + hash ${m("contextRead").toFixed(1)} ms, stage (already staged) ${m("contextStage").toFixed(1)} ms.`,
    ].join("\n"),
  );
}
