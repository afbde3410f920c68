// The policy pack must agree with the real tools whose IDs its rules claim. Every rule has fixture
// cases (scripts/conformance/fixtures): bad ones it must flag and near misses it must accept. Here the
// same files go to checkov (terraform_json and kubernetes) and kube-score, and for every checkov or
// kube-score ID a rule claims, the tool's verdict on the case's subject must equal the expected one.
// A claimed ID the tool does not report on the subject is a disagreement too: the claim is wrong.
"use strict";
const { spawnSync } = require("node:child_process");
const { readdirSync } = require("node:fs");
const { join } = require("node:path");
const { ROOT, V } = require("./tools.cjs");
const { checkovBin, runCheckov } = require("./checkov.cjs");
const { kubeScoreBin, runKubeScore } = require("./kube-score.cjs");

function ourVerdicts(dir) {
  const result = spawnSync(process.execPath, ["scripts/run-app.mjs", "scripts/conformance/policy-verdicts.ts", dir], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`policy-verdicts.ts failed:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** checkov verdicts keyed by `<case id>\0<check>\0<resource>`. */
function checkovVerdicts(bin, dir, framework) {
  const verdicts = new Map();
  const reports = runCheckov(bin, dir, framework);
  for (const report of reports) {
    for (const [status, list] of [["pass", report.results.passed_checks], ["fail", report.results.failed_checks]]) {
      for (const c of list ?? []) {
        const caseId = /case-\d+/.exec(c.file_path ?? "")?.[0];
        verdicts.set(`${caseId}\u0000${c.check_id}\u0000${c.resource}`, status);
      }
    }
  }
  return verdicts;
}

function judgePolicyAgreement(work) {
  const cases = ourVerdicts(work);
  const checkov = checkovBin();
  const kubeScore = kubeScoreBin();
  if (checkov === undefined) return { missing: "checkov" };
  if (kubeScore === undefined) return { missing: "kube-score" };
  const byFramework = {
    terraform_json: checkovVerdicts(checkov, join(work, "terraform"), "terraform_json"),
    kubernetes: checkovVerdicts(checkov, join(work, "kubernetes"), "kubernetes"),
  };
  const results = [];
  for (const c of cases) {
    const label = `${c.rule} ${c.expected === "fail" ? "bad" : "near miss"}: ${c.name}`;
    // Our rule first: the fixture says what a correct rule answers.
    results.push({
      tool: "policy-pack",
      version: "constructs/policy",
      target: "rule fixtures (bad / near miss)",
      check: c.rule,
      resource: label,
      status: c.ours.verdict === c.expected ? "passed" : "failed",
      message: `expected ${c.expected}, our rule says ${c.ours.verdict}${c.ours.finding ? ` (${c.ours.finding})` : ""}`,
    });
    let kubeScoreRun;
    for (const id of c.checks) {
      let real;
      let tool;
      if (id.startsWith("kube-score:")) {
        tool = `kube-score ${V.KUBE_SCORE_VERSION}`;
        kubeScoreRun ??= runKubeScore(kubeScore, readdirSync(c.dir).map((f) => join(c.dir, f)));
        const name = `${c.subject.kind}/${c.subject.namespace}/${c.subject.name}`;
        const hit = kubeScoreRun.find((r) => r.check === id.slice("kube-score:".length) && r.resource === name);
        real = hit === undefined ? undefined : hit.status === "failed" ? "fail" : "pass";
      } else {
        tool = `checkov ${V.CHECKOV_VERSION}`;
        const resource = c.framework === "kubernetes" ? `${c.subject.kind}.${c.subject.namespace}.${c.subject.name}` : c.subject.address;
        const verdicts = byFramework[c.framework];
        real = verdicts.get(`${c.id}\u0000${id}\u0000${resource}`) ?? verdicts.get(`${c.id}\u0000${id}\u0000${c.subject.graphAddress}`);
      }
      results.push({
        tool: "policy-agreement",
        version: `${V.CHECKOV_VERSION} / ${V.KUBE_SCORE_VERSION}`,
        target: `rule fixtures vs ${tool.split(" ")[0]}`,
        check: id,
        resource: label,
        status: real === c.expected && c.ours.verdict === c.expected ? "passed" : "failed",
        message:
          real === undefined
            ? `${tool} reports nothing for ${id} on the subject (the check does not exist or does not apply there); our rule says ${c.ours.verdict}`
            : `expected ${c.expected}: ${tool} says ${real}, our rule says ${c.ours.verdict}`,
      });
    }
  }
  return { results };
}

module.exports = { judgePolicyAgreement };
