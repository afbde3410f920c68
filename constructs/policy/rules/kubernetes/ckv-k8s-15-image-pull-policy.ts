import { containerRule } from "../../kubernetes";

/** A node never runs a stale copy of a moved tag: pull Always, unless the image is digest-pinned. */
export const imagePullPolicy = containerRule(
  {
    id: "CKV_K8S_15",
    source: "checkov",
    level: "error",
    description: "Container images are pulled Always unless pinned by digest",
    fix: "pin the image by digest, or set imagePullPolicy: Always",
  },
  (c) => (String(c.image ?? "").includes("@") || c.imagePullPolicy === "Always" ? undefined : `imagePullPolicy ${c.imagePullPolicy ?? "unset"} on a tag`),
);
