// `npm run bench`: how fast synth and the tests are, against the floor, in one table.
// Every row is measured in the same run: one warm-up, then the median of the timed runs.
// Synth rows write to a scratch CDKTF_OUTDIR that is removed before each run, so the
// project's own cdktf.out/ is left alone. Not part of `npm test`; see BENCHMARKS.md.
//
//   npm run bench                      # the full table (about 5 minutes on 2 cores)
//   npm run bench -- --out FILE        # also write the report to FILE (markdown)
//   BENCH_RUNS=1 npm run bench         # smoke run: 1 timed run per row
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileFloor } from "./lib/floor.mjs";
import { loadLine, machineLine } from "./lib/machine.mjs";
import { median, rssMethod, sample } from "./lib/measure.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const override = process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) : undefined;
const RUNS = override ?? 5;
const SLOW_RUNS = override ?? 3;
const outFile = process.argv.includes("--out") ? process.argv[process.argv.indexOf("--out") + 1] : undefined;

const scratch = mkdtempSync(join(tmpdir(), "bench-"));
const outdir = join(scratch, "cdktf.out");
const synthEnv = { CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: outdir };
const cleanOutdir = () => rmSync(outdir, { recursive: true, force: true });
const bundleCache = [".inputs.json", ".v8cache"].map((suffix) => join(root, ".build", `main.js${suffix}`));
const jestFiles = new Map();
const jestReport = join(scratch, "jest.json");

const rows = [
  { id: "1", label: "`node scripts/run-app.mjs` (README, default config)", command: "node scripts/run-app.mjs", runs: RUNS, key: "synth" },
  { id: "1", label: "  `npm run synth` (the same through npm)", command: "npm run synth", runs: RUNS, key: "npmSynth" },
  {
    id: "1",
    label: "  first synth after an edit (bundle rebuilt, no code cache)",
    command: "node scripts/run-app.mjs",
    runs: RUNS,
    prepare: () => bundleCache.forEach((file) => rmSync(file, { force: true })),
  },
  { id: "1", label: "  before: per-file transpile + require (old runner)", command: "node bench/legacy-runner.mjs", runs: RUNS },
  { id: "2", label: "`npx cdktf synth` (CLI → cdktf.json app)", command: `npx cdktf synth --output ${outdir}`, runs: SLOW_RUNS },
  { id: "3", label: "`npx ts-node main.ts` (template default, type-check)", command: "npx ts-node main.ts", runs: SLOW_RUNS, key: "tsnode" },
  { id: "4", label: "floor: `node` on precompiled bench/floor (1 resource)", command: "node .build/bench/floor/main.js", runs: RUNS, key: "floor" },
  ...[1, 10, 50].map((apps) => ({
    id: "5",
    label: `scaling: ${apps} KedaFunctionApp${apps === 1 ? "" : "s"} (fromReference)`,
    command: "node scripts/run-app.mjs bench/scaling/main.ts",
    env: { BENCH_APPS: String(apps) },
    runs: RUNS,
    key: `apps${apps}`,
  })),
  { id: "6", label: "`npm test` (incremental type-check + in-process jest suites)", command: "npm test", runs: SLOW_RUNS, keepFailures: true, key: "npmTest" },
  { id: "6", label: "  `npm run typecheck` (incremental, warm build info)", command: "npm run typecheck", runs: RUNS, keepFailures: true, key: "tsc" },
  {
    id: "6",
    label: "  `npx jest -c jest.bundles.config.js` (the in-process suites, bundled)",
    command: `npx jest -c jest.bundles.config.js --json --outputFile=${jestReport}`,
    runs: SLOW_RUNS,
    keepFailures: true,
    key: "jest",
    after: recordJestFiles,
  },
  { id: "6", label: "`npm run test:integration` (process suites, package e2e, gates)", command: "npm run test:integration", runs: SLOW_RUNS, keepFailures: true, key: "integration" },
];

const loadBefore = loadLine();
await compileFloor();
const results = {};
for (const row of rows) {
  process.stderr.write(`bench: ${row.label.trim()} ... `);
  const { id: _id, label: _label, command, key, env, prepare, ...options } = row;
  row.result = await sample(command, {
    ...options,
    cwd: root,
    // Test rows run as a developer would; only synth rows get the scratch outdir.
    env: { ...(row.id === "6" ? { CHECKPOINT_DISABLE: "1" } : synthEnv), ...env },
    prepare: () => {
      cleanOutdir();
      prepare?.();
    },
  });
  if (key) results[key] = row.result;
  process.stderr.write(row.result.wall ? `${seconds(row.result.wall.median)}\n` : `${row.result.error}\n`);
}
cleanOutdir();
rmSync(scratch, { recursive: true, force: true });

