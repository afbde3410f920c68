import { App } from "cdktf";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { environmentConfig } from "../../config";
import { EnvironmentConfig } from "../../config/environment";
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

/** Synthesizes every stack of a built-in environment the way `npm run synth` does, into a temp folder. */
export function synthEnvironment(environment = "dev"): SynthesizedApp {
  return synthConfig(environmentConfig(environment));
}

/** Synthesizes every stack of `config` (e.g. an environment with overrides) into a temp folder. */
export function synthConfig(config: EnvironmentConfig): SynthesizedApp {
  const outdir = mkdtempSync(join(tmpdir(), `synth-${config.name}-`));
  const app = new App({ outdir });
  addEnvironment(app, config);
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
export function resourcesOf(stack: Pick<StackJson, "resource">, type: string): any[] {
  return Object.values(stack.resource?.[type] ?? {});
}

/** The Kubernetes objects a stack applies through `kubernetes_manifest`. */
export function manifestsOf(stack: Pick<StackJson, "resource">): any[] {
  return resourcesOf(stack, "kubernetes_manifest").map((r) => r.manifest);
}
