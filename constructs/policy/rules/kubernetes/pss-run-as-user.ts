import { containerRule, effective } from "../../kubernetes";

/** Pod Security "restricted" forbids UID 0 explicitly. */
export const runAsUserNotRoot = containerRule(
  {
    id: "PSS:runAsUser",
    source: "pod-security",
    level: "error",
    description: "Containers do not set runAsUser: 0",
    fix: "use a non-zero runAsUser",
  },
  (c, pod) => (effective(c, pod, "runAsUser") === 0 ? "runAsUser is 0" : undefined),
);
