// Schema validation of generated Kubernetes objects with kubernetes-models (Kubernetes
// 1.27 OpenAPI) and @kubernetes-models/keda (KEDA CRDs): an offline kubeconform.
"use strict";

/** The kubernetes-models module that holds the class for `apiVersion` + `kind`. */
function modulePath(apiVersion, kind) {
  if (apiVersion.startsWith("keda.sh/")) return `@kubernetes-models/keda/${apiVersion}/${kind}`;
  return `kubernetes-models/${apiVersion}/${kind}`;
}

/** Schema errors of one object (empty when valid): `<Kind>/<name>: <path> <message>`. */
function validateObject(object) {
  const label = `${object?.kind ?? "?"}/${object?.metadata?.name ?? "?"}`;
  if (typeof object?.apiVersion !== "string" || typeof object?.kind !== "string") {
    return [`${label}: apiVersion and kind are required`];
  }
  let Model;
  try {
    const mod = require(modulePath(object.apiVersion, object.kind));
    Model = mod[object.kind] ?? mod.default;
  } catch {
    return [`${label}: no schema for ${object.apiVersion} ${object.kind}`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    const details = Array.isArray(error.errors) ? error.errors.map((e) => `${e.instancePath || "/"} ${e.message}`) : [error.message];
    return details.map((d) => `${label}: ${d}`);
  }
}

/** The objects a synthesized stack applies through `kubernetes_manifest`. */
function manifestObjects(stackJson) {
  return Object.values(stackJson.resource?.kubernetes_manifest ?? {}).map((r) => r.manifest);
}

module.exports = { validateObject, manifestObjects };
