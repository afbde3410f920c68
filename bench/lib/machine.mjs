// What the numbers were measured on: they mean little without it.
import { execSync } from "node:child_process";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

/** One line: date, CPU, cores, memory, Node and npm versions. */
export function machineLine() {
  const npm = execSync("npm --version", { encoding: "utf8" }).trim();
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · ${cpus()[0]?.model ?? "unknown CPU"} · nproc ${availableParallelism()} · ${gib} GiB · node ${process.version} · npm ${npm}`;
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
export function loadLine() {
  return loadavg().map((load) => load.toFixed(2)).join(", ");
}
