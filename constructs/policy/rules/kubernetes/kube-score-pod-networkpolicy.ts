import { kubernetesRule, podLabelsOf } from "../../kubernetes";

/** Pods accept traffic only from where a NetworkPolicy says. */
export const podNetworkPolicy = kubernetesRule(
  {
    id: "kube-score:pod-networkpolicy",
    alsoKnownAs: ["CKV2_K8S_6", "kube-linter:non-isolated-pod"],
    source: "kube-score",
    level: "warning",
    description: "Pods are selected by a NetworkPolicy",
    fix: "add a NetworkPolicy for the app's pods (the cluster needs a network policy engine)",
    kinds: ["Deployment", "StatefulSet", "DaemonSet", "Pod"],
  },
  (o, { objects }) => {
    const labels = podLabelsOf(o);
    const covered = objects.some(
      (n) =>
        n.kind === "NetworkPolicy" &&
        n.metadata?.namespace === o.metadata?.namespace &&
        Object.entries(n.spec?.podSelector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v),
    );
    return covered ? undefined : `no NetworkPolicy selects ${o.metadata?.name}`;
  },
);
