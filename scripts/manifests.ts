// `npm run manifests -- --env <name>`: prints the Kubernetes objects of the environment's
// function app as a YAML stream, like `func kubernetes deploy --dry-run`, ready for
// `kubectl apply` on a fresh cluster: the Namespace comes first. They come from the same
// construct the workload stack applies; values Terraform learns only during apply (identity
// client id, image digest, other stacks' outputs) print as Terraform expressions.
// The environment is required (`--env` or DEPLOY_ENV): YAML for the wrong one must not print by default.
import { App, TerraformStack } from "cdktf";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { environments } from "../config";
import { exportObjectsWithNamespace, toYamlStream } from "../constructs/keda-function-app/yaml-export";
import { addEnvironment } from "../stacks/app";

const USAGE = "usage: npm run manifests -- --env <name>";
const known = Object.keys(environments).map((n) => JSON.stringify(n)).join(", ");

/** The environment named by `--env <name>` / `--env=<name>`, else DEPLOY_ENV; a message when neither is valid. */
function chosenEnvironment(args: readonly string[]): { name: string } | { error: string } {
  let name: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--env" || arg.startsWith("--env=")) {
      const value = arg === "--env" ? args[++i] : arg.slice("--env=".length);
      if (value === undefined || value === "" || value.startsWith("-")) return { error: `--env needs an environment name: one of ${known}` };
      name = value;
    } else {
      return { error: `unknown argument ${JSON.stringify(arg)}` };
    }
  }
  name ??= process.env.DEPLOY_ENV;
  if (name === undefined || name === "") return { error: `choose an environment with --env: one of ${known} (or set DEPLOY_ENV)` };
  if (!Object.prototype.hasOwnProperty.call(environments, name)) {
    return { error: `unknown environment ${JSON.stringify(name)}: choose one of ${known}, or add config/${name}.ts and register it in config/index.ts` };
  }
  return { name };
}

const choice = chosenEnvironment(process.argv.slice(3));
if ("error" in choice) {
  process.stderr.write(`manifests: ${choice.error}\n${USAGE}\n`);
  process.exitCode = 2;
} else {
  // `new App` creates its outdir and the docker-build image source stages its build context in
  // the temp folder: both go to one scratch folder, removed whatever happens. Nothing is synthesized.
  const scratch = mkdtempSync(join(tmpdir(), "manifests-"));
  for (const variable of ["TMPDIR", "TMP", "TEMP"]) process.env[variable] = scratch;
  try {
    const app = new App({ outdir: join(scratch, "cdktf.out") });
    const { workload } = addEnvironment(app, environments[choice.name]);
    // Wires cross-stack references the way synth does, so they print as remote-state reads.
    for (const child of app.node.children) if (child instanceof TerraformStack) child.prepareStack();
    process.stdout.write(toYamlStream(exportObjectsWithNamespace(workload.functionApp)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
