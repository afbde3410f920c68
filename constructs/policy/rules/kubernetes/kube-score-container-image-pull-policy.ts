import { containerRule } from "../../kubernetes";

/** kube-score wants `Always` even for digest-pinned images. */
export const imagePullPolicyAlways = containerRule(
  {
    id: "kube-score:container-image-pull-policy",
    source: "kube-score",
    level: "warning",
    description: "Containers set imagePullPolicy: Always",
    fix: "set imagePullPolicy: Always",
  },
  (c) => (c.imagePullPolicy === "Always" ? undefined : `imagePullPolicy is ${c.imagePullPolicy ?? "unset"}`),
);
