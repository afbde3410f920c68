import type { IPodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { IEnvFromSource } from "kubernetes-models/v1/EnvFromSource";
import type { IAffinity } from "kubernetes-models/v1/Affinity";
import type { IToleration } from "kubernetes-models/v1/Toleration";
import type { ITopologySpreadConstraint } from "kubernetes-models/v1/TopologySpreadConstraint";
import type { IVolume } from "kubernetes-models/v1/Volume";
import type { IVolumeMount } from "kubernetes-models/v1/VolumeMount";
import type { ILocalObjectReference } from "kubernetes-models/v1/LocalObjectReference";
import { TerraformIterator } from "cdktf";
import { isToken } from "../../core/tokens";
import { hostManagesKeys } from "./function-keys";
import { Component, appLabels, selectorLabels } from "./labels";
import { sortedRecord } from "./metadata";
import { FUNCTION_KEYS_MOUNT_PATH, FunctionAppSpec, objectNames } from "./spec";
import { writableVolumes } from "./writable-paths";

/**
 * The pod both Deployments run, restricted to `functions` through the host's
 * `AzureFunctionsJobHost__functions__N` allow-list.
 */
export function renderPodTemplate(
  spec: FunctionAppSpec,
  component: Component,
  functions: readonly string[],
): IPodTemplateSpec {
  const names = objectNames(spec.name, spec.functionKeys.secretName);
  const keysInSecret = component === "http" && hostManagesKeys(spec);
  const keysMounted = component === "http" && spec.httpFunctions.length > 0 && spec.functionKeys.mode === "mounted-volume";
  const env: IEnvVar[] = [
    ...functions.map((fn, i) => ({ name: `AzureFunctionsJobHost__functions__${i}`, value: fn })),
    { name: "AzureFunctionsWebHost__hostid", value: spec.hostId },
    { name: "ASPNETCORE_URLS", value: `http://+:${spec.containerPort}` },
    ...Object.entries(sortedRecord(spec.env)).map(([name, value]) => ({ name, value })),
    ...(keysInSecret || keysMounted ? [{ name: "AzureWebJobsSecretStorageType", value: "kubernetes" }] : []),
    ...(keysInSecret ? [{ name: "AzureWebJobsKubernetesSecretName", value: `secrets/${names.keysSecret}` }] : []),
  ];
  const envFrom: IEnvFromSource[] = [
    ...(Object.keys(spec.settings.values).length > 0
      ? [spec.settings.kind === "Secret" ? { secretRef: { name: names.settings } } : { configMapRef: { name: names.settings } }]
      : []),
    ...spec.existingSettings.map((ref) => (ref.kind === "Secret" ? { secretRef: { name: ref.name } } : { configMapRef: { name: ref.name } })),
  ];
  const identity = spec.workloadIdentityClientId !== undefined;
  const writable = spec.security.readOnlyRootFilesystem ? writableVolumes() : { volumes: [], volumeMounts: [] };
  const volumes: IVolume[] = [
    ...(keysMounted ? [{ name: "functions-keys", secret: { secretName: names.keysSecret } }] : []),
    ...writable.volumes,
  ];
  const volumeMounts: IVolumeMount[] = [
    ...(keysMounted ? [{ name: "functions-keys", mountPath: FUNCTION_KEYS_MOUNT_PATH, readOnly: true }] : []),
    ...writable.volumeMounts,
  ];
  return {
    metadata: {
      labels: {
        ...appLabels(spec.name, component),
        ...selectorLabels(spec.name, component),
        // Makes the workload identity webhook project a token for the ServiceAccount's identity.
        ...(identity ? { "azure.workload.identity/use": "true" } : {}),
      },
    },
    spec: {
      serviceAccountName: names.serviceAccount,
      // Only the host that manages its keys Secret talks to the Kubernetes API.
      automountServiceAccountToken: keysInSecret,
      terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
      nodeSelector: { "kubernetes.io/os": "linux" },
      ...(spec.burstToVirtualNodes ? virtualNodeScheduling() : {}),
      topologySpreadConstraints: spreadConstraints(spec.name, component),
      ...imagePullSecrets(spec.imagePullSecrets),
      securityContext: {
        runAsNonRoot: true,
        runAsUser: spec.security.runAsUser,
        runAsGroup: spec.security.runAsGroup,
        // emptyDirs are group-writable for fsGroup: the writable paths work for any UID.
        fsGroup: spec.security.runAsGroup,
        seccompProfile: { type: "RuntimeDefault" },
      },
      ...(volumes.length > 0 ? { volumes } : {}),
      containers: [
        {
          name: "functions",
          image: spec.image,
          imagePullPolicy: "IfNotPresent",
          ports: [{ name: "http", containerPort: spec.containerPort, protocol: "TCP" }],
          env,
          ...(envFrom.length > 0 ? { envFrom } : {}),
          resources: {
            requests: { cpu: spec.resources.cpuRequest, memory: spec.resources.memoryRequest },
            limits: { ...(spec.resources.cpuLimit !== undefined ? { cpu: spec.resources.cpuLimit } : {}), memory: spec.resources.memoryLimit },
          },
          securityContext: {
            allowPrivilegeEscalation: false,
            privileged: false,
            capabilities: { drop: ["ALL"] },
            readOnlyRootFilesystem: spec.security.readOnlyRootFilesystem,
          },
          ...(volumeMounts.length > 0 ? { volumeMounts } : {}),
          // `/` answers 200 only once the script host is running.
          readinessProbe: { httpGet: { path: "/", port: "http" }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
          // `/admin/host/ping` is anonymous and cheap: the right liveness check.
          livenessProbe: {
            httpGet: { path: "/admin/host/ping", port: "http" },
            periodSeconds: 20,
            timeoutSeconds: 5,
            failureThreshold: 3,
          },
          // The host can take a while to load extensions on a cold node; allow 5 minutes.
          startupProbe: {
            httpGet: { path: "/admin/host/ping", port: "http" },
            periodSeconds: 5,
            timeoutSeconds: 5,
            failureThreshold: 60,
          },
        },
      ],
    },
  };
}

/** `[{ name }]` per pull Secret; a list token becomes a Terraform `for` expression over the list. */
function imagePullSecrets(names: readonly string[]): { imagePullSecrets?: ILocalObjectReference[] } {
  if (isToken(names)) {
    return { imagePullSecrets: TerraformIterator.fromList(names as string[]).forExpressionForList("{ name = val }") as unknown as ILocalObjectReference[] };
  }
  return names.length > 0 ? { imagePullSecrets: names.map((name) => ({ name })) } : {};
}

/**
 * Spread replicas over zones, then nodes. `ScheduleAnyway` only ranks nodes, so a one-node
 * dev cluster still schedules every pod; `pod-template-hash` keeps a rollout's old pods from
 * skewing where the new ones go.
 */
function spreadConstraints(name: string, component: Component): ITopologySpreadConstraint[] {
  return ["topology.kubernetes.io/zone", "kubernetes.io/hostname"].map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: "ScheduleAnyway",
    labelSelector: { matchLabels: selectorLabels(name, component) },
    matchLabelKeys: ["pod-template-hash"],
  }));
}

/** Tolerate AKS virtual nodes (ACI) but prefer regular nodes: virtual nodes take the overflow. */
function virtualNodeScheduling(): { tolerations: IToleration[]; affinity: IAffinity } {
  return {
    tolerations: [
      { key: "virtual-kubelet.io/provider", operator: "Exists", effect: "NoSchedule" },
      { key: "azure.com/aci", operator: "Exists", effect: "NoSchedule" },
    ],
    affinity: {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, preference: { matchExpressions: [{ key: "type", operator: "NotIn", values: ["virtual-kubelet"] }] } },
        ],
      },
    },
  };
}
