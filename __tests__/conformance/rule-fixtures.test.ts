import { ALL_RULES, evaluateStack } from "../../constructs/policy";
import { RULE_FIXTURES, ruleById } from "../../scripts/conformance/fixtures";

// Each rule of the policy pack against its own fixture pair (scripts/conformance/fixtures): every bad
// case must be flagged with the rule's id on the subject's construct path, every near miss must be
// judged compliant. `npm run conformance` gives the same cases to checkov and kube-score.

const badCases = RULE_FIXTURES.flatMap((f) => f.bad.map((c) => [f.rule, c.name, c] as const));
const nearMisses = RULE_FIXTURES.flatMap((f) => f.nearMiss.map((c) => [f.rule, c.name, c] as const));

describe("every rule has fixtures", () => {
  test.each(ALL_RULES.map((r) => [r.id] as const))("%s has a bad case and a near miss", (id) => {
    const fixtures = RULE_FIXTURES.filter((f) => f.rule === id);
    expect(fixtures).toHaveLength(1);
    expect(fixtures[0]!.bad.length).toBeGreaterThan(0);
    expect(fixtures[0]!.nearMiss.length).toBeGreaterThan(0);
  });
});

describe("bad cases are flagged on their subject", () => {
  test.each(badCases)("%s: %s", (id, _name, fixture) => {
    const flagged = evaluateStack(fixture.stack, [ruleById(id)])
      .filter((r) => r.outcome.status === "non-compliant")
      .map((r) => ({ ruleId: r.ruleId, path: r.path }));
    expect(flagged).toContainEqual({ ruleId: id, path: fixture.subject });
  });
});

describe("near misses are compliant", () => {
  test.each(nearMisses)("%s: %s", (id, _name, fixture) => {
    const outcomes = evaluateStack(fixture.stack, [ruleById(id)])
      .filter((r) => r.path === fixture.subject)
      .map((r) => r.outcome.status);
    expect(outcomes).toEqual(["compliant"]);
  });
});
