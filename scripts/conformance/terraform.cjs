// `terraform init -backend=false` + `terraform validate -json` on each synthesized stack, with providers
// only from the local filesystem mirror that install.sh fills (nothing is downloaded).
//
// The Go module proxy refuses every pinned provider release (install.sh records each refusal), so:
//  - each stack is reported `unavailable` for its pinned providers, with the proxy's exact refusal;
//  - stacks that need only azurerm are validated with the newest azurerm the proxy serves (5.2.0):
//    the version constraint is rewritten to it, and the target says so;
//  - stacks that need a provider with no binary at all still run `terraform init`, and its exact
//    refusal is reported (that is what a user without the provider would see).
"use strict";
const { spawnSync } = require("node:child_process");
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { V, installed, refusal } = require("./tools.cjs");

/** Provider local name -> [refusal file name, pinned version variable]. */
const PINNED = {
  azurerm: ["azurerm", "AZURERM_VERSION"],
  kubernetes: ["kubernetes", "KUBERNETES_PROVIDER_VERSION"],
  helm: ["helm", "HELM_PROVIDER_VERSION"],
  docker: ["docker", "DOCKER_PROVIDER_VERSION"],
};

function terraformVersion() {
  const result = spawnSync("terraform", ["version", "-json"], { encoding: "utf8", env: tfEnv("/dev/null") });
  if (result.status !== 0) return undefined;
  return JSON.parse(result.stdout).terraform_version;
}

