// checkov (PyPI, pinned) on each synthesized stack (`--framework terraform_json`) and on the Kubernetes
// YAML (`--framework kubernetes`); results are parsed from `-o json`, one per check and resource.
"use strict";
const { spawnSync } = require("node:child_process");
const { cpSync, mkdirSync, mkdtempSync, rmSync } = require("node:fs");
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
  const args = ["-d", dir, "--framework", framework, "-o", "json", "--compact", "--skip-download", ...extraArgs];
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

/**
 * checkov results of every target: terraform_json over every stack in one run (each stack in a folder
 * of its own, which is a module of its own to checkov), kubernetes on each target's YAML separately
 * (its graph checks relate objects across all files of a run, and dev and prod share names).
 */
function judgeWithCheckov(targets) {
  const bin = checkovBin();
  const tool = { tool: "checkov", version: V.CHECKOV_VERSION };
  if (bin === undefined) return { missing: "checkov" };
  const results = [];
  const dir = mkdtempSync(join(tmpdir(), "conformance-checkov-tf-"));
  const owners = new Map();
  targets.forEach((target, t) =>
    target.stacks.forEach((stack) => {
      const folder = `t${t}-${stack.name}`;
      mkdirSync(join(dir, folder));
      cpSync(stack.file, join(dir, folder, "cdk.tf.json"));
      owners.set(folder, { target, stack });
    }),
  );
  try {
    for (const report of runCheckov(bin, dir, "terraform_json")) {
      for (const [status, list] of [["passed", report.results.passed_checks], ["failed", report.results.failed_checks]]) {
        for (const c of list ?? []) {
          const folder = (c.file_path ?? "").split("/").filter(Boolean)[0];
          const owner = owners.get(folder);
          if (owner === undefined) throw new Error(`checkov reported a file it was not given: ${c.file_path}`);
          results.push({ ...tool, framework: "terraform_json", target: `${owner.target.name} ${owner.stack.name}`, check: c.check_id, resource: `${owner.stack.name}:${c.resource}`, status, message: c.check_name });
        }
      }
      for (const error of report.results.parsing_errors ?? []) {
        results.push({ ...tool, framework: "terraform_json", target: "(parse)", check: "parsing", resource: error, status: "failed", message: "checkov could not parse the file" });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const target of targets) {
    if (target.yaml !== undefined) {
      for (const r of checkovOnFile(bin, target.yaml, "kubernetes", "manifests.yaml")) {
        results.push({ ...tool, framework: "kubernetes", target: `${target.name} YAML`, ...r });
      }
    }
  }
  return { results };
}

module.exports = { checkovBin, checkovResults, judgeWithCheckov, runCheckov };
