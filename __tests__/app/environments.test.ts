import { environmentConfig, environments } from "../../config";
import { synthEnvironment } from "../support/synth-app";

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

test("prod has the same shape as dev and differs only in values", () => {
  // Discriminated unions (cluster.diskEncryption) differ in shape by design: only their tag is compared.
  const shape = (value: unknown, key = ""): unknown =>
    key === "diskEncryption"
      ? "union"
      : value !== null && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v, k)]))
        : // null marks an unset optional string (kubernetesVersion)
          value === null ? "string" : typeof value;
  expect(shape(environments.prod)).toEqual(shape(environments.dev));
  expect(environments.prod).not.toEqual(environments.dev);
});

test("prod synthesizes its own three stacks", () => {
  const prod = synthEnvironment("prod");
  expect(Object.keys(prod.manifest.stacks).sort()).toEqual(["prod-cluster", "prod-registry", "prod-workload"]);
});
