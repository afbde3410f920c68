import { podRule } from "../../kubernetes";

const ALLOWED = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

/** Pods mount only volume types that cannot reach into the node. */
export const restrictedVolumes = podRule(
  {
    id: "PSS:restrictedVolumes",
    alsoKnownAs: ["CKV_K8S_27", "kube-linter:docker-sock", "kube-linter:sensitive-host-mounts"],
    source: "pod-security",
    level: "error",
    description: "Pods use only restricted volume types (no hostPath, no docker.sock)",
    fix: `use only ${ALLOWED.join(", ")} volumes`,
  },
  (pod) => {
    const bad = (pod.volumes ?? []).filter((v: any) => !Object.keys(v).filter((k) => k !== "name").every((k) => ALLOWED.includes(k)));
    return bad.length === 0 ? undefined : `volumes ${bad.map((v: any) => v.name).join(", ")} are not allowed`;
  },
);
