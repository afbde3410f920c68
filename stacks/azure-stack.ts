import { LocalBackend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";

/** What every stack of this project shares: where it lives and how it is tagged. */
export interface AzureStackProps {
  /** Azure region of every resource in the stack. */
  readonly location: string;
  /** Tags applied to every taggable resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Provider settings a particular stack needs on top of the shared ones. */
export interface AzureProviderOptions {
  /** Manage storage data-plane objects (queues) with Entra ID instead of account keys. @default false */
  readonly storageUseAzuread?: boolean;
}

/**
 * A stack with the azurerm provider and a local backend whose path is relative to the
 * stack's working directory (`cdktf.out/stacks/<id>`), so the synthesized JSON does not
 * embed the absolute path of the machine that ran synth.
 */
export abstract class AzureStack extends TerraformStack {
  readonly location: string;
  readonly tags: Readonly<Record<string, string>>;

  protected constructor(scope: Construct, id: string, props: AzureStackProps, provider: AzureProviderOptions = {}) {
    super(scope, id);
    this.location = props.location;
    this.tags = props.tags ?? {};
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    new AzurermProvider(this, "azurerm", { features: [{}], storageUseAzuread: provider.storageUseAzuread });
  }
}
