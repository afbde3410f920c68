import { kubernetesRule } from "../../kubernetes";

/** KEDA reads Azure metrics with a federated identity: no connection string a rotation can break. */
export const kedaWorkloadIdentity = kubernetesRule(
  {
    id: "PRJ_KEDA_WORKLOAD_IDENTITY",
    source: "project",
    level: "error",
    description: "Azure KEDA triggers authenticate with workload identity, not connection strings",
    fix: "give azure-* triggers an authenticationRef to a TriggerAuthentication with podIdentity.provider azure-workload",
    kinds: ["ScaledObject", "ScaledJob"],
  },
  (s, { objects }) => {
    const bad = (s.spec?.triggers ?? [])
      .filter((t: any) => String(t.type).startsWith("azure-"))
      .filter((t: any) => {
        if (t.metadata?.connection || t.metadata?.connectionFromEnv) return true;
        const auth = objects.find((o) => o.kind === "TriggerAuthentication" && o.metadata?.name === t.authenticationRef?.name);
        return auth?.spec?.podIdentity?.provider !== "azure-workload";
      });
    return bad.length === 0 ? undefined : `triggers ${bad.map((t: any) => t.name ?? t.type).join(", ")} do not use azure-workload`;
  },
);
