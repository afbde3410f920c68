/** One jest run covers the infrastructure code and the function app. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__", "<rootDir>/function-app/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }] },
  setupFilesAfterEnv: ["<rootDir>/__tests__/support/setup.ts"],
  modulePathIgnorePatterns: ["<rootDir>/cdktf.out", "<rootDir>/dist", "<rootDir>/function-app/dist"],
};
