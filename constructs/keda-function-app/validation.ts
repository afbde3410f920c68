import { oneOf, Rule, Violation } from "../core/validation";
import { checkConfigMapKey, checkDns1035Label, checkDnsLabel, checkDnsSubdomain } from "../core/kubernetes-names";
import { checkManagedIdentityName } from "../core/azure-names";
import { patternCheck } from "../core/pattern-check";
import { checkResourceQuantity, parseQuantity } from "../core/quantity";
import { allKnown, isToken } from "../core/tokens";
import { parseCidr } from "../core/cidr";
import { checkHostId, hostIdFor } from "./host-id";
import { identityNameFor } from "./identity-names";
import { unresolvedConnections } from "./connection-names";
import { CONNECTION_MODES, FUNCTION_KEYS_MODES, SERVICE_TYPES, SETTINGS_OBJECT_KINDS } from "./choices";
import type { ResolvedProps } from "./resolve";
import { objectNames } from "./render/spec";

export type { ResolvedProps } from "./resolve";

/** Longest base name whose derived object names (`<name>-http`, HPA `keda-hpa-<name>-http`) stay valid. */
export const MAX_APP_NAME_LENGTH = 45;

function integer(property: string, value: number, min: number, fix: string, max = Number.MAX_SAFE_INTEGER): Violation | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
    ? undefined
    : { property, value, rule: max === Number.MAX_SAFE_INTEGER ? `must be a whole number >= ${min}` : `must be a whole number from ${min} to ${max}`, fix };
}

/** A request must not exceed its limit: the API server rejects the pod template otherwise. */
function requestWithinLimit(resource: "cpu" | "memory", request: string, limit: string | undefined): Violation | undefined {
  if (limit === undefined || !allKnown(request, limit)) return undefined;
  const [r, l] = [parseQuantity(request), parseQuantity(limit)];
  // Quantities that do not parse or are negative have a rule of their own (a negative request is
  // below any limit that passes it).
  if (r === undefined || l === undefined || l < 0 || r <= l) return undefined;
  const property = `resources.${resource}Request`;
  return { property, value: request, rule: `must not exceed resources.${resource}Limit (${JSON.stringify(limit)})`, fix: `lower ${property} or raise resources.${resource}Limit` };
}

/** host.json settings the construct turns into KEDA thresholds: each must be a whole number >= 1. */
const HOST_JSON_THRESHOLDS: ReadonlyArray<readonly [string, string]> = [
  ["queues", "batchSize"],
  ["blobs", "maxDegreeOfParallelism"],
  ["serviceBus", "maxConcurrentCalls"],
  ["serviceBus", "maxConcurrentSessions"],
  ["serviceBus", "maxMessageBatchSize"],
  ["eventHubs", "targetUnprocessedEventThreshold"],
  ["eventHubs", "maxEventBatchSize"],
  ["rabbitMQ", "prefetchCount"],
];

function first(violations: ReadonlyArray<Violation | undefined>): Violation | undefined {
  return violations.find((v) => v !== undefined);
}

function boolean(property: string, value: unknown): Violation | undefined {
  return typeof value === "boolean" ? undefined : { property, value, rule: "must be true or false", fix: "pass a boolean (JS and JSON callers: not a string)" };
}

/**
 * A Kubernetes annotation key: an optional DNS-subdomain prefix and `/`, then a name of at most 63
 * characters, judged lowercased as below.
 */
