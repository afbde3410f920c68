/**
 * The jest configuration Stryker uses (npm run mutation; stryker.config.mjs). Same transform,
 * setup and temp-folder handling as the unit suites (jest.config.js), with two differences:
 *
 * - `roots` also holds the source folders. Stryker asks jest for the tests related to the
 *   mutated file (--findRelatedTests); jest can only follow imports through files in its
 *   roots, so with only __tests__ as a root a test reached through constructs/…/index.ts
 *   was never found and its mutants were reported as surviving.
 * - Only the suites that exercise constructs/ in-process and assert behaviour:
 *   - tests that judge a child process (determinism, doc snippets, package e2e, scripts/,
 *     e2e-cluster) and the function app's own tests cannot report per-test coverage to Stryker;
 *   - the whole-environment suites (app/, config/, reliability/, stacks/app and
 *     stacks/state-backend) synthesize all stacks at load time or in beforeAll: every mutant
 *     run that loads them pays a full synth, and their code coverage is "static";
 *   - walking-skeleton holds a snapshot of the whole app: a change detector that "kills" any
 *     mutant that changes any output byte, which would inflate the score without asserting
 *     behaviour (and it must be re-recorded whenever the app legitimately changes).
 */
const { join } = require("node:path");
const unit = require("./jest.config.js");
const { INTEGRATION_SUITES } = require("./jest.shared.js");

module.exports = {
  ...unit,
  roots: ["<rootDir>/__tests__", "<rootDir>/constructs", "<rootDir>/stacks", "<rootDir>/config", "<rootDir>/scripts"],
  testMatch: ["<rootDir>/__tests__/**/*.test.ts"],
  testPathIgnorePatterns: [
    "/node_modules/",
    "<rootDir>/__tests__/package/(pack|docs-build|doc-snippets)\\.test\\.ts$",
    "<rootDir>/__tests__/(app|config|e2e-cluster|reliability|scripts)/",
    "<rootDir>/__tests__/stacks/(app|state-backend)\\.test\\.ts$",
    // The suites that drive processes (terraform, the runner, Azurite): seconds per run, and the
    // child processes never see the active mutant.
    ...INTEGRATION_SUITES,
  ],
  // No shared synth (global-setup-shared-synth.ts): it runs the runner in a child process, which
  // never sees the active mutant, so every suite synthesizes in-process here.
  globalSetup: "<rootDir>/__tests__/support/global-setup.ts",
  // Plain node, stopping at a mutant's first failing test (bail-environment.js says why). Stryker
  // wraps the test environment in its own and resolves the path without <rootDir>: absolute here.
  testEnvironment: join(__dirname, "__tests__", "support", "bail-environment.js"),
  // Stryker runs jest in band inside each of its own workers (stryker.config.mjs: concurrency).
  maxWorkers: 1,
};
