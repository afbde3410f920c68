import { containerRule } from "../../kubernetes";

/** No pod binds a port on the node. */
export const noHostPort = containerRule(
  {
    id: "CKV_K8S_26",
    alsoKnownAs: ["PSS:hostPorts"],
    source: "checkov",
    level: "error",
    description: "Containers do not use hostPort",
    fix: "remove ports[].hostPort; expose through a Service",
  },
  (c) => ((c.ports ?? []).some((p: any) => p.hostPort !== undefined && p.hostPort !== 0) ? "uses hostPort" : undefined),
);
