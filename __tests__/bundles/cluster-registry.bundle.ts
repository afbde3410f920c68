// One test file for the suites of bundle "cluster-registry" (jest.shared.js): they share one module registry.
import { bundle } from "../support/bundle";

bundle("cluster-registry");
