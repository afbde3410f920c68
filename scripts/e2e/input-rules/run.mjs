// `node scripts/e2e/input-rules/run.mjs`: a real kube-apiserver (and, for image references, the
// Docker CLI's reference parser) judges KedaFunctionApp's synth-time input rules (issue 11 item 12).
// For each case (cases.ts) the objects the input renders are created with
// `kubectl create --dry-run=server`; the construct must refuse exactly
// the inputs the API server refuses, and accept the near misses it admits. Exit 0 only when the
// two agree on every case. Runs in a private network namespace (loopback only), reusing the
// control plane of `npm run e2e:cluster`; every server is stopped by PID on exit or signal.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { makePki } from "../cluster/certificates.mjs";
import { startControlPlane } from "../cluster/control-plane.mjs";
import { kubectlFor } from "../cluster/kubectl.mjs";
import { rerunInPrivateNetwork, stopAll } from "../cluster/processes.mjs";
import { toolPaths } from "../cluster/tools.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const INSIDE = "KFA_INPUT_RULES_NETNS";
const log = (message) => process.stderr.write(`[input-rules] ${message}\n`);

if (process.env[INSIDE] !== "1") {
  // Only the control plane is needed; it is built by `bash scripts/tools/install.sh etcd kubernetes`.
  const tools = toolPaths(root);
  const missing = [tools.etcd, tools.kubeApiserver, tools.kubeControllerManager, tools.kubectl].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    log(`missing ${missing.join(", ")}: run \`bash scripts/tools/install.sh etcd kubernetes\` first`);
    process.exit(2);
  }
  rerunInPrivateNetwork(fileURLToPath(import.meta.url), INSIDE, log);
} else {
  await main();
}

/**
 * The Docker CLI parses a reference before it talks to a daemon: `docker pull` against a socket
 * that does not exist fails with "invalid reference format" for a bad one and "Cannot connect"
 * for a good one. Nothing is pulled: there is no daemon to ask (and no network in here).
 */
function dockerVerdict(reference) {
  const result = spawnSync("docker", ["pull", reference], { encoding: "utf8", env: { ...process.env, DOCKER_HOST: `unix://${join(tmpdir(), "no-daemon-here", "docker.sock")}` } });
  if (result.error) throw new Error(`docker CLI not runnable: ${result.error.message}`);
  const output = `${result.stderr}${result.stdout}`;
  if (/Cannot connect to the Docker daemon/.test(output)) return [];
  if (/invalid reference format|invalid checksum digest/.test(output)) return [`docker: ${output.trim().split("\n").pop()}`];
  throw new Error(`unexpected docker output for ${JSON.stringify(reference)}: ${output}`);
}

async function main() {
  const { cases } = JSON.parse(
    execFileSync(process.execPath, [join(root, "scripts", "run-app.mjs"), "scripts/e2e/input-rules/cases.ts"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }),
  );
  const tools = toolPaths(root);
  const dir = mkdtempSync(join(tmpdir(), "input-rules-"));
  const logDir = join(dir, "logs");
  mkdirSync(logDir);
  const cleanup = async () => {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cleanup().finally(() => process.exit(130)));
  let disagreements = 0;
  try {
    const pki = makePki(dir);
    const cluster = await startControlPlane({ tools, dir, logDir, pki });
    const kubectl = kubectlFor(tools.kubectl, cluster.adminKubeconfig);
    await kubectl.run(["create", "namespace", "rules"]);
    const rows = [];
    for (const c of cases) {
      // Namespaces first (for real: dry-run objects need them), then every other object on its own.
      const verdicts = c.image === undefined ? [] : dockerVerdict(c.image);
      for (const object of c.objects) {
        const dryRun = object.kind === "Namespace" ? [] : ["--dry-run=server"];
        const result = await kubectl.run(["create", ...dryRun, "-f", "-", "-o", "name"], { input: JSON.stringify(object), allowFailure: true });
        if (result.code !== 0) verdicts.push(`${object.kind}/${object.metadata?.name?.slice(0, 40)}: ${result.stderr.trim().split("\n")[0].slice(0, 220)}`);
      }
      const apiserverRejects = verdicts.length > 0;
      const constructRefuses = c.constructError !== undefined;
      const agree = apiserverRejects === constructRefuses && constructRefuses === c.expectRejected;
      if (!agree) disagreements++;
      rows.push({ case: c.name, judge: c.image === undefined ? "kube-apiserver" : "docker CLI", construct: constructRefuses ? "refuses" : "accepts", consumer: apiserverRejects ? "rejects" : "admits", agree });
      log(`${agree ? "ok  " : "FAIL"} ${c.name}: construct ${constructRefuses ? "refuses" : "accepts"}, ${c.image === undefined ? "kube-apiserver" : "docker CLI"} ${apiserverRejects ? `rejects (${verdicts[0]})` : "admits"}`);
      if (constructRefuses) log(`       construct: ${c.constructError.split("\n")[1]?.trim().slice(0, 220)}`);
    }
    process.stdout.write(JSON.stringify({ cases: rows.length, disagreements, rows }, null, 2) + "\n");
  } finally {
    await cleanup();
  }
  process.exit(disagreements === 0 ? 0 : 1);
}
