// The one Dockerfile reader of this repository: the gates (final USER, base-image ARGs for
// dockerfilelint), the image e2e (which base images to stand in) and the function app's
// packaging tests all read function-app/Dockerfile through it. It knows what those need and no
// more: comment lines, line continuations, global ARG defaults, stages and their instructions.
// The Docker engine itself judges the file in `npm run e2e:image`.
"use strict";

/**
 * Parses Dockerfile text into its global ARG defaults (the ARGs before the first FROM that
 * have a default) and its stages. A stage's `image` is as written, `from` has the global ARGs
 * a plain `docker build` would substitute (`${NAME}` / `$NAME`) replaced by their defaults.
 * Instruction keywords are upper-cased; `line` is the 1-based line the instruction starts on.
 * @param {string} text
 * @returns {{ globalArgs: Record<string, string>, stages: Array<{ image: string, from: string, name?: string, line: number, instructions: Array<{ keyword: string, args: string, line: number }> }> }}
 */
function parseDockerfile(text) {
  const globalArgs = {};
  const stages = [];
  for (const { text: instruction, line } of logicalLines(text)) {
    const [word, ...rest] = instruction.split(/\s+/);
    const keyword = word.toUpperCase();
    const args = rest.join(" ");
    if (keyword === "FROM") {
      const [image = "", as, name] = rest.filter((r) => !r.startsWith("--"));
      const stage = { image, from: expandArgs(image, globalArgs), line, instructions: [] };
      if (as !== undefined && as.toUpperCase() === "AS" && name !== undefined) stage.name = name;
      stages.push(stage);
    } else if (keyword === "ARG" && stages.length === 0) {
      const match = /^(\w+)=(\S*)$/.exec(args);
      if (match) globalArgs[match[1]] = match[2];
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ keyword, args, line });
    }
  }
  return { globalArgs, stages };
}

/** Instructions one per entry: comment and blank lines dropped, `\` continuations joined. */
function logicalLines(text) {
  const result = [];
  let current;
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith("#") || (trimmed === "" && current === undefined)) return;
    const continued = trimmed.endsWith("\\");
    const part = continued ? trimmed.slice(0, -1).trim() : trimmed;
    current = current === undefined ? { text: part, line: index + 1 } : { ...current, text: `${current.text} ${part}`.trim() };
    if (!continued) {
      if (current.text !== "") result.push(current);
      current = undefined;
    }
  });
  if (current !== undefined && current.text !== "") result.push(current);
  return result;
}

/** `value` with `${NAME}` and `$NAME` replaced from `args`; unknown names stay as written. */
function expandArgs(value, args) {
  return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced, bare) => args[braced ?? bare] ?? whole);
}

module.exports = { parseDockerfile, expandArgs };
