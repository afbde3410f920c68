import { environments } from "../../config";
import { EnvironmentConfig } from "../../config/environment";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { App, TerraformStack, TerraformVariable } from "cdktf";
import { environmentViolations, validateEnvironment, workloadRules } from "../../config/validation";
import { synthConfig, withOverrides } from "../support/platform";

const dev = environments.dev;
const cloud = { type: "cloud", organization: "contoso", workspacePrefix: "kedafn-", remoteExecution: true } as const;
const azurerm = { type: "azurerm", resourceGroupName: "rg-tfstate", storageAccountName: "sttfstate", containerName: "tfstate" } as const;
const single = (name: string, line: string) => `EnvironmentConfig at "config/${name}.ts" has 1 invalid property:\n  - ${line}`;

test.each([
  ["dev", environments.dev],
  ["prod", environments.prod],
])("%s is consistent", (_, config) => {
  expect(environmentViolations(config)).toEqual([]);
});

test.each<[string, EnvironmentConfig, string]>([
  [
    "environment name",
    { ...dev, name: "Dev" },
    `name = "Dev": must be a Kubernetes DNS-1123 label: 1-40 characters, lowercase letters, digits and '-', starting and ending with a letter or digit. Fix: use a name such as "dev"`,
  ],
  [
    "resource group name",
    withOverrides(dev, { workload: { resourceGroupName: "rg-workload." } }),
    `workload.resourceGroupName = "rg-workload.": must be 1-90 letters, digits, '_', '-', '.', '(' and ')', and must not end with '.' (Microsoft.Resources/resourcegroups). Fix: remove other characters, shorten the name and drop a trailing '.'`,
  ],
  [
    "two stacks sharing a resource group",
    withOverrides(dev, { cluster: { resourceGroupName: dev.registry.resourceGroupName } }),
    `cluster.resourceGroupName = "${dev.registry.resourceGroupName}": each stack needs its own resource group (registry, cluster and workload groups must differ): two stacks managing one group destroy each other's resources. Fix: give every stack a distinct resource group name`,
  ],
  [
    "state storage account",
    { ...dev, backend: { ...azurerm, storageAccountName: "st-tfstate" } },
    `backend.storageAccountName = "st-tfstate": must be 3-24 lowercase letters and digits (Microsoft.Storage/storageAccounts), globally unique. Fix: use a name such as "sttfstate"`,
  ],
  [
    "state container",
    { ...dev, backend: { ...azurerm, containerName: "TF" } },
    `backend.containerName = "TF": must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit (blob container). Fix: use e.g. "tfstate"`,
  ],
  [
    "state resource group",
    { ...dev, backend: { ...azurerm, resourceGroupName: "rg/tfstate" } },
    `backend.resourceGroupName = "rg/tfstate": must be 1-90 letters, digits, '_', '-', '.', '(' and ')', and must not end with '.' (Microsoft.Resources/resourcegroups). Fix: remove other characters, shorten the name and drop a trailing '.'`,
  ],
  [
    "Terraform Cloud organization",
    { ...dev, workload: { ...dev.workload, kubeloginMode: "spn" }, backend: { ...cloud, organization: " " } },
    `backend.organization = " ": must name a Terraform Cloud organization. Fix: set it to your organization's name`,
  ],
  [
    "Terraform Cloud workspace prefix",
    { ...dev, workload: { ...dev.workload, kubeloginMode: "spn" }, backend: { ...cloud, workspacePrefix: "keda fn/" } },
    `backend.workspacePrefix = "keda fn/": workspace names (prefix + stack id, e.g. "keda fn/dev-registry") must be at most 90 letters, digits, '-' and '_'. Fix: use letters, digits, '-' and '_' only, and shorten the prefix`,
  ],
  [
    "Terraform Cloud workspace prefix one character too long",
    { ...dev, workload: { ...dev.workload, kubeloginMode: "spn" }, backend: { ...cloud, workspacePrefix: "p".repeat(79) } },
    `backend.workspacePrefix = "${"p".repeat(79)}": workspace names (prefix + stack id, e.g. "${"p".repeat(79)}dev-registry") must be at most 90 letters, digits, '-' and '_'. Fix: use letters, digits, '-' and '_' only, and shorten the prefix`,
  ],
  [
    "Azure CLI login on remote Terraform Cloud runners",
    { ...dev, backend: cloud },
    `workload.kubeloginMode = "azurecli": Terraform Cloud's remote runners have no Azure CLI login, so kubelogin cannot get a token with "azurecli". Fix: use "workloadidentity" (dynamic provider credentials) or "spn" (AZURE_CLIENT_ID/AZURE_CLIENT_SECRET workspace variables), or set backend.remoteExecution to false`,
  ],
])("%s is an error before any stack is built", (_, config, line) => {
  expect(() => validateEnvironment(config)).toThrow(single(config.name, line));
  expect(() => synthConfig(config)).toThrow(single(config.name, line));
});

test.each<[string, EnvironmentConfig]>([
  ["a 3-character state container", { ...dev, backend: { ...azurerm, containerName: "tf1" } }],
  ["a 63-character state container with single dashes", { ...dev, backend: { ...azurerm, containerName: "t" + "-f".repeat(31) } }],
  ["a workspace prefix that makes the longest workspace name exactly 90 characters, with '_' and '-'", { ...dev, workload: { ...dev.workload, kubeloginMode: "spn" }, backend: { ...cloud, workspacePrefix: "p_-".repeat(26) } }],
])("accepts the near miss: %s", (_, config) => {
  expect(environmentViolations(config)).toEqual([]);
});

