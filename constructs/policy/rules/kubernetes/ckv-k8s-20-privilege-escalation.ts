import { containerRule } from "../../kubernetes";

/** No process can gain more privileges than its parent (explicitly false, as PSS restricted demands). */
export const noPrivilegeEscalation = containerRule(
  {
    id: "CKV_K8S_20",
    alsoKnownAs: ["kube-linter:privilege-escalation-container", "PSS:allowPrivilegeEscalation"],
    source: "checkov",
    level: "error",
    description: "Containers set allowPrivilegeEscalation: false",
    fix: "set securityContext.allowPrivilegeEscalation: false",
  },
  (c) => (c.securityContext?.allowPrivilegeEscalation === false ? undefined : "allowPrivilegeEscalation is not false"),
);
