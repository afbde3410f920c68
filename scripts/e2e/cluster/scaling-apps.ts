// The function apps the e2e run scales for real: KedaFunctionApps in connection-string mode whose
// triggers point at loopback services (Azurite, RabbitMQ), rendered by the construct and printed
// by the YAML export as JSON. Run by scaling.mjs through the synth runner:
//   E2E_SCALING='{"pollingInterval":2,"cooldownPeriod":5,"connectionSecret":"...","rabbitmq":false}' \
//     node scripts/run-app.mjs scripts/e2e/cluster/scaling-apps.ts
import { App, TerraformStack } from "cdktf";
import { FunctionMetadata, HttpScaling, ImageSource, KedaFunctionApp, KedaFunctionAppProps, KedaTrigger } from "../../../constructs/keda-function-app";
import { exportObjects } from "../../../constructs/keda-function-app/yaml-export";

interface ScalingInput {
  /** Seconds between KEDA's polls of each trigger. */
  readonly pollingInterval: number;
  /** Seconds after the last active poll before KEDA scales to zero. */
  readonly cooldownPeriod: number;
  /** Secret (created by the run in each namespace) holding AzureWebJobsStorage and RabbitMQConnection. */
  readonly connectionSecret: string;
  /** Whether a RabbitMQ broker runs, so a rabbitmq-triggered app is rendered too. */
  readonly rabbitmq: boolean;
}

/** What scaling.mjs needs to drive one app. */
interface RenderedApp {
  readonly name: string;
  readonly namespace: string;
  /** The case under test: queue, blob (default), blob-removed (blobsRemovedAfterProcessing), rabbitmq or http-add-on. */
  readonly kind: string;
  readonly objects: unknown[];
  /** The construct's warnings (e.g. a trigger KEDA cannot scale on). */
  readonly warnings: string[];
  /** Blob apps: container and literal prefix of the function's binding path, where new blobs trigger it. */
  readonly blobPath?: { readonly container: string; readonly prefix: string };
}

/** A prebuilt image reference: pods never start here (no kubelet), the reference only has to be valid. */
const IMAGE = "registry.e2e.invalid/keda-func@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

const input = JSON.parse(process.env.E2E_SCALING ?? "{}") as ScalingInput;
const app = new App({ skipValidation: true });
const stack = new TerraformStack(app, "e2e-scaling");

const apps: Array<[KedaFunctionApp, string, FunctionMetadata[]]> = [];
function add(name: string, kind: string, functions: FunctionMetadata[], extra: Partial<KedaFunctionAppProps> = {}): KedaFunctionApp {
  const created = new KedaFunctionApp(stack, name, {
    name,
    image: ImageSource.fromReference(IMAGE),
    functions,
    connectionMode: "connection-string",
    existingSettings: [{ kind: "Secret", name: input.connectionSecret }],
    pollingInterval: input.pollingInterval,
    cooldownPeriod: input.cooldownPeriod,
    // The default fallback would hold one replica while a scaler fails: off, so 0 means "empty".
    fallback: false,
    ...extra,
  });
  apps.push([created, kind, functions]);
  return created;
}

add("e2e-queue", "queue", [{ name: "worker", trigger: { type: "queueTrigger", queueName: "e2e-jobs", connection: "AzureWebJobsStorage" } }]);
const ingest: FunctionMetadata[] = [{ name: "ingest", trigger: { type: "blobTrigger", path: "e2e-incoming/in/{name}", connection: "AzureWebJobsStorage" } }];
// By default a blob trigger is not scalable (the host deletes no blob): the worker must stay up.
add("e2e-blob", "blob", ingest);
// Opted in: the functions remove processed blobs, so KEDA's blob count drives scaling.
add("e2e-blob-removed", "blob-removed", ingest, { blobsRemovedAfterProcessing: true });
// Issue 15: objects that appear after construction (the worker added by addFunction, its
// ScaledObject) and a trigger built with a typed factory must drive KEDA like mapped ones.
const late = add("e2e-queue-late", "queue", [{ name: "hello", trigger: { type: "httpTrigger", authLevel: "anonymous" } }], {
  triggers: [KedaTrigger.storageQueue({ name: "late", queueName: "e2e-late-jobs", connectionFromEnv: "AzureWebJobsStorage", queueLength: 16 })],
});
late.addFunction({ name: "late", trigger: { type: "queueTrigger", queueName: "e2e-late-jobs", connection: "AzureWebJobsStorage" } });
add("e2e-http", "http-add-on", [{ name: "hello", trigger: { type: "httpTrigger", authLevel: "anonymous", methods: ["GET"] } }], {
  httpScaling: HttpScaling.kedaHttpAddOn(),
});
if (input.rabbitmq) {
  add("e2e-rabbit", "rabbitmq", [
    { name: "consume", trigger: { type: "rabbitMQTrigger", queueName: "e2e-orders", connectionStringSetting: "RabbitMQConnection" } },
  ]);
}

/** `container/some/prefix-{name}` → container and the literal prefix before the first `{`. */
function blobPathOf(functions: FunctionMetadata[]): RenderedApp["blobPath"] {
  const path = functions.find((f) => f.trigger.type === "blobTrigger")?.trigger.path;
  if (typeof path !== "string") return undefined;
  const [container, ...rest] = path.split("/");
  const remainder = rest.join("/");
  return { container, prefix: remainder.slice(0, remainder.includes("{") ? remainder.indexOf("{") : undefined) };
}

const rendered: RenderedApp[] = apps.map(([functionAppConstruct, kind, functions]) => ({
  name: functionAppConstruct.node.id,
  namespace: (functionAppConstruct.objects.find((o) => o.metadata?.namespace !== undefined)?.metadata?.namespace ?? "") as string,
  kind,
  objects: exportObjects(functionAppConstruct),
  blobPath: blobPathOf(functions),
  warnings: functionAppConstruct.node.metadata.filter((m) => m.type === "@cdktf/warn" || /warn/i.test(m.type)).map((m) => String(m.data)),
}));
process.stdout.write(JSON.stringify({ apps: rendered }));
