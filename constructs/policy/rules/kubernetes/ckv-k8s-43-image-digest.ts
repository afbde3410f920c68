import { containerRule } from "../../kubernetes";

/** The kubelet runs exactly the bytes that were pushed and scanned. */
export const imageDigest = containerRule(
  {
    id: "CKV_K8S_43",
    source: "checkov",
    level: "error",
    description: "Container images are pinned by digest",
    fix: "reference the image as repo:tag@sha256:<digest>",
  },
  (c) => (String(c.image ?? "").includes("@") ? undefined : `image ${JSON.stringify(c.image)} has no digest`),
);
