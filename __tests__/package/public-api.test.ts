import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import * as api from "../../index";
import { PublicExport, publicExports } from "../support/public-exports";

const ROOT = join(__dirname, "..", "..");
const rootIndex = readFileSync(join(ROOT, "index.ts"), "utf8");

/**
 * The areas of docs/api.md, each the folder its exports are declared in. An export's area
 * follows from where it lives, so the reference cannot file it under the wrong heading.
 */
const AREAS: ReadonlyArray<readonly [heading: string, folder: string]> = [
  ["Stacks", "stacks/"],
  ["Configuration", "config/"],
  ["KedaFunctionApp", "constructs/keda-function-app/"],
  ["AKS cluster", "constructs/aks-cluster/"],
  ["Container registry", "constructs/container-registry/"],
  ["Policy", "constructs/policy/"],
  ["Validation and shared types", "constructs/core/"],
];

const exported = publicExports(ROOT, "index.ts");
const names = (exports: Iterable<PublicExport>) => [...exports].map((e) => e.name).sort();

/** docs/api.md: `## <area>` headings, each with a table whose rows start with `` | `Name` | kind | ``. */
function reference(): Map<string, Array<{ name: string; kind: string }>> {
  const byArea = new Map<string, Array<{ name: string; kind: string }>>();
  let area: string | undefined;
  for (const line of readFileSync(join(ROOT, "docs", "api.md"), "utf8").split("\n")) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      area = heading[1].trim();
      byArea.set(area, []);
      continue;
    }
    const row = /^\| `([A-Za-z_$][\w$]*)` \| (\w+) \|/.exec(line);
    if (row) {
      if (area === undefined) throw new Error(`docs/api.md lists ${row[1]} before the first area heading`);
      byArea.get(area)!.push({ name: row[1], kind: row[2] });
    }
  }
  return byArea;
}

/** The statements of a TypeScript file with comments removed. */
function statements(source: string): string[] {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const REEXPORT = /^export (type )?(\*|\{[^}]*\}) from "[^"]+"$/;

test("the package root only re-exports", () => {
  expect(statements(rootIndex).filter((s) => !REEXPORT.test(s))).toEqual([]);
});

test.each([
  "constructs/index.ts",
  "constructs/keda-function-app/index.ts",
  "constructs/aks-cluster/index.ts",
  "constructs/container-registry/index.ts",
  "constructs/policy/index.ts",
])("%s only re-exports", (file) => {
  const other = statements(readFileSync(join(ROOT, file), "utf8")).filter((s) => !REEXPORT.test(s));
  expect(other).toEqual([]);
});

describe("the curated API", () => {
  test("the runtime exports are exactly the value exports of the declarations", () => {
    // Cross-checks the syntactic reader against what Node really loads.
    const values = names([...exported.values()].filter((e) => e.isValue));
    expect(Object.keys(api).sort()).toEqual(values);
  });

  test("docs/api.md lists every export, and nothing that is not one", () => {
    const listed = [...reference().values()].flat().map((e) => e.name);
    const missing = names(exported.values()).filter((name) => !listed.includes(name));
    const notExported = listed.filter((name) => !exported.has(name)).sort();
    const twice = listed.filter((name, i) => listed.indexOf(name) !== i);
    expect({ missing, notExported, twice }).toEqual({ missing: [], notExported: [], twice: [] });
  });

  test("docs/api.md files each export under the area it is declared in, with its kind", () => {
    const byArea = reference();
    expect([...byArea.keys()]).toEqual(AREAS.map(([heading]) => heading));
    const wrong: string[] = [];
    for (const [heading, folder] of AREAS) {
      for (const { name, kind } of byArea.get(heading) ?? []) {
        const actual = exported.get(name);
        if (actual === undefined) continue; // reported by the test above
        if (!actual.file.startsWith(folder)) wrong.push(`${name}: under "${heading}", declared in ${actual.file}`);
        if (actual.kind !== kind) wrong.push(`${name}: listed as ${kind}, is a ${actual.kind}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test("every export carries JSDoc", () => {
    const undocumented = [...exported.values()].filter((e) => !e.documented).map((e) => `${e.name} (${e.file})`);
    expect(undocumented).toEqual([]);
  });

  test("every export is declared in a folder of the API reference", () => {
    const elsewhere = [...exported.values()].filter((e) => !AREAS.some(([, folder]) => e.file.startsWith(folder))).map((e) => `${e.name} (${e.file})`);
    expect(elsewhere).toEqual([]);
  });

  test("every construct folder contributes to the API", () => {
    const folders = readdirSync(join(ROOT, "constructs"), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `constructs/${e.name}/`);
    const silent = folders.filter((folder) => ![...exported.values()].some((e) => e.file.startsWith(folder)));
    expect(silent).toEqual([]);
  });
});

// The internal helpers issue 15 found in the package root; each is imported by path inside the package.
test.each(["zonesOrUndefined", "poolArguments", "block", "show", "throwIfAny", "violationsOf", "toOutcome", "effective", "podSpecOf", "KNOWN_GAPS"])(
  "the internal helper %s is not exported",
  (name) => {
    expect(exported.has(name)).toBe(false);
    expect(Object.keys(api)).not.toContain(name);
  },
);

test("members tagged @internal are stripped from the published declarations (HttpScaling.config)", () => {
  const build = JSON.parse(readFileSync(join(ROOT, "tsconfig.build.json"), "utf8")) as { compilerOptions: { stripInternal?: boolean } };
  expect(build.compilerOptions.stripInternal).toBe(true);
  const source = readFileSync(join(ROOT, "constructs", "keda-function-app", "http-scaling.ts"), "utf8");
  const declaration = ts.transpileDeclaration(source, { compilerOptions: { stripInternal: build.compilerOptions.stripInternal } }).outputText;
  expect(declaration).toContain("export declare class HttpScaling");
  expect(declaration).not.toMatch(/\bconfig\b/);
});

test("ships the built-in dev and prod environments", () => {
  expect(Object.keys(api.environments).sort()).toEqual(["dev", "prod"]);
});
