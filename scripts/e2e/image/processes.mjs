// Background servers of the image e2e (containerd, dockerd, registry): started here, stopped here by
// PID, in reverse order, on success, failure and interrupt. A run killed with SIGKILL cannot clean
// up, so each start is recorded in a file that the next run reads to stop what is left over.
import { spawn } from "node:child_process";
import { existsSync, openSync, readFileSync, writeFileSync, rmSync } from "node:fs";

const running = [];
let ledgerFile;

/** Records started servers in `file`, and first stops any server a killed earlier run left behind. */
export function useLedger(file) {
  ledgerFile = file;
  if (!existsSync(file)) return;
  for (const { pid, name, marker } of JSON.parse(readFileSync(file, "utf8")).reverse()) {
    // Only a process whose command line still names that run's private folder: never a stranger that reused the PID.
    if (alive(pid) && commandLine(pid).includes(marker)) {
      process.stderr.write(`[e2e:image] stopping ${name} (PID ${pid}) left over by an earlier run\n`);
      stopPid(pid, 15000);
    }
  }
  rmSync(file, { force: true });
}

/**
 * Starts `command` detached (an interrupt reaches it only through `stopAll`), its output to `logFile`.
 * `marker` is a path on its command line that identifies this run.
 */
export function startServer(name, command, args, { logFile, env, marker }) {
  const log = openSync(logFile, "a");
  const child = spawn(command, args, { detached: true, stdio: ["ignore", log, log], env: env ?? process.env });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const entry = { name, pid: child.pid, marker, logFile, exited: null };
  child.on("exit", (code, signal) => (entry.exited = { code, signal }));
  // A server must not keep this process alive; stopAll ends it.
  child.unref();
  running.push(entry);
  writeLedger();
  return entry;
}

/** Stops every started server, newest first: SIGTERM, then SIGKILL after the grace period. Synchronous, so it also runs in an exit handler. */
export function stopAll() {
  while (running.length > 0) {
    const entry = running.pop();
    if (alive(entry.pid)) stopPid(entry.pid, 20000);
    writeLedger();
  }
  if (ledgerFile) rmSync(ledgerFile, { force: true });
}

/** Stops everything on exit, Ctrl-C, SIGTERM and uncaught errors; exits 130/143 on signals. */
export function stopOnExit() {
  process.on("exit", stopAll);
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]]) {
    process.on(signal, () => {
      process.stderr.write(`[e2e:image] ${signal}: stopping servers\n`);
      stopAll();
      process.exit(code);
    });
  }
}

function stopPid(pid, graceMs) {
  signalPid(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) sleepSync(100);
  if (alive(pid)) signalPid(pid, "SIGKILL");
  while (alive(pid) && Date.now() < deadline + 5000) sleepSync(50);
}

function signalPid(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Alive and not a zombie (a detached child we never reaped still answers kill 0). */
export function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

export function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function writeLedger() {
  if (ledgerFile) writeFileSync(ledgerFile, JSON.stringify(running.map(({ name, pid, marker }) => ({ name, pid, marker }))));
}
