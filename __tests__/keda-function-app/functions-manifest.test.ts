import { parseFunctionsManifest } from "../../constructs/keda-function-app/functions-manifest";

// The manifest KedaFunctionApp reads (functions.manifest.json): its shape errors name the file
// (or "functions manifest") and the entry, so a hand-edited manifest is fixed at the right line.

describe("parseFunctionsManifest", () => {
  test.each<[string, unknown, string]>([
    ["not an object", null, 'functions manifest must be an object with a "functions" array.'],
    ["functions not an array", { functions: {} }, 'functions manifest must be an object with a "functions" array.'],
    ["an entry without a name", { functions: [{ trigger: { type: "queueTrigger" } }] }, "functions manifest: functions[0].name must be a non-empty string."],
    ["an empty name", { functions: [{ name: "", trigger: { type: "queueTrigger" } }] }, "functions manifest: functions[0].name must be a non-empty string."],
    ["a null entry", { functions: [null] }, "functions manifest: functions[0].name must be a non-empty string."],
    ["no trigger", { functions: [{ name: "a", trigger: { type: "queueTrigger" } }, { name: "b" }] }, 'functions manifest: functions[1] (b) needs a trigger object with a string "type".'],
    ["a trigger without a string type", { functions: [{ name: "a", trigger: { type: 1 } }] }, 'functions manifest: functions[0] (a) needs a trigger object with a string "type".'],
  ])("%s is refused, naming the entry", (_case, value, message) => {
    expect(() => parseFunctionsManifest(value)).toThrow(message);
  });

  test("the source names the file in every message", () => {
    expect(() => parseFunctionsManifest({}, "app/functions.manifest.json")).toThrow('app/functions.manifest.json must be an object with a "functions" array.');
    expect(() => parseFunctionsManifest({ functions: [{ name: "a" }] }, "app/functions.manifest.json")).toThrow('app/functions.manifest.json: functions[0] (a) needs');
  });

  test("a valid manifest comes back sorted by name, triggers as given", () => {
    const manifest = parseFunctionsManifest({ functions: [{ name: "b", trigger: { type: "queueTrigger", queueName: "q" } }, { name: "a", trigger: { type: "httpTrigger" } }] });
    expect(manifest.functions).toEqual([
      { name: "a", trigger: { type: "httpTrigger" } },
      { name: "b", trigger: { type: "queueTrigger", queueName: "q" } },
    ]);
  });
});
