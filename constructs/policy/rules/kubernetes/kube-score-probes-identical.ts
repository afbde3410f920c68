import { containerRule } from "../../kubernetes";

/**
 * What kube-score calls identical: the same HTTP path and port, the same TCP port, or the same exec
 * command. Timings do not count: a liveness probe on the readiness endpoint with a longer period still
 * restarts pods that are only busy.
 */
function sameTarget(a: Record<string, any>, b: Record<string, any>): boolean {
  if (a.httpGet && b.httpGet) return a.httpGet.path === b.httpGet.path && a.httpGet.port === b.httpGet.port;
  if (a.tcpSocket && b.tcpSocket) return a.tcpSocket.port === b.tcpSocket.port;
  if (a.exec && b.exec) return JSON.stringify(a.exec.command ?? []) === JSON.stringify(b.exec.command ?? []);
  return false;
}

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
    c.livenessProbe && c.readinessProbe && sameTarget(c.livenessProbe, c.readinessProbe)
      ? "liveness and readiness probes check the same endpoint"
      : undefined,
);
