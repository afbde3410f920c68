import { kubernetesRule, matchesSelector, podLabelsOf } from "../../kubernetes";

/** Voluntary disruptions (drains, upgrades) leave some pods running. */
export const hasPodDisruptionBudget = kubernetesRule(
  {
    id: "kube-score:deployment-has-poddisruptionbudget",
    source: "kube-score",
    level: "warning",
    description: "Deployments are selected by a PodDisruptionBudget",
    fix: "add a PodDisruptionBudget with maxUnavailable: 1 selecting the pods",
    kinds: ["Deployment"],
  },
  (o, { objects }) => {
    const labels = podLabelsOf(o);
    const covered = objects.some(
      (p) => p.kind === "PodDisruptionBudget" && p.metadata?.namespace === o.metadata?.namespace && matchesSelector(p.spec?.selector?.matchLabels, labels),
    );
    return covered ? undefined : `no PodDisruptionBudget selects ${o.metadata?.name}`;
  },
);
