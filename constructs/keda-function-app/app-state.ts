import { isToken, atLeastOne } from "../core/tokens";
import { byCodePoint } from "../core/ordering";
import { FunctionMetadata, isHttpTrigger } from "./functions-manifest";
import { mapTrigger, ScaledObjectTrigger, TriggerMappingContext } from "./keda-triggers";
import { AzureConnection } from "./props";
import { KubernetesObject, renderFunctionApp } from "./render/objects";
import { FunctionAppSpec, objectNames } from "./render/spec";
import type { ResolvedProps } from "./resolve";
import { rolesForTrigger } from "./trigger-roles";

const CONTAINER_PORT = 8080;
/** Seconds the host gets beyond the function timeout to finish and shut down. */
const SHUTDOWN_MARGIN_SECONDS = 30;

/** Roles the app identity always needs on AzureWebJobsStorage: host state, keys, leases and queues. */
export const HOST_STORAGE_ROLES = ["Storage Blob Data Owner", "Storage Queue Data Contributor"] as const;

/** What the construct renders from its resolved props: pure, recomputed when the app changes. */
export interface AppState {
  readonly resolved: ResolvedProps;
  /** Settings the construct derives: plain `env`. */
  readonly env: Readonly<Record<string, string>>;
  /** Derived settings plus `settings`. */
  readonly appSettings: Readonly<Record<string, string>>;
  readonly httpFunctions: readonly FunctionMetadata[];
  readonly spec: FunctionAppSpec;
  readonly objects: readonly KubernetesObject[];
  /** Synth warnings (functions KEDA cannot scale on), in order. */
  readonly warnings: readonly string[];
  /** Data roles the app identity needs for its triggers' identity-based connections, one per connection and role. */
  readonly triggerRoles: ReadonlyArray<{ readonly connection: string; readonly role: string; readonly scope: string }>;
}

/** What the state depends on besides the resolved props: the construct's path and resources. */
export interface StateInputs {
  readonly path: string;
  readonly image: string;
  /** Client id of the app identity; undefined in connection-string mode. */
  readonly clientId: string | undefined;
}

/** Maps, derives and renders; throws (naming the function) when a trigger cannot be mapped. */
export function buildState(resolved: ResolvedProps, inputs: StateInputs): AppState {
  const names = objectNames(resolved.name, resolved.keysSecretName);
  const env = derivedSettings(resolved, inputs.clientId);
  const appSettings = { ...env, ...resolved.settings };
  const httpFunctions = resolved.functions.filter(isHttpTrigger);
  const workers = resolved.functions.filter((f) => !isHttpTrigger(f));
  const warnings: string[] = [];
  const authenticationRef = inputs.clientId === undefined ? undefined : names.triggerAuthentication;
  const context: TriggerMappingContext = {
    settings: appSettings,
    hostJson: resolved.hostJson,
    authenticationRef,
    blobsRemovedAfterProcessing: resolved.blobsRemovedAfterProcessing,
    settingsFromExistingObjects: resolved.existingSettings.length > 0,
  };
  const mapped = resolved.triggers === undefined ? mapTriggers(workers, context, inputs.path, warnings) : resolved.triggers.map((t) => t._render(authenticationRef));
  const triggers = [...mapped, ...resolved.addedTriggers.map((t) => t._render(authenticationRef))];
  const scaled = resolved.triggers === undefined ? mapped.length : workers.length;
  const minReplicas = workerMinimum(workers.length, scaled, resolved.minReplicas, warnings);
  const spec: FunctionAppSpec = {
    name: resolved.name,
    namespace: resolved.namespace,
    image: inputs.image,
    containerPort: CONTAINER_PORT,
    hostId: resolved.hostId,
    env,
    createNamespace: resolved.createNamespace,
    settings: { kind: resolved.settingsObjectKind, values: resolved.settings },
    existingSettings: resolved.existingSettings,
    httpFunctions: httpFunctions.map((f) => f.name),
    workerFunctions: workers.map((f) => f.name),
    functionKeys: { mode: resolved.functionKeys, secretName: names.keysSecret, annotations: resolved.keysSecretAnnotations },
    http: { scaling: resolved.httpScaling, serviceType: resolved.serviceType, servicePort: resolved.servicePort },
    scaling: {
      minReplicas,
      maxReplicas: resolved.maxReplicas,
      pollingInterval: resolved.pollingInterval,
      cooldownPeriod: resolved.cooldownPeriod,
      triggers,
      fallback: resolved.fallback === false ? undefined : resolved.fallback,
      behavior: resolved.scalingBehavior,
    },
    workloadIdentityClientId: inputs.clientId,
    imagePullSecrets: resolved.imagePullSecrets,
    resources: resolved.resources,
    terminationGracePeriodSeconds: resolved.functionTimeoutSeconds + SHUTDOWN_MARGIN_SECONDS,
    burstToVirtualNodes: resolved.burstToVirtualNodes,
    security: { runAsUser: resolved.runAsUser, runAsGroup: resolved.runAsGroup, readOnlyRootFilesystem: resolved.readOnlyRootFilesystem },
    networkPolicy: resolved.networkPolicy === false ? undefined : resolved.networkPolicy,
  };
  return {
    resolved,
    env,
    appSettings,
    httpFunctions,
    spec,
    objects: renderFunctionApp(spec),
    warnings,
    triggerRoles: inputs.clientId === undefined ? [] : triggerRoles(workers, resolved),
  };
}

