import { Annotations, Fn, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { FederatedIdentityCredential } from "@cdktf/provider-azurerm/lib/federated-identity-credential";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { Manifest, ManifestConfig } from "@cdktf/provider-kubernetes/lib/manifest";
import { throwIfAny, Violation, violationsOf } from "../core/validation";
import { checkImageReference } from "../core/image-reference";
import { atLeastOne, isToken } from "../core/tokens";
import { hostIdFor } from "./host-id";
import { federatedCredentialName, identityNameFor } from "./identity-names";
import { FunctionMetadata, isHttpTrigger } from "./functions-manifest";
import { HttpScaling } from "./http-scaling";
import { HostJson, KedaTrigger, mapTrigger } from "./keda-triggers";
import { AzureConnection, DEFAULT_DENIED_EGRESS_CIDRS, KedaFunctionAppProps } from "./props";
import { KubernetesObject, renderFunctionApp } from "./render/objects";
import { FunctionAppSpec, objectNames } from "./render/spec";
import { rolesForTrigger } from "./trigger-roles";
import { kedaFunctionAppRules, ResolvedProps } from "./validate-props";
import { literalCredentialSetting } from "./settings-credentials";
import { byCodePoint } from "../core/ordering";

/** Roles the app identity always needs on AzureWebJobsStorage: host state, keys, leases and queues. */
const HOST_STORAGE_ROLES = ["Storage Blob Data Owner", "Storage Queue Data Contributor"] as const;

const CONTAINER_PORT = 8080;
/** UID and GID of function-app/Dockerfile's USER: >= 10000, so they match no node account. */
const DEFAULT_RUN_AS_ID = 10001;
const DEFAULT_FUNCTION_TIMEOUT_SECONDS = 30 * 60;
/** Seconds the host gets beyond the function timeout to finish and shut down. */
const SHUTDOWN_MARGIN_SECONDS = 30;

/**
 * An Azure Functions app on Kubernetes, scaled by KEDA: everything `func kubernetes deploy`
 * creates (settings, function keys, `<name>-http` Deployment and Service, `<name>`
 * Deployment and ScaledObject), with workload identity instead of secrets, KEDA triggers
 * mapped from the app's real bindings and a production pod spec.
 */
export class KedaFunctionApp extends Construct {
  /** The Kubernetes objects this app applies, in apply order (also what the YAML export prints). */
  readonly objects: readonly KubernetesObject[];
  /** The Terraform resource of each object, in the same order. */
  readonly manifests: readonly Manifest[];
  /** The user-assigned identity the pods and KEDA authenticate as; none in connection-string mode. */
  readonly identity: UserAssignedIdentity | undefined;
  /**
   * The app settings the pods get from the construct: the derived settings plus `settings`
   * (not `existingSettings`, whose values are unknown at synth). `%Name%` references resolve against them.
   */
  readonly appSettings: Readonly<Record<string, string>>;
  /** Image reference the pods run (tag and digest). */
  readonly imageReference: string;
  /**
   * Address of the HTTP Service: the LoadBalancer's IP after apply, otherwise the
   * in-cluster DNS name. Undefined without HTTP functions.
   */
  readonly serviceAddress: string | undefined;
  /** Invoke URL of each HTTP function, by function name (add `?code=<key>` unless anonymous). */
  readonly invokeUrls: Readonly<Record<string, string>>;
  /** What this app occupies in the cluster and in Azure; checked against the other apps of the stack. */
  private readonly claims: readonly Claim[];

  constructor(scope: Construct, id: string, props: KedaFunctionAppProps) {
    super(scope, id);
    const connectionMode = props.connectionMode ?? "workload-identity";
    const minReplicas = props.minReplicas ?? 0;
    const resolved: ResolvedProps = {
      name: props.name,
      namespace: props.namespace ?? props.name,
      functions: props.functions,
      connectionMode,
      storage: props.storage,
      workloadIdentity: props.workloadIdentity,
      connections: props.connections ?? {},
      settings: props.settings ?? {},
      existingSettings: props.existingSettings ?? [],
      keysSecretName: props.keysSecretName,
      httpScaling: (props.httpScaling ?? HttpScaling.fixedReplicas(1)).config,
      serviceType: props.serviceType ?? "ClusterIP",
      servicePort: props.servicePort ?? 80,
      minReplicas,
      maxReplicas: props.maxReplicas ?? 10,
      pollingInterval: props.pollingInterval ?? 30,
      cooldownPeriod: props.cooldownPeriod ?? 300,
      fallback: props.fallback ?? { failureThreshold: 3, replicas: atLeastOne(minReplicas) },
      imagePullSecrets: props.imagePullSecrets ?? [],
      burstToVirtualNodes: props.burstToVirtualNodes ?? false,
      runAsUser: props.runAsUser ?? DEFAULT_RUN_AS_ID,
      runAsGroup: props.runAsGroup ?? DEFAULT_RUN_AS_ID,
      networkPolicy: props.networkPolicy ?? {},
      hostJson: props.hostJson ?? {},
      triggers: props.triggers,
      resources: {
        cpuRequest: props.resources?.cpuRequest ?? "250m",
        memoryRequest: props.resources?.memoryRequest ?? "256Mi",
        cpuLimit: props.resources?.cpuLimit,
        memoryLimit: props.resources?.memoryLimit ?? "1Gi",
      },
      hostId: props.hostId,
    };
    throwIfAny(this, "KedaFunctionApp", [
      ...literalName(props.name),
      ...violationsOf(resolved, [...kedaFunctionAppRules, (p) => literalCredentialSetting(p.settings)]),
    ]);
    const hostJson = props.hostJson ?? {};
    const names = objectNames(resolved.name, resolved.keysSecretName);
    const keysSecretName = names.keysSecret;

    this.identity = connectionMode === "workload-identity" ? this.createIdentity(resolved, props) : undefined;
    const env = derivedSettings(resolved, this.identity?.clientId);

    const httpFunctions = resolved.functions.filter(isHttpTrigger);
    const workers = resolved.functions.filter((f) => !isHttpTrigger(f));
    this.appSettings = { ...env, ...resolved.settings };
    const mappingContext = {
      settings: this.appSettings,
      hostJson,
      authenticationRef: this.identity === undefined ? undefined : names.triggerAuthentication,
      blobsRemovedAfterProcessing: props.blobsRemovedAfterProcessing ?? false,
      settingsFromExistingObjects: resolved.existingSettings.length > 0,
    };
    const triggers = props.triggers ? [...props.triggers] : this.mapTriggers(workers, mappingContext);
    const workerMinimum = this.workerMinimum(workers, props.triggers === undefined ? triggers.length : workers.length, minReplicas);
    if (this.identity !== undefined) this.grantTriggerRoles(workers, resolved);

    this.imageReference = props.image.bind(this).reference;
    throwIfAny(this, "KedaFunctionApp", [checkImageReference("image", this.imageReference)].filter((v): v is Violation => v !== undefined));
    const spec: FunctionAppSpec = {
      name: resolved.name,
      namespace: resolved.namespace,
      image: this.imageReference,
      containerPort: CONTAINER_PORT,
      hostId: resolved.hostId ?? hostIdFor(resolved.namespace, resolved.name),
      env,
      createNamespace: props.createNamespace ?? props.namespace === undefined,
      settings: { kind: props.settingsObjectKind ?? "ConfigMap", values: resolved.settings },
      existingSettings: resolved.existingSettings,
      httpFunctions: httpFunctions.map((f) => f.name),
      workerFunctions: workers.map((f) => f.name),
      functionKeys: {
        mode: props.functionKeys ?? "kubernetes-secret",
        secretName: keysSecretName,
        annotations: props.keysSecretAnnotations ?? {},
      },
      http: { scaling: resolved.httpScaling, serviceType: resolved.serviceType, servicePort: resolved.servicePort },
      scaling: {
        minReplicas: workerMinimum,
        maxReplicas: resolved.maxReplicas,
        pollingInterval: resolved.pollingInterval,
        cooldownPeriod: resolved.cooldownPeriod,
        triggers,
        fallback: resolved.fallback === false ? undefined : resolved.fallback,
        behavior: props.scalingBehavior,
      },
      workloadIdentityClientId: this.identity?.clientId,
      imagePullSecrets: resolved.imagePullSecrets,
      resources: resolved.resources,
      terminationGracePeriodSeconds: functionTimeoutSeconds(hostJson.functionTimeout) + SHUTDOWN_MARGIN_SECONDS,
      burstToVirtualNodes: resolved.burstToVirtualNodes,
      security: {
        runAsUser: resolved.runAsUser,
        runAsGroup: resolved.runAsGroup,
        readOnlyRootFilesystem: props.readOnlyRootFilesystem ?? true,
      },
      networkPolicy:
        resolved.networkPolicy === false
          ? undefined
          : {
              allowedNamespaces: resolved.networkPolicy.allowedNamespaces ?? [],
              allowedPods: resolved.networkPolicy.allowedPods ?? [],
              deniedEgressCidrs: resolved.networkPolicy.deniedEgressCidrs ?? DEFAULT_DENIED_EGRESS_CIDRS,
            },
    };
    this.objects = renderFunctionApp(spec);
    // Every object waits for the namespace the construct creates (always the first object).
    let namespace: Manifest | undefined;
    this.manifests = this.objects.map((object) => {
      const dependsOn = [...(props.dependsOn ?? []), ...(namespace ? [namespace] : [])];
      const manifest = new Manifest(this, manifestId(object, resolved.name), {
        manifest: object as unknown as Record<string, unknown>,
        ...manifestOptions(object, names.keysSecret),
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      });
      if (object.kind === "Namespace") namespace = manifest;
      return manifest;
    });

    this.claims = claimsOf(this.objects, resolved, spec.hostId, this.identity === undefined ? undefined : identityName(resolved));
    this.refuseCollisions();

    this.serviceAddress = httpFunctions.length > 0 ? this.addressOf(resolved) : undefined;
    this.invokeUrls = invokeUrls(this.serviceAddress, httpFunctions, hostJson);
  }

  private createIdentity(resolved: ResolvedProps, props: KedaFunctionAppProps): UserAssignedIdentity {
    // Validation guarantees both in workload-identity mode.
    const workloadIdentity = resolved.workloadIdentity!;
    const storage = resolved.storage!;
    const identity = new UserAssignedIdentity(this, "identity", {
      name: identityName(resolved),
      resourceGroupName: workloadIdentity.resourceGroupName,
      location: workloadIdentity.location,
      tags: props.tags ?? {},
    });
    const federate = (id: string, namespace: string, serviceAccount: string) =>
      new FederatedIdentityCredential(this, `federation-${id}`, {
        name: federatedCredentialName(id, namespace, serviceAccount),
        resourceGroupName: workloadIdentity.resourceGroupName,
        parentId: identity.id,
        issuer: workloadIdentity.oidcIssuerUrl,
        subject: `system:serviceaccount:${namespace}:${serviceAccount}`,
        audience: ["api://AzureADTokenExchange"],
      });
    federate("app", resolved.namespace, objectNames(resolved.name).serviceAccount);
    const keda = workloadIdentity.kedaOperatorServiceAccount ?? { namespace: "kube-system", name: "keda-operator" };
    federate("keda", keda.namespace, keda.name);
    for (const role of HOST_STORAGE_ROLES) {
      new RoleAssignment(this, `storage-${slug(role)}`, {
        scope: storage.accountId,
        roleDefinitionName: role,
        principalId: identity.principalId,
        principalType: "ServicePrincipal",
      });
    }
    return identity;
  }

  /** Data roles each trigger needs on the resource behind its identity-based connection. */
  private grantTriggerRoles(workers: readonly FunctionMetadata[], resolved: ResolvedProps): void {
    const granted = new Set<string>(HOST_STORAGE_ROLES.map((role) => `AzureWebJobsStorage/${role}`));
    const requirements = workers
      .map((fn) => rolesForTrigger(fn.trigger))
      .filter((r): r is NonNullable<typeof r> => r !== undefined)
      .sort((a, b) => byCodePoint(a.connection, b.connection));
    for (const requirement of requirements) {
      const scope =
        requirement.connection === "AzureWebJobsStorage" ? resolved.storage?.accountId : resolved.connections[requirement.connection]?.resourceId;
      // A connection that is neither AzureWebJobsStorage nor declared uses a connection string.
      if (scope === undefined) continue;
      for (const role of requirement.roles) {
        const key = `${requirement.connection}/${role}`;
        if (granted.has(key)) continue;
        granted.add(key);
        new RoleAssignment(this, `connection-${slug(requirement.connection)}-${slug(role)}`, {
          scope,
          roleDefinitionName: role,
          principalId: this.identity!.principalId,
          principalType: "ServicePrincipal",
        });
      }
    }
  }

  private mapTriggers(workers: readonly FunctionMetadata[], context: Parameters<typeof mapTrigger>[1]): KedaTrigger[] {
    const triggers: KedaTrigger[] = [];
    for (const fn of workers) {
      let mapping;
      try {
        mapping = mapTrigger(fn.trigger, context);
      } catch (error) {
        throw new Error(`KedaFunctionApp at "${this.node.path}": function "${fn.name}": ${(error as Error).message}.`);
      }
      if (mapping.kind === "scaler") triggers.push({ ...mapping.trigger, name: fn.name });
      else Annotations.of(this).addWarning(`Function "${fn.name}" cannot drive scaling: ${mapping.reason}.`);
    }
    return triggers;
  }

  /** A worker with a function KEDA cannot see must never scale to zero, or that function stops. */
  private workerMinimum(workers: readonly FunctionMetadata[], scaled: number, requested: number): number {
    if (workers.length > scaled && isToken(requested)) {
      Annotations.of(this).addWarning("Some event-driven functions have no KEDA scaler; keeping at least 1 worker replica (max(1, minReplicas)).");
      return atLeastOne(requested);
    }
    if (workers.length > scaled && requested === 0) {
      Annotations.of(this).addWarning(
        "Some event-driven functions have no KEDA scaler; keeping at least 1 worker replica (minReplicas raised from 0 to 1).",
      );
      return 1;
    }
    return requested;
  }

  /**
   * Two apps of one stack must not render the same object (same kind, namespace and name),
   * share an Azure identity or a host id on one storage account: Terraform would apply
   * both and the last one would win, silently. Names that are tokens compare as written.
   */
  private refuseCollisions(): void {
    const mine = new Map(this.claims.map((c) => [c.what, c]));
    const violations: Violation[] = [];
    for (const other of TerraformStack.of(this).node.findAll()) {
      if (other === this || !(other instanceof KedaFunctionApp) || other.claims === undefined) continue;
      const shared = other.claims.filter((c) => mine.has(c.what)).map((c) => mine.get(c.what)!);
      if (shared.length === 0) continue;
      const listed = shared.slice(0, 3).map((c) => c.what).join(", ") + (shared.length > 3 ? ` and ${shared.length - 3} more` : "");
      violations.push({
        property: shared[0].property,
        value: shared[0].value,
        rule: `collides with the KedaFunctionApp at "${other.node.path}": both would use ${listed}`,
        fix:
          shared[0].property === "name"
            ? "give one of the apps another name or namespace"
            : `give one of the apps another ${shared[0].property} (or leave it unset to derive one from name and namespace)`,
      });
    }
    throwIfAny(this, "KedaFunctionApp", violations);
  }

  private addressOf(resolved: ResolvedProps): string {
    const names = objectNames(resolved.name);
    const port = resolved.servicePort === 80 ? "" : `:${resolved.servicePort}`;
    if (resolved.serviceType === "LoadBalancer") {
      const service = this.manifests[this.objects.findIndex((o) => o.kind === "Service")];
      const ip = Fn.lookupNested(service.object, ["status", "loadBalancer", "ingress", 0, "ip"]);
      return `http://${ip}${port}`;
    }
    return `http://${names.service}.${resolved.namespace}.svc.cluster.local${port}`;
  }
}

/**
 * Settings the construct derives: the worker runtime and, with workload identity, the
 * identity-based connection settings (`<conn>__accountName`, `__fullyQualifiedNamespace`,
 * `__credential`, `__clientId`). None of them is secret, so they go in plain `env`.
 */
function derivedSettings(resolved: ResolvedProps, clientId: string | undefined): Record<string, string> {
  const env: Record<string, string> = { FUNCTIONS_WORKER_RUNTIME: "node" };
  if (clientId === undefined) return env;
  const identity = (connection: string) => {
    env[`${connection}__credential`] = "workloadidentity";
    env[`${connection}__clientId`] = clientId;
  };
  env.AzureWebJobsStorage__accountName = resolved.storage!.accountName;
  identity("AzureWebJobsStorage");
  for (const [connection, target] of Object.entries(resolved.connections) as Array<[string, AzureConnection]>) {
    if (target.service === "storage") env[`${connection}__accountName`] = target.accountName;
    else env[`${connection}__fullyQualifiedNamespace`] = target.fullyQualifiedNamespace;
    identity(connection);
  }
  return env;
}

/**
 * Terraform must not undo what the cluster writes: the host fills the keys Secret's
 * `data`; a LoadBalancer Service is waited for until it has an address.
 */
function manifestOptions(object: KubernetesObject, keysSecret: string): Partial<ManifestConfig> {
  if (object.kind === "Secret" && object.metadata?.name === keysSecret) {
    return { computedFields: ["metadata.annotations", "metadata.labels", "data"] };
  }
  if (object.kind === "Service" && object.spec?.type === "LoadBalancer") {
    return { wait: { fields: { "status.loadBalancer.ingress[0].ip": "^(\\d+(\\.|$)){4}" } } };
  }
  return {};
}

function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

// Pods without a host id derive one from their own name and every replica fires each timer.
export { hostIdFor, legacyHostId } from "./host-id";

/** `name` derives object names, lengths and construct IDs, so it must be known at synth time. */
function literalName(name: string): Violation[] {
  if (!isToken(name)) return [];
  return [
    {
      property: "name",
      value: name,
      rule: "must be a literal, not a Terraform expression: it derives every object name and the construct's Terraform addresses",
      fix: "pass the app name as a string; namespace, settings and most other props may be Terraform references",
    },
  ];
}

function identityName(resolved: ResolvedProps): string {
  return resolved.workloadIdentity?.identityName ?? identityNameFor(resolved.namespace, resolved.name);
}

/**
 * The construct ID of an object's `kubernetes_manifest` (a Terraform address, so stable):
 * kind and name. A keys Secret named by a Terraform token keeps the ID of the default name.
 */
function manifestId(object: KubernetesObject, appName: string): string {
  const name = object.metadata?.name ?? "";
  const known = isToken(name) && object.kind === "Secret" ? objectNames(appName).keysSecret : name;
  return `${object.kind.toLowerCase()}-${known}`;
}

/** What one app occupies that no other app of the stack may: its objects, its identity, its host id. */
interface Claim {
  /** The prop that decides it, and its value. */
  readonly property: string;
  readonly value: string;
  readonly what: string;
}

function claimsOf(objects: readonly KubernetesObject[], resolved: ResolvedProps, hostId: string, identity: string | undefined): Claim[] {
  const claims: Claim[] = objects.map((o) => ({
    property: "name",
    value: resolved.name,
    what: `${o.kind} ${o.metadata?.namespace === undefined ? "" : `${o.metadata.namespace}/`}${o.metadata?.name}`,
  }));
  if (identity !== undefined) {
    claims.push({ property: "workloadIdentity.identityName", value: identity, what: `identity ${identity} in resource group ${resolved.workloadIdentity?.resourceGroupName}` });
  }
  const account = resolved.storage?.accountName ?? resolved.settings.AzureWebJobsStorage;
  if (account !== undefined) claims.push({ property: "hostId", value: hostId, what: `host id ${hostId} on storage ${account}` });
  return claims;
}

/** `<address>/<routePrefix>/<route>` for each HTTP function, as the host serves them. */
export function invokeUrls(
  address: string | undefined,
  functions: readonly FunctionMetadata[],
  hostJson: HostJson,
): Record<string, string> {
  if (address === undefined) return {};
  const prefix = (hostJson.extensions?.http?.routePrefix ?? "api").replace(/^\/+|\/+$/g, "");
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
