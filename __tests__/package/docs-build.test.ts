import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const bin = (pkg: string, file: string) => join(ROOT, "node_modules", pkg, "bin", file);

/** Runs a Node CLI in the repo root; returns its exit code and combined output. */
function runNode(script: string, args: readonly string[]): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
    return { code: 0, output };
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
    return { code: status, output: `${stdout}${stderr}` };
  }
}

jest.setTimeout(120_000);

test("the examples type-check against the package sources", () => {
  expect(runNode(bin("typescript", "tsc"), ["--noEmit", "-p", "examples/tsconfig.json"])).toEqual({ code: 0, output: "" });
});

test("the API reference builds from the JSDoc without warnings", () => {
  const out = mkdtempSync(join(tmpdir(), "kedafn-api-"));
  try {
    // typedoc.json sets treatWarningsAsErrors: any warning fails the build.
    const result = runNode(bin("typedoc", "typedoc"), ["--out", out, "--logLevel", "Warn"]);
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
