// Suppressions are data: conformance/suppressions/<tool>.json, a list of
//   { "check": "<tool's check id>", "resource": "<resource as the report names it>", "target": "<optional>", "reason": "<a full sentence>" }
// `resource` and `target` may use `*` for any run of characters. Every entry must match at least one
// failure of the run it belongs to: one that matches nothing is stale and fails the run, so an exception
// never outlives the finding it was written for. Pure functions; the loader is the only I/O.
"use strict";
const { existsSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

/** Problems with one entry's shape; a reason must be a sentence someone can judge. */
function entryProblems(entry, where) {
  const problems = [];
  for (const key of ["check", "resource", "reason"]) {
    if (typeof entry?.[key] !== "string" || entry[key].trim() === "") problems.push(`${where}: "${key}" is missing`);
  }
  if (typeof entry?.reason === "string") {
    const reason = entry.reason.trim();
    if (reason.split(/\s+/).length < 6 || !/[.!]$/.test(reason)) problems.push(`${where}: the reason must be a full sentence (6+ words, ending with a period): ${JSON.stringify(entry.reason)}`);
  }
  const unknown = Object.keys(entry ?? {}).filter((k) => !["check", "resource", "target", "reason"].includes(k));
  if (unknown.length > 0) problems.push(`${where}: unknown keys ${unknown.join(", ")}`);
  return problems;
}

/** Reads conformance/suppressions/<tool>.json (an empty list when the file does not exist). */
function loadSuppressions(dir, tool) {
  const file = join(dir, `${tool}.json`);
  if (!existsSync(file)) return { file, entries: [], problems: [] };
  const entries = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(entries)) return { file, entries: [], problems: [`${file}: must hold a JSON list`] };
  const problems = entries.flatMap((e, i) => entryProblems(e, `${file}[${i}]`));
  return { file, entries, problems };
}

function globToRegExp(pattern) {
  return new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
}

function matches(entry, result) {
  return (
    entry.check === result.check &&
    globToRegExp(entry.resource).test(result.resource) &&
    (entry.target === undefined || globToRegExp(entry.target).test(result.target))
  );
}

/**
 * Marks each failed result that an entry matches as suppressed (with the entry's reason) and returns
 * the entries that matched nothing. Results that passed are never matched: a suppression of a check
 * that now passes is stale.
 */
function applySuppressions(results, entries) {
  const used = new Set();
  const judged = results.map((result) => {
    if (result.status !== "failed") return result;
    const index = entries.findIndex((entry) => matches(entry, result));
    if (index < 0) return result;
    used.add(index);
    return { ...result, status: "suppressed", reason: entries[index].reason };
  });
  const stale = entries.filter((_, i) => !used.has(i));
  return { results: judged, stale };
}

module.exports = { applySuppressions, entryProblems, loadSuppressions, matches };
