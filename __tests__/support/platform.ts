import { Testing } from "cdktf";
import { ClusterConfig, EnvironmentConfig, RegistryConfig } from "../../config/environment";
import { ClusterStack } from "../../stacks/cluster-stack";
import { RegistryStack } from "../../stacks/registry-stack";
import type { StackJson } from "./synth-app";

/** A deep partial: override only the leaves a test cares about (arrays are replaced whole). */
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** `base` with `patch` merged in; arrays and primitives in the patch replace the base's. */
export function withOverrides<T>(base: T, patch: DeepPartial<T>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    const current = out[key];
    out[key] =
      value !== null && typeof value === "object" && !Array.isArray(value) && current !== null && typeof current === "object"
        ? withOverrides(current, value as DeepPartial<typeof current>)
        : value;
  }
  return out as T;
}

export const REGISTRY_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr";

/** A cluster stack on its own (registry id given as a literal), synthesized with validations. */
export function synthCluster(env: EnvironmentConfig, cluster: ClusterConfig = env.cluster): StackJson {
  const stack = new ClusterStack(Testing.app(), `${env.name}-cluster`, {
    location: env.location,
    tags: env.tags,
    cluster,
    registryId: REGISTRY_ID,
  });
  return JSON.parse(Testing.synth(stack, true)) as StackJson;
}

/** A registry stack on its own, synthesized with validations. */
export function synthRegistry(env: EnvironmentConfig, registry: RegistryConfig = env.registry): StackJson {
  const stack = new RegistryStack(Testing.app(), `${env.name}-registry`, { location: env.location, tags: env.tags, registry });
  return JSON.parse(Testing.synth(stack, true)) as StackJson;
}

/** The single resource of a type (fails loudly when there are none or several). */
export function only(stack: StackJson, type: string): Record<string, any> {
  const all = Object.values(stack.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** Whole-app synth of a config: the one helper in synth-app.ts, re-exported for platform tests. */
export { synthConfig } from "./synth-app";
