import { containerRule } from "../../kubernetes";

/** Images name an explicit version: never `latest`, never untagged. */
export const imageTag = containerRule(
  {
    id: "CKV_K8S_14",
    alsoKnownAs: ["kube-score:container-image-tag", "kube-linter:latest-tag"],
    source: "checkov",
    level: "error",
    description: "Container images have an explicit tag or digest other than latest",
    fix: "use a content-hash tag or a digest (repo@sha256:...)",
  },
  (c) => {
    const image = String(c.image ?? "");
    if (image.includes("@")) return undefined;
    const lastSegment = image.slice(image.lastIndexOf("/") + 1);
    const tag = lastSegment.includes(":") ? lastSegment.slice(lastSegment.indexOf(":") + 1) : "";
    return tag === "" || tag === "latest" ? `image ${JSON.stringify(image)} has no version` : undefined;
  },
);
