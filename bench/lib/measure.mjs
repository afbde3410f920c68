// Runs a command and reports its wall time and peak RSS. Peak RSS is that of the
// largest single process in the command's tree (what GNU time's %M reports), not a sum.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const GNU_TIME = "/usr/bin/time";

/** How peak RSS is measured on this machine: GNU time when installed, else /proc polling. */
export const rssMethod = hasGnuTime() ? "GNU time %M" : "/proc VmHWM polling (every 20 ms)";

function hasGnuTime() {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ["--version"], { encoding: "utf8" });
  return `${probe.stdout}${probe.stderr}`.includes("GNU");
}

/**
 * One run of `command` (a shell command line). `prepare` runs first and is not timed.
 * Resolves to `{ wall, rssMb, ok, error }` with wall in seconds.
 */
export async function measureOnce(command, { cwd, env, prepare } = {}) {
  prepare?.();
  const options = { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] };
  return rssMethod.startsWith("GNU") ? runWithGnuTime(command, options) : runWithProcPolling(command, options);
}

async function runWithGnuTime(command, options) {
  const report = join(tmpdir(), `bench-time-${process.pid}.txt`);
  const started = performance.now();
  const { code, stderr } = await run(GNU_TIME, ["-f", "%M", "-o", report, "sh", "-c", command], options);
  const wall = (performance.now() - started) / 1000;
  const lines = readFileSync(report, "utf8").trim().split("\n");
  rmSync(report, { force: true });
  return result(code, stderr, wall, Number(lines.at(-1)) / 1024);
}

async function runWithProcPolling(command, options) {
  const started = performance.now();
  const child = spawn("sh", ["-c", command], options);
  let peakKb = 0;
  const poll = setInterval(() => {
    for (const pid of [child.pid, ...descendants(child.pid)]) peakKb = Math.max(peakKb, highWaterMarkKb(pid));
  }, 20);
  const { code, stderr } = await settle(child);
  clearInterval(poll);
  return result(code, stderr, (performance.now() - started) / 1000, peakKb / 1024);
}

function result(code, stderr, wall, rssMb) {
  if (code === 0) return { ok: true, wall, rssMb };
  const lines = stderr.split("\n");
  // jest's summary line, else the first line that names an error, else the last line.
  const firstError = lines.find((line) => /^Tests:/.test(line)) ?? lines.find((line) => /error/i.test(line)) ?? stderr.trim().split("\n").at(-1) ?? "";
  return { ok: false, wall, rssMb, error: `exit ${code}: ${firstError.trim().slice(0, 160)}` };
}

function run(file, args, options) {
  return settle(spawn(file, args, options));
}

// stdout is kept too: tsc prints its errors there.
function settle(child) {
  let stderr = "";
  // The tail is what matters: jest's summary, the last error.
  const keep = (chunk) => {
    stderr = (stderr + chunk).slice(-65536);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

function descendants(pid) {
  const parents = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended between readdir and read.
    }
  }
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function highWaterMarkKb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * `warmups` untimed runs, then `runs` timed ones; `after` sees each timed run's result.
 * A failing run ends the sample, unless `keepFailures` (a test suite that has failing
 * tests still has a meaningful duration): then the row carries the error and goes on.
 * Resolves to `{ runs, wall: {median, min, max}, rssMb: {median, max}, error? }`.
 */
export async function sample(command, { runs, warmups = 1, keepFailures = false, after, ...options }) {
  const results = [];
  let error;
  for (let i = 0; i < warmups + runs; i++) {
    const once = await measureOnce(command, options);
    if (!once.ok) {
      error ??= once.error;
      if (!keepFailures) return { runs: results.length, error };
    }
    if (i >= warmups) {
      results.push(once);
      after?.(once);
    }
  }
  const walls = results.map((r) => r.wall);
  const rss = results.map((r) => r.rssMb);
  return {
    runs: results.length,
    error,
    wall: { median: median(walls), min: Math.min(...walls), max: Math.max(...walls) },
    rssMb: { median: median(rss), max: Math.max(...rss) },
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
