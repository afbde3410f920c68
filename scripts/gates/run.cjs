#!/usr/bin/env node
// `npm run gates`: the third-party checks that run on this machine, over what the
// project generates. One summary line per gate; exit 1 on any finding.
"use strict";
const { spawnSync } = require("node:child_process");
const { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { checkFinalUser } = require("./dockerfile-user.cjs");
const { expandGlobalArgs } = require("./dockerfile-args.cjs");
const { scanForSecrets, scannedFiles } = require("./secret-scan.cjs");

const root = join(__dirname, "..", "..");
const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
const results = [];

function gate(name, run) {
  let outcome;
  try {
    outcome = run();
  } catch (error) {
    outcome = { status: "fail", detail: error.message };
  }
  results.push({ name, ...outcome });
  if (outcome.output) process.stdout.write(`${outcome.output}\n`);
  console.log(`gate ${name}: ${outcome.status.toUpperCase()} - ${outcome.detail}`);
}

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { cwd: root, env, encoding: "utf8", ...options });
}

/** Synthesizes an environment into a fresh folder, so no stale stack of an earlier synth is checked. */
function synth(environment, outdir) {
  const result = run(process.execPath, ["scripts/run-app.mjs"], { env: { ...env, DEPLOY_ENV: environment, CDKTF_OUTDIR: outdir } });
  if (result.status !== 0) throw new Error(`synth of ${environment} failed:\n${result.stderr}`);
  return outdir;
}

function stacksOf(outdir) {
  const dir = join(outdir, "stacks");
  return readdirSync(dir).sort().map((name) => ({ name, file: join(dir, name, "cdk.tf.json") }));
}

const outdirs = {};
gate("synth", () => {
  outdirs.dev = synth("dev", mkdtempSync(join(tmpdir(), "gates-dev-")));
  outdirs.prod = synth("prod", mkdtempSync(join(tmpdir(), "gates-prod-")));
  const count = Object.values(outdirs).reduce((n, dir) => n + stacksOf(dir).length, 0);
  return { status: "pass", detail: `dev and prod synthesized, ${count} stacks` };
});

const yamlFiles = [];
const yamlDir = mkdtempSync(join(tmpdir(), "gates-yaml-"));
gate("yaml-export", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  if (!pkg.scripts?.manifests) return { status: "skip", detail: "no `npm run manifests` script: manifests are checked from cdktf.out" };
  const dir = yamlDir;
  for (const environment of ["dev", "prod"]) {
    const result = run("npm", ["run", "--silent", "manifests"], { env: { ...env, DEPLOY_ENV: environment } });
    if (result.status !== 0) return { status: "fail", detail: `npm run manifests (${environment}) failed: ${result.stderr.trim()}` };
    const file = join(dir, `${environment}.yaml`);
    writeFileSync(file, result.stdout);
    yamlFiles.push(file);
  }
  return { status: "pass", detail: `exported ${yamlFiles.length} YAML streams` };
});

// Schema validation of the Kubernetes objects moved to `npm run conformance`: kubeconform against the
// Kubernetes 1.35 OpenAPI and the KEDA 2.17.2 / http-add-on 0.15.0 CRDs (this gate used kubernetes-models'
// Kubernetes 1.27 and KEDA 2.10 schemas from npm, and knew no http.keda.sh kind).

gate("secretlint", () => {
  const scanDir = mkdtempSync(join(tmpdir(), "gates-secrets-"));
  cpSync(outdirs.dev, join(scanDir, "dev"), { recursive: true });
  cpSync(outdirs.prod, join(scanDir, "prod"), { recursive: true });
  yamlFiles.forEach((file, i) => cpSync(file, join(scanDir, `export-${i}.yaml`)));
  const inOutput = scanForSecrets(scannedFiles(scanDir, scanDir), scanDir);
  const inApp = scanForSecrets(scannedFiles(join(root, "function-app")));
  const failed = [inOutput, inApp].filter((r) => r.status !== 0);
  rmSync(scanDir, { recursive: true, force: true });
  return failed.length === 0
    ? { status: "pass", detail: "0 findings in the synthesized stacks (dev, prod), the YAML export and function-app/" }
    : { status: "fail", detail: "secrets found", output: failed.map((r) => r.output).join("\n") };
});

gate("dockerfile", () => {
  const dockerfile = join(root, "function-app", "Dockerfile");
  if (!existsSync(dockerfile)) return { status: "fail", detail: "function-app/Dockerfile is missing" };
  // Lint the Dockerfile a plain build uses: base-image ARGs expanded to their defaults.
  const lintDir = mkdtempSync(join(tmpdir(), "gates-dockerfile-"));
  writeFileSync(join(lintDir, "Dockerfile"), expandGlobalArgs(readFileSync(dockerfile, "utf8")));
  const lint = run(process.execPath, [join(root, "node_modules", "dockerfilelint", "bin", "dockerfilelint"), "-o", "cli", join(lintDir, "Dockerfile")]);
  rmSync(lintDir, { recursive: true, force: true });
  const user = checkFinalUser(readFileSync(dockerfile, "utf8"));
  const problems = [...(lint.status === 0 ? [] : [lint.stdout.trim()]), ...user.map((u) => `USER: ${u}`)];
  return problems.length === 0
    ? { status: "pass", detail: "dockerfilelint: none found; final USER is numeric non-root" }
    : { status: "fail", detail: `${problems.length} problem(s)`, output: problems.join("\n") };
});

gate("terraform-providers", () => {
  const probe = run("terraform", ["version"]);
  if (probe.error || probe.status !== 0) return { status: "skip", detail: "no terraform binary on PATH: structural check skipped" };
  const failures = [];
  let count = 0;
  for (const dir of Object.values(outdirs)) {
    for (const stack of stacksOf(dir)) {
      const work = mkdtempSync(join(tmpdir(), `gates-tf-${stack.name}-`));
      const json = JSON.parse(readFileSync(stack.file, "utf8"));
      delete json.terraform.backend;
      delete json.terraform.cloud;
      writeFileSync(join(work, "cdk.tf.json"), JSON.stringify(json, null, 2));
      const result = run("terraform", ["providers"], { cwd: work, env: { ...env, TF_CLI_CONFIG_FILE: "/dev/null", TF_IN_AUTOMATION: "1" } });
      count += 1;
      if (result.status !== 0) failures.push(`${stack.name}: ${result.stderr.trim()}`);
      rmSync(work, { recursive: true, force: true });
    }
  }
  return failures.length === 0
    ? { status: "pass", detail: `terraform providers parsed ${count} stacks` }
    : { status: "fail", detail: `${failures.length} of ${count} stacks rejected`, output: failures.join("\n") };
});

for (const dir of [...Object.values(outdirs), yamlDir]) rmSync(dir, { recursive: true, force: true });
const failed = results.filter((r) => r.status === "fail");
const passed = results.filter((r) => r.status === "pass").length;
const skipped = results.filter((r) => r.status === "skip").length;
console.log(`gates: ${passed} passed, ${failed.length} failed, ${skipped} skipped`);
process.exit(failed.length === 0 ? 0 : 1);
