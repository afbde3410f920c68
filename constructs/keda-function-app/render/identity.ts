import type { IServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import type { ITriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication";
import { objectMeta } from "./metadata";
import { FunctionAppSpec, objectNames } from "./spec";

/**
 * The app's ServiceAccount: annotated with the identity's client id for the workload
 * identity webhook. Its API token is not mounted unless a pod needs it (function keys).
 */
export function renderServiceAccount(spec: FunctionAppSpec): IServiceAccount {
  const base = objectMeta(spec, objectNames(spec.name).serviceAccount);
  const annotations =
    spec.workloadIdentityClientId === undefined ? undefined : { "azure.workload.identity/client-id": spec.workloadIdentityClientId };
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: annotations === undefined ? base : { ...base, annotations },
    automountServiceAccountToken: false,
  };
}

/** KEDA authenticates identity-based triggers as the app's identity (federated with KEDA's operator). */
export function renderTriggerAuthentication(spec: FunctionAppSpec): ITriggerAuthentication | undefined {
  if (spec.workloadIdentityClientId === undefined) return undefined;
  const used = [...spec.scaling.triggers].some((t) => t.authenticationRef?.name === objectNames(spec.name).triggerAuthentication);
  if (!used) return undefined;
  return {
    apiVersion: "keda.sh/v1alpha1",
    kind: "TriggerAuthentication",
    metadata: objectMeta(spec, objectNames(spec.name).triggerAuthentication, "worker"),
    spec: { podIdentity: { provider: "azure-workload", identityId: spec.workloadIdentityClientId } },
  };
}
