import { containerRule } from "../../kubernetes";

/** Identical probes restart pods that are only busy, turning load into an outage. */
export const probesDiffer = containerRule(
  {
    id: "kube-score:pod-probes-identical",
    source: "kube-score",
    level: "error",
    description: "Liveness and readiness probes differ",
    fix: "check readiness on / and liveness on /admin/host/ping",
  },
  (c) =>
    c.livenessProbe && c.readinessProbe && JSON.stringify(c.livenessProbe) === JSON.stringify(c.readinessProbe)
      ? "liveness and readiness probes are identical"
      : undefined,
);
