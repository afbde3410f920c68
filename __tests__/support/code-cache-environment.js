// Jest's node environment, with one change to how the worker compiles modules: every test file
// gets a fresh module registry, so each file compiled cdktf, the providers and the project
// again (vm.compileFunction, which V8's in-memory compilation cache does not serve: about a
// third of a second per file on this machine). The first compile of a module's exact source
// in a worker produces V8 code-cache data; later compiles of the same source in that worker
// start from it. Keyed by the full source and parameters, so only identical code is reused;
// data V8 rejects is dropped. Nothing else about the environment changes.
const vm = require("node:vm");
const { TestEnvironment } = require("jest-environment-node");

const PATCHED = Symbol.for("kedafn.jest.codeCache");
if (!vm.compileFunction[PATCHED]) {
  const compileFunction = vm.compileFunction;
  const cache = new Map();
  const cached = function (code, params, options) {
    const key = `${(params ?? []).join(",")}\n${code}`;
    const cachedData = cache.get(key);
    const fn = compileFunction.call(this, code, params, { ...options, cachedData, produceCachedData: cachedData === undefined });
    if (cachedData === undefined && fn.cachedDataProduced) cache.set(key, fn.cachedData);
    else if (cachedData !== undefined && fn.cachedDataRejected) cache.delete(key);
    return fn;
  };
  cached[PATCHED] = true;
  vm.compileFunction = cached;
}

module.exports = TestEnvironment;
