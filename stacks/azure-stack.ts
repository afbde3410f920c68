import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { StateBackendConfig } from "../config/environment";
import { addStateBackend } from "./state-backend";

/** What every stack of this project shares: where it lives and how it is tagged. */
export interface AzureStackProps {
  /** Azure region of every resource in the stack. */
  readonly location: string;
  /** Tags applied to every taggable resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** Where the stack keeps its state (see stacks/state-backend.ts). @default { type: "local" } */
  readonly backend?: StateBackendConfig;
}

/** Provider settings a particular stack needs on top of the shared ones. */
export interface AzureProviderOptions {
  /** Manage storage data-plane objects (queues) with Entra ID instead of account keys. @default false */
  readonly storageUseAzuread?: boolean;
}

/**
 * A stack with the azurerm provider and the backend the environment chose (local by default,
 * with a path relative to the stack's working directory so the JSON has no absolute path).
 */
export abstract class AzureStack extends TerraformStack {
  readonly location: string;
  readonly tags: Readonly<Record<string, string>>;

  protected constructor(scope: Construct, id: string, props: AzureStackProps, provider: AzureProviderOptions = {}) {
    super(scope, id);
    this.location = props.location;
    this.tags = props.tags ?? {};
    addStateBackend(this, id, props.backend ?? { type: "local" });
    new AzurermProvider(this, "azurerm", { features: [{}], storageUseAzuread: provider.storageUseAzuread });
  }
}
