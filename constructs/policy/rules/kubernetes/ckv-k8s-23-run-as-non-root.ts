import { containerRule, effective } from "../../kubernetes";

/** The kubelet refuses to start a container as root. */
export const runAsNonRoot = containerRule(
  {
    id: "CKV_K8S_23",
    alsoKnownAs: ["kube-linter:run-as-non-root", "PSS:runAsNonRoot"],
    source: "checkov",
    level: "error",
    description: "Containers run with runAsNonRoot: true",
    fix: "set securityContext.runAsNonRoot: true on the pod or the container",
  },
  (c, pod) => (effective(c, pod, "runAsNonRoot") === true ? undefined : "runAsNonRoot is not true"),
);
