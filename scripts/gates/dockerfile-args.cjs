// The Dockerfile as a plain `docker build` sees it: global ARGs (before the first FROM) replaced by
// their defaults in FROM lines. dockerfilelint does not expand ARGs, so it would report every
// `FROM ${BUILD_IMAGE}` as untagged; linting the expanded text keeps its tag check on the real images.
"use strict";
const { expandArgs, parseDockerfile } = require("../lib/dockerfile.cjs");

/** `text` with `${NAME}` / `$NAME` in FROM lines replaced by the defaults of the global ARGs (line numbers kept). */
function expandGlobalArgs(text) {
  const { globalArgs } = parseDockerfile(text);
  return text
    .split(/\r?\n/)
    .map((line) => (/^\s*FROM\s/i.test(line) ? expandArgs(line, globalArgs) : line))
    .join("\n");
}

module.exports = { expandGlobalArgs };
