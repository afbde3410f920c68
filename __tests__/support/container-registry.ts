import { Testing, TerraformStack } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ContainerRegistry, ContainerRegistryProps } from "../../constructs/container-registry";
import type { StackJson } from "./synth-app";

/** A user's own stack with nothing but the azurerm provider. */
export function userStack(id = "user"): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  return stack;
}

/** `new ContainerRegistry(stack, "acr", props)` in a user's stack, synthesized with validations. */
export function synthRegistry(props?: ContainerRegistryProps, build?: (registry: ContainerRegistry, stack: TerraformStack) => void): StackJson {
  const stack = userStack();
  const registry = new ContainerRegistry(stack, "acr", props);
  build?.(registry, stack);
  return JSON.parse(Testing.synth(stack, true)) as StackJson;
}

/** The registry's azurerm resource of a synthesized user stack. */
export function acrOf(stack: StackJson): Record<string, any> {
  const all = Object.values(stack.resource?.["azurerm_container_registry"] ?? {});
  if (all.length !== 1) throw new Error(`expected one azurerm_container_registry, found ${all.length}`);
  return all[0];
}
