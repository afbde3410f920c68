// Turns the OpenAPI v3 schemas Kubernetes publishes (the API server's /openapi/v3 documents, and a CRD's
// openAPIV3Schema) into the self-contained, strict JSON schemas kubeconform reads. Pure: no I/O.
//
// Why each rewrite: kubeconform validates plain JSON Schema, so
//  - `$ref: #/components/schemas/X` must point into the file itself (`#/definitions/X`), with every
//    definition the schema reaches copied in;
//  - `nullable: true` is OpenAPI, not JSON Schema: the type list gains "null";
//  - `x-kubernetes-int-or-string` (CRDs) has no `type`, and means integer or string;
//  - strictness is the schema's job (kubeconform's -strict only selects a "-strict" file in its
//    default registry): an object with declared properties gets `additionalProperties: false`, unless
//    it keeps unknown fields (`x-kubernetes-preserve-unknown-fields`) or declares a map.
"use strict";

const REF_PREFIX = "#/components/schemas/";

/** The file name kubeconform asks for with the template `{{.ResourceKind}}-{{.Group}}-{{.ResourceAPIVersion}}.json`. */
function schemaFileName(group, version, kind) {
  // kubeconform splits apiVersion at "/": for the core group ("v1") the group part is the version itself.
  return `${kind.toLowerCase()}-${group === "" ? version : group}-${version}.json`;
}

/** Rewrites one schema node (recursively) into strict JSON Schema; `refs` collects the definitions it reaches. */
function convertNode(node, refs) {
  if (Array.isArray(node)) return node.map((n) => convertNode(n, refs));
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith(REF_PREFIX)) {
      const name = value.slice(REF_PREFIX.length);
      refs.add(name);
      out.$ref = `#/definitions/${name}`;
    } else if (key === "nullable" || (key === "format" && value === "int-or-string")) {
      // handled below / meaningless to a JSON Schema validator
    } else if (key === "properties" || key === "patternProperties" || key === "definitions") {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertNode(v, refs)]));
    } else if (typeof value === "object") {
      out[key] = convertNode(value, refs);
    } else {
      out[key] = value;
    }
  }
  if (node["x-kubernetes-int-or-string"] === true && out.type === undefined && out.oneOf === undefined && out.anyOf === undefined) {
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (node.nullable === true && typeof out.type === "string") out.type = [out.type, "null"];
  const keepsUnknown = node["x-kubernetes-preserve-unknown-fields"] === true;
  if (out.properties !== undefined && out.additionalProperties === undefined && !keepsUnknown) out.additionalProperties = false;
  return out;
}

/**
 * A self-contained strict schema for `root`: `root` converted, plus every definition of `components` it
 * reaches (transitively) under `definitions`.
 */
function selfContained(root, components) {
  const refs = new Set();
  const schema = convertNode(root, refs);
  const definitions = {};
  const pending = [...refs];
  while (pending.length > 0) {
    const name = pending.pop();
    if (definitions[name] !== undefined) continue;
    if (components[name] === undefined) throw new Error(`schema reference ${REF_PREFIX}${name} has no definition`);
    const inner = new Set();
    definitions[name] = convertNode(components[name], inner);
    for (const ref of inner) if (definitions[ref] === undefined) pending.push(ref);
  }
  if (Object.keys(definitions).length > 0) schema.definitions = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return schema;
}

/**
 * The kubeconform schema of every kind of `groupVersion` ("v1", "apps/v1") that its OpenAPI v3 document
 * serves: `[{ file, group, version, kind, schema }]`. A document also carries kinds of other groups that
 * its subresources use (autoscaling/v1 Scale in apps/v1): those come from their own group's document.
 */
function schemasFromOpenApi(document, groupVersion) {
  const [group, version] = groupVersion.includes("/") ? groupVersion.split("/") : ["", groupVersion];
  const components = document.components?.schemas ?? {};
  const out = [];
  for (const [name, definition] of Object.entries(components)) {
    for (const gvk of definition["x-kubernetes-group-version-kind"] ?? []) {
      // List kinds and the meta types every group repeats are not objects anyone writes in a manifest.
      if (gvk.group !== group || gvk.version !== version) continue;
      if (gvk.kind.endsWith("List") || name.startsWith("io.k8s.apimachinery.pkg.apis.meta.")) continue;
      out.push({ file: schemaFileName(gvk.group, gvk.version, gvk.kind), ...gvk, schema: selfContained({ $ref: `${REF_PREFIX}${name}` }, components) });
    }
  }
  return out;
}

/**
 * The kubeconform schema of every served version of a CustomResourceDefinition. `objectMeta` (the
 * components of the core document) replaces the CRD's bare `metadata: {type: object}` with the real
 * ObjectMeta, as the API server validates it.
 */
function schemasFromCrd(crd, metaComponents) {
  const { group, names, versions } = crd.spec;
  return versions
    .filter((v) => v.served !== false && v.schema?.openAPIV3Schema !== undefined)
    .map((v) => {
      const root = structuredClone(v.schema.openAPIV3Schema);
      if (metaComponents !== undefined) {
        root.properties = { ...root.properties, metadata: { $ref: `${REF_PREFIX}io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta` } };
      }
      return {
        file: schemaFileName(group, v.name, names.kind),
        group,
        version: v.name,
        kind: names.kind,
        schema: selfContained(root, metaComponents ?? {}),
      };
    });
}

module.exports = { convertNode, selfContained, schemaFileName, schemasFromOpenApi, schemasFromCrd };
