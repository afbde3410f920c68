import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix, relative, sep } from "node:path";

// Packs the package the way `npm publish` would, installs the tarball into a fresh
// project outside this repository, compiles the examples/ the tarball ships and runs each
// one from the installed package, and runs the package's bin (issue 11 item 15).
// The peers (cdktf, constructs, providers) are linked from this repo's node_modules,
// so the install is offline for them and npm still checks their versions.

const ROOT = join(__dirname, "..", "..");
const NPM_FLAGS = ["--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"];
/** Not part of the package source: tests, build output, dependencies, local state. */
const NOT_COPIED = new Set(["node_modules", ".git", "dist", "cdktf.out", ".build", "coverage", "__azurite__", ".azurite", join("docs", "api")]);

jest.setTimeout(180_000);

let work: string;
let tarballFiles: string[];
let packageJson: { name: string; peerDependencies: Record<string, string>; bin?: Record<string, string> };

/** Links that point at repository tooling on purpose, with the reason they are not shipped. */
const REPOSITORY_ONLY_LINKS: ReadonlyArray<readonly [doc: string, targetPrefix: string, reason: string]> = [
  ["BENCHMARKS.md", "bench/", "the benchmark's programs measure this repository's synth; they are not part of the library"],
];

/** What the tarball may hold. */
const SHIPPED = [
  /^dist\//,
  /^bin\/keda-functions-aks\.js$/,
  /^(package\.json|README\.md|CHANGELOG\.md|BENCHMARKS\.md|LICENSE)$/,
  /^docs\/[^/]+\.md$/,
  /^(stacks|constructs\/[^/]+)\/README\.md$/,
  // The policy rule catalogue the policy README links.
  /^constructs\/policy\/RULES\.md$/,
  /^config\/(dev|prod)\.ts$/,
  /^examples\/[^/]+\.ts$/,
  /^function-app\/(README\.md|Dockerfile|\.dockerignore|host\.json|functions\.manifest\.json|package\.json|package-lock\.json|tsconfig\.json)$/,
  /^function-app\/src\/.+\.ts$/,
];
let consumer: string;
/** Per example file name: its exit status, output and the stacks it synthesized (from manifest.json). */
const examples: Record<string, { status: number; output: string; stacks: string[]; outdir: string }> = {};

/** The stacks each shipped example must synthesize; every file in examples/ needs an entry. */
const EXAMPLE_STACKS: Record<string, string[]> = {
  "aks-cluster.ts": ["cluster", "keda"],
  "environment.ts": ["team-a-cluster", "team-a-registry", "team-a-workload"],
  "image-sources.ts": [],
  "keda-function-app.ts": ["orders"],
  "keda-function-app-extended.ts": ["orders"],
  "keda-triggers.ts": ["ingest"],
  "policy.ts": ["data"],
  "terraform-cloud.ts": ["prod-cluster", "prod-registry", "prod-workload"],
  "two-namespaces.ts": ["team-apps"],
  "whole-system.ts": ["apps", "keda", "platform"],
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "kedafn-pack-"));
  const source = stagePackageSource(join(work, "package"));
  const [packed] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], source)) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarballFiles = packed.files.map((f) => f.path);
  packageJson = JSON.parse(readFileSync(join(source, "package.json"), "utf8"));

  consumer = join(work, "consumer");
  mkdirSync(join(consumer, "src"), { recursive: true });
  const linked = (name: string) => `file:${join(ROOT, "node_modules", name)}`;
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({
      name: "consumer",
      private: true,
      dependencies: {
        [packageJson.name]: `file:${join(work, packed.filename)}`,
        ...Object.fromEntries(Object.keys(packageJson.peerDependencies).map((name) => [name, linked(name)])),
        "@types/node": linked("@types/node"),
      },
    }),
  );
  run("npm", ["install", ...NPM_FLAGS, "--install-links=false", "--legacy-peer-deps"], consumer);

  // The examples as the tarball ships them, not as this repository has them.
  const shipped = join(consumer, "node_modules", packageJson.name, "examples");
  for (const example of readdirSync(shipped).filter((f) => f.endsWith(".ts"))) {
    cpSync(join(shipped, example), join(consumer, "src", example));
  }
  writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify(STRICT_CONSUMER_TSCONFIG));
  run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], consumer);
  for (const example of readdirSync(join(consumer, "src"))) {
    const outdir = join(work, "out", example.replace(/\.ts$/, ""));
    mkdirSync(outdir, { recursive: true });
    const result = spawnSync(process.execPath, [join("dist", example.replace(/\.ts$/, ".js"))], {
      cwd: consumer,
      encoding: "utf8",
      env: { ...consumerEnv(), CDKTF_OUTDIR: outdir },
    });
    const manifest = join(outdir, "manifest.json");
    const stacks = existsSync(manifest) ? Object.keys(JSON.parse(readFileSync(manifest, "utf8")).stacks).sort() : [];
    examples[example] = { status: result.status ?? -1, output: `${result.stdout}\n${result.stderr}`, stacks, outdir };
  }
});

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

