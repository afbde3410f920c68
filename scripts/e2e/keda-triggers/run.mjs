// `npm run e2e:keda-triggers`: KEDA 2.17.2's operator judges the metadata KedaTrigger's factories
// write. examples/keda-triggers.ts is synthesized; each trigger of its ScaledObject goes into a
// ScaledObject of its own (on its own copy of the worker Deployment: one scaler that fails to build
// stops every trigger of a ScaledObject), the objects are applied to a real kube-apiserver with
// KEDA's admission webhooks, and the operator builds each scaler. No broker or Azure service is
// reachable (loopback-only network namespace), so a scaler that parsed its metadata fails later,
// connecting or authenticating; the check is that no trigger fails KEDA's metadata parsing. A
// negative control (a kafka trigger without consumerGroup) must fail it, so the check can fail.
//
//   node scripts/e2e/keda-triggers/run.mjs      (exit 0 only when every check passes)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { makePki } from "../cluster/certificates.mjs";
import { startControlPlane } from "../cluster/control-plane.mjs";
import { installCrds, startKeda } from "../cluster/keda.mjs";
import { kubectlFor } from "../cluster/kubectl.mjs";
import { rerunInPrivateNetwork, sleep, stopAll } from "../cluster/processes.mjs";
import { ensureTools, toolPaths } from "../cluster/tools.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const INSIDE = "KFA_E2E_KEDA_TRIGGERS_NETNS";
const NAMESPACE = "ingest";
/** KEDA 2.17's messages when a scaler's metadata does not parse (pkg/scalers/*_scaler.go). */
const PARSE_ERROR = /error parsing|unable to get eventhub metadata|no [A-Za-z ]+ given|must be specified|must be one of|invalid glob/i;

const log = (message) => process.stderr.write(`[e2e:keda-triggers] ${message}\n`);

function enterPrivateNetwork() {
  ensureTools(root, toolPaths(root), log);
  rerunInPrivateNetwork(fileURLToPath(import.meta.url), INSIDE, log);
}

/** The example's Kubernetes objects, Terraform references replaced by literals a cluster accepts. */
function renderExample(dir) {
  const { buildSync } = createRequire(join(root, "package.json"))("esbuild");
  const bundle = join(dir, "example.js");
  buildSync({ absWorkingDir: root, entryPoints: ["examples/keda-triggers.ts"], outfile: bundle, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "error", alias: { "keda-functions-aks": "./index.ts" } });
  const outdir = join(dir, "cdktf.out");
  const result = spawnSync(process.execPath, [bundle], { cwd: root, env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`synth of examples/keda-triggers.ts failed:\n${result.stderr}`);
  const stacks = readdirSync(join(outdir, "stacks"));
  const objects = stacks.flatMap((s) => Object.values(JSON.parse(readFileSync(join(outdir, "stacks", s, "cdk.tf.json"), "utf8")).resource?.kubernetes_manifest ?? {}).map((r) => r.manifest));
  const literal = JSON.stringify(objects)
    .replace(/\$\{azurerm_storage_account\.storage\.name\}/g, "stingestdev")
    .replace(/\$\{azurerm_eventhub_namespace\.events\.name\}/g, "evh-ingest-dev")
    .replace(/\$\{azurerm_user_assigned_identity\.[^}]+\.client_id\}/g, "00000000-0000-0000-0000-000000000001")
    .replace(/\$\{[^}]*\}/g, "placeholder");
  return JSON.parse(literal);
}

/** One ScaledObject (and Deployment copy) per trigger, plus the negative control. */
function splitPerTrigger(objects) {
  const scaledObject = objects.find((o) => o.kind === "ScaledObject");
  const deployment = objects.find((o) => o.kind === "Deployment" && o.metadata.name === scaledObject.spec.scaleTargetRef.name);
  const rest = objects.filter((o) => o !== scaledObject && o !== deployment);
  const control = { type: "kafka", name: "control", metricType: "AverageValue", metadata: { bootstrapServers: "127.0.0.1:1", topic: "clicks", lagThreshold: "10" } };
  const cases = [...scaledObject.spec.triggers.map((t, i) => ({ id: `t${i}-${t.type}`, trigger: t, control: false })), { id: "control-kafka", trigger: control, control: true }];
  const pairs = cases.flatMap(({ id, trigger }) => {
    const name = `${scaledObject.metadata.name}-${id}`.toLowerCase();
    const labels = { ...deployment.spec.selector.matchLabels, "e2e-case": id };
    const copy = structuredClone(deployment);
    copy.metadata = { ...copy.metadata, name, labels: { ...copy.metadata.labels, "e2e-case": id } };
    copy.spec.selector = { matchLabels: labels };
    copy.spec.template.metadata.labels = { ...copy.spec.template.metadata.labels, "e2e-case": id };
    const so = structuredClone(scaledObject);
    so.metadata = { ...so.metadata, name };
    so.spec.scaleTargetRef = { ...so.spec.scaleTargetRef, name };
    so.spec.triggers = [trigger];
    // KEDA refuses a fallback when no trigger can have one (cpu/memory only).
    if (trigger.type === "memory" || trigger.type === "cpu") {
      delete so.spec.fallback;
      so.spec.minReplicaCount = Math.max(1, so.spec.minReplicaCount ?? 0);
    }
    return [copy, so];
  });
  // The Secret the example names in existingSettings: fixture values pointing at closed loopback ports.
  const secret = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "ingest-connections", namespace: NAMESPACE },
    stringData: { KafkaBrokers: "127.0.0.1:1", KafkaUser: "e2e", KafkaPassword: "e2e-fixture", RabbitMqConnection: "amqp://e2e:e2e-fixture@127.0.0.1:1/" },
  };
  // The example deploys into a namespace its cluster already has.
  const namespace = rest.some((o) => o.kind === "Namespace") ? [] : [{ apiVersion: "v1", kind: "Namespace", metadata: { name: NAMESPACE } }];
  return { objects: [...namespace, ...rest, secret, ...pairs], cases };
}

