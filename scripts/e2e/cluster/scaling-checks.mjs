// Drives each rendered scaling app: applies it (admission, round trip, diff), checks its RBAC, and
// for each trigger KEDA can reach on loopback fills and drains the source to time 0 -> 1 -> 0.
import { stringify } from "yaml";
import { applyAndDiff } from "./apply-drift.mjs";
import { checkLeastPrivilege } from "./least-privilege.mjs";
import { apiReader, CONNECTION_SECRET, scaleCycle, storageClients } from "./scaling.mjs";

/** The source each trigger kind scales on: created empty, filled, drained. */
function sources({ app, clients, rabbitmq, scaledObject }) {
  const trigger = (type) => scaledObject?.spec.triggers.find((t) => t.type === type);
  return {
    queue: () => {
      const queue = clients.queues.getQueueClient(trigger("azure-queue").metadata.queueName);
      return {
        create: () => queue.createIfNotExists(),
        fill: async () => {
          for (let i = 0; i < 5; i++) await queue.sendMessage(Buffer.from(`job ${i}`).toString("base64"));
        },
        drain: () => queue.clearMessages(),
      };
    },
    blob: () => {
      // Upload where the Functions blob trigger (its binding path) sees a new blob; KEDA must count it.
      const { container: containerName, prefix } = app.blobPath;
      const container = clients.blobs.getContainerClient(containerName);
      const blob = container.getBlockBlobClient(`${prefix}e2e-upload.txt`);
      return {
        create: () => container.createIfNotExists(),
        fill: () => blob.upload("payload", 7),
        drain: () => blob.deleteIfExists(),
      };
    },
    rabbitmq: () => {
      const queue = trigger("rabbitmq").metadata.queueName;
      return {
        create: () => rabbitmq.declareQueue(queue),
        fill: async () => {
          for (let i = 0; i < 5; i++) await rabbitmq.publish(queue, `order ${i}`);
        },
        drain: () => rabbitmq.purge(queue),
      };
    },
  };
}

/** The KEDA trigger each case scales on, and the source that feeds it. */
const TRIGGER_TYPES = { queue: "azure-queue", blob: "azure-blob", "blob-removed": "azure-blob", rabbitmq: "rabbitmq" };
const SOURCES = { queue: "queue", blob: "blob", "blob-removed": "blob", rabbitmq: "rabbitmq" };

/** Namespace (as rendered, or created when the construct renders none) and the connection Secret. */
async function prepareNamespace(kubectl, app, secretData) {
  const namespaceObject = app.objects.find((o) => o.kind === "Namespace");
  if (namespaceObject) await kubectl.run(["apply", "--server-side", "--field-manager=keda-functions-aks", "-f", "-"], { input: stringify(namespaceObject) });
  else await kubectl.run(["create", "namespace", app.namespace], { allowFailure: true });
  const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: CONNECTION_SECRET, namespace: app.namespace }, stringData: secretData };
  await kubectl.run(["apply", "--server-side", "--field-manager=e2e", "-f", "-"], { input: JSON.stringify(secret) });
}

/** Runs every scaling app; returns `{ results, httpAddOn, leastPrivilege, findings }`. */
export async function runScaling({ root, kubectl, cluster, pki, dir, azurite, rabbitmq, apps, settings }) {
  const read = apiReader(cluster.apiserverUrl, pki);
  const clients = storageClients(root, azurite.connectionString);
  const results = [];
  const findings = [];
  const leastPrivilege = [];
  const httpAddOn = {};
  const cycles = [];
  const secretData = { AzureWebJobsStorage: azurite.connectionString, ...(rabbitmq?.amqpUrl ? { RabbitMQConnection: rabbitmq.amqpUrl } : {}) };

  if (rabbitmq?.unavailable) results.push({ kind: "rabbitmq", skipped: rabbitmq.unavailable });
  for (const app of apps) {
    await prepareNamespace(kubectl, app, secretData);
    const scaledObject = app.objects.find((o) => o.kind === "ScaledObject" && o.spec.scaleTargetRef.name === app.name);
    const type = TRIGGER_TYPES[app.kind];
    const scaled = type !== undefined && scaledObject?.spec.triggers.some((t) => t.type === type);
    const brokerDown = app.kind === "rabbitmq" && (rabbitmq === undefined || rabbitmq.unavailable || rabbitmq.error);
    const source = scaled && !brokerDown ? sources({ app, clients, rabbitmq, scaledObject })[SOURCES[app.kind]]() : undefined;
    if (source) await source.create();

    const applied = await applyAndDiff(kubectl, app.objects, { fieldManager: "keda-functions-aks" });
    findings.push(...applied.findings.map((f) => ({ ...f, message: `${app.name}: ${f.message}` })));
    const privileges = await checkLeastPrivilege(kubectl, app.objects, { dir, apiserverUrl: cluster.apiserverUrl, ca: pki.ca, kubectlBinary: kubectl.binary });
    leastPrivilege.push(...privileges.bindings.map((b) => ({ environment: app.name, ...b })));
    findings.push(...privileges.findings.map((f) => ({ ...f, message: `${app.name}: ${f.message}` })));

    if (app.kind === "http-add-on") {
      const route = app.objects.find((o) => o.kind === "InterceptorRoute");
      Object.assign(httpAddOn, {
        admitted: applied.findings.every((f) => f.check !== "admission"),
        objects: app.objects.map((o) => `${o.apiVersion} ${o.kind}/${o.metadata.name}`),
        interceptorRouteRules: route?.spec?.rules ?? null,
        note: "admission, round trip and diff only: the add-on's interceptor and scaler do not run here, so routing and scale-from-zero on requests are not exercised",
      });
      continue;
    }
    if (brokerDown) {
      results.push({ kind: app.kind, skipped: rabbitmq?.unavailable ?? `RabbitMQ did not start: ${rabbitmq?.error?.message}` });
      continue;
    }
    if (!scaled) {
      // The construct decided KEDA cannot scale on it: it must then keep the worker running.
      const minimum = scaledObject?.spec.minReplicaCount ?? 1;
      const live = await read(`/apis/apps/v1/namespaces/${app.namespace}/deployments/${app.name}`);
      const keepsRunning = minimum >= 1 && (live?.spec?.replicas ?? 0) >= 1;
      results.push({ kind: app.kind, skipped: `worker kept at >= 1 replica: ${keepsRunning}; not scalable by KEDA by design: ${app.warnings.join("; ") || "no warning"}` });
      if (!keepsRunning) findings.push({ check: "scaling", message: `${app.name}: no ${type} trigger, yet the worker can scale to zero (its function would never run)` });
      continue;
    }
    cycles.push({ app, source });
  }

  // The cycles run side by side: each app has its own source, namespace and ScaledObject.
  const measured = await Promise.all(
    cycles.map(async ({ app, source }) => {
      try {
        return { kind: app.kind, ...(await scaleCycle({ read, namespace: app.namespace, name: app.name, ...settings, fill: source.fill, drain: source.drain })) };
      } catch (error) {
        const so = await kubectl.getJson("scaledobject", app.name, app.namespace).catch(() => undefined);
        const conditions = (so?.status?.conditions ?? []).map((c) => `${c.type}=${c.status} ${c.reason ?? ""} ${c.message ?? ""}`.trim());
        const message = `${error.message}\nScaledObject conditions: ${conditions.join(" | ")}`;
        findings.push({ check: "scaling", message: `${app.name} (${app.kind}): ${message}` });
        return { kind: app.kind, ...settings, error: message };
      }
    }),
  );
  results.push(...measured);
  return { results, httpAddOn, leastPrivilege, findings };
}
