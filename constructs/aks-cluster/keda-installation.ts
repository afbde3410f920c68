import { Construct } from "constructs";
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { FederatedIdentityCredential } from "@cdktf/provider-azurerm/lib/federated-identity-credential";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { Release } from "@cdktf/provider-helm/lib/release";
import { Fn } from "cdktf";
import { validate } from "../core/validation";
import { ClusterAccessGate } from "./cluster-access-gate";
import { IClusterEndpoint, ServiceAccountRef } from "./cluster-endpoint";
import { ResolvedKedaSettings, resolveKedaSettings } from "./defaults";
import { KubeloginMode } from "./kubelogin";
import { KedaSettings } from "./settings";
import { kedaInstallationRules } from "./validation";

/** Chart repository of KEDA and its HTTP add-on. */
export const KEDACORE_CHARTS = "https://kedacore.github.io/charts";

/** Props of {@link KedaInstallation}. */
export interface KedaInstallationProps {
  /** The cluster to install into (`AksCluster.endpoint`, or `ClusterEndpoint.fromAttributes`). */
  readonly endpoint: IClusterEndpoint;
  /**
   * What to install: the same `keda` settings the cluster was given. `helm.enabled` installs the
   * `kedacore/keda` chart (then the cluster's `keda.addOn` must be off), `httpAddOn.enabled` the
   * HTTP add-on. @default the cluster defaults: the AKS add-on, no chart, which leave nothing to install
   */
  readonly keda?: KedaSettings;
  /** Resource group of the KEDA operator's managed identity (the cluster's). */
  readonly resourceGroupName: string;
  /** Region of the KEDA operator's managed identity. */
  readonly location: string;
  /** How the access gate signs in (the helm provider's mode). @default "azurecli" */
  readonly kubeloginMode?: KubeloginMode;
  /** Tags of the operator's identity. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * KEDA from its Helm chart (with the operator's workload identity federated to the cluster's OIDC
 * issuer, the default identity of `azure-workload` auth) and the KEDA HTTP add-on, both waiting for
 * the deployer's cluster access first. The stack needs a helm provider for the cluster:
 * `new HelmProvider(stack, "helm", { kubernetes: endpoint.helmConnection(mode) })`. Put it in a
 * later stack than the cluster: the provider's credentials must not come from a resource of the same
 * configuration, and the workload's ScaledObjects need KEDA's CRDs at plan time.
 */
export class KedaInstallation extends Construct {
  /** The settings installed, with every default filled in. */
  readonly settings: ResolvedKedaSettings;
  /** Depend on this before applying objects to the cluster: the deployer's access was confirmed. */
  readonly accessGate: ClusterAccessGate;
  /** Client id of the KEDA operator's identity (Helm KEDA only): the default identity of `azure-workload` auth. */
  readonly kedaOperatorClientId?: string;
  /** The KEDA operator's service account (Helm KEDA only). */
  readonly kedaOperatorServiceAccount?: ServiceAccountRef;
  /** In-cluster address of the HTTP add-on's interceptor (port 8080), when the add-on is installed. */
  readonly httpInterceptorService?: string;

  constructor(scope: Construct, id: string, props: KedaInstallationProps) {
    super(scope, id);
    const keda = resolveKedaSettings(props.keda);
    validate(this, "KedaInstallation", { keda }, kedaInstallationRules);
    this.settings = keda;
    const mode = props.kubeloginMode ?? "azurecli";
    // Azure RBAC needs minutes to grant the cluster's role assignment: the releases wait for it.
    this.accessGate = new ClusterAccessGate(this, "cluster-access", {
      host: props.endpoint.host,
      clusterCaCertificate: props.endpoint.clusterCaCertificate,
      credentialCommand: props.endpoint.kubeloginExec(mode),
      deployerObjectId: new DataAzurermClientConfig(this, "client").objectId,
    });
    const namespace = keda.helm.namespace;

    let kedaRelease: Release | undefined;
    if (keda.helm.enabled) {
      this.kedaOperatorServiceAccount = { namespace, name: "keda-operator" };
      const identity = new UserAssignedIdentity(this, "keda-operator-identity", {
        name: "id-keda-operator",
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        tags: { ...(props.tags ?? {}) },
      });
      new FederatedIdentityCredential(this, "keda-operator-federation", {
        name: "keda-operator",
        resourceGroupName: props.resourceGroupName,
        parentId: identity.id,
        issuer: props.endpoint.oidcIssuerUrl,
        subject: `system:serviceaccount:${namespace}:keda-operator`,
        audience: ["api://AzureADTokenExchange"],
      });
      kedaRelease = new Release(this, "keda", {
        name: "keda",
        repository: KEDACORE_CHARTS,
        chart: "keda",
        version: keda.helm.chartVersion,
        namespace,
        createNamespace: true,
        atomic: true,
        dependsOn: [this.accessGate.ready],
        values: [
          Fn.yamlencode({
            podIdentity: {
              azureWorkload: { enabled: true, clientId: identity.clientId, tenantId: identity.tenantId },
            },
          }),
        ],
      });
      this.kedaOperatorClientId = identity.clientId;
    }

    if (keda.httpAddOn.enabled) {
      new Release(this, "keda-http-add-on", {
        name: "keda-add-ons-http",
        repository: KEDACORE_CHARTS,
        chart: "keda-add-ons-http",
        version: keda.httpAddOn.chartVersion,
        namespace,
        createNamespace: true,
        atomic: true,
        dependsOn: kedaRelease ? [kedaRelease] : [this.accessGate.ready],
      });
      this.httpInterceptorService = `keda-add-ons-http-interceptor-proxy.${namespace}.svc.cluster.local`;
    }
  }
}
