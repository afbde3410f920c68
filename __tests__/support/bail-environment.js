/**
 * The test environment of mutation runs (jest.stryker.config.js): plain node, plus a bail at the
 * first failing test. Stryker stops testing a mutant at its first failure (its `disableBail` is
 * off), but jest's own `bail` works per test file, and the quick set is one bundle file
 * (__tests__/mutation/quick.bundle.ts): without this, a killed mutant still ran every test that
 * covers it. After a failure every test not yet run is marked skipped, so the later describe
 * blocks' beforeAll hooks (synths) do not run either. Stryker wraps this class in its own
 * environment, which forwards each event here.
 */
const { TestEnvironment } = require("jest-environment-node");

/** Every test below `block` (jest-circus describe blocks hold tests and describe blocks). */
function* testsOf(block) {
  for (const child of block.children) {
    if (child.type === "test") yield child;
    else yield* testsOf(child);
  }
}

class BailEnvironment extends TestEnvironment {
  async handleTestEvent(event, state) {
    await super.handleTestEvent?.(event, state);
    if (event.name !== "test_fn_failure" && event.name !== "hook_failure") return;
    for (const test of testsOf(state.rootDescribeBlock)) {
      if (test.status == null && test !== event.test) test.mode = "skip";
    }
  }
}

module.exports = BailEnvironment;
