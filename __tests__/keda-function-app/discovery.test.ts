import { buildSync } from "esbuild";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discoverFunctions, formatFunctionsManifest } from "../../constructs/keda-function-app/discovery/discover-functions";
import { writeApp } from "../support/discovery";
import { parseFunctionsManifest } from "../../constructs/keda-function-app/functions-manifest";
import { FIXTURE_APP, FUNCTIONS_LIBRARY_PATH, REPO_ROOT } from "../support/keda-function-app";

const scratch = mkdtempSync(join(tmpdir(), "discovery-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("discovery on the fixture app with every trigger kind", () => {
  const manifest = discoverFunctions({ appDir: FIXTURE_APP, modulePaths: [FUNCTIONS_LIBRARY_PATH] });

  test("finds every registered function, sorted, with its trigger binding", () => {
    expect(formatFunctionsManifest(manifest)).toBe(readFileSync(join(FIXTURE_APP, "expected.functions.manifest.json"), "utf8"));
  });

  test("keeps the options the host sees and drops worker-only fields", () => {
    const http = manifest.functions.find((f) => f.name === "httpGet")!;
    expect(http.trigger).toEqual({ type: "httpTrigger", authLevel: "anonymous", methods: ["GET"], route: "items/{id}" });
    for (const fn of manifest.functions) {
      expect(Object.keys(fn.trigger)).not.toEqual(expect.arrayContaining(["direction"]));
      expect(fn.trigger).not.toHaveProperty("properties");
      expect(fn.trigger).not.toHaveProperty("name");
    }
  });

  test("the result parses as a functions manifest", () => {
    expect(parseFunctionsManifest(JSON.parse(formatFunctionsManifest(manifest)))).toEqual(manifest);
  });
});

describe("discovery on the real function-app", () => {
  test("the committed functions.manifest.json is up to date (run `npm run discover` if this fails)", () => {
    // The app's own tsc build takes ~8 s; esbuild emits the same CommonJS entry files in milliseconds.
    const appDir = join(scratch, "function-app");
    buildSync({
      absWorkingDir: join(REPO_ROOT, "function-app"),
      entryPoints: ["src/**/*.ts"],
      outdir: join(appDir, "dist", "src"),
      outbase: "src",
      format: "cjs",
      platform: "node",
      target: "node20",
      logLevel: "silent",
    });
    copyFileSync(join(REPO_ROOT, "function-app", "package.json"), join(appDir, "package.json"));
    const manifest = discoverFunctions({ appDir, modulePaths: [FUNCTIONS_LIBRARY_PATH] });
    expect(formatFunctionsManifest(manifest)).toBe(readFileSync(join(REPO_ROOT, "function-app", "functions.manifest.json"), "utf8"));
    expect(manifest.functions.map((f) => `${f.name}:${f.trigger.type}`)).toEqual(
      expect.arrayContaining(["hello:httpTrigger", "enqueue:httpTrigger", "worker:queueTrigger"]),
    );
  });
});

describe("discovery of apps written for the test (the in-process cases are in discovery-units.test.ts)", () => {
  const app = (name: string, packageJson: unknown, files: Record<string, string> = {}) => writeApp(scratch, name, packageJson, files);

  test("an entry file that throws fails discovery with its message", () => {
    const dir = app("throws", { main: "index.js" }, { "index.js": 'throw new Error("boom at load");' });
    expect(() => discoverFunctions({ appDir: dir })).toThrow(/Function discovery failed while loading the app in .*\n[\s\S]*boom at load/);
  });

  test("registrations are recorded through the @azure/functions-core stub, also from a bare registerFunction call", () => {
    const dir = app("bare", { main: "index.js" }, {
      "index.js": `require("@azure/functions-core").registerFunction({ name: "b", bindings: { t: { type: "queueTrigger", direction: "in", queueName: "q" } } }, () => {});
require("@azure/functions-core").registerFunction({ name: "a", bindings: { t: { type: "timerTrigger", direction: "in", schedule: "0 * * * * *" } } }, () => {});`,
    });
    expect(discoverFunctions({ appDir: dir }).functions.map((f) => f.name)).toEqual(["a", "b"]);
  });
});