const report = [
  `Machine: ${machineLine()}`,
  `Load average before: ${loadBefore}; after: ${loadLine()}. Peak RSS: ${rssMethod}, largest single process of the command.`,
  "",
  "| # | what | runs | wall median | min–max | peak RSS median | note |",
  "|---|---|---:|---:|---:|---:|---|",
  ...rows.map(formatRow),
  "",
  ...ratios(),
  "",
  ...targets(),
  "",
  ...slowestTestFiles(),
].join("\n");
console.log(report);
if (outFile) writeFileSync(outFile, `${report}\n`);

function recordJestFiles() {
  let report;
  try {
    report = JSON.parse(readFileSync(jestReport, "utf8"));
  } catch {
    return;
  }
  for (const file of report.testResults ?? []) {
    const name = file.name.slice(root.length + 1);
    jestFiles.set(name, [...(jestFiles.get(name) ?? []), (file.endTime - file.startTime) / 1000]);
  }
}

function formatRow({ id, label, runs, result }) {
  const { wall, rssMb, error } = result;
  const cells = wall
    ? [`${result.runs}/${runs}`, seconds(wall.median), `${seconds(wall.min)}–${seconds(wall.max)}`, `${Math.round(rssMb.median)} MB`]
    : [`0/${runs}`, "–", "–", "–"];
  return `| ${id} | ${label.replace(/^ +/, "↳ ")} | ${cells.join(" | ")} | ${error ? `failed: ${error.replace(/\|/g, "\\|")}` : ""} |`;
}

function ratios() {
  const { synth, npmSynth, floor, tsnode, apps1, apps50 } = results;
  const lines = ["Ratios (same run):"];
  const ratio = (a, b) => (a?.wall && b?.wall ? `${(a.wall.median / b.wall.median).toFixed(2)}×` : "n/a");
  lines.push(`- README synth / floor: \`node scripts/run-app.mjs\` ${ratio(synth, floor)} (through npm: ${ratio(npmSynth, floor)})`);
  lines.push(`- ts-node template default / README synth: ${ratio(tsnode, synth)} (through npm: ${ratio(tsnode, npmSynth)})`);
  if (apps1?.wall && apps50?.wall) {
    const ms = ((apps50.wall.median - apps1.wall.median) / 49) * 1000;
    const mb = (apps50.rssMb.median - apps1.rssMb.median) / 49;
    lines.push(`- cost of one more KedaFunctionApp (N=1 → 50): ${ms.toFixed(1)} ms and ${mb.toFixed(2)} MB peak RSS`);
  }
  return lines;
}

function targets() {
  const { synth, floor, tsnode, apps50, npmTest } = results;
  const slowest = Math.max(0, ...[...jestFiles.values()].map(median));
  const check = (ok) => (ok === undefined ? "n/a " : ok ? "met " : "MISSED");
  const ok = (...results) => results.every((r) => r?.wall);
  return [
    "Targets:",
    `- ${check(ok(synth, floor) ? synth.wall.median <= 1.5 * floor.wall.median : undefined)} README synth ≤ 1.5× floor`,
    `- ${check(ok(synth, tsnode) ? tsnode.wall.median >= 8 * synth.wall.median : undefined)} README synth ≥ 8× faster than \`npx ts-node main.ts\``,
    `- ${check(ok(apps50) ? apps50.wall.median <= 3 && apps50.rssMb.median <= 300 : undefined)} N = 50 apps ≤ 3 s and ≤ 300 MB`,
    `- ${check(ok(npmTest) ? npmTest.wall.median <= 30 : undefined)} \`npm test\` ≤ 30 s${ok(npmTest) ? ` (median ${seconds(npmTest.wall.median)})` : ""}`,
    `- ${check(jestFiles.size > 0 ? slowest <= 5 : undefined)} no test file over 5 s in \`npx jest\` (slowest median: ${seconds(slowest)}; the process suites are the \`test:integration\` row)`,
  ];
}

function slowestTestFiles() {
  const files = [...jestFiles].map(([name, times]) => [name, median(times)]).sort((a, b) => b[1] - a[1]);
  return [
    `Slowest test files (median of ${results.jest?.runs ?? 0} jest runs; ${files.length} files):`,
    ...files.slice(0, 5).map(([name, time]) => `- ${seconds(time)} ${name}`),
  ];
}

function seconds(value) {
  return `${value.toFixed(value < 10 ? 2 : 1)} s`;
}
