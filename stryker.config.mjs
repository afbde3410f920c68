// Mutation testing of constructs/ (npm run mutation). Not part of CI: a full run takes tens of
// minutes on 2 cores. Results: .reports/mutation/ (git-ignored); scores in BENCHMARKS.md.
//
// Iterate on one file with the incremental file, e.g.:
//   npx stryker run --incremental --mutate constructs/policy/rules/kubernetes/ckv-k8s-14-image-tag.ts
const jestConfig = process.env.STRYKER_JEST_CONFIG ?? "jest.stryker.config.js";
const quick = jestConfig === "jest.stryker.quick.config.js";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  // STRYKER_JEST_CONFIG=jest.stryker.quick.config.js: the unit suites only, in one bundle file
  // (see that file). Jest cannot follow the bundle's computed requires, so --findRelatedTests would
  // find no test for any mutant there: the bundle relies on per-test coverage alone.
  jest: { configFile: jestConfig, enableFindRelatedTests: !quick },
  // Each mutant runs only the tests that executed its code, so objects built outside a test
  // (describe bodies, beforeAll) make their mutants "static": run against every test.
  coverageAnalysis: "perTest",
  // Code run only while modules load (a rule's id/description literals, module constants) has
  // no test to attribute it to: Stryker runs the whole test set for each such "static" mutant.
  // With the quick set that is one bundle stopping at the first failure (bail-environment.js),
  // and the rule-catalogue test comes first: they are tested and counted like any other mutant.
  // With the full set it meant every related test file per mutant (minutes each here), so there
  // they are reported as "Ignored" and counted apart in BENCHMARKS.md.
  // Caveat: a mutant covered both at load time and by tests runs only those tests.
  ignoreStatic: !quick,
  // registration-recorder.ts runs in a child process (`node -e` with its source text), where
  // Stryker's instrumented code has no runtime: leave it unmutated.
  mutate: ["constructs/**/*.ts", "!constructs/**/index.ts", "!constructs/keda-function-app/discovery/registration-recorder.ts"],
  // The sandbox copy needs only what the tests read; function-app/ is the fixture app's library path.
  ignorePatterns: [".reports", "cdktf.out", "dist", ".build", "coverage", "docs/api", "function-app/dist"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  // The machine has 2 cores, shared.
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: ".reports/mutation/mutation.html" },
  jsonReporter: { fileName: ".reports/mutation/mutation.json" },
  incrementalFile: ".reports/mutation/stryker-incremental.json",
  // With --reporters ...,event-recorder (npm run mutation:sample): one file per tested mutant,
  // which scripts/mutation/summary.mjs reads while a run is still going.
  eventReporter: { baseDir: ".reports/mutation/events" },
  thresholds: { high: 90, low: 80, break: null },
};
