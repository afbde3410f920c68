import { Construct } from "constructs";
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { KubernetesClusterNodePool } from "@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool";
import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Subnet } from "@cdktf/provider-azurerm/lib/subnet";
import { VirtualNetwork } from "@cdktf/provider-azurerm/lib/virtual-network";
import { TerraformOutput } from "cdktf";
import { suppressPolicy } from "../constructs/policy/policy-pack";
import { ClusterConfig } from "../config/environment";
import {
  apiServerAccessProfile,
  keyVaultSecretsProvider,
  networkProfile,
  poolArguments,
  weeklyWindow,
  zonesOrUndefined,
} from "../constructs/aks-cluster/render";
import { ClusterAdmins } from "../constructs/aks-cluster/cluster-admins";
import { ContainerInsights } from "../constructs/aks-cluster/container-insights";
import { CustomerManagedDiskKey } from "../constructs/aks-cluster/customer-managed-disk-key";
import { clusterRules } from "../constructs/aks-cluster/rules";
import { validate } from "../constructs/core/validation";
import { AzureStack, AzureStackProps } from "./azure-stack";

export interface ClusterStackProps extends AzureStackProps {
  readonly cluster: ClusterConfig;
  /** Resource id of the registry the kubelet identity may pull from. */
  readonly registryId: string;
}

/** The Kubernetes service account KEDA's operator runs as (the subject of its federated credential). */
export interface ServiceAccountRef {
  readonly namespace: string;
  readonly name: string;
}

/**
 * AKS with explicit secure defaults: Entra ID sign-in with Azure RBAC and no local accounts, OIDC
 * issuer + workload identity, Azure CNI with a network policy in its own VNet, upgrade channels in a
 * maintenance window, Container Insights, a system pool for critical add-ons and an autoscaled user
 * pool (ephemeral OS disks and encryption at host where configured), the Key Vault secrets provider
 * with rotation, an optional private API server and customer-managed disk key, pull access to the
 * registry, KEDA (add-on) and optional virtual nodes.
 */
export class ClusterStack extends AzureStack {
  readonly cluster: KubernetesCluster;
  /** API server URL, e.g. `https://<dns-prefix>-<hash>.hcp.<region>.azmk8s.io:443`. */
  readonly host: string;
  /** Base64-encoded PEM of the cluster CA. */
  readonly clusterCaCertificate: string;
  /** Issuer URL that federated identity credentials trust. */
  readonly oidcIssuerUrl: string;
  /** Resource group of the cluster (and of identities that belong to it). */
  readonly resourceGroupName: string;
  /** Whether the ACI connector is on: workloads may then tolerate `virtual-kubelet.io/provider` and burst to ACI. */
  readonly virtualNodesEnabled: boolean;
  /** The service account of KEDA's operator, wherever KEDA comes from (add-on or Helm chart). */
  readonly kedaOperatorServiceAccount: ServiceAccountRef;

