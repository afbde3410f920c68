import { Construct } from "constructs";
import { TerraformOutput } from "cdktf";
import { AksCluster } from "../constructs/aks-cluster/aks-cluster";
import { suppressPolicy } from "../constructs/policy/policy-pack";
import { ClusterConfig } from "../config/environment";
import { AzureStack, AzureStackProps } from "./azure-stack";

/** Props of {@link ClusterStack}: the environment's cluster config and the registry its nodes pull from. */
export interface ClusterStackProps extends AzureStackProps {
  readonly cluster: ClusterConfig;
  /** Resource id of the registry the kubelet identity may pull from. */
  readonly registryId: string;
}

/**
 * The environment's AKS cluster (an {@link AksCluster} with the config's differences from the
 * secure defaults), the policy exceptions the config accepts, and the outputs an operator needs.
 */
export class ClusterStack extends AzureStack {
  readonly aks: AksCluster;

  constructor(scope: Construct, id: string, props: ClusterStackProps) {
    super(scope, id, props);
    const { resourceGroupName, policyExceptions = [], ...settings } = props.cluster;
    // "Default" is left out of Terraform logical ids: the resources keep the addresses they had
    // when this stack created them itself, so existing state needs no moves.
    this.aks = new AksCluster(this, "Default", {
      ...settings,
      resourceGroupName,
      location: this.location,
      registryId: props.registryId,
      tags: this.tags,
    });
    for (const exception of policyExceptions) {
      for (const checkId of exception.ids) suppressPolicy(this.aks.cluster, checkId, exception.reason);
    }

    new TerraformOutput(this, "cluster_name", { value: this.aks.clusterName });
    new TerraformOutput(this, "resource_group_name", { value: this.aks.resourceGroupName });
    new TerraformOutput(this, "oidc_issuer_url", { value: this.aks.oidcIssuerUrl });
    new TerraformOutput(this, "log_analytics_workspace_id", { value: this.aks.logAnalyticsWorkspaceId });
    new TerraformOutput(this, "get_credentials_command", {
      description: "Writes a kubeconfig for kubectl; local accounts are off, so kubelogin turns it into Entra ID sign-in.",
      value: `az aks get-credentials --resource-group ${this.aks.resourceGroupName} --name ${this.aks.clusterName} --overwrite-existing && kubelogin convert-kubeconfig --login azurecli`,
    });
  }
}
