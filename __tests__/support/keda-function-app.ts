import { App, TerraformStack, Testing } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { DockerProvider } from "@cdktf/provider-docker/lib/provider";
import { ResolvedProps, resolveProps } from "../../constructs/keda-function-app/resolve";
import { join } from "node:path";
import { ImageSource } from "../../constructs/keda-function-app/image-source";
import { FunctionMetadata } from "../../constructs/keda-function-app/functions-manifest";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { KedaFunctionAppProps } from "../../constructs/keda-function-app/props";
import { HttpScaling } from "../../constructs/keda-function-app/http-scaling";
import { FunctionAppSpec } from "../../constructs/keda-function-app/render/spec";

export const REPO_ROOT = join(__dirname, "..", "..");
export const FIXTURE_APP = join(REPO_ROOT, "__tests__", "fixtures", "all-triggers-app");
/** Where `@azure/functions` is installed for the fixture app (it has no node_modules of its own). */
export const FUNCTIONS_LIBRARY_PATH = join(REPO_ROOT, "function-app", "node_modules");

export const HTTP_AND_QUEUE: readonly FunctionMetadata[] = [
  { name: "hello", trigger: { type: "httpTrigger", authLevel: "anonymous", methods: ["GET", "POST"] } },
  { name: "enqueue", trigger: { type: "httpTrigger", authLevel: "function", methods: ["POST"], route: "jobs" } },
  { name: "worker", trigger: { type: "queueTrigger", queueName: "jobs", connection: "AzureWebJobsStorage" } },
];

/** A plain, fully defaulted spec for the pure renderers. */
export function baseSpec(overrides: Partial<FunctionAppSpec> = {}): FunctionAppSpec {
  return {
    name: "demo",
    namespace: "apps",
    image: "registry.example/demo:0123456789abcdef@sha256:" + "a".repeat(64),
    containerPort: 8080,
    hostId: "demo",
    env: { FUNCTIONS_WORKER_RUNTIME: "node", AzureWebJobsStorage__accountName: "stdemo" },
    settings: { kind: "Secret", values: {} },
    existingSettings: [],
    httpFunctions: ["enqueue", "hello"],
    workerFunctions: ["worker"],
    functionKeys: { mode: "kubernetes-secret", secretName: "func-keys-kube-secret-demo", annotations: {} },
    http: { scaling: HttpScaling.fixedReplicas(1).config, serviceType: "ClusterIP", servicePort: 80 },
    scaling: {
      minReplicas: 0,
      maxReplicas: 10,
      pollingInterval: 30,
      cooldownPeriod: 300,
      triggers: [{ type: "azure-queue", name: "worker", metadata: { queueName: "jobs", queueLength: "16", accountName: "stdemo" }, authenticationRef: { name: "demo-wi" } }],
      fallback: { failureThreshold: 3, replicas: 1 },
    },
    workloadIdentityClientId: "00000000-0000-0000-0000-000000000001",
    imagePullSecrets: [],
    resources: { cpuRequest: "250m", memoryRequest: "256Mi", memoryLimit: "1Gi" },
    terminationGracePeriodSeconds: 330,
    burstToVirtualNodes: false,
    security: { runAsUser: 10001, runAsGroup: 10001, readOnlyRootFilesystem: true },
    networkPolicy: { allowedNamespaces: [], allowedPods: [], deniedEgressCidrs: ["169.254.169.254/32", "168.63.129.16/32"] },
    ...overrides,
  };
}

/** The props a workload-identity app cannot do without. */
export function requiredProps(overrides: Partial<KedaFunctionAppProps> = {}): KedaFunctionAppProps {
  return {
    name: "demo",
    image: ImageSource.fromReference("registry.example/demo@sha256:" + "b".repeat(64)),
    functions: HTTP_AND_QUEUE,
    storage: { accountName: "stdemo", accountId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stdemo" },
    workloadIdentity: { oidcIssuerUrl: "https://issuer.example/", resourceGroupName: "rg", location: "westeurope" },
    ...overrides,
  };
}

/** A stack with the providers the construct's resources need. */
export function testStack(): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app as App, "test");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  new KubernetesProvider(stack, "kubernetes", {});
  new DockerProvider(stack, "docker", {});
  return stack;
}

/** Synthesizes one app (validations on) and returns the construct and the stack JSON. */
export function synthApp(props: KedaFunctionAppProps): { app: KedaFunctionApp; json: any; stack: TerraformStack } {
  const stack = testStack();
  const app = new KedaFunctionApp(stack, "app", props);
  const json = JSON.parse(Testing.synth(stack, true));
  return { app, json, stack };
}

export { resourcesOf as resources, manifestsOf as manifests } from "./synth-app";

/**
 * Resolved KedaFunctionApp props that break no rule: the base the rule-by-rule tests change one
 * property of at a time.
 */
export function validResolvedProps(): ResolvedProps {
  return resolveProps({
    name: "app",
    namespace: "functions",
    image: ImageSource.fromReference(`registry.example/app:1.0@sha256:${"a".repeat(64)}`),
    functions: [{ name: "worker", trigger: { type: "queueTrigger", queueName: "jobs" } }],
    connectionMode: "connection-string",
    existingSettings: [{ kind: "Secret", name: "app-connections" }],
    keysSecretName: "app-keys",
    fallback: { failureThreshold: 3, replicas: 2 },
  });
}

/** The egress rules both NetworkPolicies of an app get by default (`deniedEgressCidrs` unset). */
export const DEFAULT_EGRESS = [
  { to: [{ namespaceSelector: {} }] },
  { to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.169.254/32", "168.63.129.16/32"] } }] },
];
