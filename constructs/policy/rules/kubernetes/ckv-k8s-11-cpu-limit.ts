import { containerRule } from "../../kubernetes";

/** A container cannot take more CPU than its limit. */
export const cpuLimit = containerRule(
  {
    id: "CKV_K8S_11",
    alsoKnownAs: ["kube-score:container-resources"],
    source: "checkov",
    level: "warning",
    description: "Containers have a CPU limit",
    fix: "set resources.limits.cpu",
  },
  (c) => (c.resources?.limits?.cpu ? undefined : "no resources.limits.cpu"),
);
