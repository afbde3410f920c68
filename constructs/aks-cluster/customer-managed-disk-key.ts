import { Construct } from "constructs";
import { DiskEncryptionSet } from "@cdktf/provider-azurerm/lib/disk-encryption-set";
import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultKey } from "@cdktf/provider-azurerm/lib/key-vault-key";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { CustomerManagedDiskEncryptionSettings } from "./settings";

/** Props of {@link CustomerManagedDiskKey}. */
export interface CustomerManagedDiskKeyProps {
  /** The vault, key and firewall settings; the vault name is required here (`AksCluster` derives one). */
  readonly settings: CustomerManagedDiskEncryptionSettings & { readonly keyVaultName: string };
  readonly resourceGroupName: string;
  readonly location: string;
  /** Entra tenant of the vault. */
  readonly tenantId: string;
  /** Object id of the identity running Terraform: it creates the key, so it gets "Key Vault Crypto Officer". */
  readonly deployerObjectId: string;
  /** Name of the disk encryption set. */
  readonly diskEncryptionSetName: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A customer-managed key for AKS node disks: a Key Vault with Azure RBAC and purge protection, an RSA
 * key that rotates itself yearly, and a disk encryption set (system-assigned identity) that follows the
 * key's newest version. The vault and the key carry `prevent_destroy`: a plan that would delete them
 * would leave every disk they encrypt unreadable.
 *
 * Give the cluster `diskEncryptionSetId` and make it depend on `keyAccess`: the set can wrap and unwrap
 * only once its identity holds "Key Vault Crypto Service Encryption User".
 */
export class CustomerManagedDiskKey extends Construct {
  readonly keyVault: KeyVault;
  readonly key: KeyVaultKey;
  readonly diskEncryptionSet: DiskEncryptionSet;
  /** Resource id of the disk encryption set. */
  readonly diskEncryptionSetId: string;
  /** The set identity's role on the vault; whatever uses the set must depend on it. */
  readonly keyAccess: RoleAssignment;

  constructor(scope: Construct, id: string, props: CustomerManagedDiskKeyProps) {
    super(scope, id);
    const { settings } = props;
    const tags = { ...(props.tags ?? {}) };
    const allowedIpRanges = settings.allowedIpRanges ?? [];

    this.keyVault = new KeyVault(this, "key-vault", {
      name: settings.keyVaultName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tenantId: props.tenantId,
      skuName: "standard",
      rbacAuthorizationEnabled: true,
      // Managed disks refuse a key whose vault could be purged: soft delete plus purge protection.
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: 90,
      // Terraform reads the key over the data plane on every plan, so the deploying machine needs a way in.
      publicNetworkAccessEnabled: true,
      networkAcls: {
        bypass: "AzureServices",
        defaultAction: allowedIpRanges.length > 0 ? "Deny" : "Allow",
        ipRules: allowedIpRanges.length > 0 ? [...allowedIpRanges] : undefined,
      },
      tags,
      lifecycle: { preventDestroy: true },
    });

    const deployerKeyAccess = new RoleAssignment(this, "deployer-crypto-officer", {
      scope: this.keyVault.id,
      roleDefinitionName: "Key Vault Crypto Officer",
      principalId: props.deployerObjectId,
    });

    this.key = new KeyVaultKey(this, "disk-encryption-key", {
      name: settings.keyName ?? "disk-encryption",
      keyVaultId: this.keyVault.id,
      keyType: "RSA",
      keySize: 3072,
      keyOpts: ["wrapKey", "unwrapKey"],
      // A new version every year; each version stays valid two years, so nodes still on the previous
      // version (ephemeral OS disks adopt a new key only when reimaged) keep working meanwhile.
      rotationPolicy: {
        automatic: { timeAfterCreation: "P1Y" },
        expireAfter: "P2Y",
        notifyBeforeExpiry: "P30D",
      },
      tags,
      dependsOn: [deployerKeyAccess],
      lifecycle: { preventDestroy: true },
    });

    this.diskEncryptionSet = new DiskEncryptionSet(this, "disk-encryption-set", {
      name: props.diskEncryptionSetName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      // Versionless: with auto rotation the set moves to each new key version by itself.
      keyVaultKeyId: this.key.versionlessId,
      autoKeyRotationEnabled: true,
      identity: { type: "SystemAssigned" },
      tags,
    });
    this.diskEncryptionSetId = this.diskEncryptionSet.id;

    this.keyAccess = new RoleAssignment(this, "disk-encryption-set-key-access", {
      scope: this.keyVault.id,
      roleDefinitionName: "Key Vault Crypto Service Encryption User",
      principalId: this.diskEncryptionSet.identity.principalId,
      principalType: "ServicePrincipal",
      skipServicePrincipalAadCheck: true,
    });
  }
}
