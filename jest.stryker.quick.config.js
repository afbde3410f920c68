/**
 * A smaller test set for mutation runs on a slow or shared machine:
 *   STRYKER_JEST_CONFIG=jest.stryker.quick.config.js npx stryker run --mutate ...
 * Each mutant run loads every related test file, and each file pays for loading cdktf and the
 * providers; on 2 busy cores that made one mutant cost a minute or more with the full set
 * (jest.stryker.config.js). These are the unit suites of constructs/keda-function-app,
 * constructs/policy and constructs/core (renderers, rule tables, single-stack synths, rule
 * fixtures, name grammars), without the suites that synthesize whole environments in beforeAll
 * (policy-checks) or drive processes: the score they give is a lower bound of the full set's.
 */
const full = require("./jest.stryker.config.js");

module.exports = {
  ...full,
  testMatch: [
    "<rootDir>/__tests__/keda-function-app/*.test.ts",
    "<rootDir>/__tests__/bad-input/(rules|keda-function-app-inputs).test.ts",
    "<rootDir>/__tests__/conformance/rule-fixtures.test.ts",
    "<rootDir>/__tests__/core/*.test.ts",
    "<rootDir>/__tests__/policy/(findings-say-what-is-wrong|rules-on-minimal-objects|rule-near-misses|policy-pack|required-props-policy|policy-exceptions|dockerfile-args).test.ts",
  ],
};
