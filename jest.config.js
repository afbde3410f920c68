/**
 * The unit and integration suites: infrastructure code and the function app. The
 * package end-to-end tests (npm pack + install + tsc + typedoc) wait on child
 * processes for 10-20 s, so they run separately: jest.e2e.config.js.
 */
const shared = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }] },
  setupFilesAfterEnv: ["<rootDir>/__tests__/support/setup.ts"],
  globalSetup: "<rootDir>/__tests__/support/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/support/global-teardown.ts",
  modulePathIgnorePatterns: ["<rootDir>/cdktf.out", "<rootDir>/dist", "<rootDir>/function-app/dist", "<rootDir>/.build"],
  // Jest's default is one worker less than the cores: on a 2-core machine that runs every
  // file in band, one after the other. Two workers cut the suite's wall time (BENCHMARKS.md).
  maxWorkers: "100%",
};

module.exports = {
  ...shared,
  roots: ["<rootDir>/__tests__", "<rootDir>/function-app/__tests__"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/__tests__/package/(pack|docs-build)\\.test\\.ts$"],
};
