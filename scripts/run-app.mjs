// The synth runner (`npm run synth`, cdktf.json's `app`). It runs main.ts without
// type-checking (that is the job of `npm test` / CI):
//  1. esbuild bundles main.ts and everything it imports, cdktf and the provider
//     modules included, into .build/main.js. Loading one file instead of ~430 modules
//     is what makes synth close to the floor (numbers in BENCHMARKS.md).
//  2. The bundle is rebuilt only when an input changed: the project files that went
//     into it (by content), node_modules (by npm's node_modules/.package-lock.json) or
//     the checkout's absolute path (a copied checkout never trusts the copied .build/).
//     An unchanged project never loads esbuild. `rm -rf .build` forces a rebuild.
//  3. The bundle runs in this process with a V8 code cache (.build/main.js.v8cache),
//     so V8 does not compile the same 2.5 MB again on every synth. The cache carries the
//     SHA-256 of the bundle it was made from: V8 itself checks only the source's length,
//     and would run the old code of a same-length bundle.
//  4. After a synth it prints to stderr what was written (each stack and its file) and
//     every annotation (warnings of constructs and of the policy), as the cdktf CLI does,
//     and exits with 1 when an annotation is an error.
// Stack traces that point into the bundle are mapped back to the .ts sources.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import Module, { SourceMap, createRequire } from "node:module";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// Part of the cache key: changing how the bundle is built must rebuild it.
const BUNDLE_OPTIONS = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: "external",
  sourcesContent: false,
  logLevel: "warning",
};

/**
 * Bundles `entry` (relative to the project root) into `outfile` unless the bundle is
 * already up to date. Returns whether it was rebuilt.
 */
export async function bundleApp({ entry = "main.ts", outfile = join(root, ".build", "main.js") } = {}) {
  const stampFile = `${outfile}.inputs.json`;
  const key = cacheKey(entry);
  if (isFresh(stampFile, key)) return false;

  const { build, version } = await import("esbuild");
  // Write next to the target and rename: a synth running concurrently never reads half a file.
  const partial = `${outfile}.${process.pid}.partial.js`;
  mkdirSync(dirname(outfile), { recursive: true });
  const result = await build({ ...BUNDLE_OPTIONS, absWorkingDir: root, entryPoints: [entry], outfile: partial, metafile: true });
  const sources = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    if (!input.includes("node_modules/")) sources[input] = fileDigest(join(root, input));
  }
  rmSync(`${outfile}.v8cache`, { force: true });
  renameSync(`${partial}.map`, `${outfile}.map`);
  renameSync(partial, outfile);
  writeFileSync(stampFile, JSON.stringify({ ...key, esbuild: version, sources }, null, 2));
  return true;
}

/**
 * Runs a CommonJS bundle in this process as if it were required, with a V8 code cache
 * beside it. Returns the bundle's exports.
 */
export function runBundle(file) {
  const cacheFile = `${file}.v8cache`;
  const source = readFileSync(file);
  const digest = createHash("sha256").update(source).digest();
  const cachedData = codeCacheFor(cacheFile, digest);
  const script = new vm.Script(Module.wrap(source.toString("utf8")), { filename: file, cachedData });
  const module = new Module(file, null);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dirname(file));
  const require = createRequire(file);
  try {
    script.runInThisContext().call(module.exports, module.exports, require, module, file, dirname(file));
  } catch (error) {
    throw mapStack(error, file);
  }
  if (cachedData === undefined || script.cachedDataRejected) {
    // Made after the run, so it also holds the functions the run compiled lazily.
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, Buffer.concat([digest, script.createCachedData()]));
    renameSync(partial, cacheFile);
  }
  return module.exports;
}

/**
 * The V8 code cache made from exactly these bundle bytes, or undefined. The file starts with
 * the bundle's SHA-256: a cache beside another bundle (a concurrent rebuild, a copied or
 * restored .build/) is ignored and replaced, never run.
 */
function codeCacheFor(cacheFile, digest) {
  if (!existsSync(cacheFile)) return undefined;
  const data = readFileSync(cacheFile);
  return data.subarray(0, digest.length).equals(digest) ? data.subarray(digest.length) : undefined;
}

function cacheKey(entry) {
  const npmState = join(root, "node_modules", ".package-lock.json");
  const deps = existsSync(npmState) ? `${statSync(npmState).mtimeMs}:${statSync(npmState).size}` : "none";
  return { root, entry, options: BUNDLE_OPTIONS, deps, runner: fileDigest(fileURLToPath(import.meta.url)) };
}

