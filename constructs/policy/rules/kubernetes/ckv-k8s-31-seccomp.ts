import { containerRule } from "../../kubernetes";

/** System calls are filtered by the runtime's default seccomp profile. */
export const seccompProfile = containerRule(
  {
    id: "CKV_K8S_31",
    // Not kube-score's container-seccomp-profile: it accepts any profile, Unconfined included.
    alsoKnownAs: ["PSS:seccompProfile_restricted"],
    source: "checkov",
    level: "error",
    description: "Pods use the RuntimeDefault or a Localhost seccomp profile",
    fix: "set securityContext.seccompProfile.type: RuntimeDefault on the pod",
  },
  (c, pod) => {
    const type = c.securityContext?.seccompProfile?.type ?? pod.securityContext?.seccompProfile?.type;
    return type === "RuntimeDefault" || type === "Localhost" ? undefined : `seccompProfile is ${type ?? "unset"}`;
  },
);
