// kubeconform (Go, pinned) on the Kubernetes YAML, against schemas generated on this machine (see
// schemas/generate.cjs): Kubernetes from the release's own OpenAPI v3 documents, KEDA and the HTTP
// add-on from their CRDs. `-strict` also rejects duplicate keys; the schemas themselves reject unknown
// fields. With no schema for a kind, kubeconform fails the object (no -ignore-missing-schemas).
"use strict";
const { spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, writeFileSync } = require("node:fs");
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
    // kubeconform's validationErrors can be as thin as ": validation failed"; its msg names each field.
    return { check: "schema", resource: `${r.kind}/${r.name}`, status, message: [errors.join("; "), r.msg ?? ""].filter((m) => m !== "").join(" | ") };
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

// The negative control: an object the schemas must reject (a Deployment without selector and
// containers, with an unknown field). If kubeconform accepts it, the schemas judge nothing.
const INVALID_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: negative-control
spec:
  replica: 1
  template: {}
`;

function negativeControl(tool, bin, schemas, work) {
  mkdirSync(work, { recursive: true });
  const file = join(work, "negative-control.yaml");
  writeFileSync(file, INVALID_DEPLOYMENT);
  const [r] = runKubeconform(bin, schemas, [file]);
  // Rejected for both planted faults, not for some unrelated reason (a missing schema, say).
  const rejected = r !== undefined && r.status === "failed" && r.message.includes("missing property 'selector'") && r.message.includes("'replica' not allowed");
  return {
    ...tool,
    target: "negative control",
    check: "schema rejects",
    resource: "Deployment/negative-control",
    status: rejected ? "passed" : "failed",
    message: rejected ? `rejected as it must be: ${r.message}` : `the invalid Deployment was not rejected for its missing selector and unknown field 'replica' (${r?.status ?? "no result"}: ${r?.message ?? ""}): the schemas do not judge what they must`,
  };
}

/**
 * Judges each target's `yaml` and, for fixture targets, its `schemaYaml`; with `work`, also the
 * negative control (an invalid Deployment that must fail).
 */
function judgeWithKubeconform(targets, work) {
  const bin = kubeconformBin();
  if (bin === undefined) return { missing: "kubeconform" };
  const schemas = schemaDir();
  if (schemas === undefined || !existsSync(schemas)) return { missing: "schemas" };
  const tool = { tool: "kubeconform", version: `${V.KUBECONFORM_VERSION} (k8s ${V.KUBERNETES_VERSION}, KEDA ${V.KEDA_VERSION}, http-add-on ${V.HTTP_ADD_ON_VERSION} CRDs)` };
  const results = targets.flatMap((t) =>
    [t.yaml, t.schemaYaml].filter((f) => f !== undefined).flatMap((f) => runKubeconform(bin, schemas, [f]).map((r) => ({ ...tool, target: `${t.name} YAML`, ...r }))),
  );
  if (work !== undefined) results.push(negativeControl(tool, bin, schemas, work));
  return { results };
}

module.exports = { SCHEMA_TEMPLATE, judgeWithKubeconform, kubeconformBin, kubeconformResults, runKubeconform, schemaDir };
