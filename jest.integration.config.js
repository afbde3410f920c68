/**
 * `npm run test:integration`: the suites that judge real processes (list and reasons in
 * jest.shared.js), the package end-to-end tests among them. CI runs it after `npm test`.
 */
const { shared, roots, INTEGRATION_SUITES } = require("./jest.shared.js");

module.exports = {
  ...shared,
  roots,
  testRegex: INTEGRATION_SUITES,
  testPathIgnorePatterns: ["/node_modules/"],
};
