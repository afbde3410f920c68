import { kubernetesRule, matchesSelector, podLabelsOf } from "../../kubernetes";

/** A Deployment's selector matches its own pods. */
export const selectorMatchesTemplate = kubernetesRule(
  {
    id: "kube-score:deployment-pod-selector-labels-match-template-metadata-labels",
    alsoKnownAs: ["kube-linter:mismatching-selector"],
    source: "kube-score",
    level: "error",
    description: "Deployment selectors match the pod template labels",
    fix: "put every spec.selector.matchLabels entry into spec.template.metadata.labels",
    kinds: ["Deployment", "StatefulSet", "DaemonSet"],
  },
  (o) => (matchesSelector(o.spec?.selector?.matchLabels, podLabelsOf(o)) ? undefined : "selector does not match the template labels"),
);
