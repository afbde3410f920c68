// The synth-time input rules of KedaFunctionApp (issue 11 item 12) next to the objects the same
// input renders, for run.mjs to hand to a real kube-apiserver: each bad value the construct
// refuses must be one the API server refuses too, and each near-miss it accepts one the API
// server admits. Prints one JSON document: { cases: [{ name, expectRejected, constructError, objects }] }.
import { App, TerraformStack } from "cdktf";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { ImageSource, KedaFunctionApp, KedaFunctionAppProps } from "../../../constructs/keda-function-app";
// Resolving and rendering are internal to the construct: imported by path.
import { resolveProps } from "../../../constructs/keda-function-app/resolve";
import { buildState } from "../../../constructs/keda-function-app/app-state";

const IMAGE = `registry.example/demo:1.0.0@sha256:${"a".repeat(64)}`;
const BASE_PROPS: KedaFunctionAppProps = {
  name: "demo",
  namespace: "rules",
  image: ImageSource.fromReference(IMAGE),
  functions: [
    { name: "hello", trigger: { type: "httpTrigger", authLevel: "anonymous" } },
    { name: "worker", trigger: { type: "queueTrigger", queueName: "jobs" } },
  ],
  storage: { accountName: "stdemo", accountId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stdemo" },
  workloadIdentity: { oidcIssuerUrl: "https://issuer.example/", resourceGroupName: "rg", location: "westeurope" },
};

/**
 * The objects the construct would render for the props, with its own defaults (`resolveProps`)
 * but without its rules, so the API server judges exactly what the rules would have let through.
 */
function rendered(props: KedaFunctionAppProps) {
  return buildState(resolveProps(props), { path: "input-rules", image: IMAGE, clientId: undefined }).objects;
}

const outdir = mkdtempSync(join(tmpdir(), "input-rules-"));
process.on("exit", () => rmSync(outdir, { recursive: true, force: true }));
const app = new App({ outdir });
let stacks = 0;

/** The construct's verdict: the ValidationError message, or undefined when it synthesizes. */
function constructError(props: KedaFunctionAppProps): string | undefined {
  // The construct validates while it is built: nothing is synthesized into the app's folder.
  const stack = new TerraformStack(app, `case-${++stacks}`);
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  new KubernetesProvider(stack, "kubernetes", {});
  try {
    new KedaFunctionApp(stack, "app", props);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const KINDS = new Set(["Service", "Deployment", "ConfigMap", "ServiceAccount", "Role", "RoleBinding", "Secret"]);

function appCase(name: string, expectRejected: boolean, overrides: Partial<KedaFunctionAppProps>) {
  const props = { ...BASE_PROPS, ...overrides };
  const objects = rendered(props).filter((o) => KINDS.has(o.kind));
  return { name, expectRejected, constructError: constructError(props), objects };
}

/** The KEDA operator's ServiceAccount is KEDA's object: the case applies it as it would exist. */
function kedaCase(name: string, expectRejected: boolean, account: { namespace: string; name: string }) {
  const props = { ...BASE_PROPS, workloadIdentity: { ...BASE_PROPS.workloadIdentity!, kedaOperatorServiceAccount: account } };
  const objects = [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: account.namespace } },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: account.name, namespace: account.namespace } },
  ];
  return { name, expectRejected, constructError: constructError(props), objects };
}

/** An image reference: the Docker CLI's own parser (distribution/reference) judges it in run.mjs. */
function imageCase(name: string, expectRejected: boolean, reference: string) {
  const props = { ...BASE_PROPS, image: ImageSource.fromReference(reference) };
  return { name, expectRejected, constructError: constructError(props), objects: [], image: reference };
}

const DIGEST = "a".repeat(64);

const cases = [
  imageCase("empty image reference", true, ""),
  imageCase("image reference with a space", true, "registry.example/my app:1.0"),
  imageCase("image digest too short", true, "registry.example/app@sha256:abc"),
  imageCase("image digest in uppercase", true, `registry.example/app@sha256:${DIGEST.toUpperCase()}`),
  imageCase("image repository in uppercase", true, "registry.example/Keda-Func:1.0"),
  imageCase("near miss: tag only", false, "registry.example/app:1.0.0"),
  imageCase("near miss: registry port and digest", false, `localhost:5000/team/app@sha256:${DIGEST}`),
  imageCase("near miss: tag and digest", false, `registry.example/app:1.0.0@sha256:${DIGEST}`),
  appCase("name starts with a digit", true, { name: "1st-app" }),
  appCase("near miss: digit inside the name", false, { name: "app2-orders" }),
  appCase("memory request above limit", true, { resources: { memoryRequest: "2Gi", memoryLimit: "1Gi" } }),
  appCase("cpu request above limit", true, { resources: { cpuRequest: "1500m", cpuLimit: "1" } }),
  appCase("near miss: requests equal to limits", false, { resources: { cpuRequest: "1", cpuLimit: "1000m", memoryRequest: "1Gi", memoryLimit: "1024Mi" } }),
  appCase("cpu request does not parse", true, { resources: { cpuRequest: "half" } }),
  appCase("memory limit with suffix GB", true, { resources: { memoryLimit: "1GB" } }),
  appCase("negative cpu limit", true, { resources: { cpuLimit: "-1" } }),
  appCase("near miss: quantities 0.5, 129e6, 1Gi", false, { resources: { cpuRequest: "0.5", memoryRequest: "129e6", memoryLimit: "1Gi" } }),
  appCase("settings key with ':'", true, { settings: { "Logging:Level": "Warning" } }),
  appCase("settings key with a space", true, { settings: { "My Setting": "x" } }),
  appCase("settings key of 254 characters", true, { settings: { ["k".repeat(254)]: "x" } }),
  appCase("near miss: settings keys with '.', '-', '_', __ and 253 characters", false, {
    settings: { "a.b-c_D": "x", AzureFunctionsJobHost__logging__logLevel__default: "Warning", ["k".repeat(253)]: "y" },
  }),
  appCase("keys Secret annotation key with a space", true, { keysSecretAnnotations: { "owner team": "x" } }),
  appCase("keys Secret annotation key of 64 characters", true, { keysSecretAnnotations: { ["a".repeat(64)]: "x" } }),
  appCase("near miss: annotation keys with a prefix (uppercase too), '_' and 63 characters", false, {
    keysSecretAnnotations: { "example.com/owner": "x", "Example.com/team": "w", owner_team: "y", ["a".repeat(63)]: "z" },
  }),
  kedaCase("KEDA operator ServiceAccount with '_'", true, { namespace: "keda-a", name: "keda_operator" }),
  kedaCase("KEDA operator ServiceAccount of 254 characters", true, { namespace: "keda-b", name: "k".repeat(254) }),
  kedaCase("KEDA operator namespace in uppercase", true, { namespace: "Keda-System", name: "keda-operator" }),
  kedaCase("near miss: dotted ServiceAccount of 253 characters", false, { namespace: "keda-c", name: `keda-operator.${"v".repeat(239)}` }),
];

process.stdout.write(JSON.stringify({ cases }));
