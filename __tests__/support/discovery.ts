import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../constructs/keda-function-app/discovery/cli";

// What the discovery suites share: the unit suites (discovery-units, discovery-usage) and the
// integration suites that load apps in child processes (discovery, discovery-cli).

/** Runs the CLI in process, capturing its exit code, stdout and stderr. */
export function cli(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(""), err: err.join("") };
}

/** An app folder `root/name` with `package.json` (none when undefined) and the given files. */
export function writeApp(root: string, name: string, packageJson: unknown, files: Record<string, string> = {}): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  if (packageJson !== undefined) writeFileSync(join(dir, "package.json"), JSON.stringify(packageJson));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}
