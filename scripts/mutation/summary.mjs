#!/usr/bin/env node
// Per-folder mutation scores from Stryker's JSON report (mutation-testing-report-schema).
//   node scripts/mutation/summary.mjs [.reports/mutation/mutation.json] [--sample FILE] [--markdown]
// The path may also be the folder of Stryker's `event-recorder` reporter (reports/mutation/events):
// the mutants tested so far, for a run that is still going or was stopped.
// --sample FILE: the specs printed by scripts/mutation/sample.mjs; only the sampled mutants
// (exact location) are counted, and each score gets a 95 % Wilson interval.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { takeOption } from "./args.mjs";

const args = process.argv.slice(2);
const flag = (name) => takeOption(args, name, undefined);
const sampleFile = flag("--sample");
const markdown = args.includes("--markdown");
const reportPath = args.find((a) => !a.startsWith("--")) ?? ".reports/mutation/mutation.json";
/** A report's `files` map, from the JSON report or from the event recorder's onMutantTested files. */
function readFiles(path) {
  if (!statSync(path).isDirectory()) return JSON.parse(readFileSync(path, "utf8")).files;
  const files = {};
  for (const name of readdirSync(path).filter((n) => n.endsWith("-onMutantTested.json"))) {
    const mutant = JSON.parse(readFileSync(join(path, name), "utf8"));
    const file = relative(process.cwd(), mutant.fileName);
    (files[file] ??= { mutants: [] }).mutants.push(mutant);
  }
  return files;
}
const report = { files: readFiles(reportPath) };

const sampled = sampleFile === undefined ? undefined : new Set(readFileSync(sampleFile, "utf8").trim().split("\n"));
const specOf = (file, { start, end }) => `${file}:${start.line}:${start.column - 1}-${end.line}:${end.column - 1}`;

const STATUSES = ["Killed", "Survived", "NoCoverage", "Timeout", "Ignored", "CompileError", "RuntimeError"];
const folders = new Map();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const folder = file.split("/").slice(0, 2).join("/");
  const counts = folders.get(folder) ?? Object.fromEntries([...STATUSES.map((s) => [s, 0]), ["total", 0]]);
  for (const mutant of mutants) {
    if (sampled !== undefined && !sampled.has(specOf(file, mutant.location))) continue;
    counts[mutant.status] += 1;
    counts.total += 1;
  }
  folders.set(folder, counts);
}

/** Wilson score interval for k successes of n at 95 %. */
function wilson(k, n) {
  if (n === 0) return [0, 0];
  const z = 1.96;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [centre - half, centre + half];
}
const pct = (x) => `${(100 * x).toFixed(1)} %`;

const rows = [...folders.entries()].sort().map(([folder, c]) => {
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  const score = valid === 0 ? 0 : detected / valid;
  const [lo, hi] = wilson(detected, valid);
  return { folder, ...c, score: pct(score), interval: sampled ? `${pct(lo)}–${pct(hi)}` : "" };
});

if (markdown) {
  const head = ["folder", "mutants", "killed", "timeout", "survived", "no coverage", "ignored (static)", "errors", "score", ...(sampled ? ["95 % interval"] : [])];
  console.log(`| ${head.join(" | ")} |`);
  console.log(`|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
  for (const r of rows) {
    const cells = [r.folder, r.total, r.Killed, r.Timeout, r.Survived, r.NoCoverage, r.Ignored, r.CompileError + r.RuntimeError, r.score, ...(sampled ? [r.interval] : [])];
    console.log(`| ${cells.join(" | ")} |`);
  }
} else {
  console.table(rows);
}
