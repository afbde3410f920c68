import { kubernetesRule } from "../../kubernetes";

const CLUSTER_SCOPED = ["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass", "PriorityClass"];

/** Apps live in their own namespace, where its policies (Pod Security, quotas) apply. */
export const notDefaultNamespace = kubernetesRule(
  {
    id: "CKV_K8S_21",
    alsoKnownAs: ["kube-linter:use-namespace"],
    source: "checkov",
    level: "error",
    description: "Namespaced objects are not in the default namespace",
    fix: "set metadata.namespace to the app's namespace",
    kinds: "all",
  },
  (o) => {
    if (CLUSTER_SCOPED.includes(o.kind)) return { status: "not-applicable" };
    const ns = o.metadata?.namespace;
    return ns === undefined || ns === "default" ? `${o.kind} ${o.metadata?.name} is in the default namespace` : undefined;
  },
);
