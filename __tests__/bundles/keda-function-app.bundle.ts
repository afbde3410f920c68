// One test file for the suites of bundle "keda-function-app" (jest.shared.js): they share one module registry.
import { bundle } from "../support/bundle";

bundle("keda-function-app");
