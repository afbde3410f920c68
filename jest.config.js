/** One jest run covers the infrastructure code and the function app. */
module.exports = {
  testEnvironment: "node",
  // Jest's default is one worker less than the cores: on a 2-core machine that runs every
  // file in band, one after the other. Files that wait on npm/tsc child processes then
  // block the rest; two workers cut the suite's wall time (BENCHMARKS.md).
  maxWorkers: "100%",
  roots: ["<rootDir>/__tests__", "<rootDir>/function-app/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }] },
  setupFilesAfterEnv: ["<rootDir>/__tests__/support/setup.ts"],
  modulePathIgnorePatterns: ["<rootDir>/cdktf.out", "<rootDir>/dist", "<rootDir>/function-app/dist"],
};
