// One test file for the suites of bundle "policy" (jest.shared.js): they share one module registry.
import { bundle } from "../support/bundle";

bundle("policy");
