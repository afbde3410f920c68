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

module.exports = { shared, roots, INTEGRATION_SUITES };
