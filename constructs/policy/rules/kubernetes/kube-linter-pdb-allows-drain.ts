import { kubernetesRule } from "../../kubernetes";

/** A PDB that always forbids eviction blocks node drains and cluster upgrades forever. */
export const pdbAllowsDrain = kubernetesRule(
  {
    id: "kube-linter:pdb-max-unavailable",
    alsoKnownAs: ["kube-linter:pdb-min-available", "kube-score:poddisruptionbudget-has-policy", "kube-linter:pdb-unhealthy-pod-eviction-policy"],
    source: "kube-linter",
    level: "error",
    description: "PodDisruptionBudgets allow at least one eviction and evict unhealthy pods",
    fix: "use maxUnavailable: 1 (not minAvailable or 0) and unhealthyPodEvictionPolicy: AlwaysAllow",
    kinds: ["PodDisruptionBudget"],
  },
  (p) => {
    const { maxUnavailable, minAvailable, unhealthyPodEvictionPolicy } = p.spec ?? {};
    if (maxUnavailable === undefined && minAvailable === undefined) return "neither maxUnavailable nor minAvailable is set";
    if (maxUnavailable !== undefined && (maxUnavailable === 0 || maxUnavailable === "0%")) return "maxUnavailable is 0";
    if (minAvailable !== undefined) return `minAvailable ${minAvailable} blocks drains when replicas drop to that number`;
    if (unhealthyPodEvictionPolicy === undefined) return "unhealthyPodEvictionPolicy is not set";
    return undefined;
  },
);
