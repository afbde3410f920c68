import { kubernetesRule } from "../../kubernetes";

/** KEDA, not Terraform, owns the replica count: a `replicas` value would reset scale on every apply. */
export const hpaOwnsReplicas = kubernetesRule(
  {
    id: "kube-score:deployment-targeted-by-hpa-does-not-have-replicas-configured",
    source: "kube-score",
    level: "error",
    description: "Deployments scaled by a ScaledObject or HPA do not set spec.replicas",
    fix: "remove spec.replicas from the scaled Deployment",
    kinds: ["Deployment"],
  },
  (o, { objects }) => {
    const scaled = objects.some(
      (s) =>
        (s.kind === "ScaledObject" || s.kind === "HorizontalPodAutoscaler") &&
        s.spec?.scaleTargetRef?.name === o.metadata?.name &&
        s.metadata?.namespace === o.metadata?.namespace,
    );
    if (!scaled) return { status: "not-applicable" };
    return o.spec?.replicas === undefined ? undefined : `replicas is ${o.spec.replicas}`;
  },
);
