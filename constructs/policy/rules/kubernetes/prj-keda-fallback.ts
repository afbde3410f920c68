import { kubernetesRule } from "../../kubernetes";

/** When the scaler cannot read its metric, KEDA holds a known replica count instead of freezing or dropping to zero. */
export const kedaFallback = kubernetesRule(
  {
    id: "PRJ_KEDA_FALLBACK",
    source: "project",
    level: "warning",
    description: "ScaledObjects have a fallback within minReplicaCount..maxReplicaCount",
    fix: "set spec.fallback: { failureThreshold: 3, replicas: N } with min <= N <= max",
    kinds: ["ScaledObject"],
  },
  (s) => {
    const fallback = s.spec?.fallback;
    if (fallback === undefined) return "no fallback";
    const min = s.spec?.minReplicaCount ?? 0;
    const max = s.spec?.maxReplicaCount ?? 100;
    if (!(fallback.failureThreshold >= 1)) return `fallback.failureThreshold is ${fallback.failureThreshold}`;
    return fallback.replicas >= Math.max(min, 1) && fallback.replicas <= max ? undefined : `fallback.replicas ${fallback.replicas} outside ${min}..${max}`;
  },
);
