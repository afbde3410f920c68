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
import { registerSuites } from "../support/bundle";
import { quickSuites } from "./quick-suites";

registerSuites(quickSuites());
