// The image must not run as root: the last USER of the final stage is a numeric,
// non-zero UID (optionally :GID), which Kubernetes' runAsNonRoot can verify.
"use strict";
const { parseDockerfile } = require("../lib/dockerfile.cjs");

/** Problems with the final stage's USER (empty when it is a numeric non-root user). */
function checkFinalUser(dockerfile) {
  const final = parseDockerfile(dockerfile).stages.at(-1);
  if (final === undefined) return ["no FROM instruction"];
  const users = final.instructions.filter((i) => i.keyword === "USER");
  if (users.length === 0) return ["the final stage has no USER: the container runs as the base image's user (root)"];
  const value = users[users.length - 1].args.trim();
  const match = /^(\d+)(?::(\d+))?$/.exec(value);
  if (match === null) return [`USER ${value} is not numeric: Kubernetes runAsNonRoot cannot verify a user name`];
  if (Number(match[1]) === 0) return [`USER ${value} is root`];
  if (match[2] !== undefined && Number(match[2]) === 0) return [`USER ${value} runs with the root group`];
  return [];
}

module.exports = { checkFinalUser };
