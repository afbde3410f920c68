import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as api from "../../index";

const ROOT = join(__dirname, "..", "..");
const rootIndex = readFileSync(join(ROOT, "index.ts"), "utf8");

/** The statements of a TypeScript file with comments removed. */
function statements(source: string): string[] {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

test("the package root only re-exports", () => {
  const other = statements(rootIndex).filter((s) => !/^export (type )?(\*|\{[^}]*\}) from "[^"]+"$/.test(s));
  expect(other).toEqual([]);
});

test.each(["constructs/index.ts", "constructs/keda-function-app/index.ts", "constructs/policy/index.ts"])(
  "%s only re-exports",
  (file) => {
    const other = statements(readFileSync(join(ROOT, file), "utf8")).filter(
      (s) => !/^export (type )?(\*|\{[^}]*\}) from "[^"]+"$/.test(s),
    );
    expect(other).toEqual([]);
  },
);

test("every stack module is re-exported from the package root", () => {
  const modules = readdirSync(join(ROOT, "stacks"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => `./stacks/${f.replace(/\.ts$/, "")}`);
  const missing = modules.filter((m) => !rootIndex.includes(`export * from "${m}";`));
  expect(missing).toEqual([]);
});

test("every construct folder is reachable from the package root", () => {
  const constructsIndex = readFileSync(join(ROOT, "constructs", "index.ts"), "utf8");
  const folders = readdirSync(join(ROOT, "constructs"), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== "core")
    .map((e) => e.name);
  const missing = folders.filter(
    (f) => !constructsIndex.includes(`"./${f}"`) && !rootIndex.includes(`"./constructs/${f}"`),
  );
  expect(missing).toEqual([]);
});

test.each([
  "RegistryStack",
  "ClusterStack",
  "WorkloadStack",
  "addEnvironment",
  "KedaFunctionApp",
  "ImageSource",
  "HttpScaling",
  "readFunctionsManifest",
  "ValidationError",
  "environments",
  "environmentConfig",
  "PolicyPack",
  "applyProjectPolicy",
])("exports %s", (name) => {
  expect(api).toHaveProperty(name);
  expect((api as Record<string, unknown>)[name]).toBeDefined();
});

test("ships the built-in dev and prod environments", () => {
  expect(Object.keys(api.environments).sort()).toEqual(["dev", "prod"]);
});
