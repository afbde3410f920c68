// What the built image must be, checked on the image itself by the engine that built it.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const APP_ROOT = "/home/site/wwwroot";

/**
 * A stand-in for `@azure/functions-core`, the module the Functions host's Node.js worker provides at
 * run time. It records each `registerFunction` call, so loading the entry modules shows which
 * functions the app registers, as the worker would see them.
 */
const FUNCTIONS_CORE_STUB = `"use strict";
const registered = [];
const disposable = { dispose() {} };
module.exports = {
  registered,
  registerFunction(metadata) { registered.push(metadata.name); return disposable; },
  registerHook() { return disposable; },
  setProgrammingModel() {},
  getProgrammingModel() { return undefined; },
  log() {},
};
`;

/** Runs inside the image: requires every file package.json#main names (a glob in the v4 model), prints what registered. */
const LOAD_SCRIPT = `
const fs = require("fs"), path = require("path");
const root = ${JSON.stringify(APP_ROOT)};
const main = require(path.join(root, "package.json")).main;
const dir = path.join(root, path.dirname(main));
const pattern = new RegExp("^" + path.basename(main).replace(/[.+?^$()|[\\]\\\\{}]/g, "\\\\$&").replace(/\\*/g, "[^/]*") + "$");
const files = fs.readdirSync(dir).filter((f) => pattern.test(f)).sort();
if (files.length === 0) throw new Error("package.json#main " + main + " matches no file");
for (const file of files) require(path.join(dir, file));
console.log(JSON.stringify({ main, files, registered: require("@azure/functions-core").registered }));
`;

export function writeFunctionsCoreStub(dir) {
  const pkg = join(dir, "node_modules", "@azure", "functions-core");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, "index.js"), FUNCTIONS_CORE_STUB);
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "@azure/functions-core", version: "0.0.0-e2e-stub", main: "index.js" }));
  return dir;
}

/** Loads the app's entry modules in the image: no network, read-only, as the pods' user; `hide` masks a folder of the app with an empty tmpfs. */
export function loadEntryModules(engine, image, { stubDir, hide } = {}) {
  const args = ["run", "--rm", "--network", "none", "--read-only", "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--user", "10001:10001"];
  args.push("-v", `${stubDir}:/e2e-stub:ro`, "-e", "NODE_PATH=/e2e-stub/node_modules");
  if (hide) args.push("--tmpfs", `${APP_ROOT}/${hide}:ro`);
  args.push("--entrypoint", "node", image, "-e", LOAD_SCRIPT);
  const result = engine.run(args, { check: false });
  return { ok: result.status === 0, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** Every path under the app root, from the image's file system (docker cp of a created, never started container). */
export function appFiles(engine, image) {
  const container = engine.run(["create", image]).stdout.trim();
  try {
    const tar = spawnSync("sh", ["-c", `"$0" cp "$1:${APP_ROOT}" - | tar -t`, "/usr/bin/docker", container], { env: engine.env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (tar.status !== 0) throw new Error(`docker cp ${APP_ROOT}: ${tar.stderr}`);
    return tar.stdout
      .split("\n")
      .filter(Boolean)
      .map((p) => p.replace(/^wwwroot\/?/, ""))
      .filter(Boolean);
  } finally {
    engine.run(["rm", container], { check: false });
  }
}

/**
 * The image's content against the function app's package files: compiled JavaScript, host.json,
 * package.json and exactly the production packages of the lock file. Returns a list of findings.
 */
export function contentFindings(files, functionAppDir) {
  const findings = [];
  const own = files.filter((f) => !f.startsWith("node_modules/"));
  const top = new Set(files.map((f) => f.split("/")[0]));
  const expectedTop = new Set(["dist", "host.json", "node_modules", "package.json"]);
  for (const entry of top) if (!expectedTop.has(entry)) findings.push(`unexpected ${APP_ROOT}/${entry}`);
  for (const entry of expectedTop) if (!top.has(entry)) findings.push(`missing ${APP_ROOT}/${entry}`);
  for (const file of own) {
    if (/\.(ts|tsx|mts|cts)$/.test(file)) findings.push(`TypeScript source in the image: ${file}`);
    if (/(^|\/)__tests__\/|\.test\.js$|\.spec\.js$/.test(file)) findings.push(`test file in the image: ${file}`);
  }
  if (!own.some((f) => /^dist\/.+\.js$/.test(f))) findings.push("no compiled JavaScript under dist/");
  const lock = JSON.parse(readFileSync(join(functionAppDir, "package-lock.json"), "utf8")).packages;
  const installed = new Set(files.filter((f) => /^node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(f) || /\/node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(f)).map((f) => f.replace(/\/package\.json$/, "")));
  for (const [path, meta] of Object.entries(lock)) {
    if (path === "") continue;
    if (meta.dev && installed.has(path)) findings.push(`dev dependency in the image: ${path}`);
    if (!meta.dev && !meta.devOptional && !meta.optional && !installed.has(path)) findings.push(`production dependency missing from the image: ${path}`);
  }
  return findings;
}

/** The dev dependencies package.json declares (the known ones a leak would show first). */
export function declaredDevDependencies(functionAppDir) {
  return Object.keys(JSON.parse(readFileSync(join(functionAppDir, "package.json"), "utf8")).devDependencies ?? {});
}

/** The port the image's host listens on, from ASPNETCORE_URLS (http://+:8080). */
export function listenPort(config) {
  const urls = (config.Env ?? []).find((e) => e.startsWith("ASPNETCORE_URLS="));
  const match = urls && /:(\d+)\/?$/.exec(urls);
  return match ? Number(match[1]) : undefined;
}
