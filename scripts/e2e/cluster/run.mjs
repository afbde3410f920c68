// `npm run e2e:cluster`: a real control plane and a real KEDA judge the workload (docs/e2e-cluster.md).
//
//   node scripts/e2e/cluster/run.mjs [--tree <checkout>] [--report <file>]
//
// --tree renders the dev/prod YAML and the scaling apps from another checkout of this project (e.g.
// a `git worktree` of an older commit); --report writes the JSON report there instead of
// .reports/e2e-cluster.json. Exit code 0 only when every check passes.
//
// The whole run happens in a private network namespace (`unshare --net`) whose only interface is
// loopback: every server binds 127.0.0.1, nothing can reach or be reached from outside, and the
// machine's own network set-up is untouched. Every server is stopped by PID at the end, also on
// failure, SIGINT or SIGTERM.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { applyAndDiff, deleteNamespaces, objectId, renderEnvironment } from "./apply-drift.mjs";
import { startAzurite } from "./azurite.mjs";
import { makePki } from "./certificates.mjs";
import { startControlPlane } from "./control-plane.mjs";
import { runControls } from "./controls.mjs";
import { installCrds, startKeda } from "./keda.mjs";
import { kubectlFor } from "./kubectl.mjs";
import { checkLeastPrivilege } from "./least-privilege.mjs";
import { checkPodsAdmitted } from "./pods-admitted.mjs";
import { rerunInPrivateNetwork, stopAll } from "./processes.mjs";
import { rabbitMqUnavailable, startRabbitMq } from "./rabbitmq.mjs";
import { writeReport } from "./report.mjs";
import { runScaling } from "./scaling-checks.mjs";
import { renderScalingApps } from "./scaling.mjs";
import { ensureTools, toolPaths } from "./tools.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const INSIDE = "KFA_E2E_CLUSTER_NETNS";

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function log(message) {
  process.stderr.write(`[e2e:cluster] ${message}\n`);
}

/** Outside: build missing tools (needs the network), then re-run this script in a loopback-only namespace. */
function enterPrivateNetwork() {
  ensureTools(root, toolPaths(root), log);
  rerunInPrivateNetwork(fileURLToPath(import.meta.url), INSIDE, log);
}

/** Times one phase into `phases`. */
async function phase(phases, name, work) {
  const start = Date.now();
  log(`${name} ...`);
  try {
    return await work();
  } finally {
    phases[name] = (Date.now() - start) / 1000;
    log(`${name}: ${phases[name].toFixed(1)} s`);
  }
}

