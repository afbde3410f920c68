// The run's result: a table on stdout and .reports/e2e-cluster.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

function row(cells, widths) {
  return cells.map((cell, i) => String(cell).padEnd(widths[i])).join("  ");
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  return [row(header, widths), row(widths.map((w) => "-".repeat(w)), widths), ...rows.map((r) => row(r, widths))].join("\n");
}

/** Prints the scaling table and the findings; writes the JSON report. Returns its path. */
export function writeReport(root, report, file = join(root, ".reports", "e2e-cluster.json")) {
  const lines = [];
  if (report.scaling.length > 0) {
    lines.push(
      table(
        ["trigger", "polling s", "from 0 s", "goal s", "cooldown s", "to 0 s", "HPA", "result"],
        report.scaling.map((s) =>
          s.skipped
            ? [s.kind, "-", "-", "-", "-", "-", "-", `skipped: ${s.skipped.length > 70 ? `${s.skipped.slice(0, 67)}...` : s.skipped} (report: full reason)`]
            : s.error
              ? [s.kind, s.pollingInterval ?? "-", "-", "-", s.cooldownPeriod ?? "-", "-", "-", `FAILED: ${s.error.split("\n")[0].slice(0, 90)}`]
              : [
                  s.kind,
                  s.pollingInterval,
                  s.scaleFromZeroSeconds.toFixed(1),
                  `<= ${s.pollingInterval + 2}`,
                  s.cooldownPeriod,
                  s.scaleToZeroSeconds.toFixed(1),
                  s.hpa.name,
                  s.scaleFromZeroSeconds <= s.pollingInterval + 2 ? "ok" : "slower than goal",
                ],
        ),
      ),
    );
  }
  lines.push("", table(["phase", "seconds"], Object.entries(report.phases).map(([phase, seconds]) => [phase, seconds.toFixed(1)])));
  lines.push(`\nwhole run: ${report.totalSeconds.toFixed(1)} s (goal: under 180 s warm)`);
  if (report.findings.length > 0) {
    lines.push(`\n${report.findings.length} finding(s):`);
    for (const f of report.findings) lines.push(`\n[${f.check}] ${f.message}`);
  } else {
    lines.push("\nno findings: every object admitted, no drift, least privilege holds, scaling 0 -> 1 -> 0 works");
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
