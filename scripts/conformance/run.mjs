#!/usr/bin/env node
// `npm run conformance`: the real, pinned tools judge what this project generates.
//
//  1. synthesize dev, prod and every file in examples/ into fresh folders, and export the Kubernetes YAML;
//  2. terraform validate (providers from the local mirror), checkov, kube-score and kubeconform judge them;
//  3. the policy pack's rules and the real tools judge the same fixture pairs and must agree;
//  4. suppressions (conformance/suppressions/<tool>.json) are applied; a stale one is a failure;
//  5. a table goes to stdout and the same rows, with every result, to .reports/conformance.json.
// Exit 1 on any unsuppressed failure, stale or invalid suppression, or tool that is not installed.
// Tools come from `bash scripts/tools/install.sh`; this command installs nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { ROOT, V, missing } = require("./tools.cjs");
const { functionAppVariantsTarget, synthesizeTargets } = require("./targets.cjs");
const { judgeWithTerraform } = require("./terraform.cjs");
const { judgeWithCheckov } = require("./checkov.cjs");
const { judgeWithKubeScore } = require("./kube-score.cjs");
const { judgeWithKubeconform } = require("./kubeconform.cjs");
const { judgePolicyAgreement } = require("./policy-agreement.cjs");
const { applySuppressions, loadSuppressions } = require("./suppressions.cjs");
const { details, summarize, table } = require("./report.cjs");

const SUPPRESSIONS = join(ROOT, "conformance", "suppressions");
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), "conformance-"));
const cleanup = () => rmSync(work, { recursive: true, force: true });
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

const timings = {};
function timed(name, fn) {
  const t = Date.now();
  const value = fn();
  timings[name] = (Date.now() - t) / 1000;
  process.stderr.write(`[conformance] ${name}: ${timings[name].toFixed(1)} s\n`);
  return value;
}

const targets = timed("synth", () => synthesizeTargets(join(work, "targets")));
// KedaFunctionApp option combinations that no environment or example needs: kubeconform judges them too.
const variants = timed("synth variants", () => functionAppVariantsTarget(join(work, "variants")));
const synthResults = targets.map((t) => ({
  tool: "synth",
  version: `node ${process.versions.node}`,
  target: t.name,
  check: "stacks",
  resource: t.name,
  // An example that builds only config values synthesizes no stack: reported, not hidden.
  status: "passed",
  message: t.stacks.length === 0 ? "synthesizes no stack (the example only builds values)" : `${t.stacks.length} stacks${t.yaml ? ", Kubernetes YAML" : ""}`,
}));

const judges = [
  ["terraform", () => judgeWithTerraform(targets)],
  ["checkov", () => judgeWithCheckov(targets)],
  ["kube-score", () => judgeWithKubeScore(targets)],
  ["kubeconform", () => judgeWithKubeconform([...targets, variants], join(work, "kubeconform"))],
  ["policy-agreement", () => judgePolicyAgreement(join(work, "fixtures"))],
];

const notInstalled = [];
let results = [...synthResults];
for (const [name, judge] of judges) {
  const outcome = timed(name, judge);
  if (outcome.missing !== undefined) {
    notInstalled.push(missing(outcome.missing, V[`${outcome.missing.toUpperCase().replace(/-/g, "_")}_VERSION`] ?? "(pinned)"));
    continue;
  }
  results.push(...outcome.results);
}

// Suppressions per tool; entries of a tool that did not run are not judged stale.
const stale = [];
const problems = [];
const ranTools = new Set(results.map((r) => r.tool));
const byTool = new Map();
for (const r of results) byTool.set(r.tool, [...(byTool.get(r.tool) ?? []), r]);
results = [];
for (const [tool, list] of byTool) {
  const loaded = loadSuppressions(SUPPRESSIONS, tool);
  problems.push(...loaded.problems);
  const judged = applySuppressions(list, loaded.entries);
  results.push(...judged.results);
  if (ranTools.has(tool)) stale.push(...judged.stale.map((s) => ({ tool, ...s })));
}

const rows = summarize(results);
const failed = results.filter((r) => r.status === "failed");
const seconds = (Date.now() - started) / 1000;
const report = {
  generatedAt: new Date().toISOString(),
  seconds,
  timings,
  ok: failed.length === 0 && stale.length === 0 && problems.length === 0 && notInstalled.length === 0,
  rows,
  staleSuppressions: stale,
  suppressionProblems: problems,
  notInstalled,
  results,
};
mkdirSync(join(ROOT, ".reports"), { recursive: true });
writeFileSync(join(ROOT, ".reports", "conformance.json"), `${JSON.stringify(report, null, 2)}\n`);

console.log(table(rows));
console.log(details(results, stale, problems));
for (const line of notInstalled) console.log(`NOT INSTALLED: ${line}`);
console.log(
  `\nconformance: ${failed.length} unsuppressed failures, ${stale.length} stale suppressions, ${results.filter((r) => r.status === "suppressed").length} suppressed, ` +
    `${results.filter((r) => r.status === "unavailable").length} unavailable, ${notInstalled.length} tools missing; ${seconds.toFixed(1)} s; .reports/conformance.json`,
);
process.exitCode = report.ok ? 0 : 1;
