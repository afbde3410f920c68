// A Docker engine of the e2e's own: containerd and dockerd with every root, socket and PID file in a
// private folder, no bridge, no iptables, no IP forwarding or masquerading, so the machine's network
// set-up is never touched and no other Docker client (nor the machine's default socket) is involved.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, createWriteStream } from "node:fs";
import { join } from "node:path";
import { alive, sleepSync, startServer } from "./processes.mjs";

/** Debian's docker.io client, the same version as its dockerd (not whatever `docker` is first on PATH). */
export const DOCKER_CLI = "/usr/bin/docker";

/**
 * Starts containerd and dockerd under `dir`. Returns the engine's DOCKER_HOST and a client bound to it.
 * The engine's containers get no network unless a command asks for `host` (the npm registry the build needs).
 */
/**
 * Folders containerd and dockerd create at fixed paths whatever their roots (shim sockets, plugin
 * discovery). The ones missing before the start are removed again at the end, when empty.
 */
const FIXED_RUNTIME_DIRS = ["/run/containerd/s", "/run/containerd", "/run/docker/plugins", "/run/docker"];
export let createdRuntimeDirs = [];

export function startEngine(dir) {
  createdRuntimeDirs = FIXED_RUNTIME_DIRS.filter((d) => !existsSync(d));
  for (const sub of ["containerd-root", "containerd-state", "data", "exec", "logs"]) mkdirSync(join(dir, sub), { recursive: true });
  const containerdSocket = join(dir, "containerd.sock");
  const config = join(dir, "containerd.toml");
  // An explicit config: the machine's /etc/containerd/config.toml (CRI plugin, system paths) must not apply.
  writeFileSync(
    config,
    [
      "version = 2",
      `root = ${JSON.stringify(join(dir, "containerd-root"))}`,
      `state = ${JSON.stringify(join(dir, "containerd-state"))}`,
      'disabled_plugins = ["io.containerd.grpc.v1.cri"]',
      "[grpc]",
      `  address = ${JSON.stringify(containerdSocket)}`,
      "[ttrpc]",
      `  address = ${JSON.stringify(`${containerdSocket}.ttrpc`)}`,
      "[debug]",
      '  address = ""',
      "[metrics]",
      '  address = ""',
      "",
    ].join("\n"),
  );
  const containerd = startServer("containerd", "/usr/bin/containerd", ["--config", config], { logFile: join(dir, "logs", "containerd.log"), marker: dir });
  waitFor("containerd", containerd, () => existsSync(containerdSocket), 30000);

  const socket = join(dir, "docker.sock");
  const dockerd = startServer(
    "dockerd",
    "/usr/sbin/dockerd",
    [
      "--iptables=false",
      "--ip6tables=false",
      "--bridge=none",
      "--ip-forward=false",
      "--ip-masq=false",
      "--userland-proxy=false",
      `--containerd=${containerdSocket}`,
      `--data-root=${join(dir, "data")}`,
      `--exec-root=${join(dir, "exec")}`,
      `--pidfile=${join(dir, "dockerd.pid")}`,
      `--host=unix://${socket}`,
      // No daemon.json of the machine (registry mirrors, insecure registries) may change what this test sees.
      `--config-file=${writeDaemonJson(dir)}`,
    ],
    { logFile: join(dir, "logs", "dockerd.log"), marker: dir },
  );
  const host = `unix://${socket}`;
  const engine = new Engine(host, join(dir, "logs"));
  waitFor("dockerd", dockerd, () => existsSync(socket) && engine.run(["version", "--format", "{{.Server.Version}}"], { check: false }).status === 0, 60000);
  return engine;
}

function writeDaemonJson(dir) {
  const file = join(dir, "daemon.json");
  writeFileSync(file, JSON.stringify({ "log-level": "warn", features: { buildkit: false } }));
  return file;
}

function waitFor(name, server, ready, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (server.exited !== null || !alive(server.pid)) throw new Error(`${name} exited at start; see ${server.logFile}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready after ${timeoutMs / 1000} s; see ${server.logFile}`);
    sleepSync(200);
  }
}

/** The docker CLI bound to one engine (DOCKER_HOST, its own config folder, the classic builder). */
export class Engine {
  constructor(host, logDir) {
    this.host = host;
    this.logDir = logDir;
    this.env = {
      ...process.env,
      DOCKER_HOST: host,
      DOCKER_CONFIG: join(logDir, "..", "docker-config"),
      // The docker provider's default builder needs BuildKit's `# syntax=` image from Docker Hub; the classic
      // builder uses the local stand-in base images without pulling.
      DOCKER_BUILDKIT: "0",
    };
    mkdirSync(this.env.DOCKER_CONFIG, { recursive: true });
  }

  /** Runs the CLI and waits. Throws with stderr unless `check: false`. */
  run(args, { check = true, input } = {}) {
    const result = spawnSync(DOCKER_CLI, args, { env: this.env, encoding: "utf8", input, maxBuffer: 256 * 1024 * 1024 });
    if (check && result.status !== 0) {
      throw new Error(`docker ${args.join(" ")} failed (exit ${result.status}):\n${(result.stderr || result.stdout || String(result.error)).trim()}`);
    }
    return result;
  }

  /** Runs a long CLI command (build, push) with its output to `logName` in the log folder; resolves with its output. */
  stream(args, logName, { env } = {}) {
    return new Promise((resolve, reject) => {
      const log = createWriteStream(join(this.logDir, logName), { flags: "a" });
      const child = spawn(DOCKER_CLI, args, { env: { ...this.env, ...env } });
      let output = "";
      for (const stream of [child.stdout, child.stderr]) {
        stream.on("data", (chunk) => {
          output += chunk;
          log.write(chunk);
        });
      }
      child.on("error", reject);
      child.on("close", (code) => {
        log.end();
        if (code === 0) resolve(output);
        else reject(new Error(`docker ${args.slice(0, 3).join(" ")} ... failed (exit ${code}); last lines:\n${output.trim().split("\n").slice(-15).join("\n")}\n(full log: ${join(this.logDir, logName)})`));
      });
    });
  }

  inspect(ref) {
    const result = this.run(["image", "inspect", ref], { check: false });
    return result.status === 0 ? JSON.parse(result.stdout)[0] : undefined;
  }
}
