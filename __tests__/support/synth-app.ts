import { App } from "cdktf";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { environmentConfig } from "../../config";
import { addEnvironment } from "../../stacks/app";

/** The Terraform JSON of one synthesized stack. */
export type StackJson = {
  terraform: Record<string, any>;
  provider?: Record<string, any[]>;
  resource?: Record<string, Record<string, any>>;
  data?: Record<string, Record<string, any>>;
  output?: Record<string, any>;
};

export interface SynthesizedApp {
  readonly outdir: string;
  readonly manifest: { stacks: Record<string, { dependencies: string[] }> };
  stack(name: string): StackJson;
  raw(name: string): string;
}

/** Synthesizes every stack of an environment the way `npm run synth` does, into a temp folder. */
export function synthEnvironment(environment = "dev"): SynthesizedApp {
  const outdir = mkdtempSync(join(tmpdir(), `synth-${environment}-`));
  const app = new App({ outdir });
  addEnvironment(app, environmentConfig(environment));
  app.synth();
  const raw = (name: string) => readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8");
  return {
    outdir,
    manifest: JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")),
    raw,
    stack: (name) => JSON.parse(raw(name)) as StackJson,
  };
}

/** All resources of a type in a stack, as a list of their configs. */
export function resourcesOf(stack: StackJson, type: string): Record<string, any>[] {
  return Object.values(stack.resource?.[type] ?? {});
}

/** The Kubernetes objects a stack applies through `kubernetes_manifest`. */
export function manifestsOf(stack: StackJson): Record<string, any>[] {
  return resourcesOf(stack, "kubernetes_manifest").map((r) => r.manifest);
}
