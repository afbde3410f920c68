// secretlint with the recommended preset plus Azure patterns (scripts/gates/secretlintrc.json).
"use strict";
const { spawnSync } = require("node:child_process");
const { readdirSync } = require("node:fs");
const { join, relative } = require("node:path");

const root = join(__dirname, "..", "..");
const config = join(__dirname, "secretlintrc.json");

/** Dependency trees, build output and lock files (sha512 integrity hashes) are not ours to scan. */
const SKIPPED = new Set(["node_modules", "dist", ".build", "package-lock.json", ".git"]);

/** Every file under `dir` that the scan covers, relative to `cwd`. */
function scannedFiles(dir, cwd = root) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !SKIPPED.has(entry.name))
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return scannedFiles(full, cwd);
      return entry.isFile() ? [relative(cwd, full)] : [];
    })
    .sort();
}

/**
 * Runs secretlint on `files` (relative to `cwd`); returns the exit code and output.
 * secretlint exits 1 when it finds a secret.
 */
function scanForSecrets(files, cwd = root) {
  const bin = join(root, "node_modules", "secretlint", "bin", "secretlint.js");
  const result = spawnSync(
    process.execPath,
    [bin, "--secretlintrc", config, "--format", "unix", ...files],
    { cwd, encoding: "utf8" },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

module.exports = { scanForSecrets, scannedFiles };