async function main() {
  const started = Date.now();
  const tree = resolve(option("--tree") ?? root);
  const reportFile = option("--report");
  const tools = toolPaths(root);
  const dir = mkdtempSync(join(tmpdir(), "e2e-cluster-"));
  const logDir = join(dir, "logs");
  mkdirSync(logDir);
  const phases = {};
  const report = { tree, versions: tools.versions, phases, findings: [], controls: [], environments: {}, leastPrivilege: [], scaling: [], httpAddOn: {} };
  let failed = true;

  const cleanup = async () => {
    await stopAll();
    if (failed) {
      const kept = join(root, ".reports", "e2e-cluster-logs");
      rmSync(kept, { recursive: true, force: true });
      mkdirSync(dirname(kept), { recursive: true });
      cpSync(logDir, kept, { recursive: true });
      log(`server logs kept in ${kept}`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  let interrupted = false;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      log(`${signal}: stopping every server`);
      cleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  }

  try {
    const settings = { pollingInterval: 2, cooldownPeriod: 5 };
    const rabbitUnavailable = rabbitMqUnavailable();
    const rendered = await phase(phases, "render (YAML export dev/prod, scaling apps)", async () => {
      if (tree !== root && !existsSync(join(tree, "scripts", "e2e", "cluster", "scaling-apps.ts"))) {
        cpSync(join(root, "scripts", "e2e", "cluster", "scaling-apps.ts"), join(tree, "scripts", "e2e", "cluster", "scaling-apps.ts"));
      }
      const [dev, prod, apps] = await Promise.all([
        renderEnvironment(tree, "dev"),
        renderEnvironment(tree, "prod"),
        renderScalingApps(tree, { ...settings, rabbitmq: rabbitUnavailable === undefined }),
      ]);
      return { dev, prod, apps };
    });

    // RabbitMQ boots in the background while the control plane starts (it is the slowest server).
    const rabbit = rabbitUnavailable === undefined ? startRabbitMq({ dir, logDir, timeoutMs: 120_000 }).catch((error) => ({ error })) : undefined;
    const pki = await phase(phases, "certificates", async () => makePki(dir));
    const [cluster, azurite] = await phase(phases, "control plane (etcd, kube-apiserver, kube-controller-manager) and Azurite", () =>
      Promise.all([startControlPlane({ tools, dir, logDir, pki }), startAzurite(root, { dir, logDir })]),
    );
    const kubectl = kubectlFor(tools.kubectl, cluster.adminKubeconfig);
    const watched = [...new Set(rendered.apps.filter((a) => a.kind !== "http-add-on").map((a) => a.namespace))];
    await phase(phases, "CRDs and KEDA (webhooks + operator)", async () => {
      await installCrds(kubectl, [tools.kedaCrds, tools.httpAddOnCrds]);
      await startKeda({ tools, dir, logDir, pki, kubectl, apiserverUrl: cluster.apiserverUrl, watchNamespaces: watched });
    });

    await phase(phases, "negative controls", async () => {
      const controls = await runControls(kubectl);
      report.controls = controls.results;
      report.findings.push(...controls.findings);
    });

    for (const environment of ["dev", "prod"]) {
      await phase(phases, `apply + drift + least privilege: ${environment}`, async () => {
        const objects = rendered[environment];
        const result = await applyAndDiff(kubectl, objects, { fieldManager: "keda-functions-aks" });
        report.environments[environment] = { objects: objects.map(objectId), applied: result.applied, findings: result.findings.length };
        report.findings.push(...result.findings.map((f) => ({ ...f, message: `${environment}: ${f.message}` })));
        const pods = await checkPodsAdmitted(kubectl, objects);
        report.environments[environment].pods = pods.deployments;
        report.findings.push(...pods.findings.map((f) => ({ ...f, message: `${environment}: ${f.message}` })));
        const privileges = await checkLeastPrivilege(kubectl, objects, { dir, apiserverUrl: cluster.apiserverUrl, ca: pki.ca, kubectlBinary: tools.kubectl });
        report.leastPrivilege.push(...privileges.bindings.map((b) => ({ environment, ...b })));
        report.findings.push(...privileges.findings.map((f) => ({ ...f, message: `${environment}: ${f.message}` })));
        // Each environment goes onto a fresh namespace (the namespace controller deletes everything in it).
        await deleteNamespaces(kubectl, objects);
      });
    }

    await phase(phases, "scaling 0 -> 1 -> 0 (Azurite, RabbitMQ) and HTTP add-on admission", async () => {
      const rabbitmq = rabbit === undefined ? { unavailable: rabbitUnavailable } : await rabbit;
      const scaling = await runScaling({ root, kubectl, cluster, pki, dir, azurite, rabbitmq, apps: rendered.apps, settings });
      report.scaling = scaling.results;
      report.httpAddOn = scaling.httpAddOn;
      report.leastPrivilege.push(...scaling.leastPrivilege);
      report.findings.push(...scaling.findings);
    });
    failed = report.findings.length > 0;
  } catch (error) {
    report.findings.push({ check: "run", message: error.stack ?? String(error) });
  } finally {
    await cleanup();
    report.totalSeconds = (Date.now() - started) / 1000;
  }
  const file = writeReport(root, report, reportFile && resolve(reportFile));
  log(`report: ${file}`);
  process.exit(report.findings.length > 0 ? 1 : 0);
}

if (process.env[INSIDE] === "1") {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    stopAll().finally(() => process.exit(1));
  });
} else {
  enterPrivateNetwork();
}
