// Long-running servers of the e2e run: started with their output in a log file, remembered by PID,
// and stopped by PID (SIGTERM, then SIGKILL) in reverse start order, whatever happens.
import { spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

/** Every server this run started, in start order. */
const started = [];

/**
 * Starts `command` with `args`, its stdout and stderr appended to `<logDir>/<name>.log`.
 * Returns `{ name, pid, log, child, exited }`; `exited` resolves with the exit code.
 */
export function startServer(name, command, args, { logDir, env, cwd } = {}) {
  const log = join(logDir, `${name}.log`);
  const out = createWriteStream(log, { flags: "a" });
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal));
    // A binary that cannot start emits "error" and never "exit".
    child.once("error", (error) => {
      out.write(`spawn error: ${error.message}\n`);
      resolve(`spawn error: ${error.message}`);
    });
  });
  const server = { name, pid: child.pid, log, child, exited, exitCode: undefined };
  exited.then((code) => {
    server.exitCode = code;
  });
  started.push(server);
  return server;
}

/** Stops every server still running, newest first: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopAll(graceMs = 5_000) {
  for (const server of [...started].reverse()) {
    if (server.exitCode !== undefined || server.pid === undefined) continue;
    try {
      process.kill(server.pid, "SIGTERM");
    } catch {
      continue; // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(server.pid, "SIGKILL");
      } catch {
        // exited in the meantime
      }
    }, graceMs);
    await server.exited;
    clearTimeout(timer);
  }
  started.length = 0;
}

/** Last `lines` lines of a server's log, for error messages. */
export function tail(server, lines = 25) {
  try {
    return readFileSync(server.log, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Polls `check` (an async function returning truthy when ready) every `intervalMs` until it
 * succeeds, the server exits, or `timeoutMs` passes; the error names the server and its log.
 */
export async function waitFor(what, check, { timeoutMs, intervalMs = 250, server } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (server?.exitCode !== undefined) {
      throw new Error(`${server.name} exited (${server.exitCode}) before ${what}. Log ${server.log}:\n${tail(server)}`);
    }
    try {
      const result = await check();
      if (result) return result;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  const detail = lastError ? ` (last error: ${lastError.message})` : "";
  const log = server ? `\nLog ${server.log}:\n${tail(server)}` : "";
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${detail}${log}`);
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Re-runs `script` (this process's own arguments) in a new network namespace where only loopback
 * is up (`unshare --net`), with `insideVariable=1` so the script knows it is inside: the servers
 * it starts can reach nothing and nothing can reach them, and the machine's network is untouched.
 * This process exits with the child's code (130/143 after SIGINT/SIGTERM, 2 if unshare fails).
 */
export function rerunInPrivateNetwork(script, insideVariable, log) {
  const child = spawn(
    "unshare",
    ["--net", "--", "sh", "-c", 'ip link set lo up && exec "$0" "$@"', process.execPath, script, ...process.argv.slice(2)],
    { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, [insideVariable]: "1" } },
  );
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.once("error", (error) => {
    log(`cannot create a private network namespace (unshare --net: ${error.message}); the run needs root or CAP_SYS_ADMIN`);
    process.exit(2);
  });
  child.once("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 130 : 143)));
}
