import { podRule } from "../../kubernetes";

/** Pods get no Kubernetes API token they do not need. */
export const noServiceAccountToken = podRule(
  {
    id: "CKV_K8S_38",
    source: "checkov",
    level: "error",
    description: "Pods set automountServiceAccountToken: false",
    fix: "set automountServiceAccountToken: false (workload identity projects its own token)",
  },
  (pod) => (pod.automountServiceAccountToken === false ? undefined : "automountServiceAccountToken is not false"),
);
