import { checkResourceGroupName, checkStorageAccountName } from "../constructs/core/azure-names";
import { checkDnsLabel } from "../constructs/core/kubernetes-names";
import { Rule, ValidationError, Violation } from "../constructs/core/validation";
import { EnvironmentConfig } from "./environment";

const CONTAINER_NAME = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;
const WORKSPACE_NAME = /^[A-Za-z0-9_-]{1,90}$/;
/** The longest stack suffix `addEnvironment` appends to an environment's name. */
const LONGEST_STACK_SUFFIX = "-registry";

type R = Rule<EnvironmentConfig>;

// Rules that span more than one stack's settings. Each stack's own settings are checked by its
// rule table (constructs/aks-cluster/rules.ts, constructs/container-registry/rules.ts).
const rules: R[] = [
  (c) => checkDnsLabel("name", c.name, 40),
  (c) => checkResourceGroupName("registry.resourceGroupName", c.registry.resourceGroupName),
  (c) => checkResourceGroupName("cluster.resourceGroupName", c.cluster.resourceGroupName),
  (c) => checkResourceGroupName("workload.resourceGroupName", c.workload.resourceGroupName),
  (c) => {
    const groups = [c.registry.resourceGroupName, c.cluster.resourceGroupName, c.workload.resourceGroupName].map((g) => g.toLowerCase());
    return new Set(groups).size === groups.length
      ? undefined
      : {
          property: "cluster.resourceGroupName",
          value: c.cluster.resourceGroupName,
          rule: "each stack needs its own resource group (registry, cluster and workload groups must differ): two stacks managing one group destroy each other's resources",
          fix: "give every stack a distinct resource group name",
        };
  },
  (c) =>
    c.backend.type === "azurerm" ? checkResourceGroupName("backend.resourceGroupName", c.backend.resourceGroupName) : undefined,
  (c) =>
    c.backend.type === "azurerm" ? checkStorageAccountName("backend.storageAccountName", c.backend.storageAccountName) : undefined,
  (c) =>
    c.backend.type === "azurerm" && !CONTAINER_NAME.test(c.backend.containerName)
      ? {
          property: "backend.containerName",
          value: c.backend.containerName,
          rule: "must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit (blob container)",
          fix: 'use e.g. "tfstate"',
        }
      : undefined,
  (c) =>
    c.backend.type === "cloud" && c.backend.organization.trim() === ""
      ? { property: "backend.organization", value: c.backend.organization, rule: "must name a Terraform Cloud organization", fix: "set it to your organization's name" }
      : undefined,
  (c) =>
    c.backend.type === "cloud" && !WORKSPACE_NAME.test(`${c.backend.workspacePrefix}${c.name}${LONGEST_STACK_SUFFIX}`)
      ? {
          property: "backend.workspacePrefix",
          value: c.backend.workspacePrefix,
          rule: `workspace names (prefix + stack id, e.g. ${JSON.stringify(`${c.backend.workspacePrefix}${c.name}${LONGEST_STACK_SUFFIX}`)}) must be at most 90 letters, digits, '-' and '_'`,
          fix: "use letters, digits, '-' and '_' only, and shorten the prefix",
        }
      : undefined,
  (c) =>
    c.backend.type === "cloud" && c.backend.remoteExecution && c.workload.kubeloginMode === "azurecli"
      ? {
          property: "workload.kubeloginMode",
          value: c.workload.kubeloginMode,
          rule: "Terraform Cloud's remote runners have no Azure CLI login, so kubelogin cannot get a token with \"azurecli\"",
          fix: 'use "workloadidentity" (dynamic provider credentials) or "spn" (AZURE_CLIENT_ID/AZURE_CLIENT_SECRET workspace variables), or set backend.remoteExecution to false',
        }
      : undefined,
];

/** Every cross-stack violation of an environment's config (empty when it is consistent). */
export function environmentViolations(config: EnvironmentConfig): Violation[] {
  return rules.map((rule) => rule(config)).filter((v): v is Violation => v !== undefined);
}

/** Throws one error listing every cross-stack violation, naming the config file to edit. */
export function validateEnvironment(config: EnvironmentConfig): void {
  const violations = environmentViolations(config);
  if (violations.length > 0) throw new ValidationError(`config/${config.name}.ts`, "EnvironmentConfig", violations);
}