const STRICT_CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    lib: ["ES2022"],
    types: ["node"],
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    // Check the package's own .d.ts files too, not only the consumer's code.
    skipLibCheck: false,
    rootDir: "src",
    outDir: "dist",
  },
  include: ["src/**/*.ts"],
};

describe("the packed tarball", () => {
  test("holds the compiled library, its typings and the release notes", () => {
    expect(tarballFiles).toEqual(expect.arrayContaining(["package.json", "README.md", "CHANGELOG.md", "dist/index.js", "dist/index.d.ts"]));
  });

  test("holds nothing but dist/, the bin, the docs, the examples and the sample app", () => {
    const unexpected = tarballFiles.filter((f) => !SHIPPED.some((pattern) => pattern.test(f)));
    expect(unexpected).toEqual([]);
  });

  test("ships no tests, no library TypeScript sources and not the app's entry point", () => {
    // TypeScript that is documentation: the examples, the sample app and the two environment files the README links.
    const documentation = (f: string) => /^examples\/[^/]+\.ts$/.test(f) || f.startsWith("function-app/src/") || ["config/dev.ts", "config/prod.ts"].includes(f);
    const leaked = tarballFiles.filter(
      (f) =>
        /(^|\/)__tests__\//.test(f) ||
        /\.test\.|\.spec\./.test(f) ||
        (f.endsWith(".ts") && !f.endsWith(".d.ts") && !documentation(f)) ||
        f === "dist/main.js",
    );
    expect(leaked).toEqual([]);
  });

  test("holds the per-construct READMEs, docs/, and every file a shipped Markdown file links to", () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining(["constructs/keda-function-app/README.md", "constructs/policy/README.md", "stacks/README.md", "docs/deploy.md", "docs/terraform-cloud.md", "docs/migrating-to-cdktn.md"]),
    );
    const broken: string[] = [];
    for (const doc of tarballFiles.filter((f) => f.endsWith(".md"))) {
      const text = readFileSync(join(ROOT, doc), "utf8");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:|^#/i.test(target) || REPOSITORY_ONLY_LINKS.some(([from, prefix]) => doc === from && target.startsWith(prefix))) continue;
        const path = posix.normalize(posix.join(posix.dirname(doc), target.split("#")[0]));
        const found = tarballFiles.includes(path) || tarballFiles.some((f) => f.startsWith(path.endsWith("/") ? path : `${path}/`));
        if (!found) broken.push(`${doc} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test("holds the sample app with everything its docker build needs, and the bin", () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        "bin/keda-functions-aks.js",
        "function-app/Dockerfile",
        "function-app/.dockerignore",
        "function-app/host.json",
        "function-app/functions.manifest.json",
        "function-app/package.json",
        "function-app/package-lock.json",
        "function-app/tsconfig.json",
        "function-app/src/functions/hello.ts",
      ]),
    );
    expect(packageJson.bin).toEqual({ "keda-functions-aks": "bin/keda-functions-aks.js" });
  });

  test("declares cdktf, constructs and the four providers as peers", () => {
    expect(Object.keys(packageJson.peerDependencies).sort()).toEqual([
      "@cdktf/provider-azurerm",
      "@cdktf/provider-docker",
      "@cdktf/provider-helm",
      "@cdktf/provider-kubernetes",
      "cdktf",
      "constructs",
    ]);
  });
});

describe("a consumer project", () => {
  test("resolves the peers to versions inside the declared ranges", () => {
    expect(() =>
      run("npm", ["ls", "--depth=1", packageJson.name, ...Object.keys(packageJson.peerDependencies)], consumer),
    ).not.toThrow();
  });

  test("runs every shipped example from the installed package; each synthesizes its stacks", () => {
    expect(Object.keys(examples).sort()).toEqual(Object.keys(EXAMPLE_STACKS).sort());
    for (const [example, expected] of Object.entries(EXAMPLE_STACKS)) {
      const result = examples[example]!;
      const failure = result.status === 0 ? "" : result.output;
      expect({ example, status: result.status, stacks: result.stacks, failure }).toEqual({ example, status: 0, stacks: expected, failure: "" });
    }
  });

  test("the environment examples build the sample app shipped in the package (its Dockerfile staged as the build context)", () => {
    const stack = JSON.parse(readFileSync(join(examples["environment.ts"]!.outdir, "stacks", "team-a-workload", "cdk.tf.json"), "utf8"));
    const [image] = Object.values(stack.resource.docker_image ?? {}) as Array<{ build: Array<{ context: string }> | { context: string } }>;
    const build = Array.isArray(image!.build) ? image!.build[0]! : image!.build;
    const context = join(examples["environment.ts"]!.outdir, "stacks", "team-a-workload", build.context);
    expect(readdirSync(context).sort()).toEqual(expect.arrayContaining(["Dockerfile", "host.json", "package.json", "src"]));
    const deployments = kubernetesObjects(join(examples["environment.ts"]!.outdir, "stacks", "team-a-workload", "cdk.tf.json")).filter((o) => o.kind === "Deployment");
    expect(deployments.map((o) => o.name).sort()).toEqual(["keda-func", "keda-func-http"]);
  });

  test("synthesizes two KedaFunctionApps, each in its own namespace", () => {
    const objects = kubernetesObjects(join(examples["two-namespaces.ts"]!.outdir, "stacks", "team-apps", "cdk.tf.json"));
    const inNamespace = (ns: string) => objects.filter((o) => o.namespace === ns).map((o) => `${o.kind}/${o.name}`);
    expect(inNamespace("team-orders")).toEqual(expect.arrayContaining(["Deployment/orders", "ScaledObject/orders", "Deployment/orders-http"]));
    expect(inNamespace("team-billing")).toEqual(expect.arrayContaining(["Deployment/billing", "ScaledObject/billing", "Deployment/billing-http"]));
    expect(inNamespace("team-orders").filter((o) => o.includes("billing"))).toEqual([]);
    expect(objects.every((o) => o.namespace === "team-orders" || o.namespace === "team-billing")).toBe(true);
  });

  test("imports the public API from an ES module through the package's exports", () => {
    const script = `import { KedaFunctionApp, ImageSource, RegistryStack, addEnvironment } from "${packageJson.name}";
      console.log([KedaFunctionApp, ImageSource, RegistryStack, addEnvironment].map((x) => typeof x).join(","));`;
    expect(run(process.execPath, ["--input-type=module", "-e", script], consumer).trim()).toBe("function,function,function,function");
  });

  test("cannot reach internal modules by deep import", () => {
    const script = `try { require("${packageJson.name}/dist/constructs/core/validation"); } catch (e) { console.log(e.code); }`;
    expect(run(process.execPath, ["-e", script], consumer).trim()).toBe("ERR_PACKAGE_PATH_NOT_EXPORTED");
  });
});

describe("the installed bin", () => {
  const bin = (args: readonly string[]) =>
    spawnSync("npx", ["--no", "--", packageJson.name, ...args], { cwd: consumer, encoding: "utf8", env: consumerEnv() });

  test("`npx keda-functions-aks discover <app-dir>` writes the functions manifest of a fixture app", () => {
    const app = join(work, "fixture-app");
    cpSync(join(ROOT, "__tests__", "fixtures", "all-triggers-app"), app, { recursive: true });
    rmSync(join(app, "functions.manifest.json"), { force: true });
    // The fixture has no node_modules of its own: @azure/functions comes from the repository's function app.
    const result = bin(["discover", app, "--module-path", join(ROOT, "function-app", "node_modules")]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*functions\.manifest\.json: audit \(serviceBusTrigger\), /);
    expect(readFileSync(join(app, "functions.manifest.json"), "utf8")).toBe(
      readFileSync(join(ROOT, "__tests__", "fixtures", "all-triggers-app", "expected.functions.manifest.json"), "utf8"),
    );
  });

  test("an app that is not built fails with the fix; a wrong command or option prints the usage", () => {
    const empty = join(work, "not-built");
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, "package.json"), JSON.stringify({ name: "x", main: "dist/src/functions/*.js" }));
    const failed = bin(["discover", empty]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('matches no file in');
    expect(failed.stderr).toContain("build the app first");
    for (const args of [["disover"], ["discover", "--modulepath", "x"], []]) {
      const wrong = bin(args);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain("usage: keda-functions-aks discover");
    }
    expect(bin(["--help"]).stdout).toContain("usage: keda-functions-aks discover");
  });
});

/** Kind, namespace and name of every object the stack applies, whatever resource type carries it. */
function kubernetesObjects(file: string): { kind: string; namespace: string; name: string }[] {
  const stack = JSON.parse(readFileSync(file, "utf8")) as { resource: Record<string, Record<string, { manifest?: ManifestLike }>> };
  return Object.values(stack.resource["kubernetes_manifest"] ?? {}).map(({ manifest }) => ({
    kind: manifest?.kind ?? "",
    namespace: manifest?.metadata?.namespace ?? "",
    name: manifest?.metadata?.name ?? "",
  }));
}

interface ManifestLike {
  readonly kind?: string;
  readonly metadata?: { readonly namespace?: string; readonly name?: string };
}

/** A copy of the package source, with this repo's node_modules linked in for the build tools. */
function stagePackageSource(target: string): string {
  cpSync(ROOT, target, {
    recursive: true,
    filter: (path) => {
      const rel = relative(ROOT, path);
      return !rel.split(sep).includes("node_modules") && !NOT_COPIED.has(rel);
    },
  });
  symlinkSync(join(ROOT, "node_modules"), join(target, "node_modules"), "dir");
  return target;
}

/** The caller's environment minus what would redirect the consumer's synth (e.g. CDKTF_OUTDIR from a benchmark). */
function consumerEnv(): NodeJS.ProcessEnv {
  const { CDKTF_OUTDIR: _outdir, CDKTF_CONTEXT_JSON: _context, DEPLOY_ENV: _environment, ...env } = process.env;
  return { ...env, CHECKPOINT_DISABLE: "1", npm_config_update_notifier: "false" };
}

function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: consumerEnv(),
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
}

