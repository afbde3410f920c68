/**
 * The test set of mutation runs (jest.stryker.quick.config.js), registered as one jest test file.
 *
 * Stryker runs jest once per mutant, and jest gives each test file its own module registry: with
 * the suites as separate files, a mutant in a policy rule paid for loading cdktf, the providers and
 * the project once per related file (tens of files, 10-25 s per mutant on 2 cores). Registered here
 * they load once per mutant run, and Stryker's per-test coverage (a test's full name starts with its
 * suite's path) still runs only the tests that executed the mutant.
 *
 * The set: the unit suites of constructs/keda-function-app, constructs/policy and constructs/core
 * (renderers, rule tables, single-stack synths, rule fixtures, name grammars), without the suites
 * that synthesize whole environments in beforeAll (policy-checks) or drive processes. The score
 * they give is a lower bound of the full suite's.
 */
import { join } from "node:path";
import { isIntegration, registerSuites, testFiles } from "../support/bundle";

const ROOT = join(__dirname, "..", "..");

export const QUICK_SUITES: RegExp[] = [
  /\/__tests__\/policy\/rule-catalogue\.test\.ts$/,
  /\/__tests__\/conformance\/rule-fixtures\.test\.ts$/,
  /\/__tests__\/policy\/(findings-say-what-is-wrong|rules-on-minimal-objects|rule-near-misses|policy-pack|required-props-policy|policy-exceptions|dockerfile-args)\.test\.ts$/,
  /\/__tests__\/bad-input\/(rules|keda-function-app-inputs)\.test\.ts$/,
  /\/__tests__\/core\/[^/]+\.test\.ts$/,
  /\/__tests__\/keda-function-app\/[^/]+\.test\.ts$/,
];

/**
 * The suites in QUICK_SUITES' order. A mutant that runs while modules load (a rule's header, a
 * module constant) has no per-test coverage, so it runs the whole bundle until a test fails
 * (bail-environment.js): the policy's table tests come first, where such mutants die.
 */
export const quickSuites = (): string[] => {
  const files = testFiles(join(ROOT, "__tests__")).filter((file) => !isIntegration(file));
  return QUICK_SUITES.flatMap((re) => files.filter((file) => re.test(file)));
};

registerSuites(quickSuites());
