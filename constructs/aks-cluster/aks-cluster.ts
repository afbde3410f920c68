import { Construct, IConstruct } from "constructs";
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { KubernetesClusterNodePool } from "@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool";
import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Subnet } from "@cdktf/provider-azurerm/lib/subnet";
import { VirtualNetwork } from "@cdktf/provider-azurerm/lib/virtual-network";
import { validate } from "../core/validation";
import { ClusterAdmins } from "./cluster-admins";
import { ClusterEndpoint, IClusterEndpoint, ServiceAccountRef } from "./cluster-endpoint";
import { ContainerInsights } from "./container-insights";
import { CustomerManagedDiskKey } from "./customer-managed-disk-key";
import { defaultClusterName, ResolvedClusterSettings, resolveClusterSettings } from "./defaults";
import { apiServerAccessProfile, keyVaultSecretsProvider, networkProfile, poolArguments, weeklyWindow, zonesOrUndefined } from "./render";
import { ClusterSettings } from "./settings";
import { clusterRules } from "./validation";
import { ResourceGroupRef } from "../core/resource-group";
import { grantRegistryRole } from "../container-registry/grant";

/** Props of {@link AksCluster}: the cluster settings plus where it goes. Every prop is optional. */
export interface AksClusterProps extends ClusterSettings {
  /**
   * An existing resource group to create everything in (e.g. a `ResourceGroup` of your stack).
   * @default a new resource group named `resourceGroupName`
   */
  readonly resourceGroup?: ResourceGroupRef;
  /** Name of the resource group the cluster creates (ignored with `resourceGroup`). @default "rg-" + the cluster name */
  readonly resourceGroupName?: string;
  /** Azure region of the new resource group (ignored with `resourceGroup`, whose region is used). @default "westeurope" */
  readonly location?: string;
  /**
   * Resource id of a container registry the nodes pull images from: the kubelet identity gets
   * `AcrPull` on it. @default no registry access
   */
  readonly registryId?: string;
  /** Tags put on every taggable resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** What other constructs need from an AKS cluster, in the style of aws-cdk's `ICluster`. */
export interface IAksCluster extends IConstruct {
  /** Resource id of the managed cluster. */
  readonly clusterId: string;
  readonly clusterName: string;
  /** Resource group of the cluster (and of identities that belong to it). */
  readonly resourceGroupName: string;
  /** Where the API server is and how clients sign in: what the add-on and workload stacks consume. */
  readonly endpoint: IClusterEndpoint;
  /** Object id of the kubelet identity, the identity that pulls images (grant it `AcrPull` on a registry). */
  readonly kubeletObjectId: string;
  /** Whether the ACI connector is on: workloads may then tolerate `virtual-kubelet.io/provider` and burst to ACI. */
  readonly virtualNodesEnabled: boolean;
}

/**
 * An AKS cluster with secure defaults: Entra ID sign-in with Azure RBAC and no local accounts, OIDC
 * issuer + workload identity, Azure CNI with a network policy in its own VNet, upgrade channels in a
 * maintenance window, Container Insights, a system pool for critical add-ons and an autoscaled user
 * pool (ephemeral OS disks with encryption at host), the Key Vault secrets provider with rotation, a
 * private API server and a customer-managed disk key, KEDA (add-on) and optional virtual nodes.
 *
 * Needs an `AzurermProvider` in its stack. Settings are checked once, all violations together,
 * at construction (names, CIDRs, versions, closed choices); Terraform tokens are left to Azure.
 *
 * @example
 * new AksCluster(this, "aks", { skuTier: "Free", zones: [], network: { privateClusterEnabled: false } });
 */
export class AksCluster extends Construct implements IAksCluster {
  /** The settings the cluster was built from, with every default filled in. */
  readonly settings: ResolvedClusterSettings;
  /** The `azurerm_kubernetes_cluster` (escape hatch for settings this construct does not model). */
  readonly cluster: KubernetesCluster;
  readonly clusterId: string;
  readonly clusterName: string;
  readonly resourceGroupName: string;
  /** Region of the cluster (a token when the resource group is). */
  readonly location: string;
  readonly endpoint: IClusterEndpoint;
  /** API server URL, e.g. `https://<dns-prefix>-<hash>.hcp.<region>.azmk8s.io:443`. */
  readonly host: string;
  /** Base64-encoded PEM of the cluster CA. */
  readonly clusterCaCertificate: string;
  /** Issuer URL that federated identity credentials trust. */
  readonly oidcIssuerUrl: string;
  /** The service account of KEDA's operator, wherever KEDA comes from (add-on or Helm chart). */
  readonly kedaOperatorServiceAccount: ServiceAccountRef;
  readonly kubeletObjectId: string;
  /**
   * The kubelet identity as a registry grantee: `registry.grantPull(aks.kubeletIdentity)` creates the
   * `AcrPull` assignment under this cluster (in its stack, id `kubelet-acr-pull`), so the registry's
   * stack does not come to depend on the cluster's.
   */
  readonly kubeletIdentity: { readonly principalId: string; readonly principalType: "ServicePrincipal"; readonly scope: Construct; readonly id: string };
  readonly virtualNodesEnabled: boolean;
  /** Resource id of the Log Analytics workspace Container Insights writes to. */
  readonly logAnalyticsWorkspaceId: string;
  /** Resource id of the nodes' subnet. */
  readonly nodeSubnetId: string;
  /** The customer-managed disk key chain, when `diskEncryption.mode` is `customer-managed`. */
  readonly diskKey?: CustomerManagedDiskKey;

