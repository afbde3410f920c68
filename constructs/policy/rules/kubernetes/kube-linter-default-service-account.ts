import { podRule } from "../../kubernetes";

/** Each app has its own identity, never the namespace's default ServiceAccount. */
export const ownServiceAccount = podRule(
  {
    id: "kube-linter:default-service-account",
    // Not CKV_K8S_41: that checkov check judges the ServiceAccount named "default", not the pods.
    alsoKnownAs: ["kube-linter:non-existent-service-account"],
    source: "kube-linter",
    level: "error",
    description: "Pods run as their own ServiceAccount, defined in the same stack",
    fix: "create a ServiceAccount and set serviceAccountName",
  },
  (pod, object, { objects }) => {
    const name = pod.serviceAccountName;
    if (name === undefined || name === "default") return "uses the default ServiceAccount";
    const exists = objects.some(
      (o) => o.kind === "ServiceAccount" && o.metadata?.name === name && o.metadata?.namespace === object.metadata?.namespace,
    );
    return exists ? undefined : `ServiceAccount ${name} is not defined`;
  },
);
