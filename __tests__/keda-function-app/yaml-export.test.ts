import { TerraformVariable, Testing } from "cdktf";
import { parseAllDocuments } from "yaml";
import { ImageSource } from "../../constructs/keda-function-app/image-source";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { exportObjects, exportObjectsWithNamespace, toYamlStream } from "../../constructs/keda-function-app/yaml-export";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { requiredProps, testStack } from "../support/keda-function-app";

// The YAML export of one app on a single stack: what `npm run manifests` prints must be what
// Terraform applies. Each test builds its own app: mutation runs attribute code to tests only
// when it runs inside one. The dev environment's export is checked on `npm run manifests`
// itself (__tests__/scripts/manifests.test.ts).

const DIGEST = "c".repeat(64);

/** An app whose image registry comes from Terraform, in the namespace it creates (or `namespace`). */
function appOnStack(overrides: Parameters<typeof requiredProps>[0] = {}) {
  const stack = testStack();
  const registry = new TerraformVariable(stack, "registry", { type: "string" }).stringValue;
  const app = new KedaFunctionApp(stack, "app", requiredProps({ image: ImageSource.fromReference(`${registry}/demo@sha256:${DIGEST}`), ...overrides }));
  return { stack, app };
}

test("the export equals the objects of the synthesized kubernetes_manifest resources, in apply order", () => {
  const { stack, app } = appOnStack();
  const objects = exportObjects(app);
  const json = JSON.parse(Testing.synth(stack, true));
  const applied = app.manifests.map((m) => json.resource.kubernetes_manifest[m.friendlyUniqueId].manifest);
  expect(objects).toEqual(applied);
  expect(objects[0]).toMatchObject({ kind: "Namespace", metadata: { name: "demo" } });
  expect(objects.length).toBeGreaterThan(8);
});

test("the YAML stream parses back to the same objects, one document each", () => {
  const objects = exportObjects(appOnStack().app);
  const yaml = toYamlStream(objects);
  expect(yaml.split("\n---\n").length).toBe(objects.length);
  expect(parseAllDocuments(yaml).map((d) => d.toJS())).toEqual(objects);
});

test("values known only after apply print as Terraform expressions", () => {
  const yaml = toYamlStream(exportObjects(appOnStack().app));
  expect(yaml).toMatch(/azure\.workload\.identity\/client-id: \$\{azurerm_user_assigned_identity\.[^.]+\.client_id\}/);
  expect(yaml).toContain(`image: \${var.registry}/demo@sha256:${DIGEST}`);
  expect(yaml).not.toContain("TfToken");
});

test("long values stay on one line, and a repeated object is written out, not aliased", () => {
  const yaml = toYamlStream([{ a: "x".repeat(200), one: { k: "v" }, two: { k: "v" } }]);
  expect(yaml).toBe(`a: ${"x".repeat(200)}\none:\n  k: v\ntwo:\n  k: v\n`);
  const shared = { k: "v" };
  expect(toYamlStream([{ one: shared, two: shared }])).toBe("one:\n  k: v\ntwo:\n  k: v\n");
});

test("deterministic: a second app prints the same bytes", () => {
  expect(toYamlStream(exportObjects(appOnStack().app))).toBe(toYamlStream(exportObjects(appOnStack().app)));
});

describe("exportObjectsWithNamespace", () => {
  test("an app that creates its namespace: the export as it is (the Namespace once, first)", () => {
    const { app } = appOnStack();
    const objects = exportObjectsWithNamespace(app);
    expect(objects).toEqual(exportObjects(app));
    expect(objects.filter((o: any) => o.kind === "Namespace")).toHaveLength(1);
  });

  test("a namespace created by another manifest of the stack comes first; other namespaces and objects do not", () => {
    const { stack, app } = appOnStack({ namespace: "apps" });
    const manifest = (name: string, kind = "Namespace") =>
      new Manifest(stack, `${kind}-${name}`, { manifest: { apiVersion: "v1", kind, metadata: { name } } });
    manifest("apps");
    manifest("other");
    manifest("apps", "ConfigMap");
    const objects = exportObjectsWithNamespace(app) as any[];
    expect(objects[0]).toEqual({ apiVersion: "v1", kind: "Namespace", metadata: { name: "apps" } });
    expect(objects.slice(1)).toEqual(exportObjects(app));
  });

  test("an app in a namespace nobody in the stack creates: only its own objects", () => {
    const { app } = appOnStack({ namespace: "apps" });
    expect(exportObjectsWithNamespace(app)).toEqual(exportObjects(app));
  });
});
