// checkov (PyPI, pinned) on each synthesized stack (`--framework terraform_json`) and on the Kubernetes
// YAML (`--framework kubernetes`); results are parsed from `-o json`, one per check and resource.
"use strict";
const { spawnSync } = require("node:child_process");
const { cpSync, mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { basename, join } = require("node:path");
const { V, installed } = require("./tools.cjs");

function checkovBin() {
  const dir = installed("checkov", V.CHECKOV_VERSION);
  return dir === undefined ? undefined : join(dir, "venv", "bin", "checkov");
}

/**
 * Runs checkov over `dir` (every file in it) and returns its JSON reports, one per framework. checkov
 * prints one object for one framework and a list for several; "no resources" comes as a bare summary.
 */
function runCheckov(bin, dir, framework, extraArgs = []) {
  // Not --quiet: that drops the passed checks, which the counts need. --skip-download: no platform calls.
  const args = ["-d", dir, "--framework", framework, "-o", "json", "--compact", "--skip-download", "--no-guide", ...extraArgs];
  const result = spawnSync(bin, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LOG_LEVEL: "ERROR" } });
  // Exit 1 means "failed checks"; anything else without JSON is an error of the tool itself.
  let parsed;
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    throw new Error(`checkov ${args.join(" ")} printed no JSON (exit ${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  return (Array.isArray(parsed) ? parsed : [parsed]).filter((report) => report.results !== undefined);
}

/** One result per check and resource: `{ check, resource, file, status, message }`. */
function checkovResults(reports) {
  const out = [];
  for (const report of reports) {
    for (const [status, list] of [["passed", report.results.passed_checks], ["failed", report.results.failed_checks]]) {
      for (const c of list ?? []) {
        out.push({ check: c.check_id, resource: c.resource, file: basename(c.file_path ?? ""), status, message: c.check_name });
      }
    }
    for (const error of report.results.parsing_errors ?? []) {
      out.push({ check: "parsing", resource: basename(error), file: basename(error), status: "failed", message: "checkov could not parse the file" });
    }
  }
  return out;
}

/** checkov on one file: copied into a folder of its own, since checkov scans folders. */
function checkovOnFile(bin, file, framework, name) {
  const dir = mkdtempSync(join(tmpdir(), "conformance-checkov-"));
  try {
    cpSync(file, join(dir, name));
    return checkovResults(runCheckov(bin, dir, framework));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** checkov results of every target: terraform_json per stack, kubernetes on the target's YAML. */
function judgeWithCheckov(targets) {
  const bin = checkovBin();
  const tool = { tool: "checkov", version: V.CHECKOV_VERSION };
  if (bin === undefined) return { missing: "checkov" };
  const results = [];
  for (const target of targets) {
    for (const stack of target.stacks) {
      for (const r of checkovOnFile(bin, stack.file, "terraform_json", "cdk.tf.json")) {
        results.push({ ...tool, framework: "terraform_json", target: `${target.name} ${stack.name}`, ...r, resource: `${stack.name}:${r.resource}` });
      }
    }
    if (target.yaml !== undefined) {
      for (const r of checkovOnFile(bin, target.yaml, "kubernetes", "manifests.yaml")) {
        results.push({ ...tool, framework: "kubernetes", target: `${target.name} YAML`, ...r });
      }
    }
  }
  return { results };
}

module.exports = { checkovBin, checkovResults, judgeWithCheckov, runCheckov };
