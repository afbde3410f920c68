/**
 * `npm test`'s jest run: the in-process suites of jest.config.js, registered in a few bundle files
 * (`__tests__/bundles/*.bundle.ts`, folders in jest.shared.js) so each worker loads cdktf, the
 * providers and the project once per bundle instead of once per suite. Suites with snapshot files
 * run as themselves. `npx jest <file>` (jest.config.js) still runs any single suite on its own.
 */
const { readdirSync, statSync, existsSync } = require("node:fs");
const { basename, dirname, join, relative } = require("node:path");
const unit = require("./jest.config.js");

function snapshotSuites(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "fixtures") return [];
    if (statSync(path).isDirectory()) return snapshotSuites(path);
    return name.endsWith(".test.ts") && existsSync(join(dirname(path), "__snapshots__", `${basename(path)}.snap`)) ? [path] : [];
  });
}

const standalone = [join(__dirname, "__tests__"), join(__dirname, "function-app", "__tests__")]
  .flatMap(snapshotSuites)
  .map((file) => `<rootDir>/${relative(__dirname, file)}`);

module.exports = {
  ...unit,
  testMatch: ["<rootDir>/__tests__/bundles/*.bundle.ts", ...standalone],
};
