import { Violation } from "./validation";

// Azure's naming rules ("Naming rules and restrictions for Azure resources") and the
// azurerm provider's own validators. ARM only rejects a bad name at apply time, after the
// earlier stacks have deployed, so these run at synth.

const REGISTRY_NAME = /^[a-zA-Z0-9]{5,50}$/;
const CLUSTER_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9])?$/;
const DNS_PREFIX = /^[a-zA-Z0-9]([-a-zA-Z0-9]{0,52}[a-zA-Z0-9])?$/;
const NODE_POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;
const RESOURCE_GROUP_NAME = /^[-\p{L}\p{N}_.()]{1,90}$/u;
const STORAGE_ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
const GENERIC_NAME = /^[a-zA-Z0-9]([-a-zA-Z0-9_.]{0,78}[a-zA-Z0-9_])?$/;

function alphanumericOnly(value: string, max: number): string {
  const cleaned = value.replace(/[^a-zA-Z0-9]/g, "").slice(0, max);
  return cleaned.length === 0 ? "name" : cleaned;
}

/** Container registry: 5-50 alphanumerics, globally unique (uniqueness is only checkable at apply). */
export function checkRegistryName(property: string, value: string): Violation | undefined {
  if (REGISTRY_NAME.test(value)) return undefined;
  return {
    property,
    value,
    rule: "must be 5-50 letters and digits (Microsoft.ContainerRegistry/registries), globally unique",
    fix: `use a name such as ${JSON.stringify(alphanumericOnly(value, 50).toLowerCase().padEnd(5, "0"))}`,
  };
}

/** AKS cluster: 1-63 letters, digits, '_' and '-', starting and ending with a letter or digit. */
export function checkClusterName(property: string, value: string): Violation | undefined {
  if (CLUSTER_NAME.test(value)) return undefined;
  return {
    property,
    value,
    rule: "must be 1-63 letters, digits, '_' and '-', starting and ending with a letter or digit (Microsoft.ContainerService/managedClusters)",
    fix: "remove other characters and shorten the name",
  };
}

/** AKS `dns_prefix`: 1-54 letters, digits and '-', starting and ending with a letter or digit. */
export function checkDnsPrefix(property: string, value: string): Violation | undefined {
  if (DNS_PREFIX.test(value)) return undefined;
  return {
    property,
    value,
    rule: "must be 1-54 letters, digits and '-', starting and ending with a letter or digit (azurerm KubernetesDNSPrefix)",
    fix: "remove other characters and shorten the prefix",
  };
}

/** Linux node pool (and `temporary_name_for_rotation`): 1-12 lowercase letters and digits, starting with a letter. */
export function checkNodePoolName(property: string, value: string): Violation | undefined {
  if (NODE_POOL_NAME.test(value)) return undefined;
  const suggestion = value.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/^[0-9]+/, "").slice(0, 12);
  return {
    property,
    value,
    rule: "must be 1-12 lowercase letters and digits, starting with a letter (azurerm KubernetesAgentPoolName)",
    fix: `use a name such as ${JSON.stringify(suggestion === "" ? "pool" : suggestion)}`,
  };
}

/** Resource group: 1-90 letters, digits, '_', '-', '.', '(' and ')', not ending with '.'. */
export function checkResourceGroupName(property: string, value: string): Violation | undefined {
  if (RESOURCE_GROUP_NAME.test(value) && !value.endsWith(".")) return undefined;
  return {
    property,
    value,
    rule: "must be 1-90 letters, digits, '_', '-', '.', '(' and ')', and must not end with '.' (Microsoft.Resources/resourcegroups)",
    fix: "remove other characters, shorten the name and drop a trailing '.'",
  };
}

/** Storage account: 3-24 lowercase letters and digits, globally unique. */
export function checkStorageAccountName(property: string, value: string): Violation | undefined {
  if (STORAGE_ACCOUNT_NAME.test(value)) return undefined;
  return {
    property,
    value,
    rule: "must be 3-24 lowercase letters and digits (Microsoft.Storage/storageAccounts), globally unique",
    fix: `use a name such as ${JSON.stringify(alphanumericOnly(value, 24).toLowerCase().padEnd(3, "0"))}`,
  };
}

/** Names of most other resources here (VNet, subnet, workspace, identity): 1-80 characters, no '#', '/' or spaces. */
export function checkResourceName(property: string, value: string): Violation | undefined {
  if (GENERIC_NAME.test(value)) return undefined;
  return {
    property,
    value,
    rule: "must be 1-80 letters, digits, '-', '_' and '.', starting with a letter or digit and ending with a letter, digit or '_'",
    fix: "remove other characters and shorten the name",
  };
}

const MANAGED_IDENTITY_NAME = /^[a-zA-Z0-9][-a-zA-Z0-9_]{2,127}$/;
const FEDERATED_CREDENTIAL_NAME = /^[a-zA-Z0-9][-a-zA-Z0-9_]{2,119}$/;

/** User-assigned managed identity: 3-128 letters, digits, '-' and '_', starting with a letter or digit. */
export function checkManagedIdentityName(property: string, value: string): Violation | undefined {
  if (MANAGED_IDENTITY_NAME.test(value)) return undefined;
  return {
    property,
    value,
    rule: "must be 3-128 letters, digits, '-' and '_', starting with a letter or digit (Microsoft.ManagedIdentity/userAssignedIdentities)",
    fix: "remove other characters (such as '.' or spaces) and keep the name between 3 and 128 characters",
  };
}

/** Federated identity credential: 3-120 letters, digits, '-' and '_', starting with a letter or digit. */
export function checkFederatedCredentialName(property: string, value: string): Violation | undefined {
  if (FEDERATED_CREDENTIAL_NAME.test(value)) return undefined;
  return {
    property,
    value,
    rule: "must be 3-120 letters, digits, '-' and '_', starting with a letter or digit (Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials)",
    fix: "remove other characters (such as '.' or ':') and keep the name between 3 and 120 characters",
  };
}
