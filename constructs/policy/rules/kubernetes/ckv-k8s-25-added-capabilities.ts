import { containerRule } from "../../kubernetes";

/** Containers add no capability beyond NET_BIND_SERVICE (the only one PSS restricted allows). */
export const noAddedCapabilities = containerRule(
  {
    id: "CKV_K8S_25",
    alsoKnownAs: ["CKV_K8S_39"],
    source: "checkov",
    level: "error",
    description: "Containers add no capabilities other than NET_BIND_SERVICE",
    fix: "remove securityContext.capabilities.add",
  },
  (c) => {
    const added = (c.securityContext?.capabilities?.add ?? []).filter((cap: string) => cap !== "NET_BIND_SERVICE");
    return added.length === 0 ? undefined : `adds ${added.join(", ")}`;
  },
);
