// Policy checks as Aspects: the project's rules, your own rule, and an exception with a reason.
import { App, TerraformStack } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { ALL_RULES, applyPolicy, PolicyPack, resourceRule, suppressPolicy } from "keda-functions-aks";

const requireOwnerTag = resourceRule(
  {
    id: "ORG-001",
    source: "project",
    level: "error",
    resourceTypes: ["azurerm_storage_account"],
    description: "Storage accounts carry an owner tag",
    fix: 'add tags: { owner: "<team>" }',
  },
  (config) => (config.tags?.owner === undefined ? "no owner tag" : undefined),
);

const app = new App();
const stack = new TerraformStack(app, "data");
new AzurermProvider(stack, "azurerm", { features: [{}] });
const logs = new StorageAccount(stack, "logs", {
  name: "stlogsexample",
  resourceGroupName: "rg-data",
  location: "westeurope",
  accountTier: "Standard",
  accountReplicationType: "LRS",
  minTlsVersion: "TLS1_2",
  allowNestedItemsToBePublic: false,
  tags: { owner: "platform" },
});
suppressPolicy(logs, "CKV2_AZURE_40", "the legacy log shipper signs in with the account key until ORG-42 replaces it");

const policy = new PolicyPack({ rules: [...ALL_RULES, requireOwnerTag] });
applyPolicy(app, policy);
app.synth();
