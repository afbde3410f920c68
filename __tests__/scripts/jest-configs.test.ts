import { statSync } from "node:fs";
import { isIntegration, testFiles } from "../support/bundle";
import { QUICK_SUITES, quickSuites } from "../mutation/quick-suites";
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

const files = [join(ROOT, "__tests__"), join(ROOT, "function-app", "__tests__")].flatMap(testFiles);

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

describe("npm test's bundles (jest.bundles.config.js)", () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { BUNDLES } = require("../../jest.shared.js") as { BUNDLES: Record<string, string[]> };
  const bundled = require("../../jest.bundles.config.js") as { testMatch: string[] };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { bundleMembers, hasSnapshots } = require("../support/bundle") as typeof import("../support/bundle");

  test("every in-process suite runs exactly once: in one bundle, or on its own when it has snapshots", () => {
    const members = Object.keys(BUNDLES).flatMap(bundleMembers);
    const standalone = bundled.testMatch.filter((glob) => glob.endsWith(".test.ts")).map((glob) => join(ROOT, glob.replace("<rootDir>/", "")));
    const inProcess = files.filter((file) => !isIntegration(file));
    expect([...members, ...standalone].sort()).toEqual([...inProcess].sort());
    expect(new Set(members).size).toBe(members.length);
    expect(standalone.every(hasSnapshots)).toBe(true);
  });

  test.each(Object.keys(BUNDLES))("bundle %s has a bundle file and at least one suite", (name) => {
    expect(statSync(join(ROOT, "__tests__", "bundles", `${name}.bundle.ts`)).isFile()).toBe(true);
    expect(bundleMembers(name).length).toBeGreaterThan(0);
  });

  test("an unknown bundle name is refused with the known ones", () => {
    expect(() => bundleMembers("nope")).toThrow(/no bundle "nope"; known: app-config/);
  });
});

describe("the mutation runs' quick set (__tests__/mutation/quick-suites.ts)", () => {
  test.each(QUICK_SUITES.map((re) => [String(re), re] as const))("%s still matches an in-process suite", (_name, re) => {
    expect(files.filter((file) => re.test(file) && !isIntegration(file)).length).toBeGreaterThan(0);
  });

  test("holds each suite once, with the rule catalogue first (static mutants die there)", () => {
    const suites = quickSuites();
    expect(new Set(suites).size).toBe(suites.length);
    expect(suites[0]).toBe(join(ROOT, "__tests__", "policy", "rule-catalogue.test.ts"));
    expect(suites.some(isIntegration)).toBe(false);
  });
});