  constructor(scope: Construct, id: string, props: ClusterStackProps) {
    super(scope, id, props);
    const { cluster: config } = props;
    validate(this, "ClusterStack", config, clusterRules);
    this.virtualNodesEnabled = config.virtualNodes.enabled;
    this.kedaOperatorServiceAccount = {
      namespace: config.keda.addOn ? "kube-system" : config.keda.helm.namespace,
      name: "keda-operator",
    };

    const group = new ResourceGroup(this, "resource-group", {
      name: config.resourceGroupName,
      location: this.location,
      tags: this.tags,
    });
    this.resourceGroupName = group.name;
    const client = new DataAzurermClientConfig(this, "client");

    const logs = new LogAnalyticsWorkspace(this, "logs", {
      name: `log-${config.name}`,
      resourceGroupName: group.name,
      location: group.location,
      sku: "PerGB2018",
      retentionInDays: config.monitoring.retentionInDays,
      dailyQuotaGb: config.monitoring.dailyQuotaGb,
      // The monitoring agent signs in with its managed identity; no workspace keys are handed out.
      localAuthenticationEnabled: false,
      tags: this.tags,
    });

    const network = new VirtualNetwork(this, "network", {
      name: `vnet-${config.name}`,
      resourceGroupName: group.name,
      location: group.location,
      addressSpace: [config.network.vnetAddressSpace],
      tags: this.tags,
    });
    const nodes = new Subnet(this, "nodes-subnet", {
      name: "nodes",
      resourceGroupName: group.name,
      virtualNetworkName: network.name,
      addressPrefixes: [config.network.nodeSubnetPrefix],
    });
    const aciSubnet = config.virtualNodes.enabled
      ? new Subnet(this, "virtual-nodes-subnet", {
          name: "virtual-nodes",
          resourceGroupName: group.name,
          virtualNetworkName: network.name,
          addressPrefixes: [config.virtualNodes.subnetPrefix],
          delegation: [
            {
              name: "aci",
              serviceDelegation: {
                name: "Microsoft.ContainerInstance/containerGroups",
                actions: ["Microsoft.Network/virtualNetworks/subnets/action"],
              },
            },
          ],
        })
      : undefined;

    const diskKey =
      config.diskEncryption.mode === "customer-managed"
        ? new CustomerManagedDiskKey(this, "disk-key", {
            settings: config.diskEncryption,
            resourceGroupName: group.name,
            location: group.location,
            tenantId: client.tenantId,
            deployerObjectId: client.objectId,
            diskEncryptionSetName: `des-${config.name}`,
            tags: this.tags,
          })
        : undefined;
    const diskEncryptionSetId =
      config.diskEncryption.mode === "existing-set" ? config.diskEncryption.diskEncryptionSetId : diskKey?.diskEncryptionSetId;

    const placement = { zones: zonesOrUndefined(config.zones), vnetSubnetId: nodes.id, tags: this.tags };
    this.cluster = new KubernetesCluster(this, "cluster", {
      name: config.name,
      resourceGroupName: group.name,
      location: group.location,
      dnsPrefix: config.dnsPrefix,
      kubernetesVersion: config.kubernetesVersion ?? undefined,
      skuTier: config.skuTier,
      automaticUpgradeChannel: config.automaticUpgradeChannel,
      nodeOsUpgradeChannel: config.nodeOsUpgradeChannel,
      maintenanceWindowAutoUpgrade: weeklyWindow(config.maintenanceWindow),
      maintenanceWindowNodeOs: weeklyWindow(config.maintenanceWindow),
      defaultNodePool: {
        ...poolArguments(config.systemNodePool, placement),
        nodeCount: config.systemNodePool.nodeCount,
        autoScalingEnabled: false,
        // Taints the pool CriticalAddonsOnly: workloads go to the user pool, add-ons keep their room.
        onlyCriticalAddonsEnabled: true,
      },
      identity: { type: "SystemAssigned" },
      // Entra ID sign-in with Azure RBAC; no static admin credentials exist to leak.
      roleBasedAccessControlEnabled: true,
      azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: true, tenantId: client.tenantId },
      localAccountDisabled: true,
      runCommandEnabled: false,
      oidcIssuerEnabled: true,
      workloadIdentityEnabled: true,
      azurePolicyEnabled: config.azurePolicyEnabled,
      imageCleanerEnabled: true,
      imageCleanerIntervalHours: 48,
      networkProfile: networkProfile(config.network),
      apiServerAccessProfile: apiServerAccessProfile(config.network),
      privateClusterEnabled: config.network.privateClusterEnabled,
      diskEncryptionSetId,
      keyVaultSecretsProvider: keyVaultSecretsProvider(config.keyVaultSecretsProvider),
      omsAgent: { logAnalyticsWorkspaceId: logs.id, msiAuthForMonitoringEnabled: true },
      // KEDA as the managed add-on (unless the Helm chart is chosen): its CRDs exist before the workload stack plans.
      workloadAutoscalerProfile: { kedaEnabled: config.keda.addOn },
      aciConnectorLinux: aciSubnet ? { subnetName: aciSubnet.name } : undefined,
      tags: this.tags,
      // The nodes' disks can be created only once the set's identity may use the key.
      dependsOn: diskKey ? [diskKey.keyAccess] : undefined,
    });
    for (const exception of config.policyExceptions) {
      for (const id of exception.ids) suppressPolicy(this.cluster, id, exception.reason);
    }

