import { Construct } from "constructs";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { TerraformOutput } from "cdktf";
import { IClusterEndpoint } from "../constructs/aks-cluster/cluster-endpoint";
import { KedaInstallation } from "../constructs/aks-cluster/keda-installation";
import { KubeloginMode } from "../constructs/aks-cluster/kubelogin";
import { KedaSettings } from "../constructs/aks-cluster/settings";
import { AzureStack, AzureStackProps } from "./azure-stack";

/** Props of {@link AddonsStack}. */
export interface AddonsStackProps extends AzureStackProps {
  /** The cluster's `keda` settings. */
  readonly keda?: KedaSettings;
  /** The cluster to install into (`AksCluster.endpoint`: cdktf turns its tokens into cross-stack references). */
  readonly endpoint: IClusterEndpoint;
  /** Resource group the KEDA operator's identity is created in (the cluster's). */
  readonly resourceGroupName: string;
  readonly kubeloginMode: KubeloginMode;
}

/**
 * Cluster add-ons installed with Helm (a {@link KedaInstallation}): the `kedacore/keda` chart (when
 * the AKS add-on is off) and the KEDA HTTP add-on. They live in their own stack, between the cluster
 * and the workload, because (1) the helm provider needs the cluster's credentials, which the
 * kubernetes provider docs say must not come from a resource of the same configuration, and (2) the
 * workload's ScaledObjects need KEDA's CRDs at plan time, so KEDA must be applied in an earlier run.
 */
export class AddonsStack extends AzureStack {
  readonly keda: KedaInstallation;

  constructor(scope: Construct, id: string, props: AddonsStackProps) {
    super(scope, id, props);
    new HelmProvider(this, "helm", { kubernetes: props.endpoint.helmConnection(props.kubeloginMode) });
    // "Default" is left out of Terraform logical ids: the resources keep the addresses they had
    // when this stack created them itself.
    this.keda = new KedaInstallation(this, "Default", {
      endpoint: props.endpoint,
      keda: props.keda,
      resourceGroupName: props.resourceGroupName,
      location: this.location,
      kubeloginMode: props.kubeloginMode,
      tags: this.tags,
    });
    if (this.keda.kedaOperatorClientId !== undefined) {
      new TerraformOutput(this, "keda_operator_client_id", { value: this.keda.kedaOperatorClientId });
    }
    if (this.keda.httpInterceptorService !== undefined) {
      new TerraformOutput(this, "http_interceptor_service", {
        description: "Route HTTP traffic for scale-to-zero apps through this Service (port 8080).",
        value: this.keda.httpInterceptorService,
      });
    }
  }
}
