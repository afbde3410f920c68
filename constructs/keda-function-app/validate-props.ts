import { Rule } from "../core/validation";
import { checkDnsLabel } from "../core/kubernetes-names";
import { KedaFunctionAppProps } from "./props";

/** Longest base name whose derived object names (`<name>-http`, HPA `keda-hpa-<name>`) stay valid. */
export const MAX_APP_NAME_LENGTH = 45;

const SERVICE_TYPES = ["ClusterIP", "LoadBalancer", "NodePort"];

type Defaulted = Required<Pick<
  KedaFunctionAppProps,
  "name" | "namespace" | "minReplicas" | "maxReplicas" | "pollingInterval" | "cooldownPeriod" | "httpReplicas" | "serviceType" | "functions"
>>;

function integer(property: keyof Defaulted, min: number, fix: string): Rule<Defaulted> {
  return (p) => {
    const value = p[property] as number;
    return Number.isInteger(value) && value >= min
      ? undefined
      : { property, value, rule: `must be a whole number >= ${min}`, fix };
  };
}

/** Every rule the construct's props must meet; all failures are reported together. */
export const kedaFunctionAppRules: ReadonlyArray<Rule<Defaulted>> = [
  (p) => checkDnsLabel("name", p.name, MAX_APP_NAME_LENGTH),
  (p) => checkDnsLabel("namespace", p.namespace),
  integer("minReplicas", 0, "use 0 to scale to zero, or a positive whole number"),
  integer("maxReplicas", 1, "allow at least 1 replica"),
  integer("pollingInterval", 1, "poll at most once a second (pollingInterval >= 1)"),
  integer("cooldownPeriod", 0, "use 0 or more seconds"),
  integer("httpReplicas", 0, "use 0 or more replicas"),
  (p) =>
    p.minReplicas <= p.maxReplicas
      ? undefined
      : {
          property: "minReplicas",
          value: p.minReplicas,
          rule: `must not exceed maxReplicas (${p.maxReplicas})`,
          fix: "lower minReplicas or raise maxReplicas",
        },
  (p) =>
    SERVICE_TYPES.includes(p.serviceType)
      ? undefined
      : { property: "serviceType", value: p.serviceType, rule: `must be one of ${SERVICE_TYPES.join(", ")}`, fix: "pick one of those" },
  (p) =>
    p.functions.length > 0
      ? undefined
      : {
          property: "functions",
          value: [],
          rule: "must list at least one function",
          fix: "pass the functions from the app's functions.manifest.json",
        },
  (p) => {
    const names = p.functions.map((f) => f.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    return duplicate === undefined
      ? undefined
      : { property: "functions", value: duplicate, rule: "function names must be unique", fix: "remove the duplicate entry" };
  },
];
