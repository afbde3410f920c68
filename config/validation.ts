import { KUBELOGIN_MODES } from "../constructs/aks-cluster/kubelogin";
import { checkResourceGroupName, checkStorageAccountName } from "../constructs/core/azure-names";
import { checkImageReference } from "../constructs/core/image-reference";
import { checkDnsLabel } from "../constructs/core/kubernetes-names";
import { CONNECTION_MODES } from "../constructs/keda-function-app/choices";
import { patternCheck } from "../constructs/core/pattern-check";
import { oneOf, Rule, ValidationError, Violation, violationsOf } from "../constructs/core/validation";
import { EnvironmentConfig, StateBackendConfig, WorkloadConfig } from "./environment";

// The config's own rules, in the rule-table style of the constructs' validation.ts files. Each
// construct checks its own settings (AksCluster, ContainerRegistry, KedaFunctionApp: names, CIDRs,
// closed choices); the environment adds the rules that span stacks. Policy exceptions are checked
// where the policy is applied (stacks/app.ts), so config/ does not depend on the policy layer.

/** The state's blob container: 3-63 lowercase letters, digits and single '-' (Azure Storage). */
const checkStateContainerName = patternCheck({
  pattern: /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
  rule: "must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit (blob container)",
  fix: 'use e.g. "tfstate"',
});
/** The longest stack suffix `addEnvironment` appends to an environment's name. */
const LONGEST_STACK_SUFFIX = "-registry";
/** Terraform Cloud's longest workspace name. */
const MAX_WORKSPACE_NAME = 90;

/**
 * The workspace prefix: every workspace name (prefix, environment name, stack suffix) must be at
 * most 90 letters, digits, '-' and '_'. The environment name is a DNS label (its own rule), so the
 * prefix is what can break it.
 */
function checkWorkspacePrefix(prefix: string, environmentName: string): Violation | undefined {
  const longest = `${prefix}${environmentName}${LONGEST_STACK_SUFFIX}`;
  return patternCheck({
    pattern: /^[A-Za-z0-9_-]*$/,
    maxLength: MAX_WORKSPACE_NAME - (environmentName.length + LONGEST_STACK_SUFFIX.length),
    rule: `workspace names (prefix + stack id, e.g. ${JSON.stringify(longest)}) must be at most ${MAX_WORKSPACE_NAME} letters, digits, '-' and '_'`,
    fix: "use letters, digits, '-' and '_' only, and shorten the prefix",
  })("backend.workspacePrefix", prefix);
}

/** The build context of an ACR task: an https URL (Git repository or tarball). */
const checkBuildContextUrl = patternCheck({
  pattern: /^https:\/\/\S+$/,
  rule: "must be an https URL ACR can fetch the build context from (Git repository or tarball)",
  fix: 'use e.g. "https://github.com/org/repo.git#main:function-app"',
});

type R = Rule<EnvironmentConfig>;

/**
 * The state backends, derived from `StateBackendConfig` (the one definition): the record
 * must name every backend type and no other, or this file does not compile.
 */
const BACKEND_TYPE_SET: Readonly<Record<StateBackendConfig["type"], true>> = { local: true, azurerm: true, cloud: true };
/** The state backends `StateBackendConfig` describes. */
export const BACKEND_TYPES = Object.keys(BACKEND_TYPE_SET) as ReadonlyArray<StateBackendConfig["type"]>;

const choices: R[] = [
  (c) => oneOf("backend.type", c.backend.type, BACKEND_TYPES),
  (c) => oneOf("workload.kubeloginMode", c.workload.kubeloginMode, KUBELOGIN_MODES),
  (c) =>
    c.workload.functionApp.connectionMode === undefined
      ? undefined
      : oneOf("workload.functionApp.connectionMode", c.workload.functionApp.connectionMode, CONNECTION_MODES),
];

