// `npm run manifests [-- --env <name>]`: prints the Kubernetes objects of the environment's
// function app as a YAML stream, like `func kubernetes deploy --dry-run`. They come from the
// same construct the workload stack applies; values Terraform learns only during apply
// (identity client id, image digest, other stacks' outputs) print as Terraform expressions.
import { App, TerraformStack } from "cdktf";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { environmentConfig } from "../config";
import { exportObjects, toYamlStream } from "../constructs/keda-function-app/yaml-export";
import { addEnvironment } from "../stacks/app";

const args = process.argv.slice(3);
const flag = args.indexOf("--env");
const environment = flag >= 0 ? args[flag + 1] : (process.env.DEPLOY_ENV ?? undefined);
const app = new App({ outdir: mkdtempSync(join(tmpdir(), "manifests-")) });
const { workload } = addEnvironment(app, environmentConfig(environment));
// Wires cross-stack references the way synth does, so they print as remote-state reads.
for (const child of app.node.children) if (child instanceof TerraformStack) child.prepareStack();
process.stdout.write(toYamlStream(exportObjects(workload.functionApp)));
