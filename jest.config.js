/**
 * `npm test`'s jest run: the in-process unit and behaviour suites of the infrastructure code and
 * the function app. The suites that wait on child processes run as `npm run test:integration`
 * (jest.integration.config.js; the list is in jest.shared.js).
 */
const { shared, roots, INTEGRATION_SUITES } = require("./jest.shared.js");

module.exports = {
  ...shared,
  // Synthesizes dev and prod once per run with the README's runner; synthEnvironment reads them.
  globalSetup: "<rootDir>/__tests__/support/global-setup-shared-synth.ts",
  roots,
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", ...INTEGRATION_SUITES],
};