async function main() {
  const started = Date.now();
  const tools = toolPaths(root);
  const dir = mkdtempSync(join(tmpdir(), "e2e-keda-triggers-"));
  const logDir = join(dir, "logs");
  mkdirSync(logDir);
  const findings = [];
  const results = [];
  try {
    const { objects, cases } = splitPerTrigger(renderExample(dir));
    const pki = await makePki(dir);
    const cluster = await startControlPlane({ tools, dir, logDir, pki });
    const kubectl = kubectlFor(tools.kubectl, cluster.adminKubeconfig);
    await installCrds(kubectl, [tools.kedaCrds]);
    await startKeda({ tools, dir, logDir, pki, kubectl, apiserverUrl: cluster.apiserverUrl, watchNamespaces: [NAMESPACE] });
    const ordered = [...objects.filter((o) => o.kind === "Namespace"), ...objects.filter((o) => o.kind !== "Namespace" && o.kind !== "ScaledObject"), ...objects.filter((o) => o.kind === "ScaledObject")];
    for (const object of ordered) {
      // The admission webhooks judge each ScaledObject here (e.g. memory needs a memory request).
      await kubectl.run(["apply", "--server-side", "--field-manager=e2e", "-f", "-"], { input: JSON.stringify(object) });
    }
    const deadline = Date.now() + 60_000;
    const pending = new Map(cases.map((c) => [c.id, c]));
    while (pending.size > 0 && Date.now() < deadline) {
      for (const [id, c] of pending) {
        const so = await kubectl.getJson("scaledobject", `ingest-${id}`.toLowerCase(), NAMESPACE);
        const ready = so?.status?.conditions?.find((x) => x.type === "Ready");
        if (ready === undefined || ready.status === "Unknown") continue;
        const operatorLog = readFileSync(join(logDir, "keda-operator.log"), "utf8")
          .split("\n")
          .filter((l) => l.includes(`ingest-${id}`.toLowerCase()) && /error/i.test(l))
          .join("\n");
        const parseFailed = PARSE_ERROR.test(`${ready.message}\n${operatorLog}`);
        // The operator's own words on why the scaler did not build (first error line), for the log.
        const cause = /"error":"([^"]*)"/.exec(operatorLog)?.[1];
        results.push({ id, type: c.trigger.type, ready: ready.status, reason: ready.reason, message: ready.message, cause, parseFailed, control: c.control });
        pending.delete(id);
      }
      if (pending.size > 0) await sleep(1000);
    }
    for (const id of pending.keys()) findings.push(`${id}: KEDA reported no Ready condition within 60 s`);
    for (const r of results) {
      if (r.control && !r.parseFailed) findings.push(`negative control ${r.id}: KEDA accepted a kafka trigger without consumerGroup, so the check cannot tell a parse failure`);
      if (!r.control && r.parseFailed) findings.push(`${r.id}: KEDA could not parse the metadata: ${r.message}`);
    }
  } catch (error) {
    findings.push(`run: ${error.stack ?? error}`);
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const r of results) log(`${r.control ? "control " : ""}${r.id}: Ready=${r.ready} ${r.reason}: ${r.message}${r.cause ? ` (operator: ${r.cause})` : ""}${r.parseFailed ? "  [metadata parse error]" : ""}`);
  for (const f of findings) log(`FINDING ${f}`);
  log(`${results.length} triggers judged, ${findings.length} findings; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(findings.length > 0 ? 1 : 0);
}

if (process.env[INSIDE] === "1") main();
else enterPrivateNetwork();
