import type { App } from "cdktf";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EnvironmentConfig } from "../../config/environment";
import type { addEnvironment } from "../../stacks/app";

// cdktf, the config and the stacks are required when a synth runs, not when this file loads:
// a suite that only reads the shared synth of dev or prod never loads the providers.
/* eslint-disable @typescript-eslint/no-require-imports */
const cdktf = (): { App: typeof App } => require("cdktf");
const stacks = (): { addEnvironment: typeof addEnvironment } => require("../../stacks/app");
const configs = (): { environments: Readonly<Record<string, EnvironmentConfig>>; environmentConfig(name: string): EnvironmentConfig } =>
  require("../../config");
/* eslint-enable @typescript-eslint/no-require-imports */

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

/**
 * Every stack of a built-in environment, synthesized the way `npm run synth` does. Under
 * `npm test` the dev and prod of this run were synthesized once by `node scripts/run-app.mjs`
 * (global-setup-shared-synth.ts) and are read from there; otherwise (another jest config, or
 * the shared synth failed) they are synthesized in-process into a temp folder.
 */
export function synthEnvironment(environment = "dev"): SynthesizedApp {
  const shared = sharedSynth(environment);
  return shared ?? synthConfig(configs().environmentConfig(environment));
}

/**
 * Synthesizes every stack of `config` (e.g. an environment with overrides) into a temp folder.
 * A built-in environment's own, unchanged config object reads the shared synth instead.
 */
export function synthConfig(config: EnvironmentConfig): SynthesizedApp {
  if (configs().environments[config.name] === config) {
    const shared = sharedSynth(config.name);
    if (shared !== undefined) return shared;
  }
  const outdir = mkdtempSync(join(tmpdir(), `synth-${config.name}-`));
  const app = new (cdktf().App)({ outdir });
  stacks().addEnvironment(app, config);
  app.synth();
  return readSynth(outdir);
}

/** The output of global-setup-shared-synth.ts for `environment`, when this run has one. */
function sharedSynth(environment: string): SynthesizedApp | undefined {
  const dir = process.env.KEDAFN_JEST_SHARED_SYNTH;
  if (dir === undefined) return undefined;
  const outdir = join(dir, environment);
  return existsSync(join(outdir, "manifest.json")) ? readSynth(outdir) : undefined;
}

/** A synthesized app read from its outdir (each `stack()` call parses afresh: callers may mutate it). */
function readSynth(outdir: string): SynthesizedApp {
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
