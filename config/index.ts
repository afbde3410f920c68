import { dev } from "./dev";
import { EnvironmentConfig } from "./environment";
import { prod } from "./prod";

export * from "./environment";

/** The environments this project ships; add one by adding a file and a line here. */
export const environments: Readonly<Record<string, EnvironmentConfig>> = { dev, prod };

/** The environment `npm run synth` builds when neither DEPLOY_ENV nor the context key "environment" names one. */
export const DEFAULT_ENVIRONMENT = "dev";

/** Looks an environment up by name, with an error that lists the valid names. */
export function environmentConfig(name: string = DEFAULT_ENVIRONMENT): EnvironmentConfig {
  const config = Object.prototype.hasOwnProperty.call(environments, name) ? environments[name] : undefined;
  if (config === undefined) {
    const known = Object.keys(environments).map((n) => JSON.stringify(n)).join(", ");
    throw new Error(
      `Unknown environment ${JSON.stringify(name)}: choose one of ${known} ` +
        `(set DEPLOY_ENV or the cdktf context key "environment"), or add config/${name}.ts and register it in config/index.ts.`,
    );
  }
  return config;
}
