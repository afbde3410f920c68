import { containerRule } from "../../kubernetes";

/** Containers start with no Linux capabilities. */
export const dropAllCapabilities = containerRule(
  {
    id: "CKV_K8S_37",
    alsoKnownAs: ["PSS:capabilities_restricted"],
    source: "checkov",
    level: "error",
    description: "Containers drop ALL capabilities",
    fix: 'set securityContext.capabilities.drop: ["ALL"]',
  },
  (c) => ((c.securityContext?.capabilities?.drop ?? []).includes("ALL") ? undefined : "capabilities.drop lacks ALL"),
);
