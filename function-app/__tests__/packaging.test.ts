import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { encodeJobMessage } from "../src/lib/jobs";
import { AZURITE_WELL_KNOWN_KEY } from "./support/azurite";
import { timeSpanSeconds } from "./support/queue-host";

// No Docker engine or Functions host here: these checks read the files that configure them.

const APP = join(__dirname, "..");
const read = (file: string): string => readFileSync(join(APP, file), "utf8");

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}
interface Stage {
  readonly from: string;
  readonly name?: string;
  readonly instructions: Instruction[];
}

// The repository's one Dockerfile reader (also used by the gates and the image e2e).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseDockerfile } = require("../../scripts/lib/dockerfile.cjs") as { parseDockerfile(text: string): { stages: Stage[] } };

const { stages } = parseDockerfile(read("Dockerfile"));
const runtime = stages.at(-1)!;
const argsOf = (stage: Stage, keyword: string): string[] => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

describe("Dockerfile", () => {
  test("has build, prod-deps and runtime stages on the Node 22 Functions image (base images are ARGs defaulting to the real ones)", () => {
    expect(read("Dockerfile")).toMatch(/^FROM \$\{BUILD_IMAGE\} AS build$/m);
    expect(read("Dockerfile")).toMatch(/^FROM \$\{RUNTIME_IMAGE\} AS runtime$/m);
    expect(stages.map((s) => [s.name, s.from])).toEqual([
      ["build", "node:22-bookworm-slim"],
      ["prod-deps", "node:22-bookworm-slim"],
      ["runtime", "mcr.microsoft.com/azure-functions/node:4-node22"],
    ]);
  });

  test("builds with the lock file and prunes to production dependencies in a separate stage", () => {
    expect(argsOf(stages[0]!, "RUN")).toEqual(["npm ci --ignore-scripts --no-audit --no-fund", "npm run build"]);
    expect(argsOf(stages[1]!, "RUN")).toEqual(["npm ci --omit=dev --ignore-scripts --no-audit --no-fund"]);
  });

  test("the runtime stage holds only host.json, package.json, dist/ and production node_modules", () => {
    expect(argsOf(runtime, "COPY")).toEqual([
      "--from=prod-deps /src/node_modules ./node_modules",
      "--from=build /src/dist ./dist",
      "host.json package.json ./",
    ]);
    expect(argsOf(runtime, "WORKDIR")).toEqual(["/home/site/wwwroot"]);
  });

  test("sets the host's environment and listens on 8080", () => {
    const env = argsOf(runtime, "ENV").join(" ").split(/\s+/);
    expect(env).toEqual(
      expect.arrayContaining([
        "ASPNETCORE_URLS=http://+:8080",
        "AzureWebJobsScriptRoot=/home/site/wwwroot",
        "AzureFunctionsJobHost__Logging__Console__IsEnabled=true",
      ]),
    );
    expect(argsOf(runtime, "EXPOSE")).toEqual(["8080"]);
  });

  test("runs as a numeric non-root user", () => {
    const users = argsOf(runtime, "USER");
    expect(users).toHaveLength(1);
    expect(users[0]).toMatch(/^[1-9]\d*:[1-9]\d*$/);
  });

  test("starts the host itself in exec form, so SIGTERM reaches it", () => {
    expect(argsOf(runtime, "ENTRYPOINT").map((a) => JSON.parse(a) as unknown)).toEqual([["/azure-functions-host/Microsoft.Azure.WebJobs.Script.WebHost"]]);
    expect(argsOf(runtime, "CMD")).toEqual(["[]"]);
  });

  test("bakes in no storage connection", () => {
    expect(read("Dockerfile")).not.toMatch(/AzureWebJobsStorage|UseDevelopmentStorage|AccountKey/);
  });
});

describe(".dockerignore", () => {
  const lines = read(".dockerignore").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));

  test("is an allow-list of exactly what the build stages copy from the context", () => {
    const contextSources = stages
      .flatMap((s) => argsOf(s, "COPY"))
      .filter((a) => !a.startsWith("--from="))
      .flatMap((a) => a.split(/\s+/).slice(0, -1));
    expect(lines[0]).toBe("*");
    expect(new Set(lines.filter((l) => l.startsWith("!")).map((l) => l.slice(1).replace(/\/\*\*$/, "")))).toEqual(new Set(contextSources));
  });

  test.each(["**/node_modules", "**/dist", "**/__tests__", "**/local.settings.json", "**/.git", "**/.env"])("excludes %s", (pattern) => {
    expect(lines).toContain(pattern);
  });
});

