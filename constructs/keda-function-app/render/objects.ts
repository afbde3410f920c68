import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IService } from "kubernetes-models/v1/Service";
import type { IServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";
import type { ITriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication";
import { FunctionAppSpec, objectNames } from "./spec";
import { appLabels, selectorLabels } from "./labels";
import { renderPodTemplate } from "./pod-template";

export type KubernetesObject =
  | IConfigMap
  | IService
  | IServiceAccount
  | IDeployment
  | IScaledObject
  | ITriggerAuthentication;

/**
 * All Kubernetes objects of one function app, in apply order (the order
 * `func kubernetes deploy` uses: settings, identity, Service, Deployments, scaler).
 */
export function renderFunctionApp(spec: FunctionAppSpec): KubernetesObject[] {
  const objects: KubernetesObject[] = [renderSettings(spec), renderServiceAccount(spec)];
  if (spec.httpFunctions.length > 0) {
    objects.push(renderService(spec), renderHttpDeployment(spec));
  }
  if (spec.workerFunctions.length > 0) {
    objects.push(renderWorkerDeployment(spec));
    if (spec.scaling.triggers.some((t) => t.authenticationRef !== undefined)) {
      objects.push(renderTriggerAuthentication(spec));
    }
    // KEDA rejects a ScaledObject without triggers; such a worker runs at a fixed size instead.
    if (spec.scaling.triggers.length > 0) objects.push(renderScaledObject(spec));
  }
  return objects;
}

function metadata(spec: FunctionAppSpec, name: string, component?: "http" | "worker") {
  return { name, namespace: spec.namespace, labels: appLabels(spec.name, component) };
}

export function renderSettings(spec: FunctionAppSpec): IConfigMap {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: metadata(spec, objectNames(spec.name).settings),
    data: sortedRecord(spec.settings),
  };
}

export function renderServiceAccount(spec: FunctionAppSpec): IServiceAccount {
  const base = metadata(spec, objectNames(spec.name).serviceAccount);
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { ...base, annotations: { "azure.workload.identity/client-id": spec.workloadIdentityClientId } },
    automountServiceAccountToken: false,
  };
}

export function renderService(spec: FunctionAppSpec): IService {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: metadata(spec, objectNames(spec.name).service, "http"),
    spec: {
      type: spec.http.serviceType,
      selector: selectorLabels(spec.name, "http"),
      ports: [{ name: "http", port: spec.http.servicePort, targetPort: "http", protocol: "TCP" }],
    },
  };
}

export function renderHttpDeployment(spec: FunctionAppSpec): IDeployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: metadata(spec, objectNames(spec.name).httpDeployment, "http"),
    spec: {
      replicas: spec.http.replicas,
      selector: { matchLabels: selectorLabels(spec.name, "http") },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: renderPodTemplate(spec, "http", spec.httpFunctions),
    },
  };
}

/**
 * No `replicas` when KEDA scales it: the HPA owns the count, and a value here would fight
 * it on every apply.
 */
export function renderWorkerDeployment(spec: FunctionAppSpec): IDeployment {
  const scaled = spec.scaling.triggers.length > 0;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: metadata(spec, objectNames(spec.name).workerDeployment, "worker"),
    spec: {
      ...(scaled ? {} : { replicas: spec.scaling.minReplicas }),
      selector: { matchLabels: selectorLabels(spec.name, "worker") },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: renderPodTemplate(spec, "worker", spec.workerFunctions),
    },
  };
}

export function renderTriggerAuthentication(spec: FunctionAppSpec): ITriggerAuthentication {
  return {
    apiVersion: "keda.sh/v1alpha1",
    kind: "TriggerAuthentication",
    metadata: metadata(spec, objectNames(spec.name).triggerAuthentication, "worker"),
    spec: {
      podIdentity: { provider: "azure-workload", identityId: spec.workloadIdentityClientId },
    },
  };
}

export function renderScaledObject(spec: FunctionAppSpec): IScaledObject {
  const names = objectNames(spec.name);
  return {
    apiVersion: "keda.sh/v1alpha1",
    kind: "ScaledObject",
    metadata: metadata(spec, names.scaledObject, "worker"),
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: names.workerDeployment },
      minReplicaCount: spec.scaling.minReplicas,
      maxReplicaCount: spec.scaling.maxReplicas,
      pollingInterval: spec.scaling.pollingInterval,
      cooldownPeriod: spec.scaling.cooldownPeriod,
      triggers: spec.scaling.triggers.map((t) => ({
        type: t.type,
        ...(t.name !== undefined ? { name: t.name } : {}),
        metadata: sortedRecord(t.metadata),
        ...(t.authenticationRef !== undefined ? { authenticationRef: { name: t.authenticationRef.name } } : {}),
      })),
    },
  };
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
