import { Construct } from "constructs";
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { TerraformOutput } from "cdktf";
import { ClusterConfig } from "../config/environment";
import { AzureStack, AzureStackProps } from "./azure-stack";

export interface ClusterStackProps extends AzureStackProps {
  readonly cluster: ClusterConfig;
  /** Resource id of the registry the kubelet identity may pull from. */
  readonly registryId: string;
}

/** AKS with KEDA, workload identity and pull access to the registry. */
export class ClusterStack extends AzureStack {
  readonly cluster: KubernetesCluster;
  /** API server URL, e.g. `https://<dns-prefix>-<hash>.hcp.<region>.azmk8s.io:443`. */
  readonly host: string;
  /** Base64-encoded PEM of the cluster CA. */
  readonly clusterCaCertificate: string;
  /** Issuer URL that federated identity credentials trust. */
  readonly oidcIssuerUrl: string;

  constructor(scope: Construct, id: string, props: ClusterStackProps) {
    super(scope, id, props);
    const { cluster: config } = props;
    const group = new ResourceGroup(this, "resource-group", {
      name: config.resourceGroupName,
      location: this.location,
      tags: this.tags,
    });

    const client = new DataAzurermClientConfig(this, "client");
    this.cluster = new KubernetesCluster(this, "cluster", {
      name: config.name,
      resourceGroupName: group.name,
      location: group.location,
      dnsPrefix: config.dnsPrefix,
      kubernetesVersion: config.kubernetesVersion ?? undefined,
      skuTier: config.skuTier,
      defaultNodePool: {
        name: config.systemNodePool.name,
        vmSize: config.systemNodePool.vmSize,
        nodeCount: config.systemNodePool.nodeCount,
      },
      identity: { type: "SystemAssigned" },
      // Entra ID sign-in with Azure RBAC; no static admin credentials exist to leak.
      azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: true, tenantId: client.tenantId },
      localAccountDisabled: true,
      oidcIssuerEnabled: true,
      workloadIdentityEnabled: true,
      // KEDA as the managed add-on: its CRDs exist before the workload stack plans.
      workloadAutoscalerProfile: { kedaEnabled: true },
      tags: this.tags,
    });

    // Whoever deploys the stacks must be able to apply the workload stack's objects.
    new RoleAssignment(this, "deployer-cluster-admin", {
      scope: this.cluster.id,
      roleDefinitionName: "Azure Kubernetes Service RBAC Cluster Admin",
      principalId: client.objectId,
    });

    new RoleAssignment(this, "kubelet-acr-pull", {
      scope: props.registryId,
      roleDefinitionName: "AcrPull",
      principalId: this.cluster.kubeletIdentity.objectId,
      principalType: "ServicePrincipal",
      skipServicePrincipalAadCheck: true,
    });

    const kubeConfig = this.cluster.kubeConfig.get(0);
    this.host = kubeConfig.host;
    this.clusterCaCertificate = kubeConfig.clusterCaCertificate;
    this.oidcIssuerUrl = this.cluster.oidcIssuerUrl;

    new TerraformOutput(this, "cluster_name", { value: this.cluster.name });
    new TerraformOutput(this, "resource_group_name", { value: group.name });
    new TerraformOutput(this, "oidc_issuer_url", { value: this.cluster.oidcIssuerUrl });
  }
}
