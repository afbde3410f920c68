import { containerRule } from "../../kubernetes";

/** Secrets are not handed over as environment variables (they leak into logs and dumps). */
export const noSecretsInEnv = containerRule(
  {
    id: "CKV_K8S_35",
    alsoKnownAs: ["kube-linter:read-secret-from-env-var"],
    source: "checkov",
    level: "error",
    description: "Containers do not read Secrets into environment variables",
    fix: "use workload identity (AzureWebJobsStorage__accountName) or mount the Secret as a file",
  },
  (c) => {
    const fromKey = (c.env ?? []).filter((e: any) => e.valueFrom?.secretKeyRef).map((e: any) => e.name);
    const fromSecret = (c.envFrom ?? []).filter((e: any) => e.secretRef).map((e: any) => e.secretRef.name);
    const all = [...fromKey.map((n: string) => `env ${n}`), ...fromSecret.map((n: string) => `envFrom secret ${n}`)];
    return all.length === 0 ? undefined : `reads ${all.join(", ")}`;
  },
);
