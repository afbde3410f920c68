// The conformance report: one row per tool and target with counts, printed as a table and written as
// JSON. Pure formatting; the run decides the exit code from the same rows.
"use strict";

const STATUSES = ["passed", "failed", "suppressed", "unavailable"];

/** Rows (tool, version, target, passed, failed, suppressed, unavailable), in first-seen order. */
function summarize(results) {
  const rows = new Map();
  for (const r of results) {
    const key = `${r.tool}\u0000${r.version}\u0000${r.target}`;
    if (!rows.has(key)) rows.set(key, { tool: r.tool, version: r.version, target: r.target, passed: 0, failed: 0, suppressed: 0, unavailable: 0 });
    if (STATUSES.includes(r.status)) rows.get(key)[r.status] += 1;
  }
  return [...rows.values()];
}

function table(rows) {
  const columns = ["tool", "version", "target", ...STATUSES];
  const cells = [columns, ...rows.map((r) => columns.map((c) => String(r[c])))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i >= 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

/** The lines that explain the table: every failure, every suppression with its reason, every unavailable check. */
function details(results, stale, problems) {
  const out = [];
  const section = (title, list, fmt) => {
    if (list.length === 0) return;
    out.push("", `${title} (${list.length}):`);
    for (const item of list) out.push(`  - ${fmt(item)}`);
  };
  section("FAILED", results.filter((r) => r.status === "failed"), (r) => `${r.tool} ${r.target}: [${r.check}] ${r.resource}: ${r.message}`);
  section("STALE SUPPRESSIONS (match no failure: remove them)", stale, (s) => `${s.tool}: [${s.check}] ${s.resource}${s.target ? ` (${s.target})` : ""}`);
  section("INVALID SUPPRESSION FILES", problems, (p) => p);
  section("Suppressed", results.filter((r) => r.status === "suppressed"), (r) => `${r.tool} ${r.target}: [${r.check}] ${r.resource}: ${r.reason}`);
  const unavailable = results.filter((r) => r.status === "unavailable");
  const distinct = [...new Map(unavailable.map((r) => [`${r.check}\u0000${r.message}`, r])).values()];
  section("Unavailable", distinct, (r) => `${r.tool} [${r.check}] (${unavailable.filter((u) => u.check === r.check && u.message === r.message).length} stacks): ${r.message}`);
  section("Warnings (not failures)", results.filter((r) => r.warning), (r) => `${r.tool} ${r.target}: [${r.check}] ${r.resource}: ${r.message}`);
  return out.join("\n");
}

module.exports = { STATUSES, details, summarize, table };
