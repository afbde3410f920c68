import { containerRule } from "../../kubernetes";

/** The scheduler knows how much memory a pod needs. */
export const memoryRequest = containerRule(
  {
    id: "CKV_K8S_12",
    source: "checkov",
    level: "error",
    description: "Containers request memory",
    fix: "set resources.requests.memory",
  },
  (c) => (c.resources?.requests?.memory ? undefined : "no resources.requests.memory"),
);
