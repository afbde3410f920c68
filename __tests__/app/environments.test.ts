import { EnvironmentConfig, environmentConfig, environments } from "../../config";
import { resolveClusterSettings } from "../../constructs/aks-cluster/defaults";
import { synthConfig, synthEnvironment } from "../support/synth-app";

test("dev is the default environment", () => {
  expect(environmentConfig()).toBe(environments.dev);
});

test("an unknown environment is a clear error that lists the known ones", () => {
  expect(() => environmentConfig("staging")).toThrow(
    'Unknown environment "staging": choose one of "dev", "prod" (set DEPLOY_ENV or the cdktf context key "environment"), ' +
      "or add config/staging.ts and register it in config/index.ts.",
  );
});

test("names that are not own properties are not environments", () => {
  expect(() => environmentConfig("toString")).toThrow(/Unknown environment "toString"/);
});

// Discriminated unions (diskEncryption) differ in shape by design: only their tag is compared.
const shape = (value: unknown, key = ""): unknown =>
  key === "diskEncryption"
    ? "union"
    : value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v, k)]))
      : // null marks an unset optional string (kubernetesVersion)
        value === null ? "string" : typeof value;

// The function app's settings other than these are optional, defaulting to KedaFunctionApp's.
const REQUIRED_APP_KEYS = ["name", "sourceDirectory", "repository"];
const requiredAppKeys = (functionApp: object) => Object.fromEntries(Object.entries(functionApp).filter(([key]) => REQUIRED_APP_KEYS.includes(key)));

test("prod and dev resolve to the same shape and differ only in values", () => {
  const resolved = (env: EnvironmentConfig) => ({
    ...env,
    registry: undefined,
    cluster: resolveClusterSettings(env.cluster, env.cluster.name ?? ""),
    workload: { ...env.workload, functionApp: requiredAppKeys(env.workload.functionApp) },
  });
  expect(shape(resolved(environments.prod))).toEqual(shape(resolved(environments.dev)));
  expect(environments.prod).not.toEqual(environments.dev);
});

/** Every leaf of `listed` with its dotted path (arrays and diskEncryption are leaves: they replace the default whole). */
function leaves(listed: object, prefix = ""): Array<[string, unknown]> {
  return Object.entries(listed).flatMap(([key, value]): Array<[string, unknown]> =>
    value !== null && typeof value === "object" && !Array.isArray(value) && key !== "diskEncryption"
      ? leaves(value, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

test.each(Object.keys(environments))("config/%s.ts lists only cluster settings that differ from AksCluster's defaults", (name) => {
  const { resourceGroupName: _group, policyExceptions: _exceptions, ...listed } = environments[name].cluster;
  const defaults = resolveClusterSettings({}, "(no name)");
  const valueAt = (path: string) => path.split(".").reduce<any>((object, key) => object?.[key], defaults);
  const sameAsDefault = leaves(listed).filter(([path, value]) => JSON.stringify(valueAt(path)) === JSON.stringify(value));
  expect(sameAsDefault).toEqual([]);
});

// The function app's optional settings default to KedaFunctionApp's: a listed one must change
// what is deployed, or it restates a default (judged on the synthesized workload stack).
test.each(Object.keys(environments))("config/%s.ts lists only function app settings that change the workload stack", (name) => {
  const config = environments[name];
  const workload = (functionApp: EnvironmentConfig["workload"]["functionApp"]) =>
    synthConfig({ ...config, workload: { ...config.workload, functionApp } }).raw(`${name}-workload`);
  const listed = Object.keys(config.workload.functionApp).filter((key) => !REQUIRED_APP_KEYS.includes(key));
  if (listed.length === 0) return;
  // The environment as it is: this run's shared synth when there is one.
  const asListed = synthEnvironment(name).raw(`${name}-workload`);
  const restated = listed.filter((key) => {
    const { [key]: _dropped, ...rest } = config.workload.functionApp as unknown as Record<string, unknown>;
    return workload(rest as unknown as EnvironmentConfig["workload"]["functionApp"]) === asListed;
  });
  expect(restated).toEqual([]);
});

test("prod synthesizes its own three stacks", () => {
  const prod = synthEnvironment("prod");
  expect(Object.keys(prod.manifest.stacks).sort()).toEqual(["prod-cluster", "prod-registry", "prod-workload"]);
});
