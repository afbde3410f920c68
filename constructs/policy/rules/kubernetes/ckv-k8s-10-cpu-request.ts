import { containerRule } from "../../kubernetes";

/** The scheduler knows how much CPU a pod needs. */
export const cpuRequest = containerRule(
  {
    id: "CKV_K8S_10",
    alsoKnownAs: ["kube-linter:unset-cpu-requirements"],
    source: "checkov",
    level: "error",
    description: "Containers request CPU",
    fix: "set resources.requests.cpu",
  },
  (c) => (c.resources?.requests?.cpu ? undefined : "no resources.requests.cpu"),
);