    // With msi_auth_for_monitoring_enabled the agent collects only what a data collection rule tells it to.
    new ContainerInsights(this, "container-insights", {
      clusterName: config.name,
      clusterId: this.cluster.id,
      workspaceId: logs.id,
      resourceGroupName: group.name,
      location: group.location,
      tags: this.tags,
    });

    new KubernetesClusterNodePool(this, "user-pool", {
      ...poolArguments(config.userNodePool, placement),
      kubernetesClusterId: this.cluster.id,
      mode: "User",
      autoScalingEnabled: true,
      minCount: config.userNodePool.minCount,
      maxCount: config.userNodePool.maxCount,
    });

    // The listed admins and whoever deploys must be able to apply the add-ons' and workload's objects.
    // Created here, before the node pools finish, so Azure RBAC has minutes to propagate before the
    // later stacks' access gates (ClusterAccessGate) check it.
    new ClusterAdmins(this, "cluster-admins", {
      clusterId: this.cluster.id,
      adminObjectIds: config.adminObjectIds ?? [],
      deployerObjectId: client.objectId,
    });

    new RoleAssignment(this, "kubelet-acr-pull", {
      scope: props.registryId,
      roleDefinitionName: "AcrPull",
      principalId: this.cluster.kubeletIdentity.objectId,
      principalType: "ServicePrincipal",
      skipServicePrincipalAadCheck: true,
    });

    // A cluster in its own VNet manages load balancers and routes in the node subnet.
    new RoleAssignment(this, "cluster-subnet-network-contributor", {
      scope: nodes.id,
      roleDefinitionName: "Network Contributor",
      principalId: this.cluster.identity.principalId,
      principalType: "ServicePrincipal",
      skipServicePrincipalAadCheck: true,
    });

    if (diskEncryptionSetId !== undefined) {
      // AKS reads the set whenever it creates or scales node VMs with it (Microsoft.Compute/diskEncryptionSets/read).
      new RoleAssignment(this, "cluster-disk-encryption-set-reader", {
        scope: diskEncryptionSetId,
        roleDefinitionName: "Reader",
        principalId: this.cluster.identity.principalId,
        principalType: "ServicePrincipal",
        skipServicePrincipalAadCheck: true,
      });
    }

    if (aciSubnet) {
      // The ACI connector creates container groups in its delegated subnet.
      new RoleAssignment(this, "aci-connector-network-contributor", {
        scope: aciSubnet.id,
        roleDefinitionName: "Network Contributor",
        principalId: this.cluster.aciConnectorLinux.connectorIdentity.get(0).objectId,
        principalType: "ServicePrincipal",
        skipServicePrincipalAadCheck: true,
      });
    }

    const kubeConfig = this.cluster.kubeConfig.get(0);
    this.host = kubeConfig.host;
    this.clusterCaCertificate = kubeConfig.clusterCaCertificate;
    this.oidcIssuerUrl = this.cluster.oidcIssuerUrl;

    new TerraformOutput(this, "cluster_name", { value: this.cluster.name });
    new TerraformOutput(this, "resource_group_name", { value: group.name });
    new TerraformOutput(this, "oidc_issuer_url", { value: this.cluster.oidcIssuerUrl });
    new TerraformOutput(this, "log_analytics_workspace_id", { value: logs.id });
    new TerraformOutput(this, "get_credentials_command", {
      description: "Writes a kubeconfig for kubectl; local accounts are off, so kubelogin turns it into Entra ID sign-in.",
      value: `az aks get-credentials --resource-group ${group.name} --name ${this.cluster.name} --overwrite-existing && kubelogin convert-kubeconfig --login azurecli`,
    });
  }
}
