import { renderFunctionApp } from "../../constructs/keda-function-app/render/objects";
import { baseSpec } from "../support/keda-function-app";

// The host that manages its keys Secret gets exactly one Role, bound to its ServiceAccount:
// the binding must reference that Role (kind, API group, name), or the API server refuses it
// (an empty roleRef.kind) or it grants nothing.
test("the keys RoleBinding binds the keys Role to the app's ServiceAccount", () => {
  const objects = renderFunctionApp(baseSpec()) as any[];
  const role = objects.find((o) => o.kind === "Role");
  const binding = objects.find((o) => o.kind === "RoleBinding");
  const account = objects.find((o) => o.kind === "ServiceAccount");
  expect(binding.apiVersion).toBe("rbac.authorization.k8s.io/v1");
  expect(binding.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role.metadata.name });
  expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: account.metadata.name, namespace: "apps" }]);
  expect(role.apiVersion).toBe("rbac.authorization.k8s.io/v1");
  expect([role.metadata.namespace, binding.metadata.namespace]).toEqual(["apps", "apps"]);
  // Both belong to the HTTP half (the only one that talks to the API server about keys).
  for (const object of [role, binding]) expect(object.metadata.labels).toMatchObject({ "app.kubernetes.io/name": "demo", "app.kubernetes.io/component": "http" });
});

test("keys mounted from a volume: no Role and no RoleBinding", () => {
  const objects = renderFunctionApp(baseSpec({ functionKeys: { mode: "mounted-volume", secretName: "keys", annotations: {} } })) as any[];
  expect(objects.filter((o) => o.kind === "Role" || o.kind === "RoleBinding")).toEqual([]);
});

test("an app without HTTP functions has no keys to manage: no Role, RoleBinding or keys Secret", () => {
  const objects = renderFunctionApp(baseSpec({ httpFunctions: [] })) as any[];
  expect(objects.filter((o) => ["Role", "RoleBinding"].includes(o.kind))).toEqual([]);
  expect(objects.filter((o) => o.kind === "Secret" && o.metadata.name === "func-keys-kube-secret-demo")).toEqual([]);
  // The near miss: one HTTP function is enough for the host to manage keys.
  expect((renderFunctionApp(baseSpec({ httpFunctions: ["hello"] })) as any[]).filter((o) => o.kind === "Role")).toHaveLength(1);
});
