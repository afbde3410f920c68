import { containerRule } from "../../kubernetes";

/** No literal secret sits in a variable named like one. */
export const noLiteralSecretEnv = containerRule(
  {
    id: "kube-linter:env-var-secret",
    source: "kube-linter",
    level: "error",
    description: "No environment variable named *secret*, *password*, *key* or *token* has a literal value",
    fix: "reference a Secret or, better, use workload identity",
  },
  (c) => {
    const bad = (c.env ?? []).filter(
      (e: any) => /secret|password|passwd|token|connectionstring|accountkey/i.test(e.name) && typeof e.value === "string" && e.value !== "",
    );
    return bad.length === 0 ? undefined : `literal value in ${bad.map((e: any) => e.name).join(", ")}`;
  },
);
