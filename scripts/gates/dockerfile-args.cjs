// The Dockerfile as a plain `docker build` sees it: global ARGs (before the first FROM) replaced by
// their defaults in FROM lines. dockerfilelint does not expand ARGs, so it would report every
// `FROM ${BUILD_IMAGE}` as untagged; linting the expanded text keeps its tag check on the real images.
"use strict";

/** `text` with `${NAME}` / `$NAME` in FROM lines replaced by the defaults of the global ARGs. */
function expandGlobalArgs(text) {
  const defaults = {};
  let seenFrom = false;
  return text
    .split(/\r?\n/)
    .map((line) => {
      const trimmed = line.trim();
      if (/^FROM\s/i.test(trimmed)) {
        seenFrom = true;
        return line.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced, bare) => defaults[braced ?? bare] ?? whole);
      }
      const arg = /^ARG\s+(\w+)=(\S+)\s*$/i.exec(trimmed);
      if (arg && !seenFrom) defaults[arg[1]] = arg[2];
      return line;
    })
    .join("\n");
}

module.exports = { expandGlobalArgs };
