import { kubernetesRule } from "../../kubernetes";

/** A Deployment with fewer than 2 pods is down during every node drain. */
export const twoReplicas = kubernetesRule(
  {
    id: "kube-score:deployment-replicas",
    alsoKnownAs: ["kube-linter:minimum-three-replicas"],
    source: "kube-score",
    level: "warning",
    description: "Deployments run at least 2 replicas",
    fix: "set replicas (or the ScaledObject's minReplicaCount) to 2 or more",
    kinds: ["Deployment"],
  },
  (o, { objects }) => {
    const scaler = objects.find(
      (s) => s.kind === "ScaledObject" && s.spec?.scaleTargetRef?.name === o.metadata?.name && s.metadata?.namespace === o.metadata?.namespace,
    );
    const replicas = scaler ? (scaler.spec?.minReplicaCount ?? 0) : (o.spec?.replicas ?? 1);
    return replicas >= 2 ? undefined : `${scaler ? "minReplicaCount" : "replicas"} is ${replicas}`;
  },
);
