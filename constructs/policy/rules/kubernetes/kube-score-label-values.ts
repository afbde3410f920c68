import { checkLabelValue } from "../../../core/kubernetes-names";
import { kubernetesRule } from "../../kubernetes";

/** The API server rejects invalid label values at apply; catch them at synth. */
export const labelValues = kubernetesRule(
  {
    id: "kube-score:label-values",
    source: "kube-score",
    level: "error",
    description: "Label values are valid (≤ 63 characters, alphanumeric at both ends)",
    fix: "shorten the value and keep to letters, digits, '-', '_' and '.'",
    kinds: "all",
  },
  (o) => {
    const all = { ...(o.metadata?.labels ?? {}), ...(o.spec?.template?.metadata?.labels ?? {}) };
    const bad = Object.entries(all).filter(([k, v]) => checkLabelValue(k, v as string) !== undefined);
    return bad.length === 0 ? undefined : `invalid ${bad.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(", ")}`;
  },
);
