import { join, relative, resolve } from "node:path";
import { discoverFunctions, writeFunctionsManifest } from "./discover-functions";

const USAGE = `usage: keda-functions-aks discover [<app-dir>] [--module-path <dir>]... [--output <file>]

  Loads the compiled Azure Functions app in <app-dir> (default: the current folder; its
  package.json "main" names the entry files, so build the app first) with a recording stub of
  @azure/functions-core, and writes the functions manifest KedaFunctionApp reads
  (readFunctionsManifest) to <app-dir>/functions.manifest.json. Commit the result.

  --module-path <dir>  also resolve the app's packages (e.g. @azure/functions) from <dir>
  --output <file>      write the manifest there instead`;

/** Where the CLI writes: its summary (stdout) and its errors (stderr). */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: CliOutput = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/**
 * `keda-functions-aks <command> ...` (the package's bin) and `npm run discover`. Returns the
 * exit code: 0 done, 1 the app could not be loaded, 2 wrong usage.
 */
export function runCli(args: readonly string[], io: CliOutput = STDIO, defaultAppDir = "."): number {
  const [command, ...rest] = args;
  if (command === "--help" || command === "-h" || command === "help") {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (command !== "discover") {
    io.err(`keda-functions-aks: ${command === undefined ? "no command" : `unknown command ${JSON.stringify(command)}`}\n${USAGE}\n`);
    return 2;
  }
  const parsed = parseDiscoverArgs(rest);
  if ("error" in parsed) {
    io.err(`keda-functions-aks discover: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const appDir = resolve(parsed.appDir ?? defaultAppDir);
  const file = resolve(parsed.output ?? join(appDir, "functions.manifest.json"));
  try {
    const manifest = discoverFunctions({ appDir, modulePaths: parsed.modulePaths });
    writeFunctionsManifest(file, manifest);
    const summary = manifest.functions.map((f) => `${f.name} (${f.trigger.type})`).join(", ");
    io.out(`Wrote ${relative(process.cwd(), file) || file}: ${summary || "no functions"}\n`);
    return 0;
  } catch (error) {
    io.err(`keda-functions-aks discover: ${(error as Error).message}\n`);
    return 1;
  }
}

function parseDiscoverArgs(args: readonly string[]): { appDir?: string; output?: string; modulePaths: string[] } | { error: string } {
  const modulePaths: string[] = [];
  let appDir: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--module-path" || arg === "--output") {
      const value = args[++i];
      if (value === undefined || value.startsWith("-")) return { error: `${arg} needs a value` };
      if (arg === "--output") output = value;
      else modulePaths.push(value);
    } else if (arg.startsWith("-")) {
      return { error: `unknown option ${JSON.stringify(arg)}` };
    } else if (appDir === undefined) {
      appDir = arg;
    } else {
      return { error: `one app folder only, got ${JSON.stringify(appDir)} and ${JSON.stringify(arg)}` };
    }
  }
  return { appDir, output, modulePaths };
}