describe("host.json", () => {
  const host = JSON.parse(read("host.json")) as Record<string, any>;

  test("is a v2 host file with the v4 extension bundle and an explicit function timeout", () => {
    expect(host.version).toBe("2.0");
    expect(host.extensionBundle).toEqual({ id: "Microsoft.Azure.Functions.ExtensionBundle", version: "[4.*, 5.0.0)" });
    expect(timeSpanSeconds(host.functionTimeout)).toBe(300);
  });

  test("configures queue batching, retries and poison handling", () => {
    expect(host.extensions.queues).toEqual({
      batchSize: 16,
      newBatchThreshold: 8,
      maxDequeueCount: 5,
      visibilityTimeout: "00:00:30",
      maxPollingInterval: "00:00:02",
      messageEncoding: "base64",
    });
  });

  test("the queue trigger's messageEncoding matches what enqueue writes", () => {
    const job = { id: "a", text: "t", submittedAt: "2025-01-01T00:00:00.000Z" };
    expect(host.extensions.queues.messageEncoding).toBe("base64");
    expect(JSON.parse(Buffer.from(encodeJobMessage(job), "base64").toString("utf8"))).toEqual(job);
  });
});

describe("package.json and tsconfig.json", () => {
  const pkg = JSON.parse(read("package.json")) as { main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };

  test("the build emits every function file where package.json#main looks for it", () => {
    const configPath = join(APP, "tsconfig.json");
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, APP, undefined, configPath);
    expect(config.options.module).toBe(ts.ModuleKind.NodeNext);
    const functionFiles = readdirSync(join(APP, "src", "functions")).filter((f) => f.endsWith(".ts"));
    expect(functionFiles.sort()).toEqual(["enqueue.ts", "hello.ts", "worker.ts"]);
    const emitted = functionFiles.map((f) => relative(APP, ts.getOutputFileNames(config, join(APP, "src", "functions", f), false).find((o) => o.endsWith(".js"))!));
    expect(pkg.main).toBe("dist/src/functions/*.js");
    expect(emitted.sort()).toEqual(["dist/src/functions/enqueue.js", "dist/src/functions/hello.js", "dist/src/functions/worker.js"]);
  });

  test("runtime packages are dependencies, build tools are not, and every version is exact", () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["@azure/functions", "@azure/identity", "@azure/storage-blob", "@azure/storage-queue"]);
    expect(Object.keys(pkg.devDependencies)).toContain("typescript");
    for (const version of [...Object.values(pkg.dependencies), ...Object.values(pkg.devDependencies)]) {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});

describe("settings", () => {
  test("local.settings.example.json carries no secret: its only account key is Azurite's public one", () => {
    const text = read("local.settings.example.json");
    const keys = [...text.matchAll(/AccountKey=([^;"]+)/g)].map((m) => m[1]);
    expect(keys).toEqual([AZURITE_WELL_KNOWN_KEY]);
    expect(text).toMatch(/PUBLIC, well-known development key/);
    expect(text).not.toMatch(/SharedAccessSignature=|UseDevelopmentStorage/);
  });

  test("local.settings.example.json documents both connection forms", () => {
    const example = JSON.parse(read("local.settings.example.json")) as { Values: Record<string, string>; _identityBasedConnection: Record<string, string> };
    expect(Object.keys(example.Values)).toEqual(["FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage"]);
    expect(Object.keys(example._identityBasedConnection)).toEqual(
      expect.arrayContaining(["AzureWebJobsStorage__accountName", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId"]),
    );
  });

  test("no source file falls back to the development storage emulator", () => {
    const sources = ["src/lib", "src/functions"].flatMap((dir) => readdirSync(join(APP, dir)).map((f) => read(join(dir, f))));
    for (const source of sources) expect(source).not.toMatch(/UseDevelopmentStorage/);
  });
});
