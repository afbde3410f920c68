#!/usr/bin/env node
// Writes kubeconform's schemas for one Kubernetes release and the CRDs the project targets, from local
// files only (kubeconform would otherwise download them from GitHub, which this machine cannot reach):
//
//   node scripts/conformance/schemas/generate.cjs <out-dir> <openapi-v3-dir> <crd-dir>...
//
// <openapi-v3-dir> is api/openapi-spec/v3 of the k8s.io/kubernetes module (what the release's API server
// serves at /openapi/v3); each <crd-dir> holds CustomResourceDefinition YAML (KEDA's and the HTTP
// add-on's config/crd/bases). File names follow the template in kubeconform.cjs (SCHEMA_TEMPLATE).
"use strict";
const { mkdirSync, readFileSync, readdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const YAML = require("yaml");
const { schemasFromCrd, schemasFromOpenApi } = require("./openapi-to-jsonschema.cjs");

function generate(outDir, openApiDir, crdDirs) {
  mkdirSync(outDir, { recursive: true });
  const written = new Map();
  const write = (entry, origin) => {
    if (written.has(entry.file)) throw new Error(`${entry.file} would come from both ${written.get(entry.file)} and ${origin}`);
    written.set(entry.file, origin);
    writeFileSync(join(outDir, entry.file), JSON.stringify(entry.schema));
  };
  // One document per group-version: api__v1_openapi.json, apis__apps__v1_openapi.json, ...
  const groupVersionDocs = readdirSync(openApiDir).filter((f) => /^api__v1_openapi\.json$|^apis__[^_]+__[^_]+_openapi\.json$/.test(f)).sort();
  let core;
  for (const file of groupVersionDocs) {
    const document = JSON.parse(readFileSync(join(openApiDir, file), "utf8"));
    if (file === "api__v1_openapi.json") core = document.components.schemas;
    // api__v1 -> "v1"; apis__apps__v1 -> "apps/v1"
    const groupVersion = file.replace(/_openapi\.json$/, "").split("__").slice(1).join("/");
    for (const entry of schemasFromOpenApi(document, groupVersion)) write(entry, file);
  }
  if (core === undefined) throw new Error(`${openApiDir} has no api__v1_openapi.json: not a Kubernetes api/openapi-spec/v3 folder`);
  for (const dir of crdDirs) {
    for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      for (const doc of YAML.parseAllDocuments(readFileSync(join(dir, file), "utf8"))) {
        const crd = doc.toJS();
        if (crd?.kind !== "CustomResourceDefinition") continue;
        for (const entry of schemasFromCrd(crd, core)) write(entry, join(dir, file));
      }
    }
  }
  return [...written.keys()].sort();
}

module.exports = { generate };

if (require.main === module) {
  const [outDir, openApiDir, ...crdDirs] = process.argv.slice(2);
  if (outDir === undefined || openApiDir === undefined) {
    console.error("usage: generate.cjs <out-dir> <openapi-v3-dir> <crd-dir>...");
    process.exit(2);
  }
  const files = generate(outDir, openApiDir, crdDirs);
  console.log(`wrote ${files.length} schemas to ${outDir}`);
}
