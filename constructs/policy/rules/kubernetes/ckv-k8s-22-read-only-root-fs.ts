import { containerRule } from "../../kubernetes";

/** An attacker cannot change the container's files. */
export const readOnlyRootFilesystem = containerRule(
  {
    id: "CKV_K8S_22",
    alsoKnownAs: ["kube-score:container-security-context-readonlyrootfilesystem", "kube-linter:no-read-only-root-fs"],
    source: "checkov",
    level: "warning",
    description: "Containers have a read-only root file system",
    fix: "set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the host writes (/tmp)",
  },
  (c) => (c.securityContext?.readOnlyRootFilesystem === true ? undefined : "readOnlyRootFilesystem is not true"),
);
