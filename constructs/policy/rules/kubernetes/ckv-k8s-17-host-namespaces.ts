import { podRule } from "../../kubernetes";

/** Pods share no namespace with the node. */
export const hostNamespaces = podRule(
  {
    id: "CKV_K8S_17",
    alsoKnownAs: ["CKV_K8S_18", "CKV_K8S_19", "kube-linter:host-pid", "kube-linter:host-ipc", "kube-linter:host-network", "PSS:hostNamespaces"],
    source: "checkov",
    level: "error",
    description: "Pods do not use the host PID, IPC or network namespace",
    fix: "remove hostPID, hostIPC and hostNetwork",
  },
  (pod) => {
    const shared = ["hostPID", "hostIPC", "hostNetwork"].filter((f) => pod[f] === true);
    return shared.length === 0 ? undefined : `${shared.join(", ")} set`;
  },
);
