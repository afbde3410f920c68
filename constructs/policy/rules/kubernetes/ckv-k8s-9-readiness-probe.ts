import { containerRule } from "../../kubernetes";

/** Traffic reaches a pod only once the host is ready. */
export const readinessProbe = containerRule(
  {
    id: "CKV_K8S_9",
    alsoKnownAs: ["kube-linter:no-readiness-probe", "kube-score:pod-probes"],
    source: "checkov",
    level: "error",
    description: "Containers have a readiness probe",
    fix: "add readinessProbe (the Functions host answers / when running)",
  },
  (c) => (c.readinessProbe ? undefined : "no readinessProbe"),
);
