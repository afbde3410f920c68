// The converter from Kubernetes OpenAPI v3 / CRD schemas to kubeconform's strict JSON schemas.
const { convertNode, schemaFileName, schemasFromCrd, schemasFromOpenApi, selfContained } = require("../../scripts/conformance/schemas/openapi-to-jsonschema.cjs");

describe("convertNode", () => {
  test("objects with properties reject unknown fields", () => {
    expect(convertNode({ type: "object", properties: { a: { type: "string" } } }, new Set())).toEqual({
      type: "object",
      properties: { a: { type: "string" } },
      additionalProperties: false,
    });
  });

  test("maps and objects that keep unknown fields stay open", () => {
    expect(convertNode({ type: "object", additionalProperties: { type: "string" } }, new Set())).toEqual({ type: "object", additionalProperties: { type: "string" } });
    const kept = convertNode({ type: "object", "x-kubernetes-preserve-unknown-fields": true, properties: { a: { type: "string" } } }, new Set());
    expect(kept.additionalProperties).toBeUndefined();
  });

  test("x-kubernetes-int-or-string accepts integers and strings; nullable adds null", () => {
    expect(convertNode({ "x-kubernetes-int-or-string": true }, new Set()).anyOf).toEqual([{ type: "integer" }, { type: "string" }]);
    expect(convertNode({ type: "string", nullable: true }, new Set())).toEqual({ type: ["string", "null"] });
  });

  test("component references point into the file and are collected", () => {
    const refs = new Set();
    expect(convertNode({ allOf: [{ $ref: "#/components/schemas/a.B" }] }, refs)).toEqual({ allOf: [{ $ref: "#/definitions/a.B" }] });
    expect([...refs]).toEqual(["a.B"]);
  });
});

test("selfContained copies every definition reached, transitively", () => {
  const components = { A: { properties: { b: { $ref: "#/components/schemas/B" } } }, B: { properties: { c: { $ref: "#/components/schemas/C" } } }, C: { type: "string" }, Unused: { type: "string" } };
  expect(Object.keys(selfContained({ $ref: "#/components/schemas/A" }, components).definitions)).toEqual(["A", "B", "C"]);
  expect(() => selfContained({ $ref: "#/components/schemas/Missing" }, components)).toThrow("schema reference #/components/schemas/Missing has no definition");
});

test("file names follow kubeconform's template: the core group's part is the version", () => {
  expect(schemaFileName("apps", "v1", "Deployment")).toBe("deployment-apps-v1.json");
  expect(schemaFileName("", "v1", "Service")).toBe("service-v1-v1.json");
  expect(schemaFileName("keda.sh", "v1alpha1", "ScaledObject")).toBe("scaledobject-keda.sh-v1alpha1.json");
});

test("an OpenAPI document yields only its own group-version's kinds, no List kinds", () => {
  const document = {
    components: {
      schemas: {
        "io.k8s.api.apps.v1.Deployment": { type: "object", properties: {}, "x-kubernetes-group-version-kind": [{ group: "apps", version: "v1", kind: "Deployment" }] },
        "io.k8s.api.apps.v1.DeploymentList": { type: "object", "x-kubernetes-group-version-kind": [{ group: "apps", version: "v1", kind: "DeploymentList" }] },
        "io.k8s.api.autoscaling.v1.Scale": { type: "object", "x-kubernetes-group-version-kind": [{ group: "autoscaling", version: "v1", kind: "Scale" }] },
      },
    },
  };
  expect(schemasFromOpenApi(document, "apps/v1").map((s: { file: string }) => s.file)).toEqual(["deployment-apps-v1.json"]);
});

test("a CRD gets the real ObjectMeta in place of its bare metadata", () => {
  const crd = {
    spec: {
      group: "keda.sh",
      names: { kind: "ScaledObject" },
      versions: [{ name: "v1alpha1", served: true, schema: { openAPIV3Schema: { type: "object", properties: { metadata: { type: "object" }, spec: { type: "object", properties: { x: { type: "integer" } } } } } } }],
    },
  };
  const meta = { "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": { type: "object", properties: { name: { type: "string" } } } };
  const [entry] = schemasFromCrd(crd, meta);
  expect(entry.file).toBe("scaledobject-keda.sh-v1alpha1.json");
  expect(entry.schema.properties.metadata).toEqual({ $ref: "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta" });
  expect(entry.schema.properties.spec.additionalProperties).toBe(false);
});
