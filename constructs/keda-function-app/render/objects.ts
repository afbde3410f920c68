import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { INamespace } from "kubernetes-models/v1/Namespace";
import type { ISecret } from "kubernetes-models/v1/Secret";
import type { IService } from "kubernetes-models/v1/Service";
import type { IServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import type { IRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { IRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import type { IScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";
import type { ITriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication";
import { renderKeysRole, renderKeysRoleBinding, renderKeysSecret } from "./function-keys";
import { renderServiceAccount, renderTriggerAuthentication } from "./identity";
import { renderEnvTriggerAuthentications } from "./env-authentication";
import { IInterceptorRoute, renderHttpScaledObject, renderInterceptorRoute, renderWorkerScaledObject } from "./scaling";
import { renderHttpNetworkPolicy, renderWorkerNetworkPolicy } from "./network-policy";
import { renderNamespace } from "./namespace";
import { renderSettings } from "./settings";
import { FunctionAppSpec } from "./spec";
import { renderDisruptionBudget, renderHttpDeployment, renderService, renderWorkerDeployment } from "./workloads";

export type { IInterceptorRoute } from "./scaling";

/** A Kubernetes object the construct renders (`KedaFunctionApp.objects`), typed by kubernetes-models. */
export type KubernetesObject =
  | INamespace
  | IConfigMap
  | ISecret
  | IService
  | IServiceAccount
  | IRole
  | IRoleBinding
  | IDeployment
  | IPodDisruptionBudget
  | INetworkPolicy
  | IScaledObject
  | ITriggerAuthentication
  | IInterceptorRoute;

/**
 * All Kubernetes objects of one function app, in apply order (its own Namespace first, when
 * it owns one, then the order `func kubernetes deploy` uses: settings, keys, identity and RBAC, Service,
 * Deployments, scalers), with each NetworkPolicy ahead of its pods so they never run unisolated.
 */
export function renderFunctionApp(spec: FunctionAppSpec): KubernetesObject[] {
  const http = spec.httpFunctions.length > 0;
  const workers = spec.workerFunctions.length > 0;
  const objects: Array<KubernetesObject | undefined> = [
    renderNamespace(spec),
    renderSettings(spec),
    renderKeysSecret(spec),
    renderServiceAccount(spec),
    renderKeysRole(spec),
    renderKeysRoleBinding(spec),
    workers ? renderTriggerAuthentication(spec) : undefined,
    ...(workers ? renderEnvTriggerAuthentications(spec) : []),
    http ? renderHttpNetworkPolicy(spec) : undefined,
    workers ? renderWorkerNetworkPolicy(spec) : undefined,
    http ? renderService(spec) : undefined,
    http ? renderHttpDeployment(spec) : undefined,
    http ? renderDisruptionBudget(spec, "http") : undefined,
    workers ? renderWorkerDeployment(spec) : undefined,
    workers ? renderDisruptionBudget(spec, "worker") : undefined,
    renderInterceptorRoute(spec),
    renderHttpScaledObject(spec),
    workers ? renderWorkerScaledObject(spec) : undefined,
  ];
  return objects.filter((o): o is KubernetesObject => o !== undefined);
}
