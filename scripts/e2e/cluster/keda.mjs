// The KEDA and http-add-on CRDs, and KEDA itself (operator + admission webhooks) running out of
// cluster against the e2e API server with KEDA's own RBAC, as its ServiceAccount.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { connect } from "node:tls";
import { join } from "node:path";
import { parseAllDocuments, stringify } from "yaml";
import { writeKubeconfig } from "./control-plane.mjs";
import { freePort, startServer, waitFor } from "./processes.mjs";

/** KEDA's namespace: its Role, ServiceAccount and cluster-scoped objects' Secrets live here. */
export const KEDA_NAMESPACE = "keda";

/** The KEDA module's source in the Go module cache (downloaded by the tools build). */
export function kedaSource(version) {
  const modcache = execFileSync("go", ["env", "GOMODCACHE"], { encoding: "utf8" }).trim();
  const dir = join(modcache, "github.com", "kedacore", "keda", `v2@v${version}`);
  if (!existsSync(join(dir, "config", "rbac", "role.yaml"))) {
    throw new Error(`KEDA ${version} source not found at ${dir}: run bash scripts/tools/install.sh keda`);
  }
  return dir;
}

/** Applies every CRD in `folders` and waits until the API server serves them. */
export async function installCrds(kubectl, folders) {
  for (const folder of folders) await kubectl.run(["apply", "--server-side", "-f", folder]);
  await kubectl.run(["wait", "--for=condition=Established", "crd", "--all", "--timeout=60s"], { timeoutMs: 70_000 });
}

/**
 * KEDA's own RBAC (config/rbac of the module: the keda-operator ClusterRole and its Role in
 * `keda`, bound to ServiceAccount keda/keda-operator), unmodified, and a token for that
 * ServiceAccount from the TokenRequest API: KEDA talks to the API server as it does in a
 * cluster, and the real RBAC authorizer judges every call it makes.
 */
async function kedaIdentity(kubectl, { source, dir, apiserverUrl, ca }) {
  await kubectl.run(["create", "namespace", KEDA_NAMESPACE]);
  await kubectl.run(["create", "serviceaccount", "keda-operator", "-n", KEDA_NAMESPACE]);
  for (const file of ["role.yaml", "role_binding.yaml"]) {
    await kubectl.run(["apply", "--server-side", "-f", join(source, "config", "rbac", file)]);
  }
  const token = (await kubectl.run(["create", "token", "keda-operator", "-n", KEDA_NAMESPACE, "--duration=2h"])).stdout.trim();
  return writeKubeconfig(join(dir, "keda.kubeconfig"), {
    server: apiserverUrl,
    ca,
    user: "system:serviceaccount:keda:keda-operator",
    token,
  });
}

/** `ca.crt`, `tls.crt`, `tls.key` in one folder: the layout KEDA's --cert-dir expects. */
function certDir(dir, pki) {
  const folder = join(dir, "keda-certs");
  mkdirSync(folder, { recursive: true });
  copyFileSync(pki.ca, join(folder, "ca.crt"));
  copyFileSync(pki.loopback.cert, join(folder, "tls.crt"));
  copyFileSync(pki.loopback.key, join(folder, "tls.key"));
  return folder;
}

function tlsHandshake(port, ca) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port, ca: readFileSync(ca), servername: "localhost" }, () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", reject);
  });
}

/**
 * KEDA's ValidatingWebhookConfiguration (config/webhooks/validation_webhooks.yaml of the module)
 * pointed at the webhooks on 127.0.0.1 by URL, trusting the run's CA. failurePolicy becomes Fail:
 * upstream's Ignore would let every object through unjudged if the webhook were down.
 */
function webhookConfiguration(source, port, ca) {
  const [document] = parseAllDocuments(readFileSync(join(source, "config", "webhooks", "validation_webhooks.yaml"), "utf8"));
  const configuration = document.toJSON();
  const caBundle = readFileSync(ca).toString("base64");
  for (const webhook of configuration.webhooks) {
    const path = webhook.clientConfig.service.path;
    webhook.clientConfig = { url: `https://127.0.0.1:${port}${path}`, caBundle };
    webhook.failurePolicy = "Fail";
  }
  return stringify(configuration);
}

/**
 * Starts KEDA's admission webhooks and operator out of cluster. The operator watches only
 * `watchNamespaces`: the namespaces whose objects point at Azurite, never at Azure.
 */
export async function startKeda({ tools, dir, logDir, pki, kubectl, apiserverUrl, watchNamespaces }) {
  const source = kedaSource(tools.versions.KEDA_VERSION);
  const kubeconfig = await kedaIdentity(kubectl, { source, dir, apiserverUrl, ca: pki.ca });
  const certs = certDir(dir, pki);
  const env = { KUBECONFIG: kubeconfig, POD_NAMESPACE: KEDA_NAMESPACE, KEDA_CLUSTER_OBJECT_NAMESPACE: KEDA_NAMESPACE };

  const webhookPort = await freePort();
  const webhooks = startServer(
    "keda-webhooks",
    tools.kedaWebhooks,
    [
      // The binary has no flag for the webhook server's host: it listens on all addresses of the
      // run's private network namespace, whose only interface is loopback (see run.mjs).
      `--port=${webhookPort}`,
      `--cert-dir=${certs}`,
      `--metrics-bind-address=127.0.0.1:${await freePort()}`,
      `--health-probe-bind-address=127.0.0.1:${await freePort()}`,
      "--zap-log-level=info",
    ],
    { logDir, env },
  );
  await waitFor("KEDA admission webhooks TLS", () => tlsHandshake(webhookPort, pki.ca), { timeoutMs: 60_000, intervalMs: 500, server: webhooks });
  await kubectl.run(["apply", "--server-side", "-f", "-"], { input: webhookConfiguration(source, webhookPort, pki.ca) });

  const probePort = await freePort();
  const operator = startServer(
    "keda-operator",
    tools.kedaOperator,
    [
      "--leader-elect=false",
      "--enable-cert-rotation=false",
      "--enable-webhook-patching=false",
      `--cert-dir=${certs}`,
      `--ca-dir=${certs}`,
      `--metrics-bind-address=127.0.0.1:${await freePort()}`,
      `--health-probe-bind-address=127.0.0.1:${probePort}`,
      `--metrics-service-bind-address=127.0.0.1:${await freePort()}`,
      "--zap-log-level=info",
    ],
    { logDir, env: { ...env, WATCH_NAMESPACE: watchNamespaces.join(",") } },
  );
  await waitFor(
    "KEDA operator /readyz",
    async () => (await fetch(`http://127.0.0.1:${probePort}/readyz`)).ok,
    { timeoutMs: 90_000, intervalMs: 500, server: operator },
  );
  return { webhookPort, operator, webhooks };
}
