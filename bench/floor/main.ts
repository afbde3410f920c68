/**
 * The floor of every synth: the smallest useful cdktf app (one stack, the azurerm
 * provider, one resource group) through a deep import, precompiled and run with plain
 * `node`. Nothing the project does can make `cdktf.out/` appear faster than this.
 */
import { App, TerraformStack } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";

const app = new App();
const stack = new TerraformStack(app, "floor");
new AzurermProvider(stack, "azurerm", { features: [{}] });
new ResourceGroup(stack, "resource-group", { name: "rg-floor", location: "westeurope" });
app.synth();
