import { podRule } from "../../kubernetes";

/** Replicas spread over nodes, so one node failure does not take them all. */
export const spreadReplicas = podRule(
  {
    id: "kube-score:deployment-has-host-podantiaffinity",
    alsoKnownAs: ["kube-linter:no-anti-affinity", "kube-score:pod-topology-spread-constraints"],
    source: "kube-score",
    level: "warning",
    description: "Pods spread over nodes with anti-affinity or topology spread constraints",
    fix: "add topologySpreadConstraints on kubernetes.io/hostname (whenUnsatisfiable: ScheduleAnyway)",
  },
  (pod) =>
    (pod.topologySpreadConstraints ?? []).length > 0 || pod.affinity?.podAntiAffinity ? undefined : "no anti-affinity or topology spread",
);
