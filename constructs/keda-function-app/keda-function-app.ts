import { Annotations } from "cdktf";
import { Construct } from "constructs";
import { createHash } from "node:crypto";
import { FederatedIdentityCredential } from "@cdktf/provider-azurerm/lib/federated-identity-credential";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { validate } from "../core/validation";
import { FunctionMetadata, isHttpTrigger } from "./functions-manifest";
import { HostJson, KedaTrigger, mapTrigger } from "./keda-triggers";
import { KedaFunctionAppProps } from "./props";
import { KubernetesObject, renderFunctionApp } from "./render/objects";
import { FunctionAppSpec, objectNames } from "./render/spec";
import { kedaFunctionAppRules } from "./validate-props";

/** Roles the app identity needs on its storage account: host state, keys and queue messages. */
const STORAGE_ROLES = ["Storage Blob Data Owner", "Storage Queue Data Contributor"] as const;

const CONTAINER_PORT = 8080;
const DEFAULT_FUNCTION_TIMEOUT_SECONDS = 30 * 60;
/** Seconds the host gets beyond the function timeout to finish and shut down. */
const SHUTDOWN_MARGIN_SECONDS = 30;

/**
 * An Azure Functions app on Kubernetes, scaled by KEDA: the image, a workload identity,
 * HTTP functions behind a Service, and event-driven functions in a Deployment that a
 * ScaledObject scales on their queues' backlog.
 */
export class KedaFunctionApp extends Construct {
  /** The Kubernetes objects this app applies, in apply order (also what the YAML export prints). */
  readonly objects: readonly KubernetesObject[];
  /** The user-assigned identity the pods and KEDA authenticate as. */
  readonly identity: UserAssignedIdentity;
  /** Image reference the pods run (tag and digest). */
  readonly imageReference: string;
  /** In-cluster address of the HTTP Service, e.g. `http://app-http.ns.svc.cluster.local`. */
  readonly serviceAddress: string | undefined;
  /** Invoke URL of each HTTP function, by function name. */
  readonly invokeUrls: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: KedaFunctionAppProps) {
    super(scope, id);
    const defaults = {
      name: props.name,
      namespace: props.namespace ?? "default",
      functions: props.functions,
      minReplicas: props.minReplicas ?? 0,
      maxReplicas: props.maxReplicas ?? 10,
      pollingInterval: props.pollingInterval ?? 30,
      cooldownPeriod: props.cooldownPeriod ?? 300,
      httpReplicas: props.httpReplicas ?? 1,
      serviceType: props.serviceType ?? "ClusterIP",
    };
    validate(this, "KedaFunctionApp", defaults, kedaFunctionAppRules);
    const hostJson = props.hostJson ?? {};
    const names = objectNames(defaults.name);

    this.identity = new UserAssignedIdentity(this, "identity", {
      name: `id-${defaults.name}`,
      resourceGroupName: props.workloadIdentity.resourceGroupName,
      location: props.workloadIdentity.location,
      tags: props.tags ?? {},
    });
    this.federate("app", defaults.namespace, names.serviceAccount, props);
    const keda = props.workloadIdentity.kedaOperatorServiceAccount ?? { namespace: "kube-system", name: "keda-operator" };
    this.federate("keda", keda.namespace, keda.name, props);
    for (const role of STORAGE_ROLES) {
      new RoleAssignment(this, `storage-${role.toLowerCase().replace(/ /g, "-")}`, {
        scope: props.storage.accountId,
        roleDefinitionName: role,
        principalId: this.identity.principalId,
        principalType: "ServicePrincipal",
      });
    }

    const settings: Record<string, string> = {
      FUNCTIONS_WORKER_RUNTIME: "node",
      AzureWebJobsStorage__accountName: props.storage.accountName,
      AzureWebJobsStorage__credential: "workloadidentity",
      AzureWebJobsStorage__clientId: this.identity.clientId,
      ...props.settings,
    };

    const httpFunctions = defaults.functions.filter(isHttpTrigger).map((f) => f.name);
    const workers = defaults.functions.filter((f) => !isHttpTrigger(f));
    const triggers = this.mapTriggers(workers, { settings, hostJson, authenticationRef: names.triggerAuthentication });
    const minReplicas = this.workerMinimum(workers, triggers.length, defaults.minReplicas);

    this.imageReference = props.image.bind(this).reference;
    const spec: FunctionAppSpec = {
      name: defaults.name,
      namespace: defaults.namespace,
      image: this.imageReference,
      containerPort: CONTAINER_PORT,
      hostId: hostIdFor(defaults.namespace, defaults.name),
      settings,
      httpFunctions,
      workerFunctions: workers.map((f) => f.name),
      http: { replicas: defaults.httpReplicas, serviceType: defaults.serviceType, servicePort: 80 },
      scaling: {
        minReplicas,
        maxReplicas: defaults.maxReplicas,
        pollingInterval: defaults.pollingInterval,
        cooldownPeriod: defaults.cooldownPeriod,
        triggers,
      },
      workloadIdentityClientId: this.identity.clientId,
      resources: { cpuRequest: "250m", memoryRequest: "256Mi", memoryLimit: "1Gi" },
      terminationGracePeriodSeconds: functionTimeoutSeconds(hostJson.functionTimeout) + SHUTDOWN_MARGIN_SECONDS,
    };
    this.objects = renderFunctionApp(spec);
    this.serviceAddress =
      httpFunctions.length > 0 ? `http://${names.service}.${defaults.namespace}.svc.cluster.local` : undefined;
    this.invokeUrls = invokeUrls(this.serviceAddress, defaults.functions.filter(isHttpTrigger), hostJson);
    for (const object of this.objects) {
      new Manifest(this, `${object.kind.toLowerCase()}-${object.metadata?.name}`, {
        manifest: object as unknown as Record<string, unknown>,
        dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
      });
    }
  }

  private federate(id: string, namespace: string, serviceAccount: string, props: KedaFunctionAppProps): void {
    new FederatedIdentityCredential(this, `federation-${id}`, {
      name: `${id}-${namespace}-${serviceAccount}`.slice(0, 120),
      resourceGroupName: props.workloadIdentity.resourceGroupName,
      parentId: this.identity.id,
      issuer: props.workloadIdentity.oidcIssuerUrl,
      subject: `system:serviceaccount:${namespace}:${serviceAccount}`,
      audience: ["api://AzureADTokenExchange"],
    });
  }

  private mapTriggers(workers: readonly FunctionMetadata[], context: Parameters<typeof mapTrigger>[1]): KedaTrigger[] {
    const triggers: KedaTrigger[] = [];
    for (const fn of workers) {
      const mapping = mapTrigger(fn.trigger, context);
      if (mapping.kind === "scaler") triggers.push(mapping.trigger);
      else Annotations.of(this).addWarning(`Function "${fn.name}" cannot drive scaling: ${mapping.reason}.`);
    }
    return triggers;
  }

  /** A worker with a function KEDA cannot see must never scale to zero, or that function stops. */
  private workerMinimum(workers: readonly FunctionMetadata[], scalers: number, requested: number): number {
    if (workers.length > scalers && requested === 0) {
      Annotations.of(this).addWarning(
        "Some event-driven functions have no KEDA scaler; keeping at least 1 worker replica (minReplicas raised from 0 to 1).",
      );
      return 1;
    }
    return requested;
  }
}

