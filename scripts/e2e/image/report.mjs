// The e2e's report: one table on stdout and .reports/e2e-image.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export const mb = (bytes) => Math.round((bytes / 1e6) * 10) / 10;
export const seconds = (ms) => Math.round(ms / 100) / 10;

export function printTable(title, rows) {
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\n${title}\n${"-".repeat(title.length)}\n`);
  for (const [key, value] of rows) process.stdout.write(`${key.padEnd(width)}  ${value}\n`);
}

export function writeReport(file, report) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
