import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix, relative, sep } from "node:path";
import dockerignore from "@balena/dockerignore";

/** The files `docker build` would send as the context of `directory`, and their hash. */
export interface DockerContext {
  readonly directory: string;
  /** POSIX paths relative to `directory`, sorted. Always holds the Dockerfile and `.dockerignore` when they exist. */
  readonly files: readonly string[];
  /** SHA-256 over paths and contents: changes exactly when the image's inputs change. */
  readonly sha256: string;
}

/** The Dockerfile's name at the root of the build context, as `docker build` and the docker provider default it. */
export const DEFAULT_DOCKERFILE = "Dockerfile";

/**
 * Reads a Docker build context with Docker's own `.dockerignore` semantics. Paths are
 * sorted and POSIX-style, so the hash is identical on every machine.
 *
 * Like the Docker CLI (and the docker provider, both through `TrimBuildFilesFromExcludes`), the
 * Dockerfile and `.dockerignore` are sent whatever the ignore rules say: an allow-list that starts
 * with `*` would otherwise leave the daemon without a Dockerfile. Being in the context, the
 * Dockerfile is also in the hash, so editing it (a new base image) gives a new tag and a rebuild.
 */
export function readDockerContext(directory: string): DockerContext {
  const ignorePath = join(directory, ".dockerignore");
  const rules = existsSync(ignorePath) ? readFileSync(ignorePath, "utf8") : "";
  const filter = dockerignore({ ignorecase: false })
    .add(rules.split(/\r?\n/))
    .add([`!.dockerignore`, `!${DEFAULT_DOCKERFILE}`]);
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
 * The hash of everything a build's result depends on besides its base images: the context (Dockerfile
 * included) and the build arguments. Without build arguments it is the context hash itself, so adding
 * this did not move any existing tag. Keys are sorted: the order they were written in does not matter.
 */
export function buildInputsHash(context: DockerContext, buildArgs: Readonly<Record<string, string>> = {}): string {
  const keys = Object.keys(buildArgs).sort();
  if (keys.length === 0) return context.sha256;
  const hash = createHash("sha256").update(context.sha256);
  for (const key of keys) hash.update("\0").update(key).update("=").update(buildArgs[key]);
  return hash.digest("hex");
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
