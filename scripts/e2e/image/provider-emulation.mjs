// The kreuzwerker/docker provider cannot be obtained here (the Go module proxy refuses 3.6.2), so the
// docker CLI stands in for it, driven by the synthesized JSON and deciding as the provider would:
//  - docker_image: every build attribute, `name` and `triggers` are ForceNew, so a change of any of
//    them replaces it (build); otherwise its read checks the image still exists locally;
//  - docker_registry_image: `name` and `triggers` are ForceNew (push); its read is the registry HEAD
//    whose Docker-Content-Digest becomes `sha256_digest`.
// The "state" is a JSON file in the run's folder, holding what the last apply recorded.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The docker_image attributes whose change forces a new image (ForceNew in the provider's schema). */
function forceNewImage(build, loginServer) {
  return {
    name: `${loginServer}/${build.repository}:${build.tag}`,
    triggers: build.triggers,
    build: { context: build.context, dockerfile: build.dockerfile, build_args: build.buildArgs, platform: build.platform },
  };
}

function forceNewPush(build, loginServer) {
  return { name: `${loginServer}/${build.repository}:${build.tag}`, triggers: build.pushTriggers };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export class ProviderEmulation {
  constructor(stateFile, engine, registry) {
    this.stateFile = stateFile;
    this.engine = engine;
    this.registry = registry;
  }

  state() {
    return existsSync(this.stateFile) ? JSON.parse(readFileSync(this.stateFile, "utf8")) : {};
  }

  /** Refresh + plan: what `terraform plan` would do with the two resources, and why. */
  async plan(build) {
    const state = this.state();
    const loginServer = this.registry.address;
    const wantImage = forceNewImage(build, loginServer);
    const wantPush = forceNewPush(build, loginServer);
    let image = "no-op";
    let push = "no-op";
    const reasons = [];
    if (state.image === undefined) (image = "create"), reasons.push("docker_image: not in state");
    else if (!same(state.image.attributes, wantImage)) {
      image = "replace";
      for (const key of Object.keys(wantImage)) if (!same(state.image.attributes[key], wantImage[key])) reasons.push(`docker_image.${key} changed (ForceNew)`);
    } else if (this.engine.inspect(state.image.attributes.name) === undefined) (image = "create"), reasons.push("docker_image: gone from the engine (read removes it from state)");
    if (state.push === undefined) (push = "create"), reasons.push("docker_registry_image: not in state");
    else if (!same(state.push.attributes, wantPush)) {
      push = "replace";
      for (const key of Object.keys(wantPush)) if (!same(state.push.attributes[key], wantPush[key])) reasons.push(`docker_registry_image.${key} changed (ForceNew)`);
    } else if ((await this.registry.manifestDigest(build.repository, build.tag)) === undefined) (push = "create"), reasons.push("docker_registry_image: tag gone from the registry");
    return { image, push, reasons, wantImage, wantPush };
  }

  /** Applies a plan: build and/or push with the CLI. Returns timings (ms) and the digest the provider would record. */
  async apply(build, plan, { logPrefix }) {
    const timings = {};
    const name = plan.wantImage.name;
    let imageId = this.state().image?.id;
    if (plan.image !== "no-op") {
      const args = ["build", "--network", "host", "--platform", build.platform, "-f", join(build.context, build.dockerfile), "-t", name];
      for (const [key, value] of Object.entries(build.buildArgs)) args.push("--build-arg", `${key}=${value}`);
      args.push(build.context);
      const started = process.hrtime.bigint();
      await this.engine.stream(args, `${logPrefix}-build.log`);
      timings.buildMs = Number(process.hrtime.bigint() - started) / 1e6;
      imageId = this.engine.inspect(name).Id;
    }
    let digest = this.state().push?.digest;
    let pushOutput = "";
    if (plan.push !== "no-op" || plan.image !== "no-op") {
      const started = process.hrtime.bigint();
      pushOutput = await this.engine.stream(["push", name], `${logPrefix}-push.log`);
      timings.pushMs = Number(process.hrtime.bigint() - started) / 1e6;
      // The provider's read after create: HEAD with its Accept headers.
      digest = await this.registry.manifestDigest(build.repository, build.tag);
    }
    const pushedDigest = /digest: (sha256:[0-9a-f]{64})/.exec(pushOutput)?.[1];
    writeFileSync(
      this.stateFile,
      JSON.stringify({ image: { attributes: plan.wantImage, id: imageId }, push: { attributes: plan.wantPush, digest } }, null, 2),
    );
    return { timings, digest, pushedDigest, imageId };
  }
}
