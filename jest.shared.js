/**
 * What the jest configurations share: the transform, the per-run temp folder, and the list of
 * integration suites. `npm test` (jest.config.js) runs the in-process suites; the suites listed
 * here wait on real processes (node running the synth runner, terraform, npm pack, typedoc,
 * Azurite, jest inside jest, the gates) and run as `npm run test:integration`
 * (jest.integration.config.js), which CI runs after `npm test`. Nothing is skipped: a file is
 * in exactly one of the two.
 */
const shared = {
  // jest-environment-node, with each worker reusing V8's compiled code of a module across test files.
  testEnvironment: "<rootDir>/__tests__/support/code-cache-environment.js",
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }] },
  setupFilesAfterEnv: ["<rootDir>/__tests__/support/setup.ts"],
  globalSetup: "<rootDir>/__tests__/support/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/support/global-teardown.ts",
  modulePathIgnorePatterns: ["<rootDir>/cdktf.out", "<rootDir>/dist", "<rootDir>/function-app/dist", "<rootDir>/.build"],
  // Jest's default is one worker less than the cores: on a 2-core machine that runs every
  // file in band, one after the other. Two workers cut the suite's wall time (BENCHMARKS.md).
  maxWorkers: "100%",
};

/** Both trees of test files. */
const roots = ["<rootDir>/__tests__", "<rootDir>/function-app/__tests__"];

/**
 * The integration suites, as path regexes (by file name, so a suite moved to another folder
 * stays selected). Each spends its time in child processes, not in jest.
 */
const INTEGRATION_SUITES = [
  // node scripts/run-app.mjs as a user runs it (the README synth, manifests, discover CLI)
  "/__tests__/scripts/(run-app|manifests)\\.test\\.ts$",
  "/__tests__/reliability/determinism\\.test\\.ts$",
  "/__tests__/keda-function-app/discovery-cli\\.test\\.ts$",
  // function discovery loads the app in a child node process, once per case
  "/__tests__/keda-function-app/discovery\\.test\\.ts$",
  // terraform on the synthesized JSON (validate / plan; init + apply of the token expressions)
  "/cluster-access\\.test\\.ts$",
  "/__tests__/keda-function-app/tokens\\.test\\.ts$",
  // jest's global setup and teardown run in a child process, three times
  "/__tests__/reliability/repeated-jest-runs\\.test\\.ts$",
  // the gates (secretlint, dockerfilelint) and the doc-snippet checker as processes
  "/__tests__/policy/gates\\.test\\.ts$",
  "/__tests__/package/doc-snippets\\.test\\.ts$",
  // the package end to end: npm pack + install + tsc + synth; typedoc
  "/__tests__/package/(pack|docs-build)\\.test\\.ts$",
  // the function app against Azurite
  "/function-app/__tests__/jobs-pipeline\\.test\\.ts$",
];

/**
 * `npm test` runs the in-process suites in these bundles (jest.bundles.config.js): one jest test
 * file per bundle that registers every suite of its folders (__tests__/support/bundle.ts). Jest
 * gives each test file its own module registry, and each registry loads cdktf, the providers and
 * the project again (0.5-0.7 CPU-s per file, the larger part of the run's CPU; BENCHMARKS.md). A
 * bundle loads them once for all its suites. Folders are grouped so the two workers finish
 * together. A suite with a snapshot file runs on its own: its snapshots belong to its path.
 */
const BUNDLES = {
  "app-config": ["__tests__/app", "__tests__/config"],
  "cluster-registry": ["__tests__/stacks", "__tests__/aks-cluster", "__tests__/container-registry"],
  "keda-function-app": ["__tests__/keda-function-app"],
  policy: ["__tests__/policy", "__tests__/conformance", "__tests__/bad-input", "__tests__/core"],
  rest: ["__tests__/reliability", "__tests__/scripts", "__tests__/package", "__tests__/e2e-cluster", "function-app/__tests__"],
};

module.exports = { shared, roots, INTEGRATION_SUITES, BUNDLES };
