/**
 * A smaller test set for mutation runs on a slow or shared machine:
 *   STRYKER_JEST_CONFIG=jest.stryker.quick.config.js npx stryker run --mutate ...
 * Each mutant run loads every related test file, and each file pays for loading cdktf and the
 * providers; on 2 busy cores that made one mutant cost a minute or more with the full set
 * (jest.stryker.config.js). These are the unit suites of constructs/keda-function-app and
 * constructs/policy (pure renderers, rule tables, single-stack synths, rule fixtures): the score
 * they give is a lower bound of the full set's.
 */
const full = require("./jest.stryker.config.js");

module.exports = {
  ...full,
  testMatch: [
    "<rootDir>/__tests__/keda-function-app/(render|keda-triggers|props-rules-messages|storage-queues|tokens|hardening|keda-function-app|blob-scaling|http-add-on-routing|kafka-scaling|trigger-default-thresholds|discovery|discovery-cli|acr-task-image|keys-rbac).test.ts",
    "<rootDir>/__tests__/bad-input/(rules|keda-function-app-inputs).test.ts",
    "<rootDir>/__tests__/conformance/rule-fixtures.test.ts",
    "<rootDir>/__tests__/policy/(findings-say-what-is-wrong|rules-on-minimal-objects|rule-near-misses|policy-pack|required-props-policy).test.ts",
  ],
};