/**
 * The host id must be stable, unique per app and at most 32 characters; pods otherwise
 * derive one from their own name and every replica fires each timer.
 */
export function hostIdFor(namespace: string, name: string): string {
  if (name.length <= 32) return name;
  const digest = createHash("sha256").update(`${namespace}/${name}`).digest("hex").slice(0, 8);
  return `${name.slice(0, 23).replace(/-+$/, "")}-${digest}`;
}

/** `<address>/<routePrefix>/<route>` for each HTTP function, as the host serves them. */
function invokeUrls(
  address: string | undefined,
  functions: readonly FunctionMetadata[],
  hostJson: HostJson,
): Record<string, string> {
  if (address === undefined) return {};
  const http = hostJson.extensions?.http as { routePrefix?: string } | undefined;
  const prefix = (http?.routePrefix ?? "api").replace(/^\/+|\/+$/g, "");
  return Object.fromEntries(
    functions.map((fn) => {
      const route = typeof fn.trigger.route === "string" ? fn.trigger.route : fn.name;
      const path = [prefix, route.replace(/^\/+/, "")].filter((part) => part !== "").join("/");
      return [fn.name, `${address}/${path}`];
    }),
  );
}

/** host.json `functionTimeout` ("hh:mm:ss"; "-1" means unbounded) in seconds. */
export function functionTimeoutSeconds(value: string | undefined): number {
  if (value === undefined) return DEFAULT_FUNCTION_TIMEOUT_SECONDS;
  const match = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return DEFAULT_FUNCTION_TIMEOUT_SECONDS;
  const [, h, m, s] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}
