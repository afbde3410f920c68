import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from "cdktf";
import { IConstruct } from "constructs";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { stringify } from "yaml";
import type { KedaFunctionApp } from "./keda-function-app";

/**
 * The app's Kubernetes objects as Terraform will apply them: the same objects the
 * `kubernetes_manifest` resources hold, with every value known only after apply (identity
 * client id, image digest, LoadBalancer IP) as its Terraform expression, e.g.
 * `${azurerm_user_assigned_identity.function-app_identity_1234ABCD.client_id}`.
 */
export function exportObjects(app: KedaFunctionApp): Record<string, unknown>[] {
  return resolveObjects(app, app.objects);
}

/**
 * What `kubectl apply` needs on a fresh cluster: the Namespace the app lives in first (created
 * by the construct, or by another `kubernetes_manifest` of the app's stack, as the workload
 * stack does), then the app's objects.
 */
export function exportObjectsWithNamespace(app: KedaFunctionApp): Record<string, unknown>[] {
  const own = exportObjects(app) as Array<{ kind?: string; metadata?: { name?: string; namespace?: string } }>;
  const needed = new Set(own.map((o) => o.metadata?.namespace).filter((ns): ns is string => ns !== undefined));
  for (const o of own) if (o.kind === "Namespace") needed.delete(o.metadata?.name ?? "");
  const fromStack = TerraformStack.of(app)
    .node.findAll()
    .filter((c): c is Manifest => c instanceof Manifest && !app.manifests.includes(c))
    .map((m) => m.manifestInput as { kind?: string; metadata?: { name?: string } } | undefined)
    .filter((o) => o?.kind === "Namespace" && needed.has(o.metadata?.name ?? ""));
  return [...resolveObjects(app, fromStack), ...(own as Record<string, unknown>[])];
}

function resolveObjects(scope: IConstruct, objects: readonly unknown[]): Record<string, unknown>[] {
  const resolver = new DefaultTokenResolver(new StringConcat());
  return Tokenization.resolve(objects, { scope: TerraformStack.of(scope), preparing: false, resolver }) as Record<string, unknown>[];
}

/** A `---`-separated YAML stream, what `func kubernetes deploy --dry-run` prints. Deterministic. */
export function toYamlStream(objects: readonly unknown[]): string {
  return objects.map((object) => stringify(object, { lineWidth: 0, aliasDuplicateObjects: false })).join("---\n");
}
