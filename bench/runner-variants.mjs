// `node bench/runner-variants.mjs`: is the synth runner's V8 code-cache loader worth its code?
// Runs the README synth (`node scripts/run-app.mjs`), the same runner with the bundle loaded by
// plain `require` (with and without Node's source maps; bench/runner-variants/load.mjs) and the
// floor (bench/floor, precompiled, plain node) interleaved, round after round, so a change in
// the machine's load hits every variant alike. Prints medians, min-max, and each / floor.
//   BENCH_ROUNDS=21 node bench/runner-variants.mjs     (default 15 rounds after 2 warm-ups)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { compileFloor } from "./lib/floor.mjs";
import { loadLine, machineLine } from "./lib/machine.mjs";
import { median } from "./lib/measure.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const scratch = mkdtempSync(join(tmpdir(), "bench-variants-"));
const outdir = join(scratch, "cdktf.out");
const env = { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: outdir };

const variants = [
  { label: "`node scripts/run-app.mjs` (bundle + V8 code cache, hand-mapped stack traces)", args: ["scripts/run-app.mjs"] },
  { label: "same runner, bundle loaded by `runBundle` from a bench script", args: ["bench/runner-variants/load.mjs", "code-cache"] },
  { label: "same runner, plain `require` + `process.setSourceMapsEnabled(true)`", args: ["bench/runner-variants/load.mjs", "require-maps"] },
  { label: "same runner, plain `require`, no source maps", args: ["bench/runner-variants/load.mjs", "require"] },
  { label: "floor: `node .build/bench/floor/main.js` (1 resource)", args: [".build/bench/floor/main.js"], floor: true },
];

await compileFloor();

// CPU seconds (user + sys) come from GNU time: on a shared machine they vary less than wall time.
const cpuFile = join(scratch, "cpu.txt");
function once(args) {
  rmSync(outdir, { recursive: true, force: true });
  const started = performance.now();
  const result = spawnSync("/usr/bin/time", ["-f", "%U %S", "-o", cpuFile, process.execPath, ...args], { cwd: root, env, encoding: "utf8" });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  const [user, sys] = readFileSync(cpuFile, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
  return { wall, cpu: user + sys };
}

const loadBefore = loadLine();
for (let warm = 0; warm < 2; warm++) for (const v of variants) once(v.args);
const times = variants.map(() => []);
for (let round = 0; round < ROUNDS; round++) variants.forEach((v, i) => times[i].push(once(v.args)));
rmSync(scratch, { recursive: true, force: true });

const floorIndex = variants.findIndex((v) => v.floor);
const walls = times.map((t) => t.map((r) => r.wall));
const cpus = times.map((t) => t.map((r) => r.cpu));
const floor = median(walls[floorIndex]);
const floorCpu = median(cpus[floorIndex]);
const ms = (s) => `${Math.round(s * 1000)} ms`;
console.log(`Machine: ${machineLine()}`);
console.log(`Load average before: ${loadBefore}; after: ${loadLine()}. ${ROUNDS} interleaved rounds after 2 warm-ups.\n`);
console.log("| variant | wall median | min–max | / floor | CPU (user+sys) median | / floor |");
console.log("|---|---:|---:|---:|---:|---:|");
variants.forEach((v, i) => {
  const m = median(walls[i]);
  const c = median(cpus[i]);
  const range = `${ms(Math.min(...walls[i]))}–${ms(Math.max(...walls[i]))}`;
  console.log(`| ${v.label} | ${ms(m)} | ${range} | ${(m / floor).toFixed(2)}× | ${ms(c)} | ${(c / floorCpu).toFixed(2)}× |`);
});
