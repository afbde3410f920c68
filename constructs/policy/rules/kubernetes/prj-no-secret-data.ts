import { kubernetesRule } from "../../kubernetes";

/** Secret values never sit in the Terraform JSON or state: a Secret may only carry references. */
export const noSecretLiterals = kubernetesRule(
  {
    id: "PRJ_NO_SECRET_LITERALS",
    alsoKnownAs: ["secretlint:no-k8s-kind-secret"],
    source: "project",
    level: "error",
    description: "Kubernetes Secrets hold no literal values in the synthesized output",
    fix: "use workload identity, or let Terraform generate the value (a ${...} reference)",
    kinds: ["Secret"],
  },
  (s) => {
    const values = { ...(s.data ?? {}), ...(s.stringData ?? {}) };
    const literal = Object.entries(values).filter(([, v]) => typeof v !== "string" || !/^\$\{.+\}$/.test(v));
    return literal.length === 0 ? undefined : `literal values for ${literal.map(([k]) => k).join(", ")}`;
  },
);
