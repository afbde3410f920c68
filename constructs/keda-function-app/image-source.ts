import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { Image } from "@cdktf/provider-docker/lib/image";
import { RegistryImage } from "@cdktf/provider-docker/lib/registry-image";
import { isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { dockerContextHash } from "../core/content-hash";

/** What an image source gives the Deployments: an immutable image reference. */
export interface BoundImage {
  /** Image reference the pods run, pinned so a rollout happens only when it changes. */
  readonly reference: string;
}

export interface DockerBuildOptions {
  /** Folder with the Dockerfile and the build context, relative to the project root or absolute. */
  readonly directory: string;
  /** Registry host to push to, e.g. the registry stack's `loginServer`. */
  readonly loginServer: string;
  /** Repository inside the registry. */
  readonly repository: string;
  /** Target platform of the build. @default "linux/amd64" (AKS node pools default to amd64) */
  readonly platform?: string;
}

/**
 * Where the function app's image comes from. Open choice with parameters, so a class
 * with static factories rather than a string union.
 */
export abstract class ImageSource {
  /**
   * Build the image from `directory` with the local Docker daemon during `terraform apply`
   * and push it. The tag is a SHA-256 over the Docker build context, so an unchanged app
   * synthesizes byte-identical JSON and a changed one builds, pushes and rolls out.
   */
  static fromDockerBuild(options: DockerBuildOptions): ImageSource {
    return new DockerBuildImageSource(options);
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
    const directory = resolve(this.options.directory);
    const contentHash = dockerContextHash(directory);
    const tag = contentHash.slice(0, 16);
    const name = `${this.options.loginServer}/${this.options.repository}:${tag}`;
    const image = new Image(scope, "image", {
      name,
      keepLocally: true,
      triggers: { context_sha256: contentHash },
      buildAttribute: {
        context: contextPathFromStack(scope, directory),
        platform: this.options.platform ?? "linux/amd64",
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

/**
 * Terraform runs in `<outdir>/stacks/<stack>`; a context path relative to that folder
 * keeps the machine's absolute path out of the synthesized JSON.
 */
function contextPathFromStack(scope: Construct, directory: string): string {
  const app = App.of(scope);
  const stack = TerraformStack.of(scope);
  const stackDir = join(resolve(app.outdir), "stacks", stack.node.id);
  const rel = relative(stackDir, directory);
  return isAbsolute(rel) ? rel : rel.split(sep).join(posix.sep);
}
