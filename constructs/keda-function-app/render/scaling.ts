import type { IScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { ScaledObjectTrigger } from "../keda-triggers";
import { Fn, Token } from "cdktf";
import { isToken, numberString } from "../../core/tokens";
import { envAuthenticationName } from "./env-authentication";
import type { Component } from "./labels";
import { objectMeta, sortedRecord } from "./metadata";
import { FunctionAppSpec, objectNames } from "./spec";

/**
 * The KEDA HTTP add-on's routing and scaling object (`http.keda.sh/v1beta1`, add-on
 * 0.15+). No schema package ships it, so its type lives here.
 */
export interface IInterceptorRoute {
  readonly apiVersion: "http.keda.sh/v1beta1";
  readonly kind: "InterceptorRoute";
  readonly metadata: IObjectMeta;
  readonly spec: {
    readonly target: { readonly service: string; readonly port: number };
    readonly rules: ReadonlyArray<{ readonly hosts: readonly string[] }>;
    readonly scalingMetric: { readonly concurrency: { readonly targetValue: number } };
  };
}

/**
 * Scalers `fallback` cannot serve: cpu and memory are resource metrics of the metrics server,
 * not KEDA external metrics, so KEDA's fallback never replaces them and its webhook skips them.
 */
const NO_FALLBACK_TYPES = new Set(["cpu", "memory"]);

/**
 * The triggers of a ScaledObject that has a fallback, with `metricType: AverageValue` written
 * out on every scaler trigger that has none. KEDA's fallback only replaces AverageValue metrics,
 * and the admission webhook of KEDA 2.17.0 (`CheckFallbackValid`) rejects a ScaledObject with a
 * fallback unless a non-cpu/memory trigger says `AverageValue` explicitly: it did not count an
 * empty `metricType` as the default until 2.17.1 (kedacore/keda#6696). An explicit metricType
 * (e.g. `Value`) is the user's choice and kept; cpu/memory keep theirs (`Utilization`).
 */
export function fallbackTriggers(triggers: readonly ScaledObjectTrigger[]): ScaledObjectTrigger[] {
  return triggers.map((t) => (NO_FALLBACK_TYPES.has(t.type) || t.metricType !== undefined ? t : { ...t, metricType: "AverageValue" }));
}

/** KEDA's rule (`CheckFallbackValid`): at least one trigger that is not cpu/memory has an AverageValue metric. */
function fallbackPossible(triggers: readonly ScaledObjectTrigger[]): boolean {
  return triggers.some((t) => !NO_FALLBACK_TYPES.has(t.type) && t.metricType === "AverageValue");
}

/** The worker's ScaledObject (KEDA v2 API, `keda.sh/v1alpha1`); none without triggers. */
export function renderWorkerScaledObject(spec: FunctionAppSpec): IScaledObject | undefined {
  const { scaling } = spec;
  // KEDA rejects a ScaledObject without triggers; such a worker runs at a fixed size instead.
  if (scaling.triggers.length === 0) return undefined;
  const names = objectNames(spec.name);
  const withFallback = scaling.fallback !== undefined ? fallbackTriggers(scaling.triggers) : undefined;
  // No trigger KEDA can fall back for (only cpu/memory, or every metricType explicitly Value): no fallback.
  const fallback = withFallback !== undefined && fallbackPossible(withFallback) ? scaling.fallback : undefined;
  return scaledObject(spec, {
    name: names.scaledObject,
    component: "worker",
    deployment: names.workerDeployment,
    minReplicas: scaling.minReplicas,
    maxReplicas: scaling.maxReplicas,
    fallback: fallback !== undefined ? { failureThreshold: fallback.failureThreshold, replicas: fallback.replicas } : undefined,
    triggers: fallback !== undefined ? withFallback! : scaling.triggers,
  });
}

/** The HTTP Deployment's ScaledObject for the cpu and HTTP add-on choices. */
export function renderHttpScaledObject(spec: FunctionAppSpec): IScaledObject | undefined {
  const scaling = spec.http.scaling;
  if (scaling.mode === "fixed" || spec.httpFunctions.length === 0) return undefined;
  const names = objectNames(spec.name);
  const trigger: ScaledObjectTrigger =
    scaling.mode === "cpu"
      ? { type: "cpu", name: "cpu", metricType: "Utilization", metadata: { value: numberString(scaling.utilization) } }
      : {
          type: "external-push",
          name: "http-requests",
          metadata: { scalerAddress: scaling.scalerAddress, interceptorRoute: names.interceptorRoute },
        };
  return scaledObject(spec, {
    name: names.httpScaledObject,
    component: "http",
    deployment: names.httpDeployment,
    minReplicas: scaling.minReplicas,
    maxReplicas: scaling.maxReplicas,
    fallback: undefined,
    triggers: [trigger],
  });
}

interface ScaledObjectParts {
  readonly name: string;
  readonly component: Component;
  readonly deployment: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly fallback: IScaledObject["spec"]["fallback"];
  readonly triggers: readonly ScaledObjectTrigger[];
}

/** A ScaledObject on one of the app's Deployments; polling, cooldown and HPA behaviour are the app's. */
function scaledObject(spec: FunctionAppSpec, parts: ScaledObjectParts): IScaledObject {
  return {
    apiVersion: "keda.sh/v1alpha1",
    kind: "ScaledObject",
    metadata: objectMeta(spec, parts.name, parts.component),
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: parts.deployment },
      minReplicaCount: parts.minReplicas,
      maxReplicaCount: parts.maxReplicas,
      pollingInterval: spec.scaling.pollingInterval,
      cooldownPeriod: spec.scaling.cooldownPeriod,
      ...(parts.fallback !== undefined ? { fallback: parts.fallback } : {}),
      ...advanced(spec),
      triggers: parts.triggers.map((t) => renderTrigger(spec, t)),
    },
  };
}

