import { readdirSync } from "node:fs";
import { join, posix } from "node:path";

/**
 * Files under `root` that match `pattern` (POSIX separators, relative to `root`), sorted.
 * Supports what `package.json#main` globs use: `*`, `?`, `**` (any number of folders),
 * `{a,b}` alternatives and `[...]` classes. Dot files match only when the pattern names
 * the dot explicitly, as in globby's default.
 */
export function globFiles(root: string, pattern: string): string[] {
  const segments = posix.normalize(pattern.replace(/^\.\//, "")).split("/").filter((s) => s !== "");
  const found = new Set<string>();
  walk(root, "", segments, found);
  return [...found].sort();
}

function walk(root: string, relative: string, segments: readonly string[], found: Set<string>): void {
  if (segments.length === 0) return;
  const [segment, ...rest] = segments;
  if (segment === "**") {
    walk(root, relative, rest, found);
    for (const dir of entries(root, relative).filter((e) => e.isDirectory() && !e.name.startsWith("."))) {
      walk(root, posix.join(relative, dir.name), segments, found);
    }
    return;
  }
  const matcher = segmentMatcher(segment);
  for (const entry of entries(root, relative)) {
    if (!matcher.test(entry.name)) continue;
    const path = relative === "" ? entry.name : posix.join(relative, entry.name);
    if (rest.length === 0) {
      if (entry.isFile()) found.add(path);
    } else if (entry.isDirectory()) {
      walk(root, path, rest, found);
    }
  }
}

function entries(root: string, relative: string) {
  try {
    return readdirSync(join(root, relative), { withFileTypes: true });
  } catch {
    return [];
  }
}

/** A regular expression for one path segment of a glob. */
export function segmentMatcher(segment: string): RegExp {
  let source = "";
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "{") {
      const end = segment.indexOf("}", i);
      if (end === -1) {
        source += "\\{";
        continue;
      }
      const options = segment.slice(i + 1, end).split(",");
      source += `(?:${options.map((o) => segmentMatcher(o).source.slice(1, -1)).join("|")})`;
      i = end;
    } else if (char === "[") {
      const end = segment.indexOf("]", i);
      if (end === -1) {
        source += "\\[";
        continue;
      }
      source += `[${segment.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
      i = end;
    } else source += char.replace(/[.+^$()|\\]/g, "\\$&");
  }
  const dotAllowed = segment.startsWith(".");
  return new RegExp(`^${dotAllowed ? "" : "(?!\\.)"}${source}$`);
}
