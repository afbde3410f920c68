// One test file for the suites of bundle "rest" (jest.shared.js): they share one module registry.
import { bundle } from "../support/bundle";

bundle("rest");
