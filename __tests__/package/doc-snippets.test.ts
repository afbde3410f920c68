import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const SCRIPT = join(ROOT, "scripts", "check-doc-snippets.mjs");

/** Runs the checker on `root`; returns its exit code and combined output. */
function check(root: string, ...flags: string[]): { code: number; output: string } {
  try {
    return { code: 0, output: execFileSync(process.execPath, [SCRIPT, ...flags, root], { encoding: "utf8", stdio: "pipe" }) };
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
    return { code: status, output: `${stdout}${stderr}` };
  }
}

const EXAMPLE = [
  'import { App } from "cdktf";',
  "",
  "const app = new App();",
  "// middle",
  "app.synth();",
  "",
].join("\n");

describe("check-doc-snippets", () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "kedafn-snippets-"));
    mkdirSync(join(root, "examples"));
    writeFileSync(join(root, "examples", "app.ts"), EXAMPLE);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const readme = (marker: string, body: string) => `# Title\n\n${marker}\n\`\`\`ts\n${body}\n\`\`\`\n`;

  test("every TypeScript block in this repository's docs is marked and matches its example", () => {
    const result = check(ROOT, "--strict");
    expect(result.output).toContain("every marked TypeScript block matches its example");
    expect(result.output).not.toContain("not checked");
    expect(result.code).toBe(0);
  });

  test("lists a block without a marker as unchecked, and fails on it with --strict", () => {
    writeFileSync(join(root, "README.md"), readme("", "const app = new App();"));
    expect(check(root)).toEqual({ code: 0, output: expect.stringContaining("README.md:4: TypeScript block without a marker") });
    expect(check(root, "--strict")).toEqual({ code: 1, output: expect.stringContaining("README.md:4: TypeScript block without a marker") });
  });

  test.each([
    ["a contiguous excerpt", "const app = new App();\n// middle"],
    ["fragments around an elision, in order", 'import { App } from "cdktf";\n// ...\napp.synth();'],
  ])("accepts %s", (_name, body) => {
    writeFileSync(join(root, "README.md"), readme("<!-- example: examples/app.ts -->", body));
    expect(check(root)).toEqual({ code: 0, output: expect.stringContaining("matches") });
  });

  test.each([
    ["a block that differs from the example", "<!-- example: examples/app.ts -->", "const app = new App({});", "README.md:4: block differs from examples/app.ts"],
    ["fragments out of order", "<!-- example: examples/app.ts -->", 'app.synth();\n// ...\nimport { App } from "cdktf";', "README.md:4: block differs from examples/app.ts"],
    ["a marker naming a missing example", "<!-- example: examples/gone.ts -->", "const app = new App();", "README.md:4: examples/gone.ts does not exist"],
    ["a marker outside examples/", "<!-- example: main.ts -->", "const app = new App();", "README.md:4: marker names main.ts; snippets must come from examples/"],
  ])("rejects %s", (_name, marker, body, message) => {
    writeFileSync(join(root, "README.md"), readme(marker, body));
    const result = check(root);
    expect(result.code).toBe(1);
    expect(result.output).toContain(message);
  });
});
