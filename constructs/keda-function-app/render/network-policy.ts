import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { INetworkPolicyEgressRule } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule";
import type { INetworkPolicyPeer } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer";
import { Fn, TerraformIterator, Token } from "cdktf";
import { isToken } from "../../core/tokens";
import { selectorLabels } from "./labels";
import { objectMeta } from "./metadata";
import { FunctionAppSpec, objectNames } from "./spec";

/** Label every namespace carries (Kubernetes >= 1.22): selects a namespace by name. */
const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

/**
 * Ingress of the HTTP pods: only their `http` port, from the allowed peers (plus the KEDA HTTP
 * add-on's namespace when the add-on scales the app: its interceptor proxies every request). Without
 * allowed peers, any pod of the cluster may call it; a LoadBalancer or NodePort Service also admits
 * clients outside the cluster (their traffic arrives from node addresses, which no pod
 * selector matches). Egress: see egressRules.
 */
export function renderHttpNetworkPolicy(spec: FunctionAppSpec): INetworkPolicy | undefined {
  const policy = spec.networkPolicy;
  if (policy === undefined) return undefined;
  // A list token of namespaces restricts too; Terraform turns it into peers (see namespacePeersOf).
  const fromVariable = isToken(policy.allowedNamespaces);
  const namespaces = fromVariable ? [] : [...policy.allowedNamespaces];
  const addOn = spec.http.scaling.mode === "keda-http-add-on" ? spec.http.scaling.namespace : undefined;
  // With the HTTP add-on every request arrives from its interceptor: restricted peers must include it.
  const restricted = fromVariable || namespaces.length > 0 || policy.allowedPods.length > 0;
  if (addOn !== undefined && restricted && !namespaces.includes(addOn)) namespaces.push(addOn);
  const literalPeers: INetworkPolicyPeer[] = [
    ...namespaces.map((namespace) => ({ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } } })),
    ...policy.allowedPods.map((labels) => ({ podSelector: { matchLabels: { ...labels } } })),
  ];
  const peers = fromVariable ? namespacePeersOf(policy.allowedNamespaces, literalPeers) : literalPeers;
  const external = spec.http.serviceType !== "ClusterIP";
  const from = fromVariable || peers.length > 0 ? peers : external ? undefined : [{ namespaceSelector: {} }];
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: objectMeta(spec, objectNames(spec.name).httpDeployment, "http"),
    spec: {
      podSelector: { matchLabels: selectorLabels(spec.name, "http") },
      policyTypes: ["Ingress", "Egress"],
      ingress: [{ ...(from !== undefined ? { from } : {}), ports: [{ protocol: "TCP", port: "http" }] }],
      egress: egressRules(policy.deniedEgressCidrs),
    },
  };
}

/** One namespaceSelector peer per entry of a list token (a Terraform `for`), then the literal peers. */
function namespacePeersOf(namespaces: readonly string[], literalPeers: INetworkPolicyPeer[]): INetworkPolicyPeer[] {
  const fromList = TerraformIterator.fromList(namespaces as string[]).forExpressionForList(
    `{ namespaceSelector = { matchLabels = { "${NAMESPACE_NAME_LABEL}" = val } } }`,
  );
  return Token.asAny(literalPeers.length === 0 ? fromList : Fn.concat([fromList, literalPeers])) as unknown as INetworkPolicyPeer[];
}

/**
 * The worker pods serve nobody: no ingress at all (kubelet probes come from the node, which is
 * always admitted). `Ingress` in `policyTypes` with no `ingress` rules denies every source; an
 * explicit `ingress: []` would mean the same but the API server drops the empty list, and the
 * kubernetes provider then reports an inconsistent result on apply and a diff on every plan.
 */
export function renderWorkerNetworkPolicy(spec: FunctionAppSpec): INetworkPolicy | undefined {
  if (spec.networkPolicy === undefined) return undefined;
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: objectMeta(spec, objectNames(spec.name).workerDeployment, "worker"),
    spec: {
      podSelector: { matchLabels: selectorLabels(spec.name, "worker") },
      policyTypes: ["Ingress", "Egress"],
      egress: egressRules(spec.networkPolicy.deniedEgressCidrs),
    },
  };
}

/**
 * Egress of every app pod: the whole cluster (CoreDNS, KEDA, other services: pods are matched by
 * the namespace selector, since an ipBlock need not match pod addresses) and every address outside
 * it but the denied blocks. Azure endpoints are reached by FQDN and a core NetworkPolicy names only
 * IP blocks, so a finer allow-list cannot be written here; denying IMDS keeps the node's
 * managed-identity tokens away from the pods. An empty `except` is left out, as the API server
 * drops empty lists (the provider would then report a diff on every plan).
 */
function egressRules(denied: readonly string[]): INetworkPolicyEgressRule[] {
  const knownEmpty = !isToken(denied) && denied.length === 0;
  const ipBlock = knownEmpty ? { cidr: "0.0.0.0/0" } : { cidr: "0.0.0.0/0", except: [...denied] };
  return [{ to: [{ namespaceSelector: {} }] }, { to: [{ ipBlock }] }];
}
