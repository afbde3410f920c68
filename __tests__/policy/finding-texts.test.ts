import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RULE_FIXTURES, ourVerdict, ruleById } from "../../scripts/conformance/fixtures";

// What a user reads when synth fails is "[ID] description: <finding>. Fix: ...". The finding of
// every bad fixture case is recorded in finding-texts.json, read and approved when written, so a
// rule that stops naming the field, the value or the container it found is a failing test, not a
// vaguer message. Rewrite after a deliberate change: UPDATE_FINDING_TEXTS=1 npx jest <this file>.

const RECORD = join(__dirname, "finding-texts.json");
const badCases = RULE_FIXTURES.flatMap((f) => f.bad.map((c) => [`${f.rule} / ${c.name}`, f.rule, c] as const));
// Rules are evaluated inside the tests only: code run while the suite loads has no per-test
// coverage, and would make every rule's mutants run the whole mutation test set.
const findingOf = (id: string, fixture: (typeof badCases)[number][2]) => ourVerdict(ruleById(id), fixture).finding ?? "(compliant)";
const recorded = JSON.parse(readFileSync(RECORD, "utf8")) as Record<string, string>;

describe("the finding of each bad case is the recorded text, and says what is wrong", () => {
  test.each(badCases)("%s", (key, id, fixture) => {
    const finding = findingOf(id, fixture);
    expect(finding).toBe(recorded[key]);
    // Whatever the rule, a finding says what is wrong in words and never leaks an unrendered value.
    expect(finding).not.toBe("(compliant)");
    expect(finding).not.toMatch(/\[object Object\]|\bundefined\b|\bNaN\b|Stryker was here/);
    // Container rules list one part per container: `container "app": <what is wrong>; ...`.
    for (const part of finding.split("; ")) expect(part.replace(/^container "[^"]*": /, "").trim().length).toBeGreaterThan(3);
  });

  test("the record holds exactly the bad cases of today's fixtures (UPDATE_FINDING_TEXTS=1 rewrites it)", () => {
    if (process.env.UPDATE_FINDING_TEXTS === "1") {
      const actual = Object.fromEntries(badCases.map(([key, id, fixture]) => [key, findingOf(id, fixture)]));
      writeFileSync(RECORD, `${JSON.stringify(actual, null, 2)}\n`);
      Object.assign(recorded, actual);
    }
    expect(Object.keys(recorded).sort()).toEqual(badCases.map(([key]) => key).sort());
  });
});
