import { kubernetesRule } from "../../kubernetes";

/** Rollouts replace pods gradually and never lower capacity (maxUnavailable 0). */
export const rollingUpdate = kubernetesRule(
  {
    id: "kube-score:deployment-strategy",
    alsoKnownAs: ["kube-linter:no-rolling-update-strategy", "PRJ_MAX_UNAVAILABLE_ZERO"],
    source: "kube-score",
    level: "error",
    description: "Deployments roll out with RollingUpdate and maxUnavailable: 0",
    fix: "set strategy: { type: RollingUpdate, rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } }",
    kinds: ["Deployment"],
  },
  (o) => {
    const strategy = o.spec?.strategy;
    if (strategy?.type !== "RollingUpdate") return `strategy.type is ${strategy?.type ?? "unset"}`;
    const maxUnavailable = strategy.rollingUpdate?.maxUnavailable;
    return maxUnavailable === 0 || maxUnavailable === "0" || maxUnavailable === "0%" ? undefined : `maxUnavailable is ${maxUnavailable ?? "unset (25%)"}`;
  },
);
