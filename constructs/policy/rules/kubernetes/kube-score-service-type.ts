import { kubernetesRule } from "../../kubernetes";

/** NodePort opens a port on every node. */
export const noNodePort = kubernetesRule(
  {
    id: "kube-score:service-type",
    source: "kube-score",
    level: "error",
    description: "Services are not of type NodePort",
    fix: "use ClusterIP (or LoadBalancer behind an ingress policy)",
    kinds: ["Service"],
  },
  (s) => (s.spec?.type === "NodePort" ? "type is NodePort" : undefined),
);
