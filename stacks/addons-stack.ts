import { Construct } from "constructs";
import { FederatedIdentityCredential } from "@cdktf/provider-azurerm/lib/federated-identity-credential";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { Release } from "@cdktf/provider-helm/lib/release";
import { Fn, TerraformOutput } from "cdktf";
import { KedaSettings } from "../constructs/aks-cluster/settings";
import { AzureStack, AzureStackProps } from "./azure-stack";
import { ClusterEndpoint, KubeloginMode, kubeloginConnection, kubeloginExec } from "./kubelogin";
import { ClusterAccessGate } from "../constructs/aks-cluster/cluster-access-gate";
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";

/** Chart repository of KEDA and its HTTP add-on. */
export const KEDACORE_CHARTS = "https://kedacore.github.io/charts";

export interface AddonsStackProps extends AzureStackProps {
  readonly keda: KedaSettings;
  readonly cluster: ClusterEndpoint & {
    readonly oidcIssuerUrl: string;
    /** Resource group the KEDA operator's identity is created in (the cluster's). */
    readonly resourceGroupName: string;
  };
  readonly kubeloginMode: KubeloginMode;
}

/**
 * Cluster add-ons installed with Helm: the `kedacore/keda` chart (when the AKS add-on is off) and the
 * KEDA HTTP add-on. They live in their own stack, between the cluster and the workload, because
 * (1) the helm provider needs the cluster's credentials, which the kubernetes provider docs say must
 * not come from a resource of the same configuration, and (2) the workload's ScaledObjects need
 * KEDA's CRDs at plan time, so KEDA must be applied in an earlier run than the workload.
 */
export class AddonsStack extends AzureStack {
  /** Client id of the KEDA operator's identity (Helm KEDA only): the default identity of `azure-workload` auth. */
  readonly kedaOperatorClientId?: string;

  constructor(scope: Construct, id: string, props: AddonsStackProps) {
    super(scope, id, props);
    const { keda, cluster } = props;
    new HelmProvider(this, "helm", { kubernetes: kubeloginConnection(cluster, props.kubeloginMode) });
    // Azure RBAC needs minutes to grant the cluster stack's role assignment: the releases wait for it.
    const access = new ClusterAccessGate(this, "cluster-access", {
      host: cluster.host,
      clusterCaCertificate: cluster.clusterCaCertificate,
      credentialCommand: kubeloginExec(props.kubeloginMode),
      deployerObjectId: new DataAzurermClientConfig(this, "client").objectId,
    });
    const namespace = keda.helm.namespace;

    let kedaRelease: Release | undefined;
    if (keda.helm.enabled) {
      const identity = new UserAssignedIdentity(this, "keda-operator-identity", {
        name: "id-keda-operator",
        resourceGroupName: cluster.resourceGroupName,
        location: this.location,
        tags: this.tags,
      });
      new FederatedIdentityCredential(this, "keda-operator-federation", {
        name: "keda-operator",
        resourceGroupName: cluster.resourceGroupName,
        parentId: identity.id,
        issuer: cluster.oidcIssuerUrl,
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
        dependsOn: [access.ready],
        values: [
          Fn.yamlencode({
            podIdentity: {
              azureWorkload: { enabled: true, clientId: identity.clientId, tenantId: identity.tenantId },
            },
          }),
        ],
      });
      this.kedaOperatorClientId = identity.clientId;
      new TerraformOutput(this, "keda_operator_client_id", { value: identity.clientId });
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
        dependsOn: kedaRelease ? [kedaRelease] : [access.ready],
      });
      new TerraformOutput(this, "http_interceptor_service", {
        description: "Route HTTP traffic for scale-to-zero apps through this Service (port 8080).",
        value: `keda-add-ons-http-interceptor-proxy.${namespace}.svc.cluster.local`,
      });
    }
  }
}
