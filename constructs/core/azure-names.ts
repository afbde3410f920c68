import { StringCheck, patternCheck } from "./pattern-check";

// Azure's naming rules ("Naming rules and restrictions for Azure resources") and the
// azurerm provider's own validators. ARM only rejects a bad name at apply time, after the
// earlier stacks have deployed, so these run at synth.

function alphanumericOnly(value: string, max: number): string {
  const cleaned = value.replace(/[^a-zA-Z0-9]/g, "").slice(0, max);
  return cleaned.length === 0 ? "name" : cleaned;
}

/** Container registry: 5-50 alphanumerics, globally unique (uniqueness is only checkable at apply). */
export const checkRegistryName: StringCheck = patternCheck({
  pattern: /^[a-zA-Z0-9]{5,50}$/,
  rule: "must be 5-50 letters and digits (Microsoft.ContainerRegistry/registries), globally unique",
  fix: (value) => `use a name such as ${JSON.stringify(alphanumericOnly(value, 50).toLowerCase().padEnd(5, "0"))}`,
});

/** AKS cluster: 1-63 letters, digits, '_' and '-', starting and ending with a letter or digit. */
export const checkClusterName: StringCheck = patternCheck({
  pattern: /^[a-zA-Z0-9]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9])?$/,
  rule: "must be 1-63 letters, digits, '_' and '-', starting and ending with a letter or digit (Microsoft.ContainerService/managedClusters)",
  fix: "remove other characters and shorten the name",
});

/** AKS `dns_prefix`: 1-54 letters, digits and '-', starting and ending with a letter or digit. */
export const checkDnsPrefix: StringCheck = patternCheck({
  pattern: /^[a-zA-Z0-9]([-a-zA-Z0-9]{0,52}[a-zA-Z0-9])?$/,
  rule: "must be 1-54 letters, digits and '-', starting and ending with a letter or digit (azurerm KubernetesDNSPrefix)",
  fix: "remove other characters and shorten the prefix",
});

/** Linux node pool (and `temporary_name_for_rotation`): 1-12 lowercase letters and digits, starting with a letter. */
export const checkNodePoolName: StringCheck = patternCheck({
  pattern: /^[a-z][a-z0-9]{0,11}$/,
  rule: "must be 1-12 lowercase letters and digits, starting with a letter (azurerm KubernetesAgentPoolName)",
  fix: (value) => {
    const suggestion = value.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/^[0-9]+/, "").slice(0, 12);
    return `use a name such as ${JSON.stringify(suggestion === "" ? "pool" : suggestion)}`;
  },
});

/** Resource group: 1-90 letters, digits, '_', '-', '.', '(' and ')', not ending with '.'. */
export const checkResourceGroupName: StringCheck = patternCheck({
  pattern: /^[-\p{L}\p{N}_.()]{0,89}[-\p{L}\p{N}_()]$/u,
  rule: "must be 1-90 letters, digits, '_', '-', '.', '(' and ')', and must not end with '.' (Microsoft.Resources/resourcegroups)",
  fix: "remove other characters, shorten the name and drop a trailing '.'",
});

/** Storage account: 3-24 lowercase letters and digits, globally unique. */
export const checkStorageAccountName: StringCheck = patternCheck({
  pattern: /^[a-z0-9]{3,24}$/,
  rule: "must be 3-24 lowercase letters and digits (Microsoft.Storage/storageAccounts), globally unique",
  fix: (value) => `use a name such as ${JSON.stringify(alphanumericOnly(value, 24).toLowerCase().padEnd(3, "0"))}`,
});

/** Names of most other resources here (VNet, subnet, workspace, identity): 1-80 characters, no '#', '/' or spaces. */
export const checkResourceName: StringCheck = patternCheck({
  pattern: /^[a-zA-Z0-9]([-a-zA-Z0-9_.]{0,78}[a-zA-Z0-9_])?$/,
  rule: "must be 1-80 letters, digits, '-', '_' and '.', starting with a letter or digit and ending with a letter, digit or '_'",
  fix: "remove other characters and shorten the name",
});

/** User-assigned managed identity: 3-128 letters, digits, '-' and '_', starting with a letter or digit. */
export const checkManagedIdentityName: StringCheck = patternCheck({
  pattern: /^[a-zA-Z0-9][-a-zA-Z0-9_]{2,127}$/,
  rule: "must be 3-128 letters, digits, '-' and '_', starting with a letter or digit (Microsoft.ManagedIdentity/userAssignedIdentities)",
  fix: "remove other characters (such as '.' or spaces) and keep the name between 3 and 128 characters",
});

/** Federated identity credential: 3-120 letters, digits, '-' and '_', starting with a letter or digit. */
export const checkFederatedCredentialName: StringCheck = patternCheck({
  pattern: /^[a-zA-Z0-9][-a-zA-Z0-9_]{2,119}$/,
  rule: "must be 3-120 letters, digits, '-' and '_', starting with a letter or digit (Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials)",
  fix: "remove other characters (such as '.' or ':') and keep the name between 3 and 120 characters",
});
