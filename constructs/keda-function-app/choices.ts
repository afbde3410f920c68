// The closed choices of KedaFunctionApp, each defined once: the type and the list the
// rules check at runtime (a union vanishes at runtime, and JS or JSON callers can pass any string).

/** How the HTTP Service is exposed. */
export const SERVICE_TYPES = ["ClusterIP", "LoadBalancer", "NodePort"] as const;
/** How the HTTP Service is exposed; ClusterIP keeps it inside the cluster. */
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** How the app and KEDA authenticate to Azure services. */
export const CONNECTION_MODES = ["workload-identity", "connection-string"] as const;
/**
 * `workload-identity`: no secrets; the app and KEDA use a user-assigned identity.
 * `connection-string` (unsafe): connections come from settings, KEDA reads them with `connectionFromEnv`.
 */
export type ConnectionMode = (typeof CONNECTION_MODES)[number];

/** Kubernetes object kinds the app's settings can be delivered in. */
export const SETTINGS_OBJECT_KINDS = ["ConfigMap", "Secret"] as const;
/** Kubernetes object the app's settings are delivered in (`--use-config-map` picks ConfigMap). */
export type SettingsObjectKind = (typeof SETTINGS_OBJECT_KINDS)[number];

/** Where the host keeps HTTP function keys. */
export const FUNCTION_KEYS_MODES = ["kubernetes-secret", "mounted-volume"] as const;
/**
 * Where the host keeps HTTP function keys: `kubernetes-secret` lets the host create and
 * rotate them in a Secret it may read and patch (and nothing else); `mounted-volume`
 * mounts an existing keys Secret read-only at `/run/secrets/functions-keys`.
 */
export type FunctionKeysMode = (typeof FUNCTION_KEYS_MODES)[number];
