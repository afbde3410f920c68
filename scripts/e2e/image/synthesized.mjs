// The e2e works on a private copy of the project (so editing a source file or the Dockerfile never
// touches the checkout) and reads the image build exactly as the workload stack synthesized it.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, symlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { parseDockerfile } from "../../lib/dockerfile.cjs";

/** Top-level entries never copied: dependencies (linked instead), outputs, caches, VCS. */
const SKIP = new Set(["node_modules", ".git", "cdktf.out", ".build", "dist", "coverage", ".reports", ".stryker-tmp", "docs"]);
const SKIP_NESTED = [/^function-app\/(node_modules|dist)(\/|$)/];

/** Copies the project at `source` to `target`, linking its node_modules. */
export function copyProject(source, target) {
  cpSync(source, target, {
    recursive: true,
    filter: (path) => {
      const rel = relative(source, path);
      if (rel === "") return true;
      if (SKIP.has(rel.split("/")[0]) && !rel.includes("/")) return false;
      return !SKIP_NESTED.some((pattern) => pattern.test(rel));
    },
  });
  symlinkSync(join(source, "node_modules"), join(target, "node_modules"), "dir");
  return target;
}

/** `node scripts/run-app.mjs` in `project` (the README's synth command), the dev environment. Returns its wall time. */
export function synth(project) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["scripts/run-app.mjs"], {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, DEPLOY_ENV: "dev", CDKTF_OUTDIR: join(project, "cdktf.out") },
  });
  if (result.status !== 0) throw new Error(`synth failed (exit ${result.status}):\n${(result.stderr || result.stdout).trim().slice(-4000)}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * What the workload stack tells the docker provider to do: the docker_image build (context folder,
 * Dockerfile, build args, platform), its name and triggers, the push, the `image` output and the
 * container ports of the rendered Deployments.
 */
export function readImageBuild(project, stackName = "dev-workload") {
  const stackDir = join(project, "cdktf.out", "stacks", stackName);
  const stack = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
  const images = Object.entries(stack.resource?.docker_image ?? {});
  const pushes = Object.entries(stack.resource?.docker_registry_image ?? {});
  if (images.length !== 1 || pushes.length !== 1) throw new Error(`${stackName}: expected one docker_image and one docker_registry_image, found ${images.length} and ${pushes.length}`);
  const [[imageId, image]] = images;
  const [[pushId, push]] = pushes;
  // name = "${<registry stack's login_server>}/<repository>:<tag>"; the e2e's loopback registry stands in for the login server.
  const match = /^(\$\{[^}]+\})\/([a-z0-9][a-z0-9._/-]*):([0-9a-f]{16})$/.exec(image.name);
  if (match === null) throw new Error(`docker_image.${imageId}.name is not "\${login server}/<repository>:<16 hex tag>": ${image.name}`);
  const [, loginServerExpression, repository, tag] = match;
  if (push.name !== `\${docker_image.${imageId}.name}`) throw new Error(`docker_registry_image.${pushId}.name does not push docker_image.${imageId}: ${push.name}`);
  // The provider resolves build.context against Terraform's working directory: the stack's folder.
  const context = join(stackDir, image.build.context);
  if (!existsSync(context)) throw new Error(`docker_image.${imageId}.build.context ${image.build.context} does not exist under ${stackDir}`);
  const deployments = Object.values(stack.resource?.kubernetes_manifest ?? {})
    .map((r) => r.manifest)
    .filter((m) => m.kind === "Deployment");
  return {
    stackDir,
    imageId,
    pushId,
    nameExpression: image.name,
    loginServerExpression,
    repository,
    tag,
    context,
    dockerfile: image.build.dockerfile ?? "Dockerfile", // the provider's default
    buildArgs: image.build.build_args ?? {},
    platform: image.build.platform,
    triggers: image.triggers ?? {},
    pushTriggers: push.triggers ?? {},
    keepRemotely: push.keep_remotely === true,
    imageOutput: stack.output?.image?.value,
    pushDigestExpression: `\${docker_registry_image.${pushId}.sha256_digest}`,
    containerPorts: deployments.map((d) => ({ name: d.metadata.name, ports: d.spec.template.spec.containers[0].ports ?? [] })),
  };
}

/**
 * The reference the pods would run: the `image` output with the login server and the pushed digest
 * filled in (the construct pins `<name>@<docker_registry_image.sha256_digest>`).
 */
export function resolveImageOutput(build, loginServer, digest) {
  if (typeof build.imageOutput !== "string") throw new Error("the workload stack has no image output");
  return build.imageOutput.split(build.loginServerExpression).join(loginServer).split(build.pushDigestExpression).join(digest);
}

/** The defaults of the Dockerfile's global ARGs (before the first FROM). */
export function globalArgDefaults(dockerfileText) {
  return parseDockerfile(dockerfileText).globalArgs;
}
