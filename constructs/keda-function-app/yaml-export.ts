import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from "cdktf";
import { stringify } from "yaml";
import type { KedaFunctionApp } from "./keda-function-app";

/**
 * The app's Kubernetes objects as Terraform will apply them: the same objects the
 * `kubernetes_manifest` resources hold, with every value known only after apply (identity
 * client id, image digest, LoadBalancer IP) as its Terraform expression, e.g.
 * `${azurerm_user_assigned_identity.function-app_identity_1234ABCD.client_id}`.
 */
export function exportObjects(app: KedaFunctionApp): Record<string, unknown>[] {
  const resolver = new DefaultTokenResolver(new StringConcat());
  return Tokenization.resolve(app.objects, { scope: TerraformStack.of(app), preparing: false, resolver }) as Record<string, unknown>[];
}

/** A `---`-separated YAML stream, what `func kubernetes deploy --dry-run` prints. Deterministic. */
export function toYamlStream(objects: readonly unknown[]): string {
  return objects.map((object) => stringify(object, { lineWidth: 0, aliasDuplicateObjects: false })).join("---\n");
}
