import { kubernetesRule, matchesSelector, podLabelsOf, podSpecOf, containersOf } from "../../kubernetes";

/** Every Service selects pods in the same stack, on a port they declare. */
export const serviceTargetsPod = kubernetesRule(
  {
    id: "kube-score:service-targets-pod",
    alsoKnownAs: ["kube-linter:dangling-service", "kube-linter:invalid-target-ports"],
    source: "kube-score",
    level: "error",
    description: "Services select pods and target a declared container port",
    fix: "make the selector match the pod labels and targetPort name a port in ports[]",
    kinds: ["Service"],
  },
  (s, { objects }) => {
    const pods = objects.filter(
      (o) => podSpecOf(o) && o.metadata?.namespace === s.metadata?.namespace && matchesSelector(s.spec?.selector, podLabelsOf(o)),
    );
    if (pods.length === 0) return "selects no pods";
    const declared = pods.flatMap((o) => containersOf(podSpecOf(o)!).flatMap((c) => (c.ports ?? []).flatMap((p: any) => [p.name, p.containerPort])));
    const bad = (s.spec?.ports ?? []).filter((p: any) => !declared.includes(p.targetPort ?? p.port));
    return bad.length === 0 ? undefined : `targetPort ${bad.map((p: any) => p.targetPort ?? p.port).join(", ")} is not declared by the pods`;
  },
);
