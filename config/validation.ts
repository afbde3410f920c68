import {
  AUTOMATIC_UPGRADE_CHANNELS,
  CLUSTER_SKU_TIERS,
  DISK_ENCRYPTION_MODES,
  NETWORK_DATA_PLANES,
  NETWORK_MODES,
  NETWORK_POLICY_ENGINES,
  NODE_OS_SKUS,
  NODE_OS_UPGRADE_CHANNELS,
  OS_DISK_TYPES,
  WEEK_DAYS,
} from "../constructs/aks-cluster/settings";
import { REGISTRY_SKUS } from "../constructs/container-registry/settings";
import { checkResourceGroupName, checkStorageAccountName } from "../constructs/core/azure-names";
import { checkDnsLabel } from "../constructs/core/kubernetes-names";
import { Rule, ValidationError, Violation } from "../constructs/core/validation";
import { ALL_RULES } from "../constructs/policy/all-rules";
import { ruleIds } from "../constructs/policy/policy-rule";
import { EnvironmentConfig, PolicyException } from "./environment";

const CONTAINER_NAME = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;
const WORKSPACE_NAME = /^[A-Za-z0-9_-]{1,90}$/;
/** The longest stack suffix `addEnvironment` appends to an environment's name. */
const LONGEST_STACK_SUFFIX = "-registry";

type R = Rule<EnvironmentConfig>;

export const BACKEND_TYPES = ["local", "azurerm", "cloud"] as const;
export const KUBELOGIN_MODES = ["azurecli", "workloadidentity", "spn"] as const;
export const FUNCTION_APP_CONNECTION_MODES = ["workload-identity", "connection-string"] as const;

/**
 * TypeScript's unions vanish at runtime: config loaded from JS or JSON can carry any string, and
 * Azure would only refuse it at apply, after earlier stacks deployed. So every closed choice that
 * reaches Azure or Terraform is checked against its list.
 */
function oneOf(property: string, value: unknown, allowed: readonly string[]): Violation | undefined {
  if (typeof value === "string" && allowed.includes(value)) return undefined;
  return {
    property,
    value,
    rule: `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`,
    fix: `use one of the listed values (they are case-sensitive)`,
  };
}

const choices: R[] = [
  (c) => oneOf("backend.type", c.backend.type, BACKEND_TYPES),
  (c) => oneOf("registry.sku", c.registry.sku, REGISTRY_SKUS),
  (c) => oneOf("cluster.skuTier", c.cluster.skuTier, CLUSTER_SKU_TIERS),
  (c) => oneOf("cluster.automaticUpgradeChannel", c.cluster.automaticUpgradeChannel, AUTOMATIC_UPGRADE_CHANNELS),
  (c) => oneOf("cluster.nodeOsUpgradeChannel", c.cluster.nodeOsUpgradeChannel, NODE_OS_UPGRADE_CHANNELS),
  (c) => oneOf("cluster.maintenanceWindow.dayOfWeek", c.cluster.maintenanceWindow.dayOfWeek, WEEK_DAYS),
  (c) => oneOf("cluster.network.mode", c.cluster.network.mode, NETWORK_MODES),
  (c) => oneOf("cluster.network.dataPlane", c.cluster.network.dataPlane, NETWORK_DATA_PLANES),
  (c) => oneOf("cluster.network.policy", c.cluster.network.policy, NETWORK_POLICY_ENGINES),
  (c) => oneOf("cluster.diskEncryption.mode", c.cluster.diskEncryption.mode, DISK_ENCRYPTION_MODES),
  ...(["systemNodePool", "userNodePool"] as const).flatMap((pool): R[] => [
    (c) => oneOf(`cluster.${pool}.osSku`, c.cluster[pool].osSku, NODE_OS_SKUS),
    (c) => oneOf(`cluster.${pool}.osDiskType`, c.cluster[pool].osDiskType, OS_DISK_TYPES),
  ]),
  (c) => oneOf("workload.kubeloginMode", c.workload.kubeloginMode, KUBELOGIN_MODES),
  (c) =>
    c.workload.functionApp.connectionMode === undefined
      ? undefined
      : oneOf("workload.functionApp.connectionMode", c.workload.functionApp.connectionMode, FUNCTION_APP_CONNECTION_MODES),
];

const KNOWN_CHECK_IDS: ReadonlySet<string> = new Set(ALL_RULES.flatMap(ruleIds));

function exceptionViolations(property: string, exceptions: readonly PolicyException[]): Violation[] {
  return exceptions.flatMap((e, i): Violation[] => {
    const unknown = e.ids.filter((id) => !KNOWN_CHECK_IDS.has(id));
    return [
      ...(e.ids.length === 0 || unknown.length > 0
        ? [{ property: `${property}[${i}].ids`, value: e.ids, rule: `must list known check IDs (${JSON.stringify(unknown[0] ?? "none listed")} is not one)`, fix: "use the IDs the synth warnings print, e.g. \"CKV_AZURE_170\"" }]
        : []),
      ...(e.reason.trim().length < 40
        ? [{ property: `${property}[${i}].reason`, value: e.reason, rule: "must give a reason of at least 40 characters a reviewer can judge", fix: "say why the risk is acceptable in this environment" }]
        : []),
    ];
  });
}

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
  (c) =>
    c.workload.functionApp.burstToVirtualNodes === true && !c.cluster.virtualNodes.enabled
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
  return [
    ...[...choices, ...rules].map((rule) => rule(config)).filter((v): v is Violation => v !== undefined),
    ...exceptionViolations("registry.policyExceptions", config.registry.policyExceptions),
    ...exceptionViolations("cluster.policyExceptions", config.cluster.policyExceptions),
  ];
}

/** Throws one error listing every cross-stack violation, naming the config file to edit. */
export function validateEnvironment(config: EnvironmentConfig): void {
  const violations = environmentViolations(config);
  if (violations.length > 0) throw new ValidationError(`config/${config.name}.ts`, "EnvironmentConfig", violations);
}
