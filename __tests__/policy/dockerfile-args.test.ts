import { readFileSync } from "node:fs";
import { join } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { expandGlobalArgs } = require("../../scripts/gates/dockerfile-args.cjs") as { expandGlobalArgs(text: string): string };

// The dockerfile gate lints the Dockerfile with its base-image ARGs expanded: dockerfilelint
// cannot expand them and would call every `FROM ${ARG}` untagged.
describe("expandGlobalArgs", () => {
  test("the project's Dockerfile expands to the real, tagged base images", () => {
    const expanded = expandGlobalArgs(readFileSync(join(__dirname, "..", "..", "function-app", "Dockerfile"), "utf8"));
    expect(expanded.match(/^FROM .*$/gm)).toEqual([
      "FROM node:22-bookworm-slim AS build",
      "FROM node:22-bookworm-slim AS prod-deps",
      "FROM mcr.microsoft.com/azure-functions/node:4-node22 AS runtime",
    ]);
  });

  test.each([
    ["braced", "ARG B=node:22\nFROM ${B} AS build\n", "FROM node:22 AS build"],
    ["bare", "ARG B=node:22\nFROM $B\n", "FROM node:22"],
    ["an untagged default stays untagged, so the linter still reports it", "ARG B=node\nFROM ${B}\n", "FROM node"],
    ["an ARG without a default is left for the builder", "ARG B\nFROM ${B}\n", "FROM ${B}"],
    ["an ARG declared after the first FROM is not global", "FROM a:1\nARG B=node:22\nFROM ${B}\n", "FROM ${B}"],
  ])("%s", (_name, text, from) => {
    expect(expandGlobalArgs(text).split("\n").filter((l) => l.startsWith("FROM")).pop()).toBe(from);
  });
});
