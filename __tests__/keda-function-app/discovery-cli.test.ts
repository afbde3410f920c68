import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { buildSync } from "esbuild";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "../support/discovery";
import { sampleFunctionAppDirectory } from "../../constructs/keda-function-app/sample-app";
import { FIXTURE_APP, FUNCTIONS_LIBRARY_PATH, REPO_ROOT } from "../support/keda-function-app";

// The package's bin (`npx keda-functions-aks discover`) and `npm run discover` share runCli;
// __tests__/package/pack.test.ts runs the installed bin itself (issue 11 item 15).

test("discover <app-dir> writes <app-dir>/functions.manifest.json, byte-equal to the committed expectation", () => {
  const app = join(mkdtempSync(join(tmpdir(), "discover-cli-")), "app");
  cpSync(FIXTURE_APP, app, { recursive: true });
  rmSync(join(app, "functions.manifest.json"), { force: true });
  const result = cli(["discover", app, "--module-path", FUNCTIONS_LIBRARY_PATH]);
  expect(result).toMatchObject({ code: 0, err: "" });
  expect(result.out).toMatch(/^Wrote .*functions\.manifest\.json: audit \(serviceBusTrigger\), .*telemetry \(eventHubTrigger\)\n$/);
  expect(readFileSync(join(app, "functions.manifest.json"), "utf8")).toBe(readFileSync(join(FIXTURE_APP, "expected.functions.manifest.json"), "utf8"));
});

test("--output writes elsewhere; the app folder is left alone", () => {
  const output = join(mkdtempSync(join(tmpdir(), "discover-cli-")), "manifest.json");
  expect(cli(["discover", FIXTURE_APP, "--module-path", FUNCTIONS_LIBRARY_PATH, "--output", output]).code).toBe(0);
  expect(JSON.parse(readFileSync(output, "utf8")).functions).toHaveLength(12);
});

test("an app that cannot be loaded exits 1 with the reason and nothing written", () => {
  const result = cli(["discover", join(tmpdir(), "no-such-app")]);
  expect(result.code).toBe(1);
  expect(result.err).toMatch(/^keda-functions-aks discover: Cannot read .*no-such-app\/package\.json/);
});

describe("sampleFunctionAppDirectory()", () => {
  test("is the function app shipped in the package, with its manifest, host.json and Dockerfile", () => {
    const dir = sampleFunctionAppDirectory();
    expect(dir).toBe(join(REPO_ROOT, "function-app"));
    for (const file of ["functions.manifest.json", "host.json", "Dockerfile"]) expect(existsSync(join(dir, file))).toBe(true);
  });

  test("a bundle run from outside the package finds it from the working directory", () => {
    const bundleDir = mkdtempSync(join(tmpdir(), "sample-app-bundle-"));
    const bundle = join(bundleDir, "example.js");
    buildSync({ absWorkingDir: REPO_ROOT, entryPoints: [join(REPO_ROOT, "constructs", "keda-function-app", "sample-app.ts")], outfile: bundle, bundle: true, platform: "node", format: "cjs", logLevel: "error" });
    const program = `console.log(require(${JSON.stringify(bundle)}).sampleFunctionAppDirectory())`;
    expect(execFileSync(process.execPath, ["-e", program], { cwd: REPO_ROOT, encoding: "utf8" }).trim()).toBe(join(REPO_ROOT, "function-app"));
    const elsewhere = spawnSync(process.execPath, ["-e", program], { cwd: bundleDir, encoding: "utf8" });
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr).toContain("The sample function app of keda-functions-aks was not found above");
  });
});
