// kubeconform (Go, pinned) on the Kubernetes YAML, against schemas generated on this machine (see
// schemas/generate.cjs): Kubernetes from the release's own OpenAPI v3 documents, KEDA and the HTTP
// add-on from their CRDs. `-strict` also rejects duplicate keys; the schemas themselves reject unknown
// fields. With no schema for a kind, kubeconform fails the object (no -ignore-missing-schemas).
"use strict";
const { spawnSync } = require("node:child_process");
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { V, installed } = require("./tools.cjs");

const SCHEMA_TEMPLATE = "{{.ResourceKind}}-{{.Group}}-{{.ResourceAPIVersion}}.json";

/** The folder install.sh generates the schemas into (`install.sh schemas`). */
function schemaDir() {
  const version = `${V.KUBERNETES_VERSION}-keda-${V.KEDA_VERSION}-http-${V.HTTP_ADD_ON_VERSION}`;
  return installed("kubeconform-schemas", version);
}

function kubeconformBin() {
  const dir = installed("kubeconform", V.KUBECONFORM_VERSION);
  return dir === undefined ? undefined : join(dir, "bin", "kubeconform");
}

/** One result per object: `{ check: "schema", resource, status, message }`. */
function kubeconformResults(report) {
  return (report.resources ?? []).map((r) => {
    const errors = (r.validationErrors ?? []).map((e) => `${e.path}: ${e.msg}`);
    const status = r.status === "statusValid" ? "passed" : r.status === "statusSkipped" ? "skipped" : "failed";
    return { check: "schema", resource: `${r.kind}/${r.name}`, status, message: errors.length > 0 ? errors.join("; ") : (r.msg ?? "") };
  });
}

function runKubeconform(bin, schemas, files) {
  const args = ["-strict", "-summary", "-verbose", "-output", "json", "-kubernetes-version", V.KUBERNETES_VERSION, "-schema-location", join(schemas, SCHEMA_TEMPLATE), ...files];
  const result = spawnSync(bin, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  try {
    return kubeconformResults(JSON.parse(result.stdout));
  } catch {
    throw new Error(`kubeconform ${args.join(" ")} printed no JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

function judgeWithKubeconform(targets) {
  const bin = kubeconformBin();
  if (bin === undefined) return { missing: "kubeconform" };
  const schemas = schemaDir();
  if (schemas === undefined || !existsSync(schemas)) return { missing: "schemas" };
  const tool = { tool: "kubeconform", version: `${V.KUBECONFORM_VERSION} (k8s ${V.KUBERNETES_VERSION}, KEDA ${V.KEDA_VERSION}, http-add-on ${V.HTTP_ADD_ON_VERSION} CRDs)` };
  const results = targets
    .filter((t) => t.yaml !== undefined)
    .flatMap((t) => runKubeconform(bin, schemas, [t.yaml]).map((r) => ({ ...tool, target: `${t.name} YAML`, ...r })));
  return { results };
}

module.exports = { SCHEMA_TEMPLATE, judgeWithKubeconform, kubeconformBin, kubeconformResults, runKubeconform, schemaDir };
