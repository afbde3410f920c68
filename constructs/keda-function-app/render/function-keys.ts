import type { ISecret } from "kubernetes-models/v1/Secret";
import type { IRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import type { IRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import { objectMeta, sortedRecord } from "./metadata";
import { FunctionAppSpec, objectNames } from "./spec";

/** True when the app serves HTTP functions and the host keeps their keys in a Secret it manages. */
export function hostManagesKeys(spec: FunctionAppSpec): boolean {
  return spec.httpFunctions.length > 0 && spec.functionKeys.mode === "kubernetes-secret";
}

/**
 * The function keys Secret, created empty: the host fills it with generated keys on
 * first start (`KubernetesSecretsRepository`), so no key exists at synth time or in
 * Terraform's configuration. Terraform must ignore `data` (see `computedFields`).
 */
export function renderKeysSecret(spec: FunctionAppSpec): ISecret | undefined {
  if (!hostManagesKeys(spec)) return undefined;
  const base = objectMeta(spec, objectNames(spec.name, spec.functionKeys.secretName).keysSecret, "http");
  const annotations = spec.functionKeys.annotations;
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: Object.keys(annotations).length === 0 ? base : { ...base, annotations: sortedRecord(annotations) },
    type: "Opaque",
  };
}

/**
 * Only the app's own keys Secret, and only what the host does with it (GET, watch,
 * JSON patch). core-tools' shared namespace-wide `functions-keys-manager-role` would let
 * every app read every Secret.
 */
export function renderKeysRole(spec: FunctionAppSpec): IRole | undefined {
  if (!hostManagesKeys(spec)) return undefined;
  const names = objectNames(spec.name, spec.functionKeys.secretName);
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "Role",
    metadata: objectMeta(spec, names.keysRole, "http"),
    rules: [{ apiGroups: [""], resources: ["secrets"], resourceNames: [names.keysSecret], verbs: ["get", "watch", "patch", "update"] }],
  };
}

export function renderKeysRoleBinding(spec: FunctionAppSpec): IRoleBinding | undefined {
  if (!hostManagesKeys(spec)) return undefined;
  const names = objectNames(spec.name, spec.functionKeys.secretName);
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: objectMeta(spec, names.keysRoleBinding, "http"),
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: names.keysRole },
    subjects: [{ kind: "ServiceAccount", name: names.serviceAccount, namespace: spec.namespace }],
  };
}
