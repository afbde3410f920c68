import { containerRule, effective } from "../../kubernetes";

/** A UID above 10000 cannot collide with a host user's. */
export const highUid = containerRule(
  {
    id: "CKV_K8S_40",
    alsoKnownAs: ["kube-score:container-security-context-user-group-id"],
    source: "checkov",
    level: "warning",
    description: "Containers run with a UID and GID of at least 10000",
    fix: "set runAsUser and runAsGroup >= 10000 (and build the image with that user)",
  },
  (c, pod) => {
    const uid = effective(c, pod, "runAsUser");
    const gid = effective(c, pod, "runAsGroup");
    return typeof uid === "number" && uid >= 10000 && typeof gid === "number" && gid >= 10000
      ? undefined
      : `runAsUser ${uid ?? "unset"}, runAsGroup ${gid ?? "unset"}`;
  },
);
