#!/usr/bin/env node
// `npm run e2e:image`: the real Dockerfile, built from the staged context the workload stack
// synthesizes, by a real Docker engine of its own, pushed to a real registry on 127.0.0.1, and
// checked on the image itself. Steps (each timed; summary in .reports/e2e-image.json):
//  1. Debian's docker.io, docker-registry and debootstrap, installed when missing.
//  2. containerd + dockerd (private roots and sockets, no bridge, no iptables) and a registry on loopback.
//  3. Stand-ins for the two base images (stand-ins.mjs), tagged with the names the Dockerfile resolves.
//  4. A private copy of the project: synth, read docker_image / docker_registry_image, build, push.
//  5. Assertions on the image: content, user, port, entry modules load (and fail without a dependency).
//  6. Registry: tag present, the digest the stack pins equals the registry's.
//  7. No change: same tag and triggers, nothing built. One source file, then the Dockerfile: new tag, rebuild.
// The kreuzwerker/docker provider is not obtainable here, so the docker CLI stands in for it
// (provider-emulation.mjs), and the report says so.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createdRuntimeDirs, startEngine } from "./docker-engine.mjs";
import { appFiles, contentFindings, declaredDevDependencies, listenPort, loadEntryModules, writeFunctionsCoreStub } from "./image-checks.mjs";
import { stopAll, stopOnExit, useLedger } from "./processes.mjs";
import { ProviderEmulation } from "./provider-emulation.mjs";
import { startRegistry } from "./registry.mjs";
import { mb, printTable, seconds, writeReport } from "./report.mjs";
import { buildStandIns, DEBIAN, PINNED } from "./stand-ins.mjs";
import { copyProject, globalArgDefaults, readImageBuild, resolveImageOutput, synth } from "./synthesized.mjs";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
// The project to test: this checkout, or another one (to show what the e2e does with older code).
const source = resolve(process.env.E2E_IMAGE_PROJECT ?? repo);
const cacheDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "keda-functions-aks", "e2e-image");
const reportFile = join(repo, ".reports", "e2e-image.json");
const log = (message) => process.stderr.write(`[e2e:image] ${message}\n`);
const ms = (started) => Number(process.hrtime.bigint() - started) / 1e6;
const now = () => process.hrtime.bigint();

const checks = [];
/** Records a check; a failed one stops the run unless `fatal: false` (then the real tool is still asked, and judges). */
function check(name, ok, detail, { fatal = true } = {}) {
  checks.push({ name, ok: Boolean(ok), detail });
  log(`${ok ? "PASS" : "FAIL"} ${name}${detail === undefined ? "" : `: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`}`);
  if (!ok && fatal) throw new Error(`check failed: ${name}${detail === undefined ? "" : ` (${typeof detail === "string" ? detail : JSON.stringify(detail)})`}`);
}

const report = {
  provider: {
    wanted: "kreuzwerker/docker 3.6.2",
    available: false,
    why: "the Go module proxy refuses every pinned docker provider version (403 \"This module version is not available\"; see scripts/tools/versions.sh)",
    standIn: "the docker CLI (Debian docker.io) driven by the synthesized docker_image / docker_registry_image, deciding build/push as the provider's ForceNew attributes and reads would",
  },
  builder: "classic (DOCKER_BUILDKIT=0): BuildKit's `# syntax=` line would pull docker/dockerfile from Docker Hub",
  standIns: { debian: DEBIAN, node: `${PINNED.node.name}@${PINNED.node.version}`, npm: `npm@${PINNED.npm.version}`, lacks: "the Azure Functions host" },
  project: source,
  timings: {},
  sizes: {},
  runs: [],
  checks,
};