function mapTriggers(workers: readonly FunctionMetadata[], context: TriggerMappingContext, path: string, warnings: string[]): ScaledObjectTrigger[] {
  const triggers: ScaledObjectTrigger[] = [];
  for (const fn of workers) {
    let mapping;
    try {
      mapping = mapTrigger(fn.trigger, context);
    } catch (error) {
      throw new Error(`KedaFunctionApp at "${path}": function "${fn.name}": ${(error as Error).message}.`);
    }
    if (mapping.kind === "scaler") triggers.push({ ...mapping.trigger, name: fn.name });
    else warnings.push(`Function "${fn.name}" cannot drive scaling: ${mapping.reason}.`);
  }
  return triggers;
}

/** A worker with a function KEDA cannot see must never scale to zero, or that function stops. */
function workerMinimum(workers: number, scaled: number, requested: number, warnings: string[]): number {
  if (workers > scaled && isToken(requested)) {
    warnings.push("Some event-driven functions have no KEDA scaler; keeping at least 1 worker replica (max(1, minReplicas)).");
    return atLeastOne(requested);
  }
  if (workers > scaled && requested === 0) {
    warnings.push("Some event-driven functions have no KEDA scaler; keeping at least 1 worker replica (minReplicas raised from 0 to 1).");
    return 1;
  }
  return requested;
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

/** Data roles each trigger needs on the resource behind its identity-based connection (the host's own roles excluded). */
function triggerRoles(workers: readonly FunctionMetadata[], resolved: ResolvedProps): Array<{ connection: string; role: string; scope: string }> {
  const granted = new Set<string>(HOST_STORAGE_ROLES.map((role) => `AzureWebJobsStorage/${role}`));
  const out: Array<{ connection: string; role: string; scope: string }> = [];
  const requirements = workers
    .map((fn) => rolesForTrigger(fn.trigger))
    .filter((r): r is NonNullable<typeof r> => r !== undefined)
    .sort((a, b) => byCodePoint(a.connection, b.connection));
  for (const requirement of requirements) {
    const scope = requirement.connection === "AzureWebJobsStorage" ? resolved.storage?.accountId : resolved.connections[requirement.connection]?.resourceId;
    // A connection that is neither AzureWebJobsStorage nor declared uses a connection string.
    if (scope === undefined) continue;
    for (const role of requirement.roles) {
      const key = `${requirement.connection}/${role}`;
      if (granted.has(key)) continue;
      granted.add(key);
      out.push({ connection: requirement.connection, role, scope });
    }
  }
  return out;
}

/** `<address>/<routePrefix>/<route>` for each HTTP function, as the host serves them. */
export function invokeUrls(address: string | undefined, functions: readonly FunctionMetadata[], prefix: string): Record<string, string> {
  if (address === undefined) return {};
  return Object.fromEntries(
    functions.map((fn) => {
      const route = typeof fn.trigger.route === "string" ? fn.trigger.route : fn.name;
      const path = [prefix, route.replace(/^\/+/, "")].filter((part) => part !== "").join("/");
      return [fn.name, `${address}/${path}`];
    }),
  );
}

/** What one app occupies that no other app of the stack may: its objects, its identity, its host id. */
export interface Claim {
  /** The prop that decides it, and its value. */
  readonly property: string;
  readonly value: string;
  readonly what: string;
}

export function claimsOf(state: AppState, identity: boolean): Claim[] {
  const { resolved, objects } = state;
  const claims: Claim[] = objects.map((o) => ({
    property: "name",
    value: resolved.name,
    what: `${o.kind} ${o.metadata?.namespace === undefined ? "" : `${o.metadata.namespace}/`}${o.metadata?.name}`,
  }));
  if (identity && resolved.workloadIdentity !== undefined) {
    const name = resolved.workloadIdentity.identityName;
    claims.push({ property: "workloadIdentity.identityName", value: name, what: `identity ${name} in resource group ${resolved.workloadIdentity.resourceGroupName}` });
  }
  const account = resolved.storage?.accountName ?? resolved.settings.AzureWebJobsStorage;
  if (account !== undefined) claims.push({ property: "hostId", value: resolved.hostId, what: `host id ${resolved.hostId} on storage ${account}` });
  return claims;
}
