import { containerRule } from "../../kubernetes";

/** The kubelet restarts a hung host. */
export const livenessProbe = containerRule(
  {
    id: "CKV_K8S_8",
    alsoKnownAs: ["kube-linter:no-liveness-probe"],
    source: "checkov",
    level: "error",
    description: "Containers have a liveness probe",
    fix: "add livenessProbe (the Functions host answers /admin/host/ping)",
  },
  (c) => (c.livenessProbe ? undefined : "no livenessProbe"),
);