/** The add-on's catch-all host (`RoutingRule.hosts`: "A single "*" acts as a catch-all"). */
const CATCH_ALL_HOST = "*";

/** The hosts to route, or the catch-all; for a list token Terraform decides (`coalescelist`: the first non-empty list). */
function routedHosts(hosts: readonly string[]): string[] {
  if (isToken(hosts)) return Token.asList(Fn.coalescelist([hosts, [CATCH_ALL_HOST]]));
  return hosts.length > 0 ? [...hosts] : [CATCH_ALL_HOST];
}

/** Routes requests for the app through the add-on's interceptor and reports concurrency. */
export function renderInterceptorRoute(spec: FunctionAppSpec): IInterceptorRoute | undefined {
  const scaling = spec.http.scaling;
  if (scaling.mode !== "keda-http-add-on" || spec.httpFunctions.length === 0) return undefined;
  const names = objectNames(spec.name);
  return {
    apiVersion: "http.keda.sh/v1beta1",
    kind: "InterceptorRoute",
    metadata: objectMeta(spec, names.interceptorRoute, "http"),
    spec: {
      target: { service: names.service, port: spec.http.servicePort },
      // http-add-on 0.15 routes only what `spec.rules` lists: no rules, no route, every request a 404.
      rules: [{ hosts: routedHosts(scaling.hosts) }],
      scalingMetric: { concurrency: { targetValue: scaling.targetConcurrency } },
    },
  };
}

function advanced(spec: FunctionAppSpec): Pick<IScaledObject["spec"], "advanced"> {
  const behavior = spec.scaling.behavior;
  return behavior === undefined ? {} : { advanced: { horizontalPodAutoscalerConfig: { behavior } } };
}

function renderTrigger(spec: FunctionAppSpec, t: ScaledObjectTrigger): IScaledObject["spec"]["triggers"][number] {
  // Parameters from the container's environment come through the app's own TriggerAuthentication.
  const authenticationRef = t.authenticationFromEnv !== undefined ? { name: envAuthenticationName(spec.name, t.authenticationFromEnv) } : t.authenticationRef;
  return {
    type: t.type,
    ...(t.name !== undefined ? { name: t.name } : {}),
    ...(t.metricType !== undefined ? { metricType: t.metricType } : {}),
    metadata: sortedRecord(t.metadata),
    ...(authenticationRef !== undefined ? { authenticationRef: { name: authenticationRef.name } } : {}),
  };
}
