// The image must not run as root: the last USER of the final stage is a numeric,
// non-zero UID (optionally :GID), which Kubernetes' runAsNonRoot can verify.
"use strict";

/** Problems with the final stage's USER (empty when it is a numeric non-root user). */
function checkFinalUser(dockerfile) {
  const lines = dockerfile
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  let lastFrom = -1;
  lines.forEach((line, i) => {
    if (/^FROM\s/i.test(line)) lastFrom = i;
  });
  if (lastFrom === -1) return ["no FROM instruction"];
  const users = lines.slice(lastFrom).filter((l) => /^USER\s/i.test(l));
  if (users.length === 0) return ["the final stage has no USER: the container runs as the base image's user (root)"];
  const value = users[users.length - 1].replace(/^USER\s+/i, "").trim();
  const match = /^(\d+)(?::(\d+))?$/.exec(value);
  if (match === null) return [`USER ${value} is not numeric: Kubernetes runAsNonRoot cannot verify a user name`];
  if (Number(match[1]) === 0) return [`USER ${value} is root`];
  if (match[2] !== undefined && Number(match[2]) === 0) return [`USER ${value} runs with the root group`];
  return [];
}

module.exports = { checkFinalUser };
