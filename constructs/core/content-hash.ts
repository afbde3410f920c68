import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import dockerignore from "@balena/dockerignore";

/**
 * A SHA-256 over the files a `docker build` of `directory` would send as its context:
 * `.dockerignore` rules apply with Docker's own semantics, paths are sorted and
 * POSIX-style, so the hash is identical on every machine and only changes when the
 * image's inputs change.
 */
export function dockerContextHash(directory: string): string {
  const ignorePath = join(directory, ".dockerignore");
  const rules = existsSync(ignorePath) ? readFileSync(ignorePath, "utf8") : "";
  const filter = dockerignore({ ignorecase: false }).add(rules.split(/\r?\n/));
  const hash = createHash("sha256");
  for (const file of listFiles(directory, directory, (path) => filter.ignores(path))) {
    hash.update(file);
    hash.update("\0");
    hash.update(readFileSync(join(directory, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function listFiles(root: string, dir: string, ignored: (path: string) => boolean): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const rel = relative(root, full).split(sep).join(posix.sep);
    if (ignored(rel)) continue;
    if (entry.isDirectory()) files.push(...listFiles(root, full, ignored));
    else if (entry.isFile()) files.push(rel);
  }
  return files.sort();
}
