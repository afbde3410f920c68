// One test file for the suites of bundle "app-config" (jest.shared.js): they share one module registry.
import { bundle } from "../support/bundle";

bundle("app-config");
