import { createHash } from "node:crypto";
import type { ITriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication";
import type { ScaledObjectTrigger } from "../keda-triggers";
import { objectMeta } from "./metadata";
import { FunctionAppSpec } from "./spec";

type EnvParameters = NonNullable<ScaledObjectTrigger["authenticationFromEnv"]>;

/**
 * Name of the TriggerAuthentication that reads `parameters` from the worker container: the same
 * parameters give the same name, so triggers sharing credentials share one object, and the name
 * changes only when the credentials' settings do.
 */
export function envAuthenticationName(appName: string, parameters: EnvParameters): string {
  const key = parameters.map((p) => `${p.parameter}=${p.name}`).join("\n");
  return `${appName}-env-${createHash("sha256").update(key).digest("hex").slice(0, 8)}`;
}

/**
 * One TriggerAuthentication per distinct `authenticationFromEnv` of the worker's triggers
 * (e.g. Kafka SASL credentials): KEDA reads each parameter from the named environment variable
 * of the scale target's first container, Secret- and ConfigMap-backed `envFrom` included, so the
 * values never appear in the ScaledObject or in Terraform.
 */
export function renderEnvTriggerAuthentications(spec: FunctionAppSpec): ITriggerAuthentication[] {
  const byName = new Map<string, EnvParameters>();
  for (const trigger of spec.scaling.triggers) {
    if (trigger.authenticationFromEnv === undefined) continue;
    byName.set(envAuthenticationName(spec.name, trigger.authenticationFromEnv), trigger.authenticationFromEnv);
  }
  return [...byName.entries()].map(([name, parameters]) => ({
    apiVersion: "keda.sh/v1alpha1",
    kind: "TriggerAuthentication",
    metadata: objectMeta(spec, name, "worker"),
    spec: { env: parameters.map((p) => ({ parameter: p.parameter, name: p.name })) },
  }));
}
