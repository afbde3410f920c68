// Apply and drift: the YAML export of an environment, applied to a fresh namespace with
// `kubectl apply --server-side`, must be admitted whole (API server validation and admission,
// KEDA's webhook), and `kubectl diff --server-side` right after must be empty: a field the API
// server drops, normalizes or defaults differently would show up there, and the kubernetes
// Terraform provider would report it as "inconsistent result" / a diff on every plan.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { join } from "node:path";
import { parseAllDocuments, stringify } from "yaml";
import { roundTripDifferences } from "./round-trip.cjs";

const execFileAsync = promisify(execFile);

/** `npm run manifests -- --env <environment>` of the tree at `tree`, parsed. */
export async function renderEnvironment(tree, environment) {
  const { stdout } = await execFileAsync(process.execPath, [join(tree, "scripts", "run-app.mjs"), "scripts/manifests.ts", "--env", environment], {
    cwd: tree,
    env: { ...process.env, DEPLOY_ENV: environment },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseAllDocuments(stdout)
    .map((document) => document.toJSON())
    .filter((object) => object !== null && object !== undefined);
}

/** `kind/name` of an object, as kubectl prints it. */
export function objectId(object) {
  const namespace = object.metadata?.namespace ? `${object.metadata.namespace}/` : "";
  return `${object.kind}/${namespace}${object.metadata?.name}`;
}

/**
 * Applies `objects` and diffs them. Returns `{ applied, findings, diff }`: findings are the defects
 * a real cluster reports (refused objects, a YAML that needs a namespace it does not create, drift).
 * When the stream lacks its Namespace the run creates it and carries on, so one run shows every defect.
 */
export async function applyAndDiff(kubectl, objects, { fieldManager }) {
  const findings = [];
  const yaml = objects.map((object) => stringify(object, { lineWidth: 0 })).join("---\n");
  const namespaces = [...new Set(objects.map((o) => o.metadata?.namespace).filter(Boolean))];
  const shipped = new Set(objects.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name));
  const missing = [];
  // A fresh cluster has `default` and the system namespaces; anything else the YAML must create.
  for (const ns of namespaces) if (!shipped.has(ns) && (await kubectl.getJson("namespace", ns)) === undefined) missing.push(ns);
  if (missing.length > 0) {
    findings.push({
      check: "fresh-cluster",
      message: `the YAML does not create namespace(s) ${missing.join(", ")}: applied to a fresh cluster it fails with "namespaces ... not found"`,
    });
    for (const ns of missing) await kubectl.run(["create", "namespace", ns]);
  }
  const args = ["apply", "--server-side", `--field-manager=${fieldManager}`, "-f", "-"];
  const applied = await kubectl.run(args, { input: yaml, allowFailure: true, timeoutMs: 120_000 });
  if (applied.code !== 0) {
    findings.push({ check: "admission", message: `kubectl apply --server-side refused objects:\n${applied.stderr.trim()}` });
  }
  if (applied.code === 0) findings.push(...(await roundTrip(kubectl, objects, yaml)));
  const diff = await diffUntilSettled(kubectl, yaml, fieldManager);
  // kubectl diff: 0 = no differences, 1 = differences, >1 = kubectl or diff failed.
  if (diff.code === 1) {
    findings.push({ check: "drift", message: `kubectl diff --server-side is not empty right after apply:\n${diff.stdout.trim()}` });
  } else if (diff.code !== 0) {
    findings.push({ check: "drift", message: `kubectl diff --server-side failed (${diff.code}):\n${diff.stderr.trim()}` });
  }
  return { applied: applied.stdout.trim().split("\n").filter(Boolean), findings, diff: diff.stdout };
}

/**
 * `kubectl diff --server-side`, repeated (3 tries, 1 s apart) while it is not empty: a controller
 * (KEDA writing a ScaledObject's status) can change an object between the diff's read and its dry
 * run. A real drift shows on every try (a dropped field bumps `generation` on each re-apply).
 */
async function diffUntilSettled(kubectl, yaml, fieldManager) {
  let diff;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
    diff = await kubectl.run(["diff", "--server-side", `--field-manager=${fieldManager}`, "-f", "-"], { input: yaml, allowFailure: true, timeoutMs: 120_000 });
    if (diff.code !== 1) return diff;
  }
  return diff;
}

/** Reads every applied object back and reports each sent field the API server stored differently. */
async function roundTrip(kubectl, objects, yaml) {
  const live = JSON.parse((await kubectl.run(["get", "-f", "-", "-o", "json"], { input: yaml })).stdout);
  const items = live.kind === "List" ? live.items : [live];
  const findings = [];
  objects.forEach((sent, index) => {
    const differences = roundTripDifferences(sent, items[index]);
    if (differences.length === 0) return;
    const lines = differences.map((d) => `  ${d.path}: sent ${d.sent}, the API server stores ${d.stored}`);
    findings.push({
      check: "drift",
      message: `${objectId(sent)} does not read back as applied (Terraform's kubernetes_manifest reports "Provider produced inconsistent result", then a diff on every plan):\n${lines.join("\n")}`,
    });
  });
  return findings;
}

/** Deletes the namespaces of `objects` and waits until they are gone (namespace controller). */
export async function deleteNamespaces(kubectl, objects) {
  const namespaces = [...new Set(objects.map((o) => o.metadata?.namespace).filter(Boolean))];
  for (const ns of namespaces) {
    await kubectl.run(["delete", "namespace", ns, "--wait=true", "--timeout=90s"], { timeoutMs: 100_000 });
  }
  return namespaces;
}
