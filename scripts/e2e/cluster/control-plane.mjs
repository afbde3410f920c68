// etcd, kube-apiserver and kube-controller-manager on 127.0.0.1, as a real cluster runs them minus
// the nodes: RBAC + Node authorization, the default admission plugins, a service-account issuer.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { freePort, startServer, waitFor } from "./processes.mjs";

/** GET `url` over TLS, trusting `ca`, presenting the client certificate `client` if given. */
export function httpsGet(url, { ca, client } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "GET",
        ca: readFileSync(ca),
        ...(client ? { cert: readFileSync(client.cert), key: readFileSync(client.key) } : {}),
        timeout: 5_000,
      },
      (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode, body }));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on("error", reject);
    req.end();
  });
}

/** A kubeconfig (JSON is valid YAML) for `user`: a client certificate or a bearer token. */
export function writeKubeconfig(path, { server, ca, user, client, token }) {
  const credentials = client ? { "client-certificate": client.cert, "client-key": client.key } : { token };
  const config = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "e2e", cluster: { server, "certificate-authority": ca } }],
    users: [{ name: user, user: credentials }],
    contexts: [{ name: "e2e", context: { cluster: "e2e", user } }],
    "current-context": "e2e",
  };
  writeFileSync(path, JSON.stringify(config, null, 2), { mode: 0o600 });
  return path;
}

async function startEtcd({ tools, dir, logDir }) {
  const clientPort = await freePort();
  const peerPort = await freePort();
  const client = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const server = startServer(
    "etcd",
    tools.etcd,
    [
      "--name=e2e",
      `--data-dir=${join(dir, "etcd")}`,
      `--listen-client-urls=${client}`,
      `--advertise-client-urls=${client}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=e2e=${peer}`,
      // A throwaway store on a shared disk: fsync buys nothing here and slows every write.
      "--unsafe-no-fsync",
      "--log-level=warn",
    ],
    { logDir },
  );
  await waitFor(
    "etcd /health",
    async () => {
      const res = await fetch(`${client}/health`);
      return res.ok && (await res.json()).health === "true";
    },
    { timeoutMs: 30_000, server },
  );
  return { server, url: client };
}

async function startApiserver({ tools, dir, logDir, pki, etcdUrl }) {
  const port = await freePort();
  const url = `https://127.0.0.1:${port}`;
  const server = startServer(
    "kube-apiserver",
    tools.kubeApiserver,
    [
      `--etcd-servers=${etcdUrl}`,
      "--bind-address=127.0.0.1",
      "--advertise-address=127.0.0.1",
      `--secure-port=${port}`,
      `--cert-dir=${join(dir, "apiserver-certs")}`,
      `--tls-cert-file=${pki.apiserver.cert}`,
      `--tls-private-key-file=${pki.apiserver.key}`,
      `--client-ca-file=${pki.ca}`,
      "--authorization-mode=Node,RBAC",
      // No --enable-admission-plugins: the API server's default set, as a real cluster has it.
      "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
      `--service-account-key-file=${pki.serviceAccountPublicKey}`,
      `--service-account-signing-key-file=${pki.serviceAccountKey}`,
      "--service-cluster-ip-range=10.96.0.0/16",
      "--allow-privileged=false",
      "--profiling=false",
      "--v=1",
    ],
    { logDir },
  );
  await waitFor(
    "kube-apiserver /readyz",
    async () => (await httpsGet(`${url}/readyz`, { ca: pki.ca, client: pki.admin })).status === 200,
    { timeoutMs: 120_000, intervalMs: 500, server },
  );
  return { server, url };
}

async function startControllerManager({ tools, dir, logDir, pki, apiserverUrl }) {
  const port = await freePort();
  const kubeconfig = writeKubeconfig(join(dir, "controller-manager.kubeconfig"), {
    server: apiserverUrl,
    ca: pki.ca,
    user: "system:kube-controller-manager",
    client: pki.controllerManager,
  });
  const server = startServer(
    "kube-controller-manager",
    tools.kubeControllerManager,
    [
      `--kubeconfig=${kubeconfig}`,
      `--authentication-kubeconfig=${kubeconfig}`,
      `--authorization-kubeconfig=${kubeconfig}`,
      "--bind-address=127.0.0.1",
      `--secure-port=${port}`,
      `--tls-cert-file=${pki.loopback.cert}`,
      `--tls-private-key-file=${pki.loopback.key}`,
      "--leader-elect=false",
      // Each controller acts as its own service account, judged by RBAC like in a real cluster.
      "--use-service-account-credentials=true",
      `--service-account-private-key-file=${pki.serviceAccountKey}`,
      `--root-ca-file=${pki.ca}`,
      "--service-cluster-ip-range=10.96.0.0/16",
      // Short HPA sync so the HPA KEDA creates reports its status within the run.
      "--horizontal-pod-autoscaler-sync-period=5s",
      "--v=1",
    ],
    { logDir },
  );
  await waitFor(
    "kube-controller-manager /healthz",
    async () => (await httpsGet(`https://127.0.0.1:${port}/healthz`, { ca: pki.ca })).status === 200,
    { timeoutMs: 90_000, intervalMs: 500, server },
  );
  return { server };
}

/**
 * Starts etcd, kube-apiserver and kube-controller-manager; returns the API server URL and the
 * admin kubeconfig. Every process is registered for stopAll().
 */
export async function startControlPlane({ tools, dir, logDir, pki }) {
  mkdirSync(join(dir, "apiserver-certs"), { recursive: true });
  const etcd = await startEtcd({ tools, dir, logDir });
  const apiserver = await startApiserver({ tools, dir, logDir, pki, etcdUrl: etcd.url });
  const adminKubeconfig = writeKubeconfig(join(dir, "admin.kubeconfig"), {
    server: apiserver.url,
    ca: pki.ca,
    user: "e2e-admin",
    client: pki.admin,
  });
  await startControllerManager({ tools, dir, logDir, pki, apiserverUrl: apiserver.url });
  return { apiserverUrl: apiserver.url, adminKubeconfig };
}
