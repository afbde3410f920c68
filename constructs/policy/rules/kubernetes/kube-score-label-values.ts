import { kubernetesRule } from "../../kubernetes";

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

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
    const bad = Object.entries(all).filter(([, v]) => typeof v !== "string" || v.length > 63 || !LABEL_VALUE.test(v));
    return bad.length === 0 ? undefined : `invalid ${bad.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(", ")}`;
  },
);
