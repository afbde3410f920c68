import { Fn } from "cdktf";
import { KubeloginExec, KubeloginMode, kubeloginExec } from "./kubelogin";

/** A Kubernetes service account, by namespace and name. */
export interface ServiceAccountRef {
  readonly namespace: string;
  readonly name: string;
}

/** The plain values that locate an AKS API server and its identity federation; strings or Terraform tokens. */
export interface ClusterEndpointAttributes {
  /** API server URL, e.g. `https://<dns-prefix>-<hash>.hcp.<region>.azmk8s.io:443`. */
  readonly host: string;
  /** Base64-encoded PEM of the cluster CA, as AKS returns it (`kube_config[0].cluster_ca_certificate`). */
  readonly clusterCaCertificate: string;
  /** Issuer URL that federated identity credentials of the cluster's service accounts trust. */
  readonly oidcIssuerUrl: string;
  /**
   * The service account KEDA's operator runs as: `kube-system/keda-operator` for the AKS add-on,
   * `<chart namespace>/keda-operator` for Helm-installed KEDA.
   * @default { namespace: "kube-system", name: "keda-operator" }
   */
  readonly kedaOperatorServiceAccount?: ServiceAccountRef;
}

/** The `kubernetes` block of the helm provider (and, with `exec` as a list, the kubernetes provider's settings). */
export interface KubeloginConnection {
  readonly host: string;
  /** Decoded PEM (`base64decode` of the endpoint's certificate). */
  readonly clusterCaCertificate: string;
  readonly exec: KubeloginExec;
}

/**
 * How Terraform and workloads reach an AKS cluster: the one shape the add-on and workload stacks
 * consume, whether the cluster is built in the same app (`AksCluster.endpoint`, cdktf turns the
 * tokens into cross-stack references) or elsewhere (`ClusterEndpoint.fromAttributes`).
 */
export interface IClusterEndpoint extends ClusterEndpointAttributes {
  readonly kedaOperatorServiceAccount: ServiceAccountRef;
  /** The kubelogin exec block for `mode` (local accounts are off: every client signs in with Entra ID). */
  kubeloginExec(mode: KubeloginMode): KubeloginExec;
  /** Connection settings for the helm provider's `kubernetes` attribute. */
  helmConnection(mode: KubeloginMode): KubeloginConnection;
  /** Settings for `new KubernetesProvider(...)`: host, decoded CA and the kubelogin exec block. */
  kubernetesProviderConfig(mode: KubeloginMode): Omit<KubeloginConnection, "exec"> & { readonly exec: KubeloginExec[] };
}

/** The KEDA operator's service account when KEDA is the AKS add-on. */
export const KEDA_ADD_ON_OPERATOR: ServiceAccountRef = { namespace: "kube-system", name: "keda-operator" };

/** An {@link IClusterEndpoint} from its attributes. */
export class ClusterEndpoint implements IClusterEndpoint {
  /**
   * An endpoint from values known elsewhere: another stack's attributes (cross-stack tokens), a
   * `DataTerraformRemoteState`'s outputs, a `DataAzurermKubernetesCluster`, or literals.
   */
  static fromAttributes(attributes: ClusterEndpointAttributes): IClusterEndpoint {
    return new ClusterEndpoint(attributes);
  }

  readonly host: string;
  readonly clusterCaCertificate: string;
  readonly oidcIssuerUrl: string;
  readonly kedaOperatorServiceAccount: ServiceAccountRef;

  private constructor(attributes: ClusterEndpointAttributes) {
    this.host = attributes.host;
    this.clusterCaCertificate = attributes.clusterCaCertificate;
    this.oidcIssuerUrl = attributes.oidcIssuerUrl;
    this.kedaOperatorServiceAccount = attributes.kedaOperatorServiceAccount ?? KEDA_ADD_ON_OPERATOR;
  }

  kubeloginExec(mode: KubeloginMode): KubeloginExec {
    return kubeloginExec(mode);
  }

  helmConnection(mode: KubeloginMode): KubeloginConnection {
    return { host: this.host, clusterCaCertificate: Fn.base64decode(this.clusterCaCertificate), exec: kubeloginExec(mode) };
  }

  kubernetesProviderConfig(mode: KubeloginMode) {
    return { host: this.host, clusterCaCertificate: Fn.base64decode(this.clusterCaCertificate), exec: [kubeloginExec(mode)] };
  }
}
