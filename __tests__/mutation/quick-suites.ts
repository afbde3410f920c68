// The test set of mutation runs (quick.bundle.ts registers it; it says why it is one file).
import { join } from "node:path";
import { isIntegration, testFiles } from "../support/bundle";

const ROOT = join(__dirname, "..", "..");

export const QUICK_SUITES: RegExp[] = [
  /\/__tests__\/policy\/rule-catalogue\.test\.ts$/,
  /\/__tests__\/conformance\/rule-fixtures\.test\.ts$/,
  /\/__tests__\/policy\/finding-texts\.test\.ts$/,
  /\/__tests__\/policy\/(rules-on-minimal-objects|rule-near-misses|policy-pack|required-props-policy|policy-exceptions|dockerfile-args)\.test\.ts$/,
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

