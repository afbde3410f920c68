import { containerRule } from "../../kubernetes";

/** No container gets the host's devices and capabilities. */
export const notPrivileged = containerRule(
  {
    id: "CKV_K8S_16",
    alsoKnownAs: ["kube-score:container-security-context-privileged", "kube-linter:privileged-container", "PSS:privileged"],
    source: "checkov",
    level: "error",
    description: "Containers are not privileged",
    fix: "remove securityContext.privileged: true",
  },
  (c) => (c.securityContext?.privileged === true ? "privileged: true" : undefined),
);
