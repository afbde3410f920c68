import { containerRule } from "../../kubernetes";

/** A duplicate variable silently shadows the first. */
export const noDuplicateEnv = containerRule(
  {
    id: "kube-score:environment-variable-key-duplication",
    alsoKnownAs: ["kube-linter:duplicate-env-var"],
    source: "kube-score",
    level: "error",
    description: "Containers define each environment variable once",
    fix: "remove the duplicate env entry",
  },
  (c) => {
    const names: string[] = (c.env ?? []).map((e: any) => e.name);
    const dup = names.filter((n, i) => names.indexOf(n) !== i);
    return dup.length === 0 ? undefined : `duplicate ${[...new Set(dup)].join(", ")}`;
  },
);
