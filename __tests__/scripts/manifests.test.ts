import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

// Issue 11 item 14: `npm run manifests -- --env <name>` (scripts/manifests.ts through the runner).

const ROOT = join(__dirname, "..", "..");
jest.setTimeout(120_000);

/** Runs the export with `args`, in a private TMPDIR whose leftovers are returned. */
function manifests(args: readonly string[], env: Record<string, string> = {}) {
  const tmp = mkdtempSync(join(tmpdir(), "manifests-test-"));
  const { DEPLOY_ENV: _environment, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [join(ROOT, "scripts", "run-app.mjs"), join(ROOT, "scripts", "manifests.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...inherited, TMPDIR: tmp, CHECKPOINT_DISABLE: "1", ...env },
  });
  return { ...result, leftovers: readdirSync(tmp) };
}

describe("choosing the environment", () => {
  test.each([
    ["an unknown name", ["--env", "staging"], 'manifests: unknown environment "staging": choose one of "dev", "prod"'],
    ["--env without a value", ["--env"], 'manifests: --env needs an environment name: one of "dev", "prod"'],
    ["--env followed by another flag", ["--env", "--verbose"], 'manifests: --env needs an environment name: one of "dev", "prod"'],
    ["no --env and no DEPLOY_ENV", [], 'manifests: choose an environment with --env: one of "dev", "prod" (or set DEPLOY_ENV)'],
    ["a misspelt flag", ["--evn", "dev"], 'manifests: unknown argument "--evn"'],
  ])("%s is refused with the known environments, exit 2 and no YAML", (_label, args, message) => {
    const { status, stdout, stderr } = manifests(args);
    expect(stderr).toContain(message);
    expect(stderr).toContain("usage: npm run manifests -- --env <name>");
    expect(stdout).toBe("");
    expect(status).toBe(2);
  });

  test("--env=prod and DEPLOY_ENV pick an environment too", () => {
    expect(manifests(["--env=prod"]).status).toBe(0);
    expect(manifests([], { DEPLOY_ENV: "prod" }).status).toBe(0);
  });
});

describe("the YAML of --env dev", () => {
  const run = manifests(["--env", "dev"]);
  const documents = () => parseAllDocuments(run.stdout).map((d) => d.toJS());

  test("succeeds and leaves no temp folder behind", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.leftovers).toEqual([]);
  });

  test("starts with the Namespace, so it applies to a fresh cluster; every other object lives in it", () => {
    const [first, ...rest] = documents();
    expect(first).toEqual({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "functions", labels: { "pod-security.kubernetes.io/enforce": "restricted" } },
    });
    expect(rest.length).toBeGreaterThan(5);
    expect(rest.every((o) => o.kind !== "Namespace" && o.metadata.namespace === "functions")).toBe(true);
  });

  test("the default config shows the full object set, in apply order", () => {
    expect(documents().map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      "Namespace/functions",
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
    expect(run.stdout).toMatch(/azure\.workload\.identity\/client-id: \$\{azurerm_user_assigned_identity\.[^.]+\.client_id\}/);
    expect(run.stdout).toMatch(/image: \$\{data\.terraform_remote_state\.[^}]+\}\/keda-func:[0-9a-f]{16}@\$\{docker_registry_image\.[^.]+\.sha256_digest\}/);
    expect(run.stdout).not.toContain("TfToken");
  });

  // Each document's schema is judged by kubeconform (Kubernetes 1.35 OpenAPI, KEDA and http-add-on
  // CRDs, strict) on this same export of dev and prod: `npm run conformance`.
});
