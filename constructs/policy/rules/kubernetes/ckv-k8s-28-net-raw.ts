import { containerRule } from "../../kubernetes";

/** NET_RAW (packet spoofing) is dropped. */
export const dropNetRaw = containerRule(
  {
    id: "CKV_K8S_28",
    alsoKnownAs: ["kube-linter:drop-net-raw-capability"],
    source: "checkov",
    level: "error",
    description: "Containers drop NET_RAW",
    fix: 'set securityContext.capabilities.drop: ["ALL"]',
  },
  (c) => {
    const drop: string[] = c.securityContext?.capabilities?.drop ?? [];
    return drop.includes("ALL") || drop.includes("NET_RAW") ? undefined : "NET_RAW is not dropped";
  },
);
