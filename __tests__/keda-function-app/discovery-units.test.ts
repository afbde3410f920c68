import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { writeApp } from "../support/discovery";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { globFiles, segmentMatcher } from "../../constructs/core/glob";
import { discoverFunctions, entryFiles, manifestFromRegistrations } from "../../constructs/keda-function-app/discovery/discover-functions";

// Discovery's own logic, in process: which entry files package.json#main names, how
// registrations become the manifest, and its errors. Loading real apps (a child process each)
// is in discovery.test.ts, an integration suite.

const scratch = mkdtempSync(join(tmpdir(), "discovery-units-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const app = (name: string, packageJson: unknown, files: Record<string, string> = {}) => writeApp(scratch, name, packageJson, files);

describe("discovery errors", () => {
  test("no package.json: the error names the file and the reason", () => {
    const dir = app("no-package", undefined);
    expect(() => entryFiles(dir)).toThrow(new RegExp(`^Cannot read ${join(dir, "package.json")}: ENOENT`));
  });

  test('"main" that is blank or not a string counts as missing', () => {
    for (const main of ["  ", 42]) {
      const dir = app(`main-${typeof main}`, { main });
      expect(() => entryFiles(dir)).toThrow(`${join(dir, "package.json")} has no "main"`);
    }
  });

  test("no main", () => {
    const dir = app("no-main", {});
    expect(() => entryFiles(dir)).toThrow(`${join(dir, "package.json")} has no "main": set it to the compiled entry files, e.g. "dist/src/functions/*.js".`);
  });

  test("main matches nothing: build first", () => {
    const dir = app("unbuilt", { main: "dist/*.js" });
    expect(() => entryFiles(dir)).toThrow(`package.json "main" ("dist/*.js") matches no file in ${dir}: build the app first (npm --prefix ${dir} run build).`);
  });

  test("a load that outlives its timeout fails with the spawn's own error", () => {
    const dir = app("slow", { main: "index.js" }, { "index.js": "while (true) {}" });
    expect(() => discoverFunctions({ appDir: dir, timeoutMs: 1 })).toThrow(new RegExp(`^Function discovery failed while loading the app in ${dir}:\\n.*ETIMEDOUT`));
  });

  test.each([
    [[{ name: "x", bindings: {} }], 'Function "x" must have exactly one trigger binding, found 0.'],
    [
      [
        { name: "x", bindings: { a: { type: "queueTrigger", direction: "in" } } },
        { name: "x", bindings: { a: { type: "queueTrigger", direction: "in" } } },
      ],
      'Function "x" is registered twice.',
    ],
  ])("manifestFromRegistrations rejects %j", (registrations, message) => {
    expect(() => manifestFromRegistrations(registrations)).toThrow(message);
  });
});

describe("the small glob of package.json#main", () => {
  const root = join(scratch, "glob");
  beforeAll(() => {
    for (const file of ["dist/src/functions/a.js", "dist/src/functions/b.js", "dist/src/functions/b.js.map", "dist/src/lib/c.js", "dist/.hidden.js", "dist/x.mjs"]) {
      mkdirSync(join(root, file, ".."), { recursive: true });
      writeFileSync(join(root, file), "");
    }
  });

  test.each([
    ["dist/src/functions/*.js", ["dist/src/functions/a.js", "dist/src/functions/b.js"]],
    ["dist/**/*.js", ["dist/src/functions/a.js", "dist/src/functions/b.js", "dist/src/lib/c.js"]],
    ["./dist/src/functions/?.js", ["dist/src/functions/a.js", "dist/src/functions/b.js"]],
    ["dist/*.{js,mjs}", ["dist/x.mjs"]],
    ["dist/src/functions/[a].js", ["dist/src/functions/a.js"]],
    ["dist/src/lib/c.js", ["dist/src/lib/c.js"]],
  ])("%s", (pattern, expected) => {
    expect(globFiles(root, pattern)).toEqual(expected);
  });

  test("dot files match only when named", () => {
    expect(segmentMatcher("*.js").test(".hidden.js")).toBe(false);
    expect(segmentMatcher(".*.js").test(".hidden.js")).toBe(true);
  });
});
