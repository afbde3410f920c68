/** The package end-to-end tests: pack, install into a fresh project, compile, synth; typedoc. */
const unit = require("./jest.config.js");

module.exports = {
  ...unit,
  roots: ["<rootDir>/__tests__/package"],
  testMatch: ["**/pack.test.ts", "**/docs-build.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
};
