import { TerraformVariable } from "cdktf";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildInputsHash, readDockerContext } from "../../constructs/core/content-hash";
import { ImageSource } from "../../constructs/keda-function-app/image-source";
import { requiredProps, resources, REPO_ROOT, synthApp, testStack } from "../support/keda-function-app";
import { KedaFunctionApp } from "../../constructs/keda-function-app/keda-function-app";
import { synthEnvironment } from "../support/synth-app";

// Issue 11 item 1: the staged build context had no Dockerfile (an allow-list .dockerignore starting
// with `*`), so a real `docker build` of it failed at once, and a Dockerfile edit kept the tag.

const FUNCTION_APP = join(REPO_ROOT, "function-app");

/** A private copy of the function app's build inputs, so a test can edit them. */
function appCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "docker-context-"));
  for (const entry of [".dockerignore", "Dockerfile", "package.json", "package-lock.json", "tsconfig.json", "host.json", "README.md", "src"]) {
    cpSync(join(FUNCTION_APP, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

function imageOf(directory: string, buildArgs?: Record<string, string>): { name: string; triggers: any; build: any; push: any } {
  const { json } = synthApp(
    requiredProps({ image: ImageSource.fromDockerBuild({ directory, loginServer: "acr.example.io", repository: "demo", buildArgs }) }),
  );
  const [image] = resources(json, "docker_image");
  const [push] = resources(json, "docker_registry_image");
  return { name: image.name, triggers: image.triggers, build: image.build, push };
}

const tagOf = (directory: string, buildArgs?: Record<string, string>) => imageOf(directory, buildArgs).name.split(":").pop();

describe("the build context holds what the Docker CLI sends", () => {
  test("the Dockerfile and .dockerignore are always in the context, whatever the ignore rules say", () => {
    const { files } = readDockerContext(FUNCTION_APP);
    expect(files).toContain("Dockerfile");
    expect(files).toContain(".dockerignore");
  });

  test("near miss: everything else still follows the allow-list (no tests, node_modules, README)", () => {
    const { files } = readDockerContext(FUNCTION_APP);
    expect(files.filter((f) => /node_modules|__tests__|\.test\.ts$|^README\.md$|^dist\//.test(f))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(["package.json", "package-lock.json", "tsconfig.json", "host.json"]));
  });

  test("a context without a .dockerignore sends everything, the Dockerfile once", () => {
    const dir = mkdtempSync(join(tmpdir(), "docker-context-plain-"));
    writeFileSync(join(dir, "Dockerfile"), "FROM scratch\n");
    writeFileSync(join(dir, "app.js"), "1\n");
    expect(readDockerContext(dir).files).toEqual(["Dockerfile", "app.js"]);
  });

  test("the synthesized app's staged asset folder in cdktf.out holds the Dockerfile docker build reads", () => {
    const dev = synthEnvironment("dev");
    const [image] = resources(dev.stack("dev-workload"), "docker_image");
    const staged = join(dev.outdir, "stacks", "dev-workload", image.build.context);
    expect(readdirSync(staged).sort()).toEqual(expect.arrayContaining(["Dockerfile", ".dockerignore", "package.json", "src"]));
    expect(readFileSync(join(staged, "Dockerfile"), "utf8")).toBe(readFileSync(join(FUNCTION_APP, "Dockerfile"), "utf8"));
    expect(existsSync(join(staged, "node_modules"))).toBe(false);
  });
});

describe("the tag and the triggers cover every input of the build", () => {
  test("editing the Dockerfile (a new base image) changes the tag and the triggers", () => {
    const dir = appCopy();
    const before = imageOf(dir);
    const dockerfile = join(dir, "Dockerfile");
    writeFileSync(dockerfile, readFileSync(dockerfile, "utf8").replace(/node:22-bookworm-slim/g, "node:24-bookworm-slim"));
    const after = imageOf(dir);
    expect(after.name).not.toBe(before.name);
    expect(after.triggers.context_sha256).not.toBe(before.triggers.context_sha256);
    expect(after.push.triggers.context_sha256).toBe(after.triggers.context_sha256);
  });

  test("editing .dockerignore changes the tag", () => {
    const dir = appCopy();
    const before = tagOf(dir);
    writeFileSync(join(dir, ".dockerignore"), readFileSync(join(dir, ".dockerignore"), "utf8") + "**/*.md\n");
    expect(tagOf(dir)).not.toBe(before);
  });

  test("editing one source file changes the tag", () => {
    const dir = appCopy();
    const before = tagOf(dir);
    const [source] = readDockerContext(dir).files.filter((f) => f.startsWith("src/"));
    writeFileSync(join(dir, source), readFileSync(join(dir, source), "utf8") + "\n// changed\n");
    expect(tagOf(dir)).not.toBe(before);
  });

  test("near miss: editing a file the build never sees (README.md) keeps the tag", () => {
    const dir = appCopy();
    const before = tagOf(dir);
    writeFileSync(join(dir, "README.md"), "changed\n");
    expect(tagOf(dir)).toBe(before);
  });

  test("build args reach docker_image and are in the tag; their order is not", () => {
    const dir = appCopy();
    const plain = imageOf(dir);
    expect(plain.build.build_args).toBeUndefined();
    const pinned = imageOf(dir, { RUNTIME_IMAGE: "mcr.microsoft.com/azure-functions/node:4-node22", BUILD_IMAGE: "node:22-bookworm-slim" });
    expect(pinned.build.build_args).toEqual({ RUNTIME_IMAGE: "mcr.microsoft.com/azure-functions/node:4-node22", BUILD_IMAGE: "node:22-bookworm-slim" });
    expect(pinned.name).not.toBe(plain.name);
    expect(tagOf(dir, { BUILD_IMAGE: "node:22-bookworm-slim", RUNTIME_IMAGE: "mcr.microsoft.com/azure-functions/node:4-node22" })).toBe(pinned.name.split(":").pop());
    expect(tagOf(dir, { BUILD_IMAGE: "node:24-bookworm-slim", RUNTIME_IMAGE: "mcr.microsoft.com/azure-functions/node:4-node22" })).not.toBe(pinned.name.split(":").pop());
  });

  test("no build args: the tag is the context hash, so existing tags did not move", () => {
    const context = readDockerContext(FUNCTION_APP);
    expect(buildInputsHash(context)).toBe(context.sha256);
    expect(buildInputsHash(context, {})).toBe(context.sha256);
  });

  test("a build arg that is a Terraform token is refused: it cannot be hashed at synth time", () => {
    const stack = testStack();
    const version = new TerraformVariable(stack, "base", { type: "string" });
    const create = () =>
      new KedaFunctionApp(
        stack,
        "app",
        requiredProps({
          image: ImageSource.fromDockerBuild({ directory: appCopy(), loginServer: "acr.example.io", repository: "demo", buildArgs: { RUNTIME_IMAGE: version.stringValue } }),
        }),
      );
    expect(create).toThrow(
      /ImageSource\.fromDockerBuild at "test\/app"[\s\S]*buildArgs\.RUNTIME_IMAGE = "\$\{TfToken\[[^\]]+\]\}": is a Terraform token, but build arguments are hashed into the image tag at synth time\. Fix: pass a literal string/,
    );
  });
});
