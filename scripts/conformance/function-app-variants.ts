// Run by the conformance command (`node scripts/run-app.mjs scripts/conformance/function-app-variants.ts`
// with CDKTF_OUTDIR): synthesizes one stack per KedaFunctionApp variant of
// fixtures/function-app-variants.ts, validations on, so kubeconform can judge their objects.
import { App, TerraformStack } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { KedaFunctionApp } from "../../constructs/keda-function-app";
import { FUNCTION_APP_VARIANTS } from "./fixtures/function-app-variants";

const app = new App();
for (const [name, props] of FUNCTION_APP_VARIANTS) {
  const stack = new TerraformStack(app, name);
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  new KubernetesProvider(stack, "kubernetes", {});
  new KedaFunctionApp(stack, "app", props);
}
app.synth();
