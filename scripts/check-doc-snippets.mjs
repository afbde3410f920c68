// Keeps the docs' TypeScript snippets honest. Every ```ts block in a Markdown file must follow a
// marker naming the example it was copied from:
//
//   <!-- example: examples/two-namespaces.ts -->
//   ```ts
//   ...lines that appear, in this order and contiguously, in that file...
//   ```
//
// A line `// ...` inside a block elides code: the fragments around it must appear in the file in
// order. A block without a marker (e.g. a config fragment that is not a program) is listed as
// unchecked; `--strict` turns those into failures. The examples themselves are type-checked (`npm run examples:check`) and compiled against
// the packed package (`__tests__/package/pack.test.ts`), so a snippet that passes here compiles.
//
// Usage: node scripts/check-doc-snippets.mjs [--strict] [root]   (exit 1 and a list of problems on failure)
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const SKIPPED_DIRS = new Set(["node_modules", ".git", "dist", "cdktf.out", ".build", "coverage"]);
/** Generated API reference (`npm run docs`). */
const GENERATED = join("docs", "api");
const MARKER = /^<!--\s*example:\s*(\S+)\s*-->$/;
const FENCE_OPEN = /^```(ts|typescript|tsx)\s*$/;
const ELISION = /^\s*\/\/ \.\.\.\s*$/;

/** Markdown files under `root`, skipping dependencies, build output and generated API docs. */
export function markdownFiles(root, dir = root) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return SKIPPED_DIRS.has(entry.name) || relative(root, path) === GENERATED ? [] : markdownFiles(root, path);
    }
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

/** The TypeScript blocks of a Markdown text, each with the example its marker names (if any). */
export function snippets(markdown) {
  const lines = markdown.split(/\r?\n/);
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE_OPEN.test(lines[i].trim())) continue;
    const start = i;
    const body = [];
    for (i++; i < lines.length && lines[i].trim() !== "```"; i++) body.push(lines[i]);
    let previous = start - 1;
    while (previous >= 0 && lines[previous].trim() === "") previous--;
    const marker = previous >= 0 ? MARKER.exec(lines[previous].trim()) : null;
    found.push({ line: start + 1, example: marker?.[1], body });
  }
  return found;
}

const normalize = (lines) => lines.map((l) => l.replace(/\s+$/, ""));
const trimBlank = (lines) => {
  let [from, to] = [0, lines.length];
  while (from < to && lines[from] === "") from++;
  while (to > from && lines[to - 1] === "") to--;
  return lines.slice(from, to);
};

/** Whether every fragment of `body` appears in `source`, contiguously and in order. */
export function containsInOrder(source, body) {
  const haystack = normalize(source.split(/\r?\n/));
  const fragments = [];
  let current = [];
  for (const line of normalize(body)) {
    if (ELISION.test(line)) {
      fragments.push(current);
      current = [];
    } else current.push(line);
  }
  fragments.push(current);
  let from = 0;
  for (const fragment of fragments.map(trimBlank).filter((f) => f.length > 0)) {
    const at = indexOfLines(haystack, fragment, from);
    if (at < 0) return false;
    from = at + fragment.length;
  }
  return true;
}

function indexOfLines(haystack, needle, from) {
  for (let i = from; i + needle.length <= haystack.length; i++) {
    if (needle.every((line, j) => haystack[i + j] === line)) return i;
  }
  return -1;
}

/**
 * Every problem with the snippets under `root`, as "file:line: message" strings, and the
 * blocks that have no marker and so were not checked.
 */
export function checkDocSnippets(root) {
  const problems = [];
  const unchecked = [];
  for (const file of markdownFiles(root)) {
    const where = relative(root, file).split(sep).join("/");
    for (const snippet of snippets(readFileSync(file, "utf8"))) {
      const at = `${where}:${snippet.line}`;
      if (snippet.example === undefined) {
        unchecked.push(`${at}: TypeScript block without a marker; copy it from an examples/ file and put <!-- example: examples/<file>.ts --> above it`);
        continue;
      }
      if (!snippet.example.startsWith("examples/")) {
        problems.push(`${at}: marker names ${snippet.example}; snippets must come from examples/`);
        continue;
      }
      const source = join(root, snippet.example);
      if (!existsSync(source)) {
        problems.push(`${at}: ${snippet.example} does not exist`);
      } else if (!containsInOrder(readFileSync(source, "utf8"), snippet.body)) {
        problems.push(`${at}: block differs from ${snippet.example}; copy the lines again from the example`);
      }
    }
  }
  return { problems, unchecked };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const strict = args.includes("--strict");
  const root = resolve(args.find((a) => a !== "--strict") ?? join(fileURLToPath(import.meta.url), "..", ".."));
  const { problems, unchecked } = checkDocSnippets(root);
  const failures = strict ? [...problems, ...unchecked] : problems;
  if (!strict && unchecked.length > 0) {
    console.log(`${unchecked.length} TypeScript block(s) not checked:\n${unchecked.map((p) => `  - ${p}`).join("\n")}`);
  }
  if (failures.length > 0) {
    console.error(`${failures.length} documentation snippet problem(s):\n${failures.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  console.log(`doc snippets: every marked TypeScript block matches its example (${markdownFiles(root).length} Markdown files)`);
}
