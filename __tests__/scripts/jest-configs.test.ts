import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

// npm test (jest.config.js) and npm run test:integration (jest.integration.config.js) split the
// test files by the patterns in jest.shared.js. A pattern that matches no file any more (a suite
// renamed or moved) would silently drop that suite into npm test, or out of both: this fails first.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { INTEGRATION_SUITES } = require("../../jest.shared.js") as { INTEGRATION_SUITES: string[] };
/* eslint-disable @typescript-eslint/no-require-imports */
const unit = require("../../jest.config.js") as { testPathIgnorePatterns: string[]; testMatch: string[] };
const integration = require("../../jest.integration.config.js") as { testRegex: string[]; testPathIgnorePatterns: string[] };
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = join(__dirname, "..", "..");

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules") return [];
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith(".test.ts") ? [path] : [];
  });
}

const files = [join(ROOT, "__tests__"), join(ROOT, "function-app", "__tests__")].flatMap(testFiles);
const isIntegration = (file: string) => INTEGRATION_SUITES.some((pattern) => new RegExp(pattern).test(file));

test("npm test leaves out exactly the integration suites, which test:integration selects", () => {
  expect(unit.testMatch).toEqual(["**/*.test.ts"]);
  expect(unit.testPathIgnorePatterns).toEqual(["/node_modules/", ...INTEGRATION_SUITES]);
  expect(integration.testRegex).toEqual(INTEGRATION_SUITES);
  expect(integration.testPathIgnorePatterns).toEqual(["/node_modules/"]);
});

test.each(INTEGRATION_SUITES)("integration pattern %s still matches a test file", (pattern) => {
  expect(files.filter((file) => new RegExp(pattern).test(file)).length).toBeGreaterThan(0);
});

test("both runs have files, and the in-process run keeps the unit suites", () => {
  const inProcess = files.filter((file) => !isIntegration(file));
  expect(files.filter(isIntegration).length).toBeGreaterThanOrEqual(INTEGRATION_SUITES.length);
  expect(inProcess).toContain(join(ROOT, "__tests__", "scripts", "jest-configs.test.ts"));
  expect(inProcess).toContain(join(ROOT, "__tests__", "reliability", "reliability.test.ts"));
});
