import { AssetType, Fn, TerraformAsset, Token } from "cdktf";
import { Construct } from "constructs";
import { Image } from "@cdktf/provider-docker/lib/image";
import { RegistryImage } from "@cdktf/provider-docker/lib/registry-image";
import { DataDockerRegistryImage } from "@cdktf/provider-docker/lib/data-docker-registry-image";
import { ContainerRegistryTask } from "@cdktf/provider-azurerm/lib/container-registry-task";
import { ContainerRegistryTaskScheduleRunNow } from "@cdktf/provider-azurerm/lib/container-registry-task-schedule-run-now";
import { resolve } from "node:path";
import { buildInputsHash, readDockerContext, stageDockerContext } from "../core/content-hash";
import { throwIfAny } from "../core/validation";
import { asTerraformString, isToken } from "../core/tokens";

/** What an image source gives the Deployments: an immutable image reference. */
export interface BoundImage {
  /** Image reference the pods run, pinned so a rollout happens only when it changes. */
  readonly reference: string;
}

/** Options of `ImageSource.fromDockerBuild`. */
export interface DockerBuildOptions {
  /** Folder with the Dockerfile and the build context, relative to the project root or absolute. */
  readonly directory: string;
  /** Registry host to push to, e.g. the registry stack's `loginServer`. */
  readonly loginServer: string;
  /** Repository inside the registry. */
  readonly repository: string;
  /** Target platform of the build. @default "linux/amd64" (AKS node pools default to amd64) */
  readonly platform?: string;
  /**
   * `--build-arg` values, e.g. `{ RUNTIME_IMAGE: "mcr.microsoft.com/azure-functions/node:4-node22@sha256:..." }`
   * to pin a base image. Literal strings only: they are part of the tag's hash, so changing one
   * rebuilds and rolls out; a Terraform token cannot be hashed at synth time and is refused.
   * @default - none: the Dockerfile's own `ARG` defaults
   */
  readonly buildArgs?: Readonly<Record<string, string>>;
}

/** Options of `ImageSource.fromAcrTask`. */
export interface AcrTaskBuildOptions {
  /** Local folder of the app: its Docker context hash becomes the tag, so a change rebuilds. */
  readonly directory: string;
  /** Resource id of the registry that runs the task and stores the image. */
  readonly registryId: string;
  /** Registry host, e.g. the registry stack's `loginServer`. */
  readonly loginServer: string;
  /** Repository inside the registry. */
  readonly repository: string;
  /**
   * Where ACR fetches the same sources from: a Git URL with branch and folder
   * (`https://github.com/org/repo.git#main:function-app`) or a tarball URL.
   */
  readonly contextPath: string;
  /**
   * Token ACR uses to read `contextPath` (a Git PAT). Pass a sensitive Terraform variable,
   * never a literal: it is stored in the task.
   */
  readonly contextAccessToken: string;
  /** Dockerfile path inside the context. @default "Dockerfile" */
  readonly dockerfilePath?: string;
  /** Target platform. @default "linux/amd64" */
  readonly platform?: string;
}

/**
 * Where the function app's image comes from. Open choice with parameters, so a class
 * with static factories rather than a string union.
 */
export abstract class ImageSource {
  /**
   * Build the image from `directory` with the local Docker daemon during `terraform apply`
   * and push it. The tag is a SHA-256 over the Docker build context (the Dockerfile included, as the
   * Docker CLI always sends it) and the build args, so an unchanged app synthesizes byte-identical
   * JSON and a changed source file, Dockerfile or build arg builds, pushes and rolls out.
   */
  static fromDockerBuild(options: DockerBuildOptions): ImageSource {
    return new DockerBuildImageSource(options);
  }

  /**
   * Build the image in Azure with an ACR Task: no Docker daemon where Terraform runs
   * (Terraform Cloud). The task builds `contextPath` and pushes `<repository>:<hash>`;
   * `schedule_run_now` runs it whenever the tag changes, and the Deployment pins the
   * digest the registry reports after the run.
   */
  static fromAcrTask(options: AcrTaskBuildOptions): ImageSource {
    return new AcrTaskImageSource(options);
  }

  /** Use an image that already exists; prefer a digest (`repo@sha256:...`) so rollouts are explicit. */
  static fromReference(reference: string): ImageSource {
    return new ReferenceImageSource(reference);
  }

  /** Creates whatever resources the source needs under `scope`. */
  abstract bind(scope: Construct): BoundImage;
}