const checkAnnotationKey = patternCheck({
  pattern: /^(?:(?=.{1,253}\/)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?(?=.{1,63}$)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/,
  rule: "must be a Kubernetes annotation key: an optional DNS-subdomain prefix and '/', then 1-63 letters, digits, '-', '_' and '.'",
  fix: 'write it like "example.com/owner"',
});

/**
 * The API server checks annotation keys lowercased (ValidateAnnotations: IsQualifiedName(strings.ToLower(k))),
 * so "Example.com/owner" passes; a violation names the key as written.
 */
function annotationKey(key: string): Violation | undefined {
  // Lowercasing a token's placeholder would hide that it is one.
  const violation = checkAnnotationKey(`keysSecretAnnotations[${JSON.stringify(key)}]`, isToken(key) ? key : key.toLowerCase());
  return violation === undefined ? undefined : { ...violation, value: key };
}

/** Every rule the construct's resolved props must meet; all failures are reported together. */
export const kedaFunctionAppRules: ReadonlyArray<Rule<ResolvedProps>> = [
  (p) => checkDns1035Label("name", p.name, MAX_APP_NAME_LENGTH),
  // A namespace equal to the name (its default) is valid whenever the name is; the name's rule reports it otherwise.
  (p) => (p.namespace === p.name ? undefined : checkDnsLabel("namespace", p.namespace)),
  // Derived defaults are valid whenever what they derive from is; that prop's rule reports it otherwise.
  (p) => (p.keysSecretName === objectNames(p.name).keysSecret ? undefined : checkDnsLabel("keysSecretName", p.keysSecretName)),
  (p) => first(p.imagePullSecrets.map((s, i) => checkDnsLabel(`imagePullSecrets[${i}]`, s))),
  (p) => first(p.existingSettings.map((s, i) => checkDnsLabel(`existingSettings[${i}].name`, s.name))),
  (p) => integer("runAsUser", p.runAsUser, 1, "use the image's non-root UID (10001 for function-app/Dockerfile)"),
  (p) => integer("runAsGroup", p.runAsGroup, 1, "use the image's non-root GID (10001 for function-app/Dockerfile)"),
  (p) => (p.networkPolicy === false ? undefined : first((p.networkPolicy.allowedNamespaces ?? []).map((n, i) => checkDnsLabel(`networkPolicy.allowedNamespaces[${i}]`, n)))),
  (p) =>
    p.networkPolicy === false || (p.networkPolicy.allowedPods ?? []).every((labels) => Object.keys(labels).length > 0)
      ? undefined
      : {
          property: "networkPolicy.allowedPods",
          value: p.networkPolicy.allowedPods,
          rule: "each entry must name at least one label: an empty selector admits every pod of the namespace",
          fix: "add labels to the entry, or drop both lists to admit the whole cluster",
        },
  (p) => {
    if (p.networkPolicy === false) return undefined;
    const denied = p.networkPolicy.deniedEgressCidrs ?? [];
    if (isToken(denied)) return undefined;
    const index = denied.findIndex((cidr) => !isToken(cidr) && parseCidr(cidr) === undefined);
    return index < 0
      ? undefined
      : {
          property: `networkPolicy.deniedEgressCidrs[${index}]`,
          value: denied[index],
          rule: "must be an IPv4 CIDR block such as 169.254.169.254/32",
          fix: "write the address with its prefix length, or drop the entry",
        };
  },
  (p) => integer("minReplicas", p.minReplicas, 0, "use 0 to scale to zero, or a positive whole number"),
  (p) => integer("maxReplicas", p.maxReplicas, 1, "allow at least 1 replica"),
  (p) => integer("pollingInterval", p.pollingInterval, 1, "poll at most once a second (pollingInterval >= 1)"),
  (p) => integer("cooldownPeriod", p.cooldownPeriod, 0, "use 0 or more seconds"),
  (p) => integer("servicePort", p.servicePort, 1, "use a TCP port number", 65535),
  (p) =>
    !allKnown(p.minReplicas, p.maxReplicas) || p.minReplicas <= p.maxReplicas
      ? undefined
      : { property: "minReplicas", value: p.minReplicas, rule: `must not exceed maxReplicas (${p.maxReplicas})`, fix: "lower minReplicas or raise maxReplicas" },
  (p) => oneOf("serviceType", p.serviceType, SERVICE_TYPES),
  (p) => oneOf("connectionMode", p.connectionMode, CONNECTION_MODES),
  (p) => oneOf("settingsObjectKind", p.settingsObjectKind, SETTINGS_OBJECT_KINDS),
  (p) => oneOf("functionKeys", p.functionKeys, FUNCTION_KEYS_MODES),
  (p) => boolean("createNamespace", p.createNamespace),
  (p) => boolean("readOnlyRootFilesystem", p.readOnlyRootFilesystem),
  (p) => boolean("burstToVirtualNodes", p.burstToVirtualNodes),
  (p) => boolean("blobsRemovedAfterProcessing", p.blobsRemovedAfterProcessing),
  (p) => first(Object.keys(p.keysSecretAnnotations).map(annotationKey)),
  (p) =>
    p.functions.length > 0
      ? undefined
      : { property: "functions", value: [], rule: "must list at least one function", fix: "run `npm run discover` and pass the functions of the app's functions.manifest.json" },
  (p) => {
    const index = p.functions.findIndex((f) => typeof f?.name !== "string" || f.name === "" || typeof f.trigger?.type !== "string" || f.trigger.type === "");
    return index < 0
      ? undefined
      : {
          property: `functions[${index}]`,
          value: p.functions[index],
          rule: "must have a non-empty name and a trigger with a non-empty type",
          fix: 'pass the function as the manifest lists it, e.g. { name: "worker", trigger: { type: "queueTrigger", queueName: "jobs" } }',
        };
  },
  (p) => {
    const names = p.functions.map((f) => f.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    return duplicate === undefined
      ? undefined
      : { property: "functions", value: duplicate, rule: "function names must be unique", fix: "remove the duplicate entry" };
  },
  (p) => {
    const entry = Object.entries(p.settings).find(([, v]) => /usedevelopmentstorage\s*=\s*true/i.test(v));
    return entry === undefined
      ? undefined
      : {
          property: `settings.${entry[0]}`,
          value: entry[1],
          rule: "must not point at the local storage emulator (UseDevelopmentStorage=true): it does not exist in the cluster",
          fix: "drop the setting and let workload identity set AzureWebJobsStorage__accountName, or use a real connection string from an existing Secret",
        };
  },
  (p) =>
    p.connectionMode !== "workload-identity" || p.storage !== undefined
      ? undefined
      : { property: "storage", value: undefined, rule: "is required with connectionMode \"workload-identity\"", fix: "pass the storage account used as AzureWebJobsStorage, or set connectionMode: \"connection-string\"" },
  (p) =>
    p.connectionMode !== "workload-identity" || p.workloadIdentity !== undefined
      ? undefined
      : { property: "workloadIdentity", value: undefined, rule: "is required with connectionMode \"workload-identity\"", fix: "pass the cluster's OIDC issuer and where the identity lives, or set connectionMode: \"connection-string\"" },
  (p) =>
    p.connectionMode === "workload-identity" || Object.keys(p.connections).length === 0
      ? undefined
      : { property: "connections", value: Object.keys(p.connections).sort(), rule: "identity-based connections need connectionMode \"workload-identity\"", fix: "remove connections, or use workload identity" },
  (p) =>
    !p.burstToVirtualNodes || p.connectionMode === "connection-string"
      ? undefined
      : {
          property: "burstToVirtualNodes",
          value: true,
          rule: "virtual-node (ACI) pods get no workload identity token, so identity-based connections would fail there",
          fix: "set connectionMode: \"connection-string\" with connections from an existing Secret, or leave burstToVirtualNodes off",
        },
  (p) => first((p.triggers ?? []).flatMap((t, i) => t._violations(`triggers[${i}]`))),
  (p) => first(p.addedTriggers.flatMap((t, i) => t._violations(`addTrigger[${i}]`))),
  (p) => {
    const [at, trigger] = [...(p.triggers ?? []).map((t, i) => [`triggers[${i}]`, t] as const), ...p.addedTriggers.map((t, i) => [`addTrigger[${i}]`, t] as const)].find(
      ([, t]) => t.usesWorkloadIdentity,
    ) ?? [undefined, undefined];
    return trigger === undefined || p.connectionMode === "workload-identity"
      ? undefined
      : {
          property: `${at}.metadata`,
          value: trigger.metadata,
          rule: 'authenticates with workload identity (an account or namespace name), which needs connectionMode "workload-identity"',
          fix: "pass connectionFromEnv instead, or use workload identity",
        };
  },
  (p) => (p.fallback === false ? undefined : integer("fallback.failureThreshold", p.fallback.failureThreshold, 1, "use 1 or more failed checks")),
  (p) => (p.fallback === false ? undefined : integer("fallback.replicas", p.fallback.replicas, 1, "keep at least 1 replica while the scaler fails")),
  (p) =>
    p.fallback === false || !allKnown(p.fallback.replicas, p.maxReplicas) || p.maxReplicas < 1 || p.minReplicas > p.maxReplicas || p.fallback.replicas <= p.maxReplicas
      ? undefined
      : {
          property: "fallback.replicas",
          value: p.fallback.replicas,
          rule: `must not exceed maxReplicas (${p.maxReplicas}): the HPA never runs more, so the fallback would silently be capped`,
          fix: "lower fallback.replicas or raise maxReplicas",
        },
  (p) =>
    p.triggers === undefined || p.triggers.length > 0
      ? undefined
      : {
          property: "triggers",
          value: [],
          rule: "must list at least one KEDA trigger: an empty list silently turns the worker into a fixed-size Deployment",
          fix: "omit triggers to map them from the functions' bindings, or pass the scalers to use",
        },
  (p) => first(Object.keys(p.settings).map((key) => checkConfigMapKey(`settings[${JSON.stringify(key)}]`, key))),
  (p) => checkResourceQuantity("resources.cpuRequest", p.resources.cpuRequest, "250m"),
  (p) => checkResourceQuantity("resources.memoryRequest", p.resources.memoryRequest, "256Mi"),
  (p) => (p.resources.cpuLimit === undefined ? undefined : checkResourceQuantity("resources.cpuLimit", p.resources.cpuLimit, "1")),
  (p) => checkResourceQuantity("resources.memoryLimit", p.resources.memoryLimit, "1Gi"),
  (p) => requestWithinLimit("cpu", p.resources.cpuRequest, p.resources.cpuLimit),
  (p) => requestWithinLimit("memory", p.resources.memoryRequest, p.resources.memoryLimit),
  (p) =>
    first(
      HOST_JSON_THRESHOLDS.map(([extension, setting]) => {
        const value = (p.hostJson.extensions?.[extension] as Record<string, unknown> | undefined)?.[setting];
        return value === undefined
          ? undefined
          : integer(`hostJson.extensions.${extension}.${setting}`, value as number, 1, "use a whole number >= 1 (or drop it for the host's default): KEDA scales by it");
      }),
    ),
  (p) => (p.hostId === hostIdFor(p.namespace, p.name) ? undefined : checkHostId("hostId", p.hostId)),
  (p) =>
    p.workloadIdentity === undefined || p.workloadIdentity.identityName === identityNameFor(p.namespace, p.name)
      ? undefined
      : checkManagedIdentityName("workloadIdentity.identityName", p.workloadIdentity.identityName),
  (p) => {
    const account = p.workloadIdentity?.kedaOperatorServiceAccount;
    if (account === undefined) return undefined;
    return first([
      checkDnsLabel("workloadIdentity.kedaOperatorServiceAccount.namespace", account.namespace),
      checkDnsSubdomain("workloadIdentity.kedaOperatorServiceAccount.name", account.name),
    ]);
  },
  (p) => {
    const missing = unresolvedConnections(p);
    return missing === undefined
      ? undefined
      : {
          property: `functions[${JSON.stringify(missing.functionName)}].trigger.${missing.option}`,
          value: missing.connection,
          rule: `names no app setting and no entry of connections: the host would look for ${missing.lookedFor.map((n) => JSON.stringify(n)).join(", ")} and find none`,
          fix: `add connections[${JSON.stringify(missing.connection)}] (workload identity), a setting of that name, or list the Secret holding it in existingSettings`,
        };
  },
  (p) => (p.httpScaling.mode === "fixed" ? integer("httpScaling.replicas", p.httpScaling.replicas, 0, "use 0 or more replicas") : undefined),
  (p) =>
    p.httpScaling.mode === "fixed" || !allKnown(p.httpScaling.minReplicas, p.httpScaling.maxReplicas) || p.httpScaling.minReplicas <= p.httpScaling.maxReplicas
      ? undefined
      : { property: "httpScaling.minReplicas", value: p.httpScaling.minReplicas, rule: `must not exceed httpScaling.maxReplicas (${p.httpScaling.maxReplicas})`, fix: "lower minReplicas or raise maxReplicas" },
  (p) => (p.httpScaling.mode === "cpu" ? integer("httpScaling.minReplicas", p.httpScaling.minReplicas, 1, "use 1 or more: the cpu metric cannot wake a Deployment at zero") : undefined),
  (p) => (p.httpScaling.mode === "cpu" ? integer("httpScaling.utilization", p.httpScaling.utilization, 1, "use a percentage from 1 to 100", 100) : undefined),
  (p) =>
    p.httpScaling.mode !== "keda-http-add-on" || p.serviceType === "ClusterIP"
      ? undefined
      : {
          property: "serviceType",
          value: p.serviceType,
          rule: "must be ClusterIP with the KEDA HTTP add-on: traffic has to pass the add-on's interceptor, or a scaled-to-zero app never wakes",
          fix: "use serviceType \"ClusterIP\" and route an Ingress/Gateway to keda-add-ons-http-interceptor-proxy",
        },
  (p) => (p.httpScaling.mode === "keda-http-add-on" ? checkDnsLabel("httpScaling.namespace", p.httpScaling.namespace) : undefined),
];

/** A role assignment added with `grantRole`/`grantStorage`, checked at synth. */
export interface Grant {
  readonly property: string;
  readonly scope: string;
  readonly role: string;
}

/** Role assignment scopes are Azure resource ids. */
const checkRoleScope = patternCheck({
  pattern: /^\/(subscriptions|providers)\/[^\s]+$/i,
  rule: "must be an Azure resource id (/subscriptions/... or /providers/...)",
  fix: "pass the resource's id attribute, e.g. storage.id",
});

/** Every rule the app's grants must meet, run with its props' rules at synth. */
export const grantRules: ReadonlyArray<Rule<readonly Grant[]>> = [
  (grants) => first(grants.map((g) => checkRoleScope(`${g.property}.scope`, g.scope))),
  (grants) => {
    const bad = grants.find((g) => !isToken(g.role) && g.role.trim() === "");
    return bad === undefined
      ? undefined
      : { property: `${bad.property}.roleDefinitionName`, value: bad.role, rule: "must name a role", fix: 'pass a built-in role name such as "Storage Blob Data Reader"' };
  },
];