function isFresh(stampFile, key) {
  if (!existsSync(stampFile)) return false;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, "utf8"));
  } catch {
    return false;
  }
  const { esbuild: _version, sources, ...stampedKey } = stamp;
  if (JSON.stringify(stampedKey) !== JSON.stringify(key)) return false;
  return Object.entries(sources).every(([input, digest]) => {
    const path = join(root, input);
    return existsSync(path) && fileDigest(path) === digest;
  });
}

function fileDigest(path) {
  return createHash("sha1").update(readFileSync(path)).digest("hex");
}

/** Rewrites `<bundle>:line:column` frames to the original `.ts` locations. */
function mapStack(error, file) {
  const mapFile = `${file}.map`;
  if (!(error instanceof Error) || typeof error.stack !== "string" || !existsSync(mapFile)) return error;
  const map = new SourceMap(JSON.parse(readFileSync(mapFile, "utf8")));
  const frame = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):(\\d+)`, "g");
  error.stack = error.stack.replace(frame, (whole, line, column) => {
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || entry.originalSource === undefined) return whole;
    const source = entry.originalSource.startsWith("file://")
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(file), entry.originalSource);
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
  return error;
}

/**
 * What the last synth wrote, read from `<outdir>/manifest.json` the way the cdktf CLI reads it,
 * when this run wrote it (modified after `since`). Undefined when the entry did not synthesize.
 */
export function readSynthResult(outdir, since) {
  const file = join(outdir, "manifest.json");
  if (!existsSync(file) || statSync(file).mtimeMs < since) return undefined;
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  return Object.values(manifest.stacks ?? {}).map((stack) => ({
    name: stack.name,
    file: join(outdir, stack.synthesizedStackPath),
    annotations: stack.annotations ?? [],
  }));
}

/**
 * The report printed to stderr: the stacks and their files (relative to `cwd`), then every
 * annotation as `LEVEL [construct path]: message` (the CLI's format). Returns the lines and
 * how many annotations are errors.
 */
export function formatSynthReport(stacks, { cwd, seconds }) {
  const width = Math.max(...stacks.map((s) => s.name.length));
  const lines = [`Synthesized ${stacks.length} stack${stacks.length === 1 ? "" : "s"} in ${seconds.toFixed(1)} s:`];
  for (const stack of stacks) lines.push(`  ${stack.name.padEnd(width)}  ${relative(cwd, stack.file) || stack.file}`);
  const levels = { "@cdktf/info": "INFO", "@cdktf/warn": "WARN", "@cdktf/error": "ERROR" };
  const annotations = stacks.flatMap((s) => s.annotations);
  for (const a of annotations) lines.push(`${levels[a.level] ?? a.level} [${a.constructPath}]: ${a.message}`);
  const errors = annotations.filter((a) => a.level === "@cdktf/error").length;
  if (errors > 0) {
    lines.push(`Synth failed: ${errors} error annotation${errors === 1 ? "" : "s"} (above). Fix them before you deploy these stacks.`);
  }
  return { lines, errors };
}

// `node scripts/run-app.mjs [entry.ts]`: main.ts by default; the benchmark passes its own apps.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = performance.now();
  const startedAt = Date.now();
  const cwd = process.cwd();
  const entry = relative(root, resolve(process.argv[2] ?? join(root, "main.ts")));
  if (entry.startsWith("..") || isAbsolute(entry)) throw new Error(`The app entry must be inside ${root}: ${process.argv[2]}`);
  const outfile = join(root, ".build", entry.replace(/\.ts$/, ".js"));
  await bundleApp({ entry, outfile });
  process.chdir(root);
  // As under the cdktf CLI: write every stack even when one has an error annotation, then report
  // them all at once and fail (cdktf alone would stop at the first such stack, hiding the rest).
  const continueOnErrors = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS ??= "true";
  runBundle(outfile);
  if (continueOnErrors === undefined) delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  // The cdktf CLI (which sets SYNTH_HCL_OUTPUT for its app) prints the same report itself, and
  // shows anything on stderr as an error: stay quiet under it.
  const underCdktfCli = process.env.SYNTH_HCL_OUTPUT !== undefined;
  const stacks = underCdktfCli ? undefined : readSynthResult(resolve(root, process.env.CDKTF_OUTDIR ?? "cdktf.out"), startedAt - 1);
  if (stacks !== undefined) {
    const { lines, errors } = formatSynthReport(stacks, { cwd, seconds: (performance.now() - started) / 1000 });
    process.stderr.write(`${lines.join("\n")}\n`);
    if (errors > 0) process.exitCode = 1;
  }
}
