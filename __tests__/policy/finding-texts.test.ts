import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RULE_FIXTURES, ourVerdict, ruleById } from "../../scripts/conformance/fixtures";

// What a user reads when synth fails is "[ID] description: <finding>. Fix: ...". The finding of
// every bad fixture case is recorded in finding-texts.json, read and approved when written, so a
// rule that stops naming the field, the value or the container it found is a failing test, not a
// vaguer message. Rewrite after a deliberate change: UPDATE_FINDING_TEXTS=1 npx jest <this file>.

const RECORD = join(__dirname, "finding-texts.json");
const badCases = RULE_FIXTURES.flatMap((f) => f.bad.map((c) => [`${f.rule} / ${c.name}`, f.rule, c] as const));
const actual = Object.fromEntries(badCases.map(([key, id, c]) => [key, ourVerdict(ruleById(id), c).finding ?? "(compliant)"]));

if (process.env.UPDATE_FINDING_TEXTS === "1") writeFileSync(RECORD, `${JSON.stringify(actual, null, 2)}\n`);
const recorded = JSON.parse(readFileSync(RECORD, "utf8")) as Record<string, string>;

describe("the finding of each bad case is the recorded text", () => {
  test.each(badCases.map(([key]) => [key] as const))("%s", (key) => {
    expect(actual[key]).toBe(recorded[key]);
  });

  test("the record holds exactly the bad cases of today's fixtures", () => {
    expect(Object.keys(recorded).sort()).toEqual(Object.keys(actual).sort());
  });
});
