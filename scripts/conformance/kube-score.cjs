// kube-score (Go, pinned) on the Kubernetes YAML, parsed from `--output-format json`. A check graded
// WARNING (5) or CRITICAL (1) is a failure; OK (10) and ALMOST_OK (7) pass; skipped checks are not counted.
"use strict";
const { spawnSync } = require("node:child_process");
const { join } = require("node:path");
const { V, installed } = require("./tools.cjs");

/** kube-score's optional checks to run besides its defaults (none: the pack claims no optional check). */
const OPTIONAL_CHECKS = [];

function kubeScoreBin() {
  const dir = installed("kube-score", V.KUBE_SCORE_VERSION);
  return dir === undefined ? undefined : join(dir, "bin", "kube-score");
}

function objectName(o) {
  return `${o.type_meta?.kind}/${o.object_meta?.namespace ?? "default"}/${o.object_meta?.name}`;
}

/** One result per object and check: `{ check, resource, status, message }`. */
function kubeScoreResults(report) {
  const out = [];
  for (const object of report ?? []) {
    for (const c of object.checks ?? []) {
      if (c.skipped) continue;
      const failed = c.grade <= 5;
      const message = (c.comments ?? []).map((m) => [m.path, m.summary, m.description].filter(Boolean).join(": ")).join("; ");
      out.push({ check: c.check.id, resource: objectName(object), status: failed ? "failed" : "passed", message: message || c.check.name });
    }
  }
  return out;
}

/** Runs kube-score over YAML files (one group: kube-score relates objects across the files it is given). */
function runKubeScore(bin, files) {
  const args = ["score", "--output-format", "json", ...OPTIONAL_CHECKS.flatMap((c) => ["--enable-optional-test", c]), ...files];
  const result = spawnSync(bin, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  try {
    return kubeScoreResults(JSON.parse(result.stdout));
  } catch {
    throw new Error(`kube-score ${args.join(" ")} printed no JSON (exit ${result.status}):\n${result.stderr}`);
  }
}

function judgeWithKubeScore(targets) {
  const bin = kubeScoreBin();
  if (bin === undefined) return { missing: "kube-score" };
  const tool = { tool: "kube-score", version: V.KUBE_SCORE_VERSION };
  const results = targets
    .filter((t) => t.yaml !== undefined)
    .flatMap((t) => runKubeScore(bin, [t.yaml]).map((r) => ({ ...tool, target: `${t.name} YAML`, ...r })));
  return { results };
}

module.exports = { OPTIONAL_CHECKS, judgeWithKubeScore, kubeScoreBin, kubeScoreResults, runKubeScore };
