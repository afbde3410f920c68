import { evaluateStack } from "../../constructs/policy";
import { RULE_FIXTURES, ruleById } from "../../scripts/conformance/fixtures";

// A finding is what a user reads when synth fails: "[ID] description: <finding>. Fix: ...".
// Whatever the rule, it must say what is wrong in words, and never leak an unrendered value.
const badCases = RULE_FIXTURES.flatMap((f) => f.bad.map((c) => [f.rule, c.name, c] as const));

describe("every finding on a bad case says what is wrong", () => {
  test.each(badCases)("%s: %s", (id, _name, fixture) => {
    const findings = evaluateStack(fixture.stack, [ruleById(id)])
      .filter((r) => r.path === fixture.subject)
      .flatMap((r) => (r.outcome.status === "non-compliant" ? [r.outcome.finding] : []));
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding).not.toMatch(/\[object Object\]|\bundefined\b|\bNaN\b|Stryker was here/);
      // Container rules list one part per container: `container "app": <what is wrong>; ...`.
      for (const part of finding.split("; ")) {
        const words = part.replace(/^container "[^"]*": /, "");
        expect(words.trim().length).toBeGreaterThan(3);
      }
    }
  });
});
