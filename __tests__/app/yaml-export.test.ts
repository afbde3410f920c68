import { App } from "cdktf";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { environmentConfig } from "../../config";
import { exportObjects, toYamlStream } from "../../constructs/keda-function-app/yaml-export";
import { addEnvironment } from "../../stacks/app";

const outdir = mkdtempSync(join(tmpdir(), "yaml-export-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

// The dev environment's export, as `npm run manifests` prints it. The construct-level behaviour
// (export = applied objects, YAML round trip, tokens, determinism) is also checked on a single
// stack in __tests__/keda-function-app/yaml-export.test.ts, which mutation runs use: built in
// beforeAll, a whole environment would give every mutant of constructs/ coverage outside a test.
let workload: ReturnType<typeof addEnvironment>["workload"];
let stackJson: any;
let exported: ReturnType<typeof exportObjects>;
let yaml: string;
beforeAll(() => {
  const app = new App({ outdir });
  ({ workload } = addEnvironment(app, environmentConfig("dev")));
  app.synth();
  stackJson = JSON.parse(readFileSync(join(outdir, "stacks", workload.node.id, "cdk.tf.json"), "utf8"));
  exported = exportObjects(workload.functionApp);
  yaml = toYamlStream(exported);
});

test("the export equals the objects of the synthesized kubernetes_manifest resources of the app", () => {
  const ids = workload.functionApp.manifests.map((m) => m.friendlyUniqueId);
  const applied = ids.map((id) => stackJson.resource.kubernetes_manifest[id].manifest);
  expect(exported).toEqual(applied);
});

test("the YAML stream parses back to the same objects, one document each", () => {
  const documents = parseAllDocuments(yaml).map((d) => d.toJS());
  expect(documents).toEqual(exported);
});

test("the default config shows the full object set", () => {
  expect(exported.map((o: any) => `${o.kind}/${o.metadata.name}`)).toEqual([
    "Secret/func-keys-kube-secret-keda-func",
    "ServiceAccount/keda-func",
    "Role/keda-func-function-keys",
    "RoleBinding/keda-func-function-keys",
    "TriggerAuthentication/keda-func-wi",
    "NetworkPolicy/keda-func-http",
    "NetworkPolicy/keda-func",
    "Service/keda-func-http",
    "Deployment/keda-func-http",
    "PodDisruptionBudget/keda-func-http",
    "Deployment/keda-func",
    "PodDisruptionBudget/keda-func",
    "ScaledObject/keda-func",
  ]);
});

test("values known only after apply print as Terraform expressions", () => {
  expect(yaml).toMatch(/azure\.workload\.identity\/client-id: \$\{azurerm_user_assigned_identity\.[^.]+\.client_id\}/);
  expect(yaml).toMatch(/image: \$\{data\.terraform_remote_state\.[^}]+\}\/keda-func:[0-9a-f]{16}@\$\{docker_registry_image\.[^.]+\.sha256_digest\}/);
  expect(yaml).not.toContain("TfToken");
});
