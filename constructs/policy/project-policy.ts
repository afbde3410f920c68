import { IConstruct } from "constructs";
import { Aspects } from "cdktf";
import { ALL_RULES } from "./all-rules";
import { PolicySuppression } from "./evaluate";
import { PolicyPack } from "./policy-pack";

/**
 * Where this project deliberately differs from a third-party check, and why. Kept short
 * on purpose (a test holds it to at most 5 entries): every entry is a risk someone accepted.
 * Risks only one environment accepts (e.g. dev's Free tier) are data in that environment's config
 * (`cluster.policyExceptions`, `registry.policyExceptions`), scoped to the resource they concern.
 */
export const PROJECT_EXCEPTIONS: readonly PolicySuppression[] = [
  {
    id: "CKV_K8S_11",
    reason:
      "No CPU limit: CFS throttling slows the Functions host's cold start and queue bursts; the CPU request reserves a fair share (kube-score's --ignore-container-cpu-limit). Memory stays limited.",
  },
  {
    id: "kube-score:deployment-replicas",
    reason:
      "The queue worker scales to zero by design (KEDA minReplicaCount 0 in dev) and dev runs one HTTP replica to stay cheap; prod config raises both.",
  },
  {
    id: "kube-score:container-image-pull-policy",
    reason:
      "Images are pinned by digest, so IfNotPresent can never run a stale image and saves a registry round trip per pod start (CKV_K8S_15 passes on the digest).",
  },
  {
    id: "CKV_K8S_38",
    reason:
      "The HTTP Deployment's host reads and writes its function keys Secret through the Kubernetes API (AzureWebJobsSecretStorageType=kubernetes), so it needs its ServiceAccount token; a Role limited by resourceNames keeps it to that one Secret.",
  },
  {
    id: "kube-linter:env-var-secret",
    reason:
      "AzureWebJobsSecretStorageType and AzureWebJobsKubernetesSecretName hold a storage mode and a Secret's name, not secret values; kube-linter matches the variable name only.",
  },
];

/** The rules every stack of this project is synthesized with; library users can apply it too. */
export class ProjectPolicy extends PolicyPack {
  constructor() {
    super({ rules: ALL_RULES, suppressions: PROJECT_EXCEPTIONS });
  }
}

/** Adds one shared `ProjectPolicy` to each of `stacks`. */
export function applyProjectPolicy(stacks: readonly IConstruct[]): ProjectPolicy {
  const policy = new ProjectPolicy();
  for (const stack of stacks) Aspects.of(stack).add(policy);
  return policy;
}