// A Terraform token (here a variable) is known only at apply: the config's string grammars let it through.
describe("a TerraformVariable's value is never judged as a literal", () => {
  const stack = new TerraformStack(new App(), "tokens");
  const token = (name: string) => new TerraformVariable(stack, name, { type: "string" }).stringValue;

  test.each<[string, EnvironmentConfig]>([
    ["backend.containerName", { ...dev, backend: { ...azurerm, containerName: token("container") } }],
    ["backend.workspacePrefix", { ...dev, workload: { ...dev.workload, kubeloginMode: "spn" }, backend: { ...cloud, workspacePrefix: token("prefix") } }],
  ])("%s", (_, config) => {
    expect(environmentViolations(config)).toEqual([]);
  });

  test("functionApp.image.contextPath", () => {
    const workload = withOverrides(dev.workload, { functionApp: { image: { source: "acr-task", contextPath: token("context") } } });
    expect(workloadRules.map((rule) => rule(workload)).filter((v) => v !== undefined)).toEqual([]);
  });
});

test("Terraform Cloud with local execution may keep the Azure CLI login", () => {
  expect(environmentViolations({ ...dev, backend: { ...cloud, remoteExecution: false } })).toEqual([]);
});

test("Terraform Cloud with workload identity is accepted and selects kubelogin's workloadidentity login", () => {
  const config = { ...dev, workload: { ...dev.workload, kubeloginMode: "workloadidentity" as const }, backend: cloud };
  const app = synthConfig(config);
  const [kubernetes] = app.stack("dev-workload").provider!.kubernetes;
  expect(kubernetes.exec[0].args).toEqual(expect.arrayContaining(["--login", "workloadidentity"]));
});

// Config from JS or JSON is not type-checked: every closed choice that reaches Azure is checked at runtime.
const untyped = (patch: Record<string, unknown>) => withOverrides(dev as never, patch as never) as EnvironmentConfig;
const CHOICE_FIX = ". Fix: use one of the listed values (they are case-sensitive)";
test.each<[string, Record<string, unknown>, string]>([
  ["kubelogin mode", { workload: { kubeloginMode: "devicecode" } }, `workload.kubeloginMode = "devicecode": must be one of "azurecli", "workloadidentity", "spn"`],
  ["backend type", { backend: { type: "s3" } }, `backend.type = "s3": must be one of "local", "azurerm", "cloud"`],
  ["a missing choice", { workload: { kubeloginMode: undefined } }, `workload.kubeloginMode = undefined: must be one of "azurecli", "workloadidentity", "spn"`],
])("untyped config: %s outside its union is an error before any stack is built", (_, patch, line) => {
  expect(() => validateEnvironment(untyped(patch))).toThrow(single("dev", `${line}${CHOICE_FIX}`));
});

// The cluster's own choices are the AksCluster's to check (a user of the construct gets the same
// check); the config only passes them on.
const AKS = 'AksCluster at "dev-cluster/Default" has 1 invalid property:';
test.each<[string, Record<string, unknown>, string]>([
  ["cluster tier", { skuTier: "Paid" }, `skuTier = "Paid": must be one of "Free", "Standard", "Premium"`],
  ["upgrade channel", { automaticUpgradeChannel: "latest" }, `automaticUpgradeChannel = "latest": must be one of "patch", "stable", "rapid", "node-image", "none"`],
  ["node OS channel", { nodeOsUpgradeChannel: "nodeimage" }, `nodeOsUpgradeChannel = "nodeimage": must be one of "NodeImage", "SecurityPatch", "Unmanaged", "None"`],
  ["maintenance day", { maintenanceWindow: { dayOfWeek: "Sun" } }, `maintenanceWindow.dayOfWeek = "Sun": must be one of "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"`],
  ["network mode", { network: { mode: "kubenet" } }, `network.mode = "kubenet": must be one of "overlay", "vnet"`],
  ["network data plane", { network: { dataPlane: "ebpf", policy: "azure" } }, `network.dataPlane = "ebpf": must be one of "azure", "cilium"`],
  ["network policy", { network: { policy: "none" } }, `network.policy = "none": must be one of "azure", "calico", "cilium"`],
  ["disk encryption mode", { diskEncryption: { mode: "cmk" } }, `diskEncryption.mode = "cmk": must be one of "platform-managed", "existing-set", "customer-managed"`],
  ["system pool OS", { systemNodePool: { osSku: "Windows" } }, `systemNodePool.osSku = "Windows": must be one of "AzureLinux", "Ubuntu"`],
  ["user pool OS disk", { userNodePool: { osDiskType: "ephemeral" } }, `userNodePool.osDiskType = "ephemeral": must be one of "Ephemeral", "Managed"`],
])("untyped cluster config: %s outside its union fails synth at the AksCluster", (_, patch, line) => {
  const config = untyped({ cluster: patch });
  expect(environmentViolations(config)).toEqual([]);
  expect(() => synthConfig(config)).toThrow(`${AKS}\n  - ${line}${CHOICE_FIX}`);
});

test("config/ does not depend on the policy layer", () => {
  const dir = join(__dirname, "../../config");
  const importers = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .filter((f) => /from "\.\.\/constructs\/policy/.test(readFileSync(join(dir, f), "utf8")));
  expect(importers).toEqual([]);
});
