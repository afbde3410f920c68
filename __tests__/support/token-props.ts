import { TerraformStack, TerraformVariable } from "cdktf";
import { HttpScaling } from "../../constructs/keda-function-app/http-scaling";
import { ImageSource } from "../../constructs/keda-function-app/image-source";
import { KedaFunctionAppProps } from "../../constructs/keda-function-app/props";
import { requiredProps } from "./keda-function-app";

// The app of the token suites (token-props.test.ts in-process, tokens.test.ts with terraform):
// every prop that can sensibly come from Terraform does.

export const TRIGGERS: KedaFunctionAppProps["functions"] = [
  { name: "hello", trigger: { type: "httpTrigger", authLevel: "anonymous" } },
  { name: "orders", trigger: { type: "serviceBusTrigger", queueName: "orders", connection: "Bus" } },
  { name: "events", trigger: { type: "eventHubTrigger", eventHubName: "telemetry", connection: "Hub" } },
  { name: "jobs", trigger: { type: "queueTrigger", queueName: "jobs", connection: "Jobs" } },
  { name: "nightly", trigger: { type: "timerTrigger", schedule: "0 0 2 * * *" } },
];

export function variables(stack: TerraformStack) {
  const v = (id: string, type: string) => new TerraformVariable(stack, id, { type });
  return {
    namespace: v("namespace", "string").stringValue,
    minReplicas: v("min_replicas", "number").numberValue,
    maxReplicas: v("max_replicas", "number").numberValue,
    fallbackReplicas: v("fallback_replicas", "number").numberValue,
    pollingInterval: v("polling_interval", "number").numberValue,
    servicePort: v("service_port", "number").numberValue,
    utilization: v("utilization", "number").numberValue,
    runAsUser: v("run_as_user", "number").numberValue,
    pullSecrets: v("pull_secrets", "list(string)").listValue,
    image: v("image", "string").stringValue,
    cpuRequest: v("cpu_request", "string").stringValue,
    keysSecret: v("keys_secret", "string").stringValue,
    busFqdn: v("bus_fqdn", "string").stringValue,
    hubFqdn: v("hub_fqdn", "string").stringValue,
    queueUri: v("queue_uri", "string").stringValue,
    kedaNamespace: v("keda_namespace", "string").stringValue,
  };
}

/** An app whose every prop that can sensibly come from Terraform does. */
export function tokenProps(t: ReturnType<typeof variables>, fqdns: { bus: string; hub: string; queueUri: string; account: string }): KedaFunctionAppProps {
  return requiredProps({
    namespace: t.namespace,
    image: ImageSource.fromReference(t.image),
    functions: TRIGGERS,
    storage: { accountName: fqdns.account, accountId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/x" },
    workloadIdentity: {
      oidcIssuerUrl: "https://issuer.example/",
      resourceGroupName: "rg",
      location: "westeurope",
      kedaOperatorServiceAccount: { namespace: t.kedaNamespace, name: "keda-operator" },
    },
    connections: {
      Bus: { service: "serviceBus", fullyQualifiedNamespace: fqdns.bus, resourceId: "/sb" },
      Hub: { service: "eventHubs", fullyQualifiedNamespace: fqdns.hub, resourceId: "/eh" },
    },
    settings: { Jobs__queueServiceUri: fqdns.queueUri },
    minReplicas: t.minReplicas,
    maxReplicas: t.maxReplicas,
    fallback: { failureThreshold: 3, replicas: t.fallbackReplicas },
    pollingInterval: t.pollingInterval,
    servicePort: t.servicePort,
    runAsUser: t.runAsUser,
    imagePullSecrets: t.pullSecrets,
    keysSecretName: t.keysSecret,
    resources: { cpuRequest: t.cpuRequest },
    httpScaling: HttpScaling.cpu({ utilization: t.utilization }),
  });
}
