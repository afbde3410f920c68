#!/usr/bin/env node
// Picks a seeded random sample of the mutants of each folder of constructs/ and prints Stryker
// `--mutate` specs for exactly their locations (file:line:column-line:column), one per line.
//
// A full `npm run mutation` over constructs/ (~6,000 mutants) takes hours on a 2-core machine;
// a random sample estimates each folder's score (with a confidence interval, see
// scripts/mutation/summary.mjs) in a fraction of that. A location can hold more than one mutant
// (two mutators on one expression); Stryker then tests all of them. Run from the repository root:
//   node scripts/mutation/sample.mjs --mutants 60 --seed 1 constructs/policy constructs/keda-function-app
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createInjector } from "typed-inject";
import { commonTokens } from "@stryker-mutator/api/plugin";
import { createInstrumenter } from "@stryker-mutator/instrumenter";
import { takeOption } from "./args.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const perFolder = Number(option("--mutants", "60"));
const seed = Number(option("--seed", "1"));
const folders = args.length > 0 ? args : ["constructs"];

/** Mulberry32: a small seeded PRNG, so a sample can be re-drawn exactly. */
function random(state) {
  return () => {
    state |= 0;
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    // The same files stryker.config.mjs mutates.
    const skipped = path.endsWith("index.ts") || path.endsWith(".d.ts") || path.endsWith("registration-recorder.ts");
    return path.endsWith(".ts") && !skipped ? [path] : [];
  });
}

const quiet = { debug() {}, info() {}, warn() {}, error() {}, trace() {}, fatal() {}, isDebugEnabled: () => false, isTraceEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => false, isFatalEnabled: () => false };
const instrumenter = createInstrumenter(createInjector().provideValue(commonTokens.logger, quiet));

for (const folder of folders) {
  const files = tsFiles(folder).sort();
  const { mutants } = await instrumenter.instrument(
    files.map((name) => ({ name, content: readFileSync(name, "utf8"), mutate: true })),
    { plugins: null, excludedMutations: [], ignorers: [], noHeader: false },
  );
  // Stryker's mutant locations have 0-based lines and columns; --mutate ranges take 1-based lines.
  const spec = ({ fileName, location: { start, end } }) => `${fileName}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`;
  const next = random(seed);
  const picked = new Set();
  while (picked.size < Math.min(perFolder, mutants.length)) picked.add(spec(mutants[Math.floor(next() * mutants.length)]));
  console.error(`${folder}: ${mutants.length} mutants in ${files.length} files; sampled ${picked.size} locations`);
  for (const entry of [...picked].sort()) console.log(entry);
}
