/** The package end-to-end tests alone (also part of `npm run test:integration`): pack, install into a fresh project, compile, synth; typedoc. */
const { shared } = require("./jest.shared.js");

module.exports = {
  ...shared,
  roots: ["<rootDir>/__tests__/package"],
  testMatch: ["**/pack.test.ts", "**/docs-build.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
};