async function main() {
  const started = now();
  stopOnExit();
  mkdirSync(cacheDir, { recursive: true });
  useLedger(join(cacheDir, "servers.json"));
  const work = mkdtempSync(join(tmpdir(), "kfa-e2e-image-"));
  workDir = work;
  process.on("exit", () => cleanUp(work));
  log(`work folder ${work}; project ${source}`);

  // 1. Tools.
  if (!["/usr/sbin/dockerd", "/usr/bin/docker", "/usr/bin/containerd", "/usr/bin/docker-registry", "/usr/sbin/debootstrap"].every((f) => existsSync(f))) {
    log("installing docker.io, docker-registry, debootstrap (apt-get)");
    const install = spawnSync("bash", [join(repo, "scripts", "tools", "install.sh"), "docker"], { stdio: "inherit" });
    if (install.status !== 0) throw new Error("scripts/tools/install.sh docker failed");
  }

  // 2. Servers.
  let t = now();
  const engine = startEngine(join(work, "engine"));
  const registry = await startRegistry(join(work, "registry"));
  report.timings.serversStartMs = ms(t);
  report.registry = registry.address;
  log(`dockerd on ${engine.host}, registry on ${registry.address}`);

  // 4a. The project copy and its first synth (before the stand-ins: their names come from the staged Dockerfile).
  const project = copyProject(source, join(work, "project"));
  const runs = [];
  const emulation = new ProviderEmulation(join(work, "terraform-state.json"), engine, registry);
  const synthRun = (label) => {
    const synthMs = synth(project);
    const build = readImageBuild(project);
    return { label, synthMs, build };
  };
  const first = synthRun("first deploy");
  const stagedDockerfile = join(first.build.context, first.build.dockerfile);
  // Not fatal: without it the engine refuses the build below, and its own message is the verdict.
  check("the staged build context from cdktf.out holds the Dockerfile the build names", existsSync(stagedDockerfile), stagedDockerfile, { fatal: false });

  // 3. Stand-ins, named as the Dockerfile's FROM lines resolve (ARG defaults, or the synthesized build args).
  const dockerfileText = readFileSync(existsSync(stagedDockerfile) ? stagedDockerfile : join(project, "function-app", "Dockerfile"), "utf8");
  const defaults = globalArgDefaults(dockerfileText);
  check("the Dockerfile takes its base images as ARGs with the real defaults", defaults.BUILD_IMAGE === "node:22-bookworm-slim" && defaults.RUNTIME_IMAGE === "mcr.microsoft.com/azure-functions/node:4-node22", defaults);
  const bases = { build: first.build.buildArgs.BUILD_IMAGE ?? defaults.BUILD_IMAGE, runtime: first.build.buildArgs.RUNTIME_IMAGE ?? defaults.RUNTIME_IMAGE };
  t = now();
  const standIns = buildStandIns(engine, { cacheDir, workDir: work, bases });
  report.timings.standInsMs = ms(t);
  report.standIns.downloadedThisRun = standIns.downloaded;
  report.standIns.tags = bases;

  // 4b. First deploy: plan must create both, apply builds (cold: empty builder cache) and pushes.
  const apply = async (run, expectBuild) => {
    const planStarted = now();
    const plan = await emulation.plan(run.build);
    run.planMs = ms(planStarted);
    run.plan = { image: plan.image, push: plan.push, reasons: plan.reasons };
    run.tag = run.build.tag;
    run.triggers = run.build.triggers;
    const result = await emulation.apply(run.build, plan, { logPrefix: run.label.replace(/\W+/g, "-") });
    run.built = plan.image !== "no-op";
    run.buildMs = result.timings.buildMs;
    run.pushMs = result.timings.pushMs;
    run.digest = result.digest;
    run.pushedDigest = result.pushedDigest;
    run.imageId = result.imageId;
    check(`${run.label}: the plan ${expectBuild ? "builds and pushes" : "builds nothing"}`, expectBuild ? plan.image !== "no-op" && plan.push !== "no-op" : plan.image === "no-op" && plan.push === "no-op", run.plan);
    runs.push(run);
    return run;
  };
  await apply(first, true);
  const image = `${registry.address}/${first.build.repository}:${first.build.tag}`;

  // 5. The image.
  const inspected = engine.inspect(image);
  const config = inspected.Config;
  check("USER is numeric non-root 10001:10001 (the pods' runAsUser/runAsGroup)", config.User === "10001:10001", config.User);
  const port = listenPort(config);
  const deploymentPorts = first.build.containerPorts.flatMap((d) => d.ports.map((p) => p.containerPort));
  check("the host listens (ASPNETCORE_URLS) on the containerPort of every rendered Deployment", port !== undefined && deploymentPorts.length > 0 && deploymentPorts.every((p) => p === port), { ASPNETCORE_URLS: port, containerPorts: first.build.containerPorts });
  check("EXPOSE matches", Object.keys(config.ExposedPorts ?? {}).join(",") === `${port}/tcp`, config.ExposedPorts);
  const files = appFiles(engine, image);
  const functionAppDir = join(project, "function-app");
  const findings = contentFindings(files, functionAppDir);
  check("/home/site/wwwroot holds compiled JavaScript, host.json, package.json and exactly the lock file's production packages", findings.length === 0, findings.length === 0 ? `${files.length} paths` : findings.slice(0, 20));
  const devDeps = declaredDevDependencies(functionAppDir);
  check(`no devDependency is installed (${devDeps.join(", ")})`, devDeps.length > 0 && devDeps.every((d) => !files.includes(`node_modules/${d}/package.json`)), devDeps);
  const stubDir = writeFunctionsCoreStub(join(work, "functions-core-stub"));
  const loaded = loadEntryModules(engine, image, { stubDir });
  check("the entry modules (package.json#main) load in the image: no network, read-only, user 10001", loaded.ok, loaded.ok ? loaded.stdout : loaded.stderr.slice(-1500));
  const registered = JSON.parse(loaded.stdout.split("\n").pop()).registered.sort();
  const manifestNames = JSON.parse(readFileSync(join(functionAppDir, "functions.manifest.json"), "utf8")).functions.map((f) => f.name).sort();
  check("they register exactly the functions of functions.manifest.json", JSON.stringify(registered) === JSON.stringify(manifestNames), { registered, manifest: manifestNames });
  const hidden = loadEntryModules(engine, image, { stubDir, hide: "node_modules/@azure/functions" });
  check("near miss: with one production dependency hidden, loading fails (the check can fail)", !hidden.ok && /Cannot find module '@azure\/functions'/.test(hidden.stderr), hidden.stderr.split("\n").find((l) => l.includes("Cannot find module")));

  // 6. Registry and digest.
  const tags = await registry.tags(first.build.repository);
  check("the registry lists the synthesized tag", tags.includes(first.build.tag), tags);
  check("the digest the stack pins (provider's registry read) equals the digest docker push reported", first.digest !== undefined && first.digest === first.pushedDigest, { registry: first.digest, push: first.pushedDigest });
  const repoDigest = (inspected.RepoDigests ?? []).find((d) => d.startsWith(`${registry.address}/${first.build.repository}@`));
  check("and the engine's RepoDigest for the pushed image", repoDigest === `${registry.address}/${first.build.repository}@${first.digest}`, repoDigest);
  const pinned = resolveImageOutput(first.build, registry.address, first.digest);
  check("the stack's image output resolves to <registry>/<repository>:<tag>@<digest>", pinned === `${image}@${first.digest}`, pinned);
  const pulled = await registry.manifestDigest(first.build.repository, first.digest);
  check("the registry serves the manifest by that digest (what the kubelet pulls)", pulled === first.digest, pulled);

  // Sizes: final image, runtime base, the app's own layers (uncompressed in the engine, compressed in the registry).
  const base = engine.inspect(bases.runtime);
  const baseLayers = base.RootFS.Layers.length;
  const history = JSON.parse(`[${engine.run(["history", "--no-trunc", "--human=false", "--format", "{{json .}}", image]).stdout.trim().split("\n").join(",")}]`);
  const appHistory = history.slice(0, history.length - JSON.parse(`[${engine.run(["history", "--no-trunc", "--human=false", "--format", "{{json .}}", bases.runtime]).stdout.trim().split("\n").join(",")}]`).length);
  const layerBytes = (pattern) => appHistory.filter((h) => pattern.test(h.CreatedBy)).reduce((sum, h) => sum + Number(h.Size), 0);
  const manifest = await registry.manifest(first.build.repository, first.build.tag);
  report.appLayers = appHistory.map((h) => ({ createdBy: h.CreatedBy.replace(/^\/bin\/sh -c (#\(nop\) )?/, "").trim().slice(0, 120), bytes: Number(h.Size) }));
  report.sizes = {
    imageBytes: inspected.Size,
    runtimeBaseBytes: base.Size,
    appLayersBytes: inspected.Size - base.Size,
    nodeModulesLayerBytes: layerBytes(/node_modules/),
    distLayerBytes: layerBytes(/ dist|\.\/dist/),
    pushedCompressedBytes: manifest.layers.reduce((sum, l) => sum + l.size, 0),
    pushedAppCompressedBytes: manifest.layers.slice(baseLayers).reduce((sum, l) => sum + l.size, 0),
    layers: { base: baseLayers, total: inspected.RootFS.Layers.length },
  };

  // Builder cache: the same inputs again, forced (what a rebuild with nothing changed would cost).
  t = now();
  await engine.stream(["build", "--network", "host", "--platform", first.build.platform, "-f", join(first.build.context, first.build.dockerfile), "-t", `${image}-warm`, first.build.context], "warm-build.log");
  report.timings.warmBuildSameInputsMs = ms(t);
  check("a forced rebuild of the same inputs gives the same image (deterministic layers, builder cache)", engine.inspect(`${image}-warm`).Id === inspected.Id, engine.inspect(`${image}-warm`).Id);
  engine.run(["rmi", `${image}-warm`]);

  // Optional (a second cold build): the same Dockerfile with BuildKit, the provider's builder. Its `# syntax=`
  // line would pull docker/dockerfile from Docker Hub, so it is left out of this copy; everything else is built as is.
  if (process.env.E2E_IMAGE_BUILDKIT === "1") {
    const buildkitContext = join(work, "buildkit-context");
    cpSync(first.build.context, buildkitContext, { recursive: true });
    const withoutSyntax = readFileSync(join(buildkitContext, first.build.dockerfile), "utf8").replace(/^# syntax=.*\n/, "");
    writeFileSync(join(buildkitContext, first.build.dockerfile), withoutSyntax);
    t = now();
    await engine.stream(["build", "--network", "host", "--platform", first.build.platform, "-t", `${image}-buildkit`, buildkitContext], "buildkit-build.log", { env: { DOCKER_BUILDKIT: "1" } });
    report.timings.buildkitColdBuildMs = ms(t);
    const bk = engine.inspect(`${image}-buildkit`).Config;
    check("BuildKit builds the same Dockerfile (syntax line aside) to the same user, environment, port and entrypoint", bk.User === config.User && JSON.stringify(bk.Env) === JSON.stringify(config.Env) && JSON.stringify(bk.ExposedPorts) === JSON.stringify(config.ExposedPorts) && JSON.stringify(bk.Entrypoint) === JSON.stringify(config.Entrypoint), { User: bk.User, Entrypoint: bk.Entrypoint });
    const bkLoad = loadEntryModules(engine, `${image}-buildkit`, { stubDir });
    check("and its entry modules load", bkLoad.ok, bkLoad.ok ? bkLoad.stdout : bkLoad.stderr.slice(-800));
  }

  // 7a. No change: same tag and triggers, plan no-op, nothing built, the image untouched.
  const again = synthRun("second deploy, no change");
  check("no change: the same tag and triggers", again.build.tag === first.build.tag && JSON.stringify(again.build.triggers) === JSON.stringify(first.build.triggers), { tag: again.build.tag, triggers: again.build.triggers });
  await apply(again, false);
  check("no change: the engine's image is the one built first (not rebuilt)", engine.inspect(image).Id === first.imageId && engine.inspect(image).Created === inspected.Created, engine.inspect(image).Created);

  // 7b. One source file.
  const sourceFile = join(project, "function-app", "src", "lib", "greeting.ts");
  writeFileSync(sourceFile, `${readFileSync(sourceFile, "utf8")}\n/** Changed by the image e2e. */\nexport const E2E_IMAGE_MARKER = ${JSON.stringify(new Date().toISOString())};\n`);
  const sourceChange = synthRun("one source file changed");
  check("source change: a new tag and new triggers", sourceChange.build.tag !== first.build.tag && sourceChange.build.triggers.context_sha256 !== first.build.triggers.context_sha256, sourceChange.build.tag);
  await apply(sourceChange, true);
  const changedImage = `${registry.address}/${sourceChange.build.repository}:${sourceChange.build.tag}`;
  const marker = loadEntryModules(engine, changedImage, { stubDir });
  check("source change: the new image loads", marker.ok, marker.stderr.slice(-500));
  check("source change: the new tag is in the registry next to the old one (tags never move)", (await registry.tags(first.build.repository)).includes(sourceChange.build.tag) && (await registry.manifestDigest(first.build.repository, first.build.tag)) === first.digest, await registry.tags(first.build.repository));

  // 7c. The Dockerfile alone.
  const dockerfile = join(project, "function-app", "Dockerfile");
  writeFileSync(dockerfile, readFileSync(dockerfile, "utf8").replace(/^USER /m, 'LABEL org.opencontainers.image.description="changed by the image e2e"\nUSER '));
  const dockerfileChange = synthRun("Dockerfile changed");
  check("Dockerfile change: a new tag and new triggers", dockerfileChange.build.tag !== sourceChange.build.tag && dockerfileChange.build.triggers.context_sha256 !== sourceChange.build.triggers.context_sha256, dockerfileChange.build.tag);
  await apply(dockerfileChange, true);
  const labelled = engine.inspect(`${registry.address}/${dockerfileChange.build.repository}:${dockerfileChange.build.tag}`);
  check("Dockerfile change: the rebuilt image carries the edit", labelled.Config.Labels?.["org.opencontainers.image.description"] === "changed by the image e2e", labelled.Config.Labels);

  report.runs = runs.map(({ build, ...run }) => ({ ...run, context: build.context.replace(project, "<project>") }));
  report.timings.coldBuildMs = first.buildMs;
  report.timings.sourceChangeBuildMs = sourceChange.buildMs;
  report.timings.dockerfileChangeBuildMs = dockerfileChange.buildMs;
  report.timings.unchangedAppAddsMs = again.planMs;
  report.timings.unchangedAppBuildMs = 0;
  report.timings.synthMs = first.synthMs;
  report.timings.totalMs = ms(started);
  const failed = checks.filter((c) => !c.ok);
  if (failed.length > 0) throw new Error(`${failed.length} check(s) failed: ${failed.map((c) => c.name).join("; ")}`);
  report.ok = true;
}

function cleanUp(work) {
  stopAll();
  // Only this run's mounts (a dockerd stopped hard can leave overlay mounts behind).
  const mounts = readFileSync("/proc/self/mounts", "utf8").split("\n").map((l) => l.split(" ")[1]).filter((m) => m && m.startsWith(work));
  for (const mount of mounts.reverse()) spawnSync("umount", ["-l", mount]);
  for (const dir of createdRuntimeDirs) {
    try {
      rmdirSync(dir); // only when empty
    } catch {
      // in use by another engine, or not empty: leave it
    }
  }
  // rm, not fs.rmSync: the engine's layers hold ~10^5 files, which Node's recursive delete takes minutes
  // for. --one-file-system: never through a mount that survived the unmount above.
  if (process.env.E2E_IMAGE_KEEP !== "1" && existsSync(work)) spawnSync("rm", ["-rf", "--one-file-system", work]);
}

function summary() {
  const r = report;
  const rows = [
    ["docker provider", "kreuzwerker/docker 3.6.2 NOT obtainable here (Go proxy 403); the docker CLI stood in, driven by the synthesized JSON"],
    ["builder", "classic (DOCKER_BUILDKIT=0)"],
    ["stand-ins", `Debian ${DEBIAN.suite} ${DEBIAN.variant} + ${r.standIns.node} + ${r.standIns.npm}; no Functions host`],
  ];
  if (r.timings.coldBuildMs !== undefined) {
    rows.push(
      ["cold build (empty builder cache)", `${seconds(r.timings.coldBuildMs)} s`],
      ...(r.timings.buildkitColdBuildMs === undefined ? [] : [["BuildKit cold build (E2E_IMAGE_BUILDKIT=1)", `${seconds(r.timings.buildkitColdBuildMs)} s`]]),
      ["warm build, same inputs (forced)", `${seconds(r.timings.warmBuildSameInputsMs)} s`],
      ["warm build, one source file changed", `${seconds(r.timings.sourceChangeBuildMs)} s`],
      ["warm build, Dockerfile changed", `${seconds(r.timings.dockerfileChangeBuildMs)} s`],
      ["unchanged app: build time added", "0 s (same tag and triggers: no build, no push)"],
      ["unchanged app: provider reads (inspect + registry HEAD)", `${Math.round(r.timings.unchangedAppAddsMs)} ms`],
      ["image size (uncompressed)", `${mb(r.sizes.imageBytes)} MB`],
      ["runtime base stand-in", `${mb(r.sizes.runtimeBaseBytes)} MB`],
      ["app layers (all above the base)", `${mb(r.sizes.appLayersBytes)} MB (node_modules ${mb(r.sizes.nodeModulesLayerBytes)} MB, dist ${Math.round(r.sizes.distLayerBytes / 1000)} kB)`],
      ["app layers pushed (compressed)", `${mb(r.sizes.pushedAppCompressedBytes)} MB of ${mb(r.sizes.pushedCompressedBytes)} MB`],
      ["stand-in images", `${seconds(r.timings.standInsMs)} s`],
      ["synth", `${Math.round(r.timings.synthMs)} ms`],
    );
  }
  if (r.timings.cleanupMs !== undefined) rows.push(["stop servers + delete work folder", `${seconds(r.timings.cleanupMs)} s`]);
  rows.push(["checks", `${checks.filter((c) => c.ok).length} passed, ${checks.filter((c) => !c.ok).length} failed`], ["result", r.ok ? "PASS" : `FAIL: ${r.error}`]);
  if (r.timings.totalMs !== undefined) rows.push(["total", `${seconds(r.timings.totalMs)} s`]);
  printTable("e2e:image", rows);
  writeReport(reportFile, r);
  process.stdout.write(`report: ${reportFile}\n`);
}

let workDir;
try {
  await main();
} catch (error) {
  report.ok = false;
  report.error = error.message;
  log(`FAILED: ${error.message}`);
  process.exitCode = 1;
}
// Stop the servers and delete the work folder before the summary, so the run's total includes them.
const cleanupStarted = now();
if (workDir !== undefined) cleanUp(workDir);
report.timings.cleanupMs = ms(cleanupStarted);
if (report.timings.totalMs !== undefined) report.timings.totalMs += report.timings.cleanupMs;
summary();