class ReferenceImageSource extends ImageSource {
  constructor(private readonly reference: string) {
    super();
  }

  bind(): BoundImage {
    return { reference: this.reference };
  }
}

class DockerBuildImageSource extends ImageSource {
  constructor(private readonly options: DockerBuildOptions) {
    super();
  }

  bind(scope: Construct): BoundImage {
    const context = readDockerContext(resolve(this.options.directory));
    const buildArgs = this.options.buildArgs ?? {};
    // A token's value is known only at apply time, too late for the tag: refuse it rather than hash its placeholder.
    throwIfAny(
      scope,
      "ImageSource.fromDockerBuild",
      Object.entries(buildArgs)
        .filter(([, value]) => Token.isUnresolved(value))
        .map(([key, value]) => ({
          property: `buildArgs.${key}`,
          value,
          rule: "is a Terraform token, but build arguments are hashed into the image tag at synth time",
          fix: "pass a literal string (e.g. a base image pinned by digest), or set the value in the Dockerfile",
        })),
    );
    // The Dockerfile is in the context, so the hash covers it; the build args are hashed on top.
    const contentHash = buildInputsHash(context, buildArgs);
    // The context travels inside the stack's folder: relative, self-contained, no absolute paths.
    const asset = new TerraformAsset(scope, "build-context", {
      path: stageDockerContext(context),
      type: AssetType.DIRECTORY,
      assetHash: context.sha256,
    });
    const tag = contentHash.slice(0, 16);
    const name = `${this.options.loginServer}/${this.options.repository}:${tag}`;
    const image = new Image(scope, "image", {
      name,
      keepLocally: true,
      triggers: { context_sha256: contentHash },
      buildAttribute: {
        context: asset.path,
        platform: this.options.platform ?? "linux/amd64",
        ...(Object.keys(buildArgs).length > 0 ? { buildArgs: { ...buildArgs } } : {}),
      },
    });
    const pushed = new RegistryImage(scope, "image-push", {
      name: image.name,
      keepRemotely: true,
      triggers: { context_sha256: contentHash },
    });
    // Tag and digest: readable in `kubectl get pods`, immutable for the kubelet.
    return { reference: `${name}@${pushed.sha256Digest}` };
  }
}

class AcrTaskImageSource extends ImageSource {
  constructor(private readonly options: AcrTaskBuildOptions) {
    super();
  }

  bind(scope: Construct): BoundImage {
    const tag = readDockerContext(resolve(this.options.directory)).sha256.slice(0, 16);
    const repositoryTag = `${this.options.repository}:${tag}`;
    const [os, architecture] = platformParts(this.options.platform ?? "linux/amd64");
    const task = new ContainerRegistryTask(scope, "image-task", {
      name: taskName(this.options.repository),
      containerRegistryId: this.options.registryId,
      platform: { os, architecture },
      dockerStep: {
        contextPath: this.options.contextPath,
        contextAccessToken: this.options.contextAccessToken,
        dockerfilePath: this.options.dockerfilePath ?? "Dockerfile",
        imageNames: [repositoryTag],
        pushEnabled: true,
        cacheEnabled: false,
      },
    });
    const run = new ContainerRegistryTaskScheduleRunNow(scope, "image-task-run", {
      containerRegistryTaskId: task.id,
      // A new tag updates the task; replacing the run makes ACR build again.
      lifecycle: { replaceTriggeredBy: [task] },
    });
    const name = `${this.options.loginServer}/${repositoryTag}`;
    // Read after the run: the digest ACR pushed, so the Deployment pins exactly that build.
    const pushed = new DataDockerRegistryImage(scope, "image-digest", { name, dependsOn: [run] });
    return { reference: `${name}@${pushed.sha256Digest}` };
  }
}

/** `os/architecture`; a Terraform token is split by Terraform at apply time, never here. */
function platformParts(platform: string): [string, string] {
  if (isToken(platform)) return [Fn.element(Fn.split("/", platform), 0), Fn.element(Fn.split("/", platform), 1)];
  const [os, architecture] = platform.split("/");
  return [os, architecture];
}

/** ACR task names: at most 50 letters, digits and '-'; a repository token is cleaned by Terraform. */
function taskName(repository: string): string {
  const name = `build-${repository}`;
  if (isToken(name)) return Fn.substr(Fn.replace(asTerraformString(name), "/[^A-Za-z0-9-]/", "-"), 0, 50);
  return name.replace(/[^A-Za-z0-9-]/g, "-").slice(0, 50);
}
