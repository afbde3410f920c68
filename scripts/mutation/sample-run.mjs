#!/usr/bin/env node
// One command for a sampled mutation score (npm run mutation:sample): draws the sample
// (scripts/mutation/sample.mjs), runs Stryker on exactly those locations with the quick test set
// (jest.stryker.quick.config.js: one bundle file, bail at the first failure, static mutants
// counted), then prints the per-folder table (scripts/mutation/summary.mjs).
//   npm run mutation:sample -- --mutants 45 --seed 202 [constructs/policy constructs/keda-function-app]
// The sample and Stryker's reports go to .reports/mutation/ (git-ignored); so does the event
// recorder's folder, which `node scripts/mutation/summary.mjs .reports/mutation/events --sample
// .reports/mutation/sample.txt` reads while the run is still going.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { takeOption } from "./args.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const mutants = option("--mutants", "45");
const seed = option("--seed", "1");
const folders = args.length > 0 ? args : ["constructs/policy", "constructs/keda-function-app"];
for (const [flag, value] of [["--mutants", mutants], ["--seed", seed]]) {
  if (!/^\d+$/.test(value) || (flag === "--mutants" && Number(value) === 0)) {
    console.error(`mutation:sample: ${flag} ${JSON.stringify(value)} must be a whole number${flag === "--mutants" ? " >= 1 (mutant locations per folder)" : ""}, e.g. ${flag} ${flag === "--mutants" ? 45 : 202}`);
    process.exit(2);
  }
}
const missing = folders.filter((folder) => !existsSync(folder));
if (missing.length > 0) {
  console.error(`mutation:sample: no folder ${missing.join(", ")}: pass folders of constructs/, e.g. constructs/policy`);
  process.exit(2);
}
const out = ".reports/mutation";
const sampleFile = `${out}/sample.txt`;

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { stdio: ["ignore", "inherit", "inherit"], ...options });
  if (result.status !== 0) {
    console.error(`${command} ${commandArgs.slice(0, 3).join(" ")} ... exited with ${result.status ?? result.signal}`);
    process.exit(1);
  }
  return result;
}

mkdirSync(out, { recursive: true });
rmSync(`${out}/events`, { recursive: true, force: true });
const sample = run(process.execPath, ["scripts/mutation/sample.mjs", "--mutants", mutants, "--seed", seed, ...folders], { stdio: ["ignore", "pipe", "inherit"] });
writeFileSync(sampleFile, sample.stdout);
const locations = sample.stdout.toString().trim().split("\n");

const started = Date.now();
run("npx", ["stryker", "run", "--mutate", locations.join(","), "--reporters", "clear-text,progress,html,json,event-recorder"], {
  env: { ...process.env, STRYKER_JEST_CONFIG: "jest.stryker.quick.config.js" },
});
console.log(`\nsample: --mutants ${mutants} --seed ${seed} ${folders.join(" ")}; ${locations.length} locations; Stryker took ${((Date.now() - started) / 60000).toFixed(1)} min\n`);
run(process.execPath, ["scripts/mutation/summary.mjs", `${out}/mutation.json`, "--sample", sampleFile, "--markdown"]);
