import { containerRule } from "../../kubernetes";

/** A leaking container is killed before it starves its node. */
export const memoryLimit = containerRule(
  {
    id: "CKV_K8S_13",
    alsoKnownAs: ["kube-linter:unset-memory-requirements"],
    source: "checkov",
    level: "error",
    description: "Containers have a memory limit",
    fix: "set resources.limits.memory",
  },
  (c) => (c.resources?.limits?.memory ? undefined : "no resources.limits.memory"),
);
