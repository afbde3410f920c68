import { kubernetesRule, podLabelsOf } from "../../kubernetes";

/**
 * Pods accept traffic only from where a NetworkPolicy says, and send it only where one says: kube-score
 * wants both directions covered (one policy or several; no `policyTypes` means Ingress, plus Egress
 * when the policy has egress rules).
 */
export const podNetworkPolicy = kubernetesRule(
  {
    id: "kube-score:pod-networkpolicy",
    alsoKnownAs: ["CKV2_K8S_6", "kube-linter:non-isolated-pod"],
    source: "kube-score",
    level: "warning",
    description: "Pods are selected by NetworkPolicies for both ingress and egress",
    fix: "add a NetworkPolicy for the app's pods (the cluster needs a network policy engine)",
    kinds: ["Deployment", "StatefulSet", "DaemonSet", "Pod"],
  },
  (o, { objects }) => {
    const labels = podLabelsOf(o);
    const selecting = objects.filter(
      (n) =>
        n.kind === "NetworkPolicy" &&
        n.metadata?.namespace === o.metadata?.namespace &&
        Object.entries(n.spec?.podSelector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v),
    );
    if (selecting.length === 0) return `no NetworkPolicy selects ${o.metadata?.name}`;
    const types = new Set(
      selecting.flatMap((n) => {
        const declared: string[] = n.spec?.policyTypes ?? [];
        if (declared.length > 0) return declared;
        return (n.spec?.egress ?? []).length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
      }),
    );
    const missing = ["Ingress", "Egress"].filter((t) => !types.has(t));
    return missing.length === 0 ? undefined : `no NetworkPolicy covers ${missing.join(" or ")} of ${o.metadata?.name}`;
  },
);