  constructor(scope: Construct, id: string, props: AksClusterProps = {}) {
    super(scope, id);
    const config = resolveClusterSettings(props, defaultClusterName(this.node.path));
    validate(this, "AksCluster", config, clusterRules);
    this.settings = config;
    const tags = { ...(props.tags ?? {}) };
    this.virtualNodesEnabled = config.virtualNodes.enabled;
    this.kedaOperatorServiceAccount = {
      namespace: config.keda.addOn ? "kube-system" : config.keda.helm.namespace,
      name: "keda-operator",
    };

    const group =
      props.resourceGroup ??
      new ResourceGroup(this, "resource-group", {
        name: props.resourceGroupName ?? `rg-${config.name}`,
        location: props.location ?? "westeurope",
        tags,
      });
    this.resourceGroupName = group.name;
    this.location = group.location;
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
      tags,
    });
    this.logAnalyticsWorkspaceId = logs.id;

    const network = new VirtualNetwork(this, "network", {
      name: `vnet-${config.name}`,
      resourceGroupName: group.name,
      location: group.location,
      addressSpace: [config.network.vnetAddressSpace],
      tags,
    });
    const nodes = new Subnet(this, "nodes-subnet", {
      name: "nodes",
      resourceGroupName: group.name,
      virtualNetworkName: network.name,
      addressPrefixes: [config.network.nodeSubnetPrefix],
    });
    this.nodeSubnetId = nodes.id;
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

    const encryption = config.diskEncryption;
    this.diskKey =
      encryption.mode === "customer-managed"
        ? new CustomerManagedDiskKey(this, "disk-key", {
            settings: encryption,
            resourceGroupName: group.name,
            location: group.location,
            tenantId: client.tenantId,
            deployerObjectId: client.objectId,
            diskEncryptionSetName: `des-${config.name}`,
            tags,
          })
        : undefined;
    const diskEncryptionSetId = encryption.mode === "existing-set" ? encryption.diskEncryptionSetId : this.diskKey?.diskEncryptionSetId;

    const placement = { zones: zonesOrUndefined(config.zones), vnetSubnetId: nodes.id, tags };
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
      tags,
      // The nodes' disks can be created only once the set's identity may use the key.
      dependsOn: this.diskKey ? [this.diskKey.keyAccess] : undefined,
    });
    this.clusterId = this.cluster.id;
    this.clusterName = this.cluster.name;
    this.kubeletObjectId = this.cluster.kubeletIdentity.objectId;
    this.kubeletIdentity = { principalId: this.kubeletObjectId, principalType: "ServicePrincipal", scope: this, id: "kubelet-acr-pull" };

    // With msi_auth_for_monitoring_enabled the agent collects only what a data collection rule tells it to.
    new ContainerInsights(this, "container-insights", {
      clusterName: config.name,
      clusterId: this.cluster.id,
      workspaceId: logs.id,
      resourceGroupName: group.name,
      location: group.location,
      tags,
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
      adminObjectIds: config.adminObjectIds,
      deployerObjectId: client.objectId,
    });

    // The same assignment ContainerRegistry.grantPull makes, for a registry known only by its id.
    if (props.registryId !== undefined) grantRegistryRole(this, props.registryId, "AcrPull", "acr-pull", this.kubeletIdentity);

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
    this.endpoint = ClusterEndpoint.fromAttributes({
      host: this.host,
      clusterCaCertificate: this.clusterCaCertificate,
      oidcIssuerUrl: this.oidcIssuerUrl,
      kedaOperatorServiceAccount: this.kedaOperatorServiceAccount,
    });
  }
}
