import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";

// Packs the package the way `npm publish` would, installs the tarball into a fresh
// project outside this repository and builds a consumer program from examples/.
// The peers (cdktf, constructs, providers) are linked from this repo's node_modules,
// so the install is offline for them and npm still checks their versions.

const ROOT = join(__dirname, "..", "..");
const NPM_FLAGS = ["--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"];
/** Not part of the package source: tests, build output, dependencies, local state. */
const NOT_COPIED = new Set(["node_modules", ".git", "dist", "cdktf.out", ".build", "coverage", "__azurite__", ".azurite", join("docs", "api")]);

jest.setTimeout(180_000);

let work: string;
let tarballFiles: string[];
let packageJson: { name: string; peerDependencies: Record<string, string> };
let consumer: string;

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

  for (const example of readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".ts"))) {
    cpSync(join(ROOT, "examples", example), join(consumer, "src", example));
  }
  writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify(STRICT_CONSUMER_TSCONFIG));
  run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], consumer);
  run(process.execPath, [join("dist", "two-namespaces.js")], consumer);
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

  test("holds nothing but dist/, package.json and the top-level docs", () => {
    const unexpected = tarballFiles.filter(
      (f) => !(f.startsWith("dist/") || ["package.json", "README.md", "CHANGELOG.md", "LICENSE"].includes(f)),
    );
    expect(unexpected).toEqual([]);
  });

  test("ships no tests, no TypeScript sources and not the app's entry point", () => {
    const leaked = tarballFiles.filter(
      (f) => /(^|\/)__tests__\//.test(f) || /\.test\.|\.spec\./.test(f) || (f.endsWith(".ts") && !f.endsWith(".d.ts")) || f === "dist/main.js",
    );
    expect(leaked).toEqual([]);
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

  test("synthesizes two KedaFunctionApps, each in its own namespace", () => {
    const objects = kubernetesObjects(join(consumer, "cdktf.out", "stacks", "team-apps", "cdk.tf.json"));
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

