/**
 * A smaller, faster test set for mutation runs:
 *   STRYKER_JEST_CONFIG=jest.stryker.quick.config.js npx stryker run --mutate ...
 * The unit suites of constructs/keda-function-app, constructs/policy and constructs/core, registered
 * in one bundle file (__tests__/mutation/quick.bundle.ts, which says why and lists them), so each
 * mutant run loads cdktf, the providers and the project once instead of once per related suite.
 * The bundle's suites are found by its own code, not by jest's import graph, so Stryker's
 * --findRelatedTests (stryker.config.mjs) is turned off for this set: per-test coverage alone
 * picks the tests of each mutant.
 */
const full = require("./jest.stryker.config.js");

module.exports = {
  ...full,
  testMatch: ["<rootDir>/__tests__/mutation/quick.bundle.ts"],
};