function tfEnv(cliConfig) {
  // TF_CLI_CONFIG_FILE from the caller (this machine sets one that does not exist) is replaced.
  return { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1", TF_PLUGIN_CACHE_DIR: "" };
}

function mirrorConfig(dir) {
  const file = join(dir, "terraformrc");
  writeFileSync(file, `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(V.TF_PLUGIN_MIRROR)}\n    include = ["registry.terraform.io/*/*"]\n  }\n}\n`);
  return file;
}

/** The resource or data source that a diagnostic's line of cdk.tf.json falls in, e.g. `azurerm_kubernetes_cluster.cluster`. */
function addressAt(text, line) {
  if (line === undefined) return undefined;
  const lines = text.split("\n").slice(0, line);
  let type;
  let name;
  let kind;
  for (const l of lines) {
    const block = /^ {2}"(resource|data)": \{/.exec(l);
    if (block) kind = block[1];
    const t = /^ {4}"([a-z0-9_]+)": \{/.exec(l);
    if (t) type = t[1];
    const n = /^ {6}"([^"]+)": \{/.exec(l);
    if (n) name = n[1];
  }
  if (type === undefined || name === undefined) return undefined;
  return `${kind === "data" ? "data." : ""}${type}.${name}`;
}

function validateStack(stackJson, rewrite) {
  const dir = mkdtempSync(join(tmpdir(), "conformance-tf-"));
  try {
    const config = structuredClone(stackJson);
    delete config.terraform.backend;
    delete config.terraform.cloud;
    rewrite(config);
    const text = JSON.stringify(config, null, 2);
    writeFileSync(join(dir, "cdk.tf.json"), text);
    const env = tfEnv(mirrorConfig(dir));
    const init = spawnSync("terraform", ["init", "-backend=false", "-input=false", "-no-color"], { cwd: dir, env, encoding: "utf8" });
    if (init.status !== 0) return { initFailed: `${init.stderr.trim() || init.stdout.trim()}` };
    const validate = spawnSync("terraform", ["validate", "-json", "-no-color"], { cwd: dir, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(validate.stdout);
    return {
      diagnostics: (report.diagnostics ?? []).map((d) => ({
        severity: d.severity,
        summary: d.summary,
        detail: d.detail,
        address: addressAt(text, d.range?.start?.line) ?? d.snippet?.context ?? "(configuration)",
      })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Results for one stack: unavailable pinned providers, and what validate says with what is available. */
function judgeStack(target, stack, version) {
  const json = JSON.parse(readFileSync(stack.file, "utf8"));
  const providers = Object.keys(json.terraform?.required_providers ?? {}).sort();
  const results = [];
  const pinnedTarget = `${target.name} ${stack.name}`;
  const base = { tool: "terraform", version };
  const refused = [];
  for (const p of providers) {
    const [name, versionVar] = PINNED[p] ?? [p, undefined];
    const pinned = json.terraform.required_providers[p].version ?? V[versionVar];
    const why = refusal(name);
    if (why === undefined) {
      results.push({ ...base, target: `${pinnedTarget} (pinned providers)`, check: `provider ${p} ${pinned}`, resource: stack.name, status: "failed", message: `no provider binary and no recorded refusal: run \`bash scripts/tools/install.sh providers\`` });
    } else {
      refused.push(p);
      results.push({ ...base, target: `${pinnedTarget} (pinned providers)`, check: `provider ${p} ${pinned}`, resource: stack.name, status: "unavailable", message: why });
    }
  }
  const served = installed("provider-azurerm", V.AZURERM_SERVED_VERSION);
  if (providers.every((p) => p === "azurerm") && refused.includes("azurerm")) {
    const label = `${pinnedTarget} azurerm ${V.AZURERM_SERVED_VERSION} (pinned ${V.AZURERM_VERSION} refused)`;
    if (served === undefined) {
      results.push({ ...base, target: label, check: "validate", resource: stack.name, status: "failed", message: `azurerm ${V.AZURERM_SERVED_VERSION} is not built: run \`bash scripts/tools/install.sh providers\`` });
      return results;
    }
    const outcome = validateStack(json, (c) => {
      c.terraform.required_providers.azurerm.version = V.AZURERM_SERVED_VERSION;
    });
    results.push(...validateResults(outcome, { ...base, target: label }, stack.name));
  } else if (providers.length > 0) {
    // What a user gets with the providers this machine has: terraform init names what is missing.
    const outcome = validateStack(json, (c) => {
      if (c.terraform.required_providers.azurerm !== undefined && served !== undefined) c.terraform.required_providers.azurerm.version = V.AZURERM_SERVED_VERSION;
    });
    const label = `${pinnedTarget} available providers (azurerm ${V.AZURERM_SERVED_VERSION})`;
    if (outcome.initFailed !== undefined) {
      results.push({ ...base, target: label, check: "init", resource: stack.name, status: "unavailable", message: outcome.initFailed });
    } else {
      results.push(...validateResults(outcome, { ...base, target: label }, stack.name));
    }
  }
  return results;
}

/**
 * The argument or block a diagnostic is about (Terraform quotes it in the detail), so a suppression
 * names exactly that attribute and never hides another error of the same kind on the same resource.
 */
function quotedName(detail) {
  const match = /"([a-z0-9_]+)"/.exec(detail ?? "");
  return match === null ? "" : ` "${match[1]}"`;
}

function validateResults(outcome, base, stackName) {
  if (outcome.initFailed !== undefined) return [{ ...base, check: "init", resource: stackName, status: "failed", message: outcome.initFailed }];
  const errors = outcome.diagnostics.filter((d) => d.severity === "error");
  const warnings = outcome.diagnostics.filter((d) => d.severity !== "error");
  return [
    ...(errors.length === 0 ? [{ ...base, check: "validate", resource: stackName, status: "passed", message: "valid" }] : []),
    ...errors.map((d) => ({ ...base, check: `validate: ${d.summary}${quotedName(d.detail)}`, resource: `${stackName}:${d.address}`, status: "failed", message: d.detail })),
    ...warnings.map((d) => ({ ...base, check: `warning: ${d.summary}`, resource: `${stackName}:${d.address}`, status: "passed", message: d.detail, warning: true })),
  ];
}

function judgeWithTerraform(targets) {
  const version = terraformVersion();
  if (version === undefined) return { missing: "terraform" };
  return { results: targets.flatMap((t) => t.stacks.flatMap((s) => judgeStack(t, s, version))) };
}

module.exports = { addressAt, judgeWithTerraform };
