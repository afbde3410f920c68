import { cli } from "../support/discovery";

// The discover CLI's argument handling, in process: nothing here loads an app. The runs that
// discover (a child process per app) are in discovery-cli.test.ts, an integration suite.

test.each([
  [[], "keda-functions-aks: no command"],
  [["discovr"], 'keda-functions-aks: unknown command "discovr"'],
  [["discover", "--module-path"], "keda-functions-aks discover: --module-path needs a value"],
  [["discover", "--output", "--module-path", "lib"], "keda-functions-aks discover: --output needs a value"],
  [["discover", "--out", "x"], 'keda-functions-aks discover: unknown option "--out"'],
  [["discover", "a", "b"], 'keda-functions-aks discover: one app folder only, got "a" and "b"'],
])("%j is a usage error (exit 2) with the usage", (args, message) => {
  const result = cli(args as string[]);
  expect(result.code).toBe(2);
  expect(result.err).toContain(message);
  expect(result.err).toContain("usage: keda-functions-aks discover [<app-dir>]");
  expect(result.out).toBe("");
});

test("--help prints the usage on stdout, exit 0", () => {
  for (const flag of ["--help", "-h", "help"]) {
    const result = cli([flag]);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toMatch(/^usage: keda-functions-aks discover \[<app-dir>\] \[--module-path <dir>\]\.\.\. \[--output <file>\]\n\n/);
  }
});

