// What the conformance run judges: the synthesized stacks of every environment and of each example, and
// the Kubernetes objects as YAML. Every target is synthesized into a fresh folder, so no stale stack of
// an earlier synth is judged. Examples import "keda-functions-aks": they are bundled with that name
// pointing at this repository's index.ts, so the run judges the source in this checkout.
"use strict";
const { spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const YAML = require("yaml");
const { ROOT } = require("./tools.cjs");

const ENVIRONMENTS = ["dev", "prod"];

function cleanEnv(extra) {
  // An inherited outdir, context or environment would redirect the synth of a target.
  const { CDKTF_OUTDIR: _o, CDKTF_CONTEXT_JSON: _c, DEPLOY_ENV: _e, ...env } = process.env;
  return { ...env, CHECKPOINT_DISABLE: "1", ...extra };
}

function run(command, args, env, what) {
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  return result.stdout;
}

function stacksOf(outdir) {
  const dir = join(outdir, "stacks");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().map((name) => ({ name, file: join(dir, name, "cdk.tf.json") }));
}

/** The objects of every `kubernetes_manifest` in the stacks, as one YAML stream (for examples, which have no export command). */
function manifestsOf(stacks) {
  const objects = stacks.flatMap((s) => Object.values(JSON.parse(readFileSync(s.file, "utf8")).resource?.kubernetes_manifest ?? {}).map((r) => r.manifest));
  return objects.map((o) => YAML.stringify(o)).join("---\n");
}

function environmentTarget(environment, work) {
  const outdir = join(work, environment, "cdktf.out");
  mkdirSync(join(work, environment), { recursive: true });
  run(process.execPath, ["scripts/run-app.mjs"], cleanEnv({ DEPLOY_ENV: environment, CDKTF_OUTDIR: outdir }), `synth of ${environment}`);
  const yaml = join(work, environment, "manifests.yaml");
  writeFileSync(yaml, run("npm", ["run", "--silent", "manifests", "--", "--env", environment], cleanEnv({}), `npm run manifests -- --env ${environment}`));
  return { name: environment, kind: "environment", stacks: stacksOf(outdir), yaml };
}

function exampleTarget(file, work) {
  const { buildSync } = require("esbuild");
  const name = `examples/${file}`;
  const dir = join(work, "examples", file.replace(/\.ts$/, ""));
  mkdirSync(dir, { recursive: true });
  const bundle = join(dir, "example.js");
  buildSync({
    absWorkingDir: ROOT,
    entryPoints: [join("examples", file)],
    outfile: bundle,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "error",
    alias: { "keda-functions-aks": "./index.ts" },
  });
  const outdir = join(dir, "cdktf.out");
  // Run from the repository root: examples read paths such as function-app/functions.manifest.json.
  run(process.execPath, [bundle], cleanEnv({ CDKTF_OUTDIR: outdir }), `synth of ${name}`);
  const stacks = stacksOf(outdir);
  const manifests = manifestsOf(stacks);
  const yaml = manifests === "" ? undefined : join(dir, "manifests.yaml");
  if (yaml !== undefined) writeFileSync(yaml, manifests);
  return { name, kind: "example", stacks, yaml };
}

/**
 * The KedaFunctionApp variants of fixtures/function-app-variants.ts, for kubeconform only: they are
 * option combinations, not deployments, so Terraform, checkov and kube-score judge the environments
 * and examples instead (the target has no stacks, and its YAML is under `schemaYaml`).
 */
function functionAppVariantsTarget(work) {
  const outdir = join(work, "cdktf.out");
  mkdirSync(work, { recursive: true });
  run(process.execPath, ["scripts/run-app.mjs", "scripts/conformance/function-app-variants.ts"], cleanEnv({ CDKTF_OUTDIR: outdir }), "synth of the KedaFunctionApp variants");
  const schemaYaml = join(work, "manifests.yaml");
  writeFileSync(schemaYaml, manifestsOf(stacksOf(outdir)));
  return { name: "KedaFunctionApp variants", kind: "fixture", stacks: [], schemaYaml };
}

/** Synthesizes every environment and example under `work`; returns the targets with their stack files and YAML. */
function synthesizeTargets(work) {
  const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".ts")).sort();
  return [...ENVIRONMENTS.map((e) => environmentTarget(e, work)), ...examples.map((f) => exampleTarget(f, work))];
}

module.exports = { ENVIRONMENTS, functionAppVariantsTarget, synthesizeTargets, manifestsOf };
