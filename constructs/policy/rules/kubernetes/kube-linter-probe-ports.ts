import { containerRule } from "../../kubernetes";

/** A probe on an undeclared port fails forever. */
export const probePorts = containerRule(
  {
    id: "kube-linter:liveness-port",
    alsoKnownAs: ["kube-linter:readiness-port", "kube-linter:startup-port"],
    source: "kube-linter",
    level: "error",
    description: "Probes target a port the container declares",
    fix: "point httpGet.port at a name or number in ports[]",
  },
  (c) => {
    const declared = (c.ports ?? []).flatMap((p: any) => [p.name, p.containerPort]);
    const bad = ["livenessProbe", "readinessProbe", "startupProbe"].filter((probe) => {
      const port = c[probe]?.httpGet?.port ?? c[probe]?.tcpSocket?.port;
      return port !== undefined && !declared.includes(port);
    });
    return bad.length === 0 ? undefined : `${bad.join(", ")} target undeclared ports`;
  },
);
