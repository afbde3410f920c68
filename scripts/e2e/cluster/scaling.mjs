// Scaling for real: KEDA reads Azurite (and RabbitMQ when it runs) and scales the rendered
// Deployments 0 -> 1 -> 0. No kubelet runs, so pods never start: what is observed is the
// Deployment's spec.replicas (KEDA's decision), the HPA KEDA creates and the ScaledObject's
// conditions, plus the Pod objects the ReplicaSet controller creates (admitted by Pod Security).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createRequire } from "node:module";
import { join } from "node:path";
import { httpsGet } from "./control-plane.mjs";
import { sleep } from "./processes.mjs";

/** Name of the Secret the run creates in each scaling namespace (the apps' `existingSettings`). */
export const CONNECTION_SECRET = "e2e-connections";

/** Renders the scaling apps with the construct (scripts/e2e/cluster/scaling-apps.ts). */
export async function renderScalingApps(root, input) {
  const { stdout } = await promisify(execFile)(process.execPath, [join(root, "scripts", "run-app.mjs"), "scripts/e2e/cluster/scaling-apps.ts"], {
    cwd: root,
    env: { ...process.env, E2E_SCALING: JSON.stringify({ ...input, connectionSecret: CONNECTION_SECRET }) },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout).apps;
}

/** The storage SDKs the function app itself uses (function-app/node_modules). */
export function storageClients(root, connectionString) {
  const require = createRequire(join(root, "function-app", "package.json"));
  let queue;
  let blob;
  try {
    queue = require("@azure/storage-queue");
    blob = require("@azure/storage-blob");
  } catch (error) {
    throw new Error(`@azure/storage-queue and @azure/storage-blob not found: run "npm --prefix function-app ci" (${error.message})`);
  }
  return {
    queues: queue.QueueServiceClient.fromConnectionString(connectionString),
    blobs: blob.BlobServiceClient.fromConnectionString(connectionString),
  };
}

/** Reads objects straight from the API server (cheaper than a kubectl process per poll). */
export function apiReader(apiserverUrl, pki) {
  return async (path) => {
    const res = await httpsGet(`${apiserverUrl}${path}`, { ca: pki.ca, client: pki.admin });
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.slice(0, 300)}`);
    return JSON.parse(res.body);
  };
}

function condition(object, type) {
  return object?.status?.conditions?.find((c) => c.type === type);
}

/** Polls `read` every 200 ms until `predicate(value)`; returns seconds waited and when, or throws after `timeoutS`. */
async function until(what, read, predicate, timeoutS) {
  const start = Date.now();
  let last;
  while ((Date.now() - start) / 1000 < timeoutS) {
    last = await read();
    if (predicate(last)) return { seconds: (Date.now() - start) / 1000, at: Date.now(), value: last };
    await sleep(200);
  }
  throw new Error(`timed out after ${timeoutS} s waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 600)}`);
}

/**
 * One scale 0 -> 1 -> 0 cycle of a worker app: waits for Ready and replicas 0, checks it stays at
 * 0 while the source is empty, `fill()`s the source and times replicas >= 1, `drain()`s it and
 * times replicas 0. Returns the measurements and observations.
 */
export async function scaleCycle({ read, namespace, name, pollingInterval, cooldownPeriod, fill, drain }) {
  const deployment = () => read(`/apis/apps/v1/namespaces/${namespace}/deployments/${name}`);
  const scaledObject = () => read(`/apis/keda.sh/v1alpha1/namespaces/${namespace}/scaledobjects/${name}`);
  const timeout = Math.max(60, cooldownPeriod * 4 + pollingInterval * 4);

  const ready = await until(`ScaledObject ${namespace}/${name} Ready=True`, scaledObject, (so) => condition(so, "Ready")?.status === "True", timeout);
  await until(`Deployment ${namespace}/${name} at 0 replicas`, deployment, (d) => d?.spec?.replicas === 0, timeout);
  // Empty source: must stay at 0 over several polls.
  const quietSeconds = pollingInterval * 3;
  const quietEnd = Date.now() + quietSeconds * 1000;
  while (Date.now() < quietEnd) {
    const d = await deployment();
    if (d.spec.replicas !== 0) throw new Error(`${namespace}/${name} scaled to ${d.spec.replicas} with an empty source`);
    await sleep(500);
  }
  const hpa = await read(`/apis/autoscaling/v2/namespaces/${namespace}/horizontalpodautoscalers/keda-hpa-${name}`);
  if (hpa === undefined) throw new Error(`KEDA created no HPA keda-hpa-${name} in ${namespace}`);

  // Timed from the first message, not from the last: KEDA may act while the source is still filling.
  const fillStart = Date.now();
  await fill();
  const up = await until(`${namespace}/${name} replicas >= 1`, deployment, (d) => d.spec.replicas >= 1, timeout);
  const active = condition(await scaledObject(), "Active");
  const pods = await until(
    `Pod objects of ${namespace}/${name} (ReplicaSet controller, Pod Security admission)`,
    () => read(`/api/v1/namespaces/${namespace}/pods?labelSelector=app.kubernetes.io%2Fname%3D${name}`),
    (list) => (list?.items ?? []).length >= 1,
    30,
  );

  const drainStart = Date.now();
  await drain();
  const down = await until(`${namespace}/${name} back to 0 replicas`, deployment, (d) => d.spec.replicas === 0, timeout);
  const finalObject = await scaledObject();
  return {
    namespace,
    name,
    pollingInterval,
    cooldownPeriod,
    readyAfterSeconds: ready.seconds,
    stayedAtZeroSeconds: quietSeconds,
    scaleFromZeroSeconds: (up.at - fillStart) / 1000,
    replicasAfterScaleUp: up.value.spec.replicas,
    activeCondition: active && { status: active.status, reason: active.reason },
    podsCreated: pods.value.items.length,
    podPhase: pods.value.items[0]?.status?.phase,
    scaleToZeroSeconds: (down.at - drainStart) / 1000,
    hpa: {
      name: hpa.metadata.name,
      minReplicas: hpa.spec.minReplicas,
      maxReplicas: hpa.spec.maxReplicas,
      metrics: hpa.spec.metrics.map((m) => m.external?.metric?.name ?? m.type),
    },
    conditions: (finalObject.status?.conditions ?? []).map((c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ""}`),
  };
}
