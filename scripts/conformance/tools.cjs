// Where the pinned tools live and which versions they are: read from scripts/tools/versions.sh (the one
// place versions are written down) by letting bash source it, so the two can never disagree.
"use strict";
const { spawnSync } = require("node:child_process");
const { existsSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..", "..");
const NAMES = [
  "TOOLS", "TF_PLUGIN_MIRROR", "KUBERNETES_VERSION", "KEDA_VERSION", "HTTP_ADD_ON_VERSION", "AZURERM_VERSION",
  "KUBERNETES_PROVIDER_VERSION", "HELM_PROVIDER_VERSION", "DOCKER_PROVIDER_VERSION", "AZURERM_SERVED_VERSION",
  "KUBECONFORM_VERSION", "KUBE_SCORE_VERSION", "CHECKOV_VERSION", "TFLINT_VERSION", "TFLINT_AZURERM_VERSION", "YAMLLINT_VERSION",
];

/** The variables of versions.sh, as bash sees them. */
function readVersions() {
  const script = `source ${JSON.stringify(join(ROOT, "scripts", "tools", "versions.sh"))}; ${NAMES.map((n) => `printf '%s=%s\\n' ${n} "\${${n}:-}"`).join("; ")}`;
  const result = spawnSync("bash", ["-c", script], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`could not read scripts/tools/versions.sh: ${result.stderr}`);
  return Object.fromEntries(result.stdout.trim().split("\n").map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
}

const V = readVersions();

/** A tool's folder when install.sh finished it for the pinned version (its `.complete` stamp), else undefined. */
function installed(name, version) {
  const dir = join(V.TOOLS, `${name}-${version}`);
  const stamp = join(dir, ".complete");
  return existsSync(stamp) && readFileSync(stamp, "utf8").trim() === version ? dir : undefined;
}

/** The proxy's refusal that install.sh recorded for a pinned provider, or undefined when none is recorded. */
function refusal(provider) {
  const file = join(V.TOOLS, "refusals", `${provider}.txt`);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

function missing(name, version) {
  return `${name} ${version} is not installed in ${V.TOOLS}: run \`bash scripts/tools/install.sh ${name}\``;
}

module.exports = { ROOT, V, installed, missing, refusal };
