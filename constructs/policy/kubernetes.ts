import {
  NOT_APPLICABLE,
  PolicyRule,
  PolicyRuleHeader,
  RuleOutcome,
  StackDocument,
  StackResource,
  toOutcome,
} from "./policy-rule";

/** A Kubernetes object as it appears in a `kubernetes_manifest` resource's `manifest`. */
export type KubeObject = Record<string, any>;

/** Kinds whose objects carry a pod template at `spec.template.spec`. */
const POD_CONTROLLERS = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"];

/** Every Kubernetes object a stack applies through `kubernetes_manifest`. */
export function kubernetesObjects(stack: StackDocument): KubeObject[] {
  return Object.values(stack.resource?.["kubernetes_manifest"] ?? {})
    .map((r) => r.manifest as KubeObject | undefined)
    .filter((m): m is KubeObject => typeof m === "object" && m !== null);
}

/** The pod spec of a Pod or a pod controller; undefined for other kinds. */
export function podSpecOf(object: KubeObject): Record<string, any> | undefined {
  if (object.kind === "Pod") return object.spec;
  if (POD_CONTROLLERS.includes(object.kind)) return object.spec?.template?.spec;
  return undefined;
}

/** The pod template labels of a pod controller (a Pod's own labels). */
export function podLabelsOf(object: KubeObject): Record<string, string> {
  if (object.kind === "Pod") return object.metadata?.labels ?? {};
  return object.spec?.template?.metadata?.labels ?? {};
}

/** All containers of a pod spec, init containers included. */
export function containersOf(pod: Record<string, any>): Record<string, any>[] {
  return [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
}

/** True when a non-empty label selector selects `labels` (every key/value pair is present). */
export function matchesSelector(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  if (selector === undefined || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Context a Kubernetes rule sees: the object and every other object of the same stack. */
export interface KubeContext {
  /** Every Kubernetes object of the stack, the checked one included. */
  readonly objects: readonly KubeObject[];
}

/**
 * A rule over Kubernetes objects of the given kinds, applied through `kubernetes_manifest`.
 * `check` returns a finding, or undefined when the object complies.
 */
export function kubernetesRule(
  header: PolicyRuleHeader & { readonly kinds: readonly string[] | "all" },
  check: (object: KubeObject, context: KubeContext) => string | undefined | RuleOutcome,
): PolicyRule {
  const { kinds, ...rest } = header;
  return {
    ...rest,
    appliesTo: { kinds },
    evaluate(resource: StackResource, stack: StackDocument): RuleOutcome {
      if (resource.type !== "kubernetes_manifest") return NOT_APPLICABLE;
      const object = resource.config.manifest as KubeObject | undefined;
      if (object === undefined || (kinds !== "all" && !kinds.includes(object.kind))) return NOT_APPLICABLE;
      return toOutcome(check(object, { objects: kubernetesObjects(stack) }));
    },
  };
}

/**
 * A rule over the containers of every pod the stack runs: `check` returns a finding for
 * one container (with its pod spec), or undefined.
 */
export function containerRule(
  header: PolicyRuleHeader,
  check: (container: Record<string, any>, pod: Record<string, any>) => string | undefined,
): PolicyRule {
  return kubernetesRule({ ...header, kinds: ["Pod", ...POD_CONTROLLERS] }, (object) => {
    const pod = podSpecOf(object);
    if (pod === undefined) return NOT_APPLICABLE;
    const findings = containersOf(pod)
      .map((c) => {
        const finding = check(c, pod);
        return finding === undefined ? undefined : `container "${c.name}": ${finding}`;
      })
      .filter((f): f is string => f !== undefined);
    return findings.length === 0 ? undefined : findings.join("; ");
  });
}

/** A pod-level rule: `check` sees the pod spec of a Pod or pod controller. */
export function podRule(
  header: PolicyRuleHeader,
  check: (pod: Record<string, any>, object: KubeObject, context: KubeContext) => string | undefined | RuleOutcome,
): PolicyRule {
  return kubernetesRule({ ...header, kinds: ["Pod", ...POD_CONTROLLERS] }, (object, context) => {
    const pod = podSpecOf(object);
    return pod === undefined ? NOT_APPLICABLE : check(pod, object, context);
  });
}

/** A container's effective security-context field: the container's value, else the pod's. */
export function effective(container: Record<string, any>, pod: Record<string, any>, field: string): unknown {
  return container.securityContext?.[field] ?? pod.securityContext?.[field];
}
