import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix, relative, sep } from "node:path";
import dockerignore from "@balena/dockerignore";

/** The files `docker build` would send as the context of `directory`, and their hash. */
export interface DockerContext {
  readonly directory: string;
  /** POSIX paths relative to `directory`, sorted. */
  readonly files: readonly string[];
  /** SHA-256 over paths and contents: changes exactly when the image's inputs change. */
  readonly sha256: string;
}

/**
 * Reads a Docker build context with Docker's own `.dockerignore` semantics. Paths are
 * sorted and POSIX-style, so the hash is identical on every machine.
 */
export function readDockerContext(directory: string): DockerContext {
  const ignorePath = join(directory, ".dockerignore");
  const rules = existsSync(ignorePath) ? readFileSync(ignorePath, "utf8") : "";
  const filter = dockerignore({ ignorecase: false }).add(rules.split(/\r?\n/));
  const files = listFiles(directory, directory, (path) => filter.ignores(path));
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file);
    hash.update("\0");
    hash.update(readFileSync(join(directory, file)));
    hash.update("\0");
  }
  return { directory, files, sha256: hash.digest("hex") };
}

/**
 * Copies just the context's files to a folder named after its hash, so it can become a
 * cdktf asset without dragging node_modules or build output along. Reused when present.
 */
export function stageDockerContext(context: DockerContext): string {
  const staged = join(tmpdir(), "cdktf-docker-context", context.sha256);
  if (existsSync(staged)) return staged;
  const partial = `${staged}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  for (const file of context.files) {
    const target = join(partial, file);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(context.directory, file), target);
  }
  mkdirSync(partial, { recursive: true });
  mkdirSync(dirname(staged), { recursive: true });
  // Another synth may have staged the same hash meanwhile; either copy is identical.
  try {
    renameSync(partial, staged);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
  return staged;
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
