// scripts/lib/dockerfile.cjs: the one Dockerfile reader behind the gates' USER and ARG checks, the
// image e2e's base-image stand-ins and the function app's packaging tests.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseDockerfile } = require("../../scripts/lib/dockerfile.cjs") as {
  parseDockerfile(text: string): {
    globalArgs: Record<string, string>;
    stages: Array<{ image: string; from: string; name?: string; line: number; instructions: Array<{ keyword: string; args: string; line: number }> }>;
  };
};

const TEXT = [
  "# syntax=docker/dockerfile:1",
  "ARG BASE=node:22-slim",
  "ARG NO_DEFAULT",
  "FROM --platform=linux/amd64 ${BASE} AS build",
  "ARG STAGE_ONLY=x",
  "RUN npm ci \\",
  "  # a comment inside the continuation is dropped",
  "  --omit=dev",
  "",
  "from $BASE as runtime",
  "user 10001:10001",
].join("\n");

describe("parseDockerfile", () => {
  const { globalArgs, stages } = parseDockerfile(TEXT);

  test("global ARGs are those before the first FROM that have a default; a stage's ARG is not global", () => {
    expect(globalArgs).toEqual({ BASE: "node:22-slim" });
  });

  test("stages: the image as written, the FROM a plain build resolves, the name after AS (any case), flags skipped", () => {
    expect(stages.map(({ image, from, name, line }) => ({ image, from, name, line }))).toEqual([
      { image: "${BASE}", from: "node:22-slim", name: "build", line: 4 },
      { image: "$BASE", from: "node:22-slim", name: "runtime", line: 10 },
    ]);
  });

  test("instructions: keywords upper-cased, continuations joined, comment lines dropped, the first line kept", () => {
    expect(stages[0]!.instructions).toEqual([
      { keyword: "ARG", args: "STAGE_ONLY=x", line: 5 },
      { keyword: "RUN", args: "npm ci --omit=dev", line: 6 },
    ]);
    expect(stages[1]!.instructions).toEqual([{ keyword: "USER", args: "10001:10001", line: 11 }]);
  });

  test("an unknown ARG stays as written; no FROM means no stages", () => {
    expect(parseDockerfile("FROM ${UNKNOWN}\n").stages[0]!.from).toBe("${UNKNOWN}");
    expect(parseDockerfile("ARG A=1\nRUN true\n")).toEqual({ globalArgs: { A: "1" }, stages: [] });
  });
});
