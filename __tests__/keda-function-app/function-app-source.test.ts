import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FunctionAppSource } from "../../constructs/keda-function-app/function-app-source";

// Issue 15 item 2: the workload stack no longer reads files; the construct's API reads the
// app folder once and hands typed values on.

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kfa-source-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const MANIFEST = JSON.stringify({ functions: [{ name: "b", trigger: { type: "queueTrigger", queueName: "q" } }, { name: "a", trigger: { type: "httpTrigger" } }] });

test("reads host.json and the functions manifest (functions sorted by name)", () => {
  const dir = folder({ "host.json": JSON.stringify({ version: "2.0", functionTimeout: "00:05:00" }), "functions.manifest.json": MANIFEST });
  const source = FunctionAppSource.fromDirectory(dir);
  expect(source.directory).toBe(dir);
  expect(source.functions.map((f) => f.name)).toEqual(["a", "b"]);
  expect(source.hostJson.functionTimeout).toBe("00:05:00");
});

test("the repository's sample app reads as the workload stack uses it", () => {
  const source = FunctionAppSource.fromDirectory("function-app");
  expect(source.functions.length).toBeGreaterThan(0);
  expect(source.hostJson.version).toBe("2.0");
});

test("a missing host.json fails naming the file", () => {
  const dir = folder({ "functions.manifest.json": MANIFEST });
  expect(() => FunctionAppSource.fromDirectory(dir)).toThrow(`Cannot read the app's host.json ${join(dir, "host.json")}: ENOENT`);
});

test("a host.json that is not an object fails naming the file", () => {
  const dir = folder({ "host.json": "[]", "functions.manifest.json": MANIFEST });
  expect(() => FunctionAppSource.fromDirectory(dir)).toThrow(`${join(dir, "host.json")} must hold a JSON object.`);
});

test("a malformed manifest fails naming the file", () => {
  const dir = folder({ "host.json": "{}", "functions.manifest.json": "{}" });
  expect(() => FunctionAppSource.fromDirectory(dir)).toThrow('must be an object with a "functions" array.');
});