// Rules that span more than one stack's settings.
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
  (c) => (c.backend.type === "azurerm" ? checkStateContainerName("backend.containerName", c.backend.containerName) : undefined),
  (c) =>
    c.backend.type === "cloud" && c.backend.organization.trim() === ""
      ? { property: "backend.organization", value: c.backend.organization, rule: "must name a Terraform Cloud organization", fix: "set it to your organization's name" }
      : undefined,
  (c) => (c.backend.type === "cloud" ? checkWorkspacePrefix(c.backend.workspacePrefix, c.name) : undefined),
  (c) =>
    c.backend.type === "cloud" && c.backend.remoteExecution && c.workload.kubeloginMode === "azurecli"
      ? {
          property: "workload.kubeloginMode",
          value: c.workload.kubeloginMode,
          rule: "Terraform Cloud's remote runners have no Azure CLI login, so kubelogin cannot get a token with \"azurecli\"",
          fix: 'use "workloadidentity" (dynamic provider credentials) or "spn" (AZURE_CLIENT_ID/AZURE_CLIENT_SECRET workspace variables), or set backend.remoteExecution to false',
        }
      : undefined,
  (c) =>
    c.workload.functionApp.burstToVirtualNodes === true && !(c.cluster.virtualNodes?.enabled ?? false)
      ? {
          property: "workload.functionApp.burstToVirtualNodes",
          value: true,
          rule: "needs virtual nodes in the cluster (cluster.virtualNodes.enabled is false): no node would take the burst",
          fix: "set cluster.virtualNodes.enabled to true, or leave burstToVirtualNodes off",
        }
      : undefined,
  (c) =>
    c.workload.functionApp.burstToVirtualNodes === true && (c.workload.functionApp.connectionMode ?? "workload-identity") !== "connection-string"
      ? {
          property: "workload.functionApp.burstToVirtualNodes",
          value: true,
          rule: `needs workload.functionApp.connectionMode "connection-string" (it is ${JSON.stringify(c.workload.functionApp.connectionMode ?? "workload-identity")}): virtual-node (ACI) pods get no workload identity token, so identity-based storage connections fail there`,
          fix: 'set workload.functionApp.connectionMode to "connection-string" (unsafe: the storage key lands in Terraform state and a Kubernetes Secret, see docs/deploy.md), or leave burstToVirtualNodes off',
        }
      : undefined,
];

/** Every cross-stack violation of an environment's config (empty when it is consistent). */
export function environmentViolations(config: EnvironmentConfig): Violation[] {
  return violationsOf(config, [...choices, ...rules]);
}

/** Throws one error listing every cross-stack violation, naming the config file to edit. */
export function validateEnvironment(config: EnvironmentConfig): void {
  const violations = environmentViolations(config);
  if (violations.length > 0) throw new ValidationError(`config/${config.name}.ts`, "EnvironmentConfig", violations);
}

/** Every rule the workload stack's own settings must meet; the stack reports all failures together. */
export const workloadRules: ReadonlyArray<Rule<WorkloadConfig>> = [
  (w) => checkStorageAccountName("storageAccountName", w.storageAccountName),
  (w) => (w.functionApp.image?.source === "reference" ? checkImageReference("functionApp.image.reference", w.functionApp.image.reference) : undefined),
  (w) => (w.functionApp.image?.source === "acr-task" ? checkBuildContextUrl("functionApp.image.contextPath", w.functionApp.image.contextPath) : undefined),
  (w) =>
    w.functionApp.connectionMode === "connection-string" && Object.keys(w.functionApp.settings ?? {}).length > 0
      ? {
          property: "functionApp.settings",
          value: Object.keys(w.functionApp.settings ?? {}).sort(),
          rule: 'must be empty with connectionMode "connection-string": the settings then travel in the Secret that holds the storage connection string, and the project policy (PRJ_NO_SECRET_LITERALS) allows no literal values in a Secret',
          fix: 'drop the settings (e.g. use literal queue names), or use connectionMode "workload-identity", where they go in a ConfigMap',
        }
      : undefined,
];
