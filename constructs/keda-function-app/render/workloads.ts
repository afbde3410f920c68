import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import type { IService } from "kubernetes-models/v1/Service";
import { atLeastOne } from "../../core/tokens";
import { Component, selectorLabels } from "./labels";
import { objectMeta } from "./metadata";
import { renderPodTemplate } from "./pod-template";
import { FunctionAppSpec, objectNames } from "./spec";

/** `<name>-http`: the HTTP functions' Service (ClusterIP, LoadBalancer or NodePort). */
export function renderService(spec: FunctionAppSpec): IService {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: objectMeta(spec, objectNames(spec.name).service, "http"),
    spec: {
      type: spec.http.serviceType,
      selector: selectorLabels(spec.name, "http"),
      ports: [{ name: "http", port: spec.http.servicePort, targetPort: "http", protocol: "TCP" }],
    },
  };
}

/** `<name>-http`: HTTP functions only; a fixed size unless an HTTP scaler owns `replicas`. */
export function renderHttpDeployment(spec: FunctionAppSpec): IDeployment {
  const scaling = spec.http.scaling;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: objectMeta(spec, objectNames(spec.name).httpDeployment, "http"),
    spec: {
      ...(scaling.mode === "fixed" ? { replicas: scaling.replicas } : {}),
      selector: { matchLabels: selectorLabels(spec.name, "http") },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: renderPodTemplate(spec, "http", spec.httpFunctions),
    },
  };
}

/**
 * `<name>`: the event-driven functions. No `replicas` when KEDA scales it: the HPA owns
 * the count, and a value here would fight it on every apply.
 */
export function renderWorkerDeployment(spec: FunctionAppSpec): IDeployment {
  const scaled = spec.scaling.triggers.length > 0;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: objectMeta(spec, objectNames(spec.name).workerDeployment, "worker"),
    spec: {
      ...(scaled ? {} : { replicas: atLeastOne(spec.scaling.minReplicas) }),
      selector: { matchLabels: selectorLabels(spec.name, "worker") },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: renderPodTemplate(spec, "worker", spec.workerFunctions),
    },
  };
}

/**
 * At most one pod of the Deployment down at a time during voluntary disruptions. With
 * `maxUnavailable` (never `minAvailable` = replicas) a drain always makes progress, even
 * at one replica; `AlwaysAllow` lets it evict pods that are not ready, which otherwise
 * count against the budget and stall the drain.
 */
export function renderDisruptionBudget(spec: FunctionAppSpec, component: Component): IPodDisruptionBudget {
  const names = objectNames(spec.name);
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: objectMeta(spec, component === "http" ? names.httpDeployment : names.workerDeployment, component),
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: selectorLabels(spec.name, component) },
      unhealthyPodEvictionPolicy: "AlwaysAllow",
    },
  };
}
