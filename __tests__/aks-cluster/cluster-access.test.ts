import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { createServer, Server } from "node:https";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { environments } from "../../config";
import { CLUSTER_ADMIN_ROLE } from "../../constructs/aks-cluster/cluster-admins";
import { WAIT_FOR_CLUSTER_ACCESS_SCRIPT } from "../../constructs/aks-cluster/cluster-access-gate";
import { synthCluster, synthConfig, withOverrides } from "../support/platform";
import { resourcesOf, StackJson } from "../support/synth-app";

/**
 * Issue 11 item 4. (a) The deployer's cluster-admin assignment takes minutes to propagate in Azure
 * RBAC, so the first deploy's Kubernetes objects got 403: every stack that talks to the cluster
 * now waits on a readiness gate that asks the API server itself. (b) One assignment with
 * `principal_id = client.object_id` was replaced by whoever applied last: assignments are now
 * keyed by principal.
 */

const GATE = "terraform_data";
const gateOf = (stack: StackJson) => {
  const gates = Object.entries(stack.resource?.[GATE] ?? {});
  expect(gates).toHaveLength(1);
  const [name, gate] = gates[0] as [string, any];
  return { address: `${GATE}.${name}`, gate };
};

describe("deployer assignments are keyed by principal (issue 11 item 4)", () => {
  const CI = "11111111-1111-1111-1111-111111111111";
  const TEAM = "22222222-2222-2222-2222-222222222222";
  const stack = synthCluster(environments.dev, withOverrides(environments.dev.cluster, { adminObjectIds: [CI, TEAM] }));
  const admins = resourcesOf(stack, "azurerm_role_assignment").filter((r) => r.role_definition_name === CLUSTER_ADMIN_ROLE);

  test("one for_each resource over the listed admins and the deployer, each instance keyed by its object id", () => {
    expect(admins).toHaveLength(1);
    const [assignment] = admins;
    expect(assignment.for_each).toBe(`\${toset(distinct(concat(["${CI}", "${TEAM}"], [data.azurerm_client_config.client.object_id])))}`);
    expect(assignment.principal_id).toBe("${each.value}");
    expect(assignment.scope).toMatch(/^\$\{azurerm_kubernetes_cluster\.[^.]+\.id\}$/);
  });

  test("the name is a UUIDv5 of scope, role and principal: one principal never gets a second assignment", () => {
    expect(admins[0].name).toBe(`\${uuidv5("url", "\${azurerm_kubernetes_cluster.cluster.id}#${CLUSTER_ADMIN_ROLE}#\${each.value}")}`);
  });

  test("near miss: no principal_id is tied to whoever runs apply outside the keyed set", () => {
    const direct = resourcesOf(stack, "azurerm_role_assignment").filter((r) => r.principal_id === "${data.azurerm_client_config.client.object_id}");
    expect(direct).toEqual([]);
  });

  test("Terraform keys the instances by object id: CI's listed instance survives a colleague's apply", () => {
    // The real for_each expression, evaluated by Terraform for two different deployers.
    const keys = (deployer: string) => {
      const dir = mkdtempSync(join(tmpdir(), "tf-keys-"));
      try {
        const expression = admins[0].for_each.slice(2, -1).replace("data.azurerm_client_config.client.object_id", `"${deployer}"`);
        writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ output: { keys: { value: `\${${expression}}` } } }));
        const env = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
        execFileSync("terraform", ["init", "-input=false", "-no-color"], { cwd: dir, env, stdio: "pipe" });
        execFileSync("terraform", ["apply", "-auto-approve", "-input=false", "-no-color"], { cwd: dir, env, stdio: "pipe" });
        return JSON.parse(execFileSync("terraform", ["output", "-json", "keys"], { cwd: dir, env, encoding: "utf8" })) as string[];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const colleague = "33333333-3333-3333-3333-333333333333";
    expect(keys(CI).sort()).toEqual([CI, TEAM].sort());
    expect(keys(colleague).sort()).toEqual([CI, TEAM, colleague].sort());
  }, 60_000);

  test("an admin that is no object id is refused at synth", () => {
    expect(() => synthCluster(environments.dev, withOverrides(environments.dev.cluster, { adminObjectIds: ["ci-bot"] }))).toThrow(
      /adminObjectIds\[0\] = "ci-bot": must be an Entra object id \(a GUID\)/,
    );
  });
});

describe("every stack that talks to the cluster waits until the deployer's access has propagated (issue 11 item 4)", () => {
  const dev = synthConfig(environments.dev);
  const helm = synthConfig(withOverrides(environments.dev, { cluster: { keda: { addOn: false, helm: { enabled: true }, httpAddOn: { enabled: true } } } }));

  test("workload: a terraform_data gate runs the access check with the providers' own kubelogin exec", () => {
    const { gate } = gateOf(dev.stack("dev-workload"));
    expect(gate.triggers_replace).toEqual({
      host: expect.stringMatching(/^\$\{data\.terraform_remote_state\..+\}$/),
      deployer: "${data.azurerm_client_config.client.object_id}",
    });
    const [provisioner] = gate.provisioner;
    expect(provisioner["local-exec"]).toMatchObject({ interpreter: ["node", "-e"], command: WAIT_FOR_CLUSTER_ACCESS_SCRIPT });
    const env = provisioner["local-exec"].environment;
    expect(env).toMatchObject({ KFA_CREDENTIAL_COMMAND: "kubelogin", KFA_TIMEOUT_SECONDS: "900", KFA_POLL_SECONDS: "10" });
    expect(JSON.parse(env.KFA_CREDENTIAL_ARGS)).toEqual(dev.stack("dev-workload").provider!.kubernetes[0].exec[0].args);
  });

  test("workload: every kubernetes_manifest waits for the gate (directly or through the namespace)", () => {
    const stack = dev.stack("dev-workload");
    const { address } = gateOf(stack);
    const manifests = stack.resource!.kubernetes_manifest as Record<string, any>;
    const waits = (name: string, seen = new Set<string>()): boolean => {
      const deps: string[] = manifests[name].depends_on ?? [];
      if (deps.includes(address)) return true;
      return deps
        .filter((d) => d.startsWith("kubernetes_manifest.") && !seen.has(d))
        .some((d) => waits(d.slice("kubernetes_manifest.".length), seen.add(d)));
    };
    const names = Object.keys(manifests);
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => !waits(n))).toEqual([]);
  });

  test("add-ons: every helm release waits for the gate", () => {
    const stack = helm.stack("dev-addons");
    const { address } = gateOf(stack);
    const releases = stack.resource!.helm_release as Record<string, any>;
    expect(releases.keda.depends_on).toContain(address);
    expect(releases["keda-http-add-on"].depends_on).toEqual(["helm_release.keda"]);
    // Near miss: without Helm KEDA the HTTP add-on waits for the gate itself.
    const addOnOnly = synthConfig(withOverrides(environments.dev, { cluster: { keda: { httpAddOn: { enabled: true } } } })).stack("dev-addons");
    expect(addOnOnly.resource!.helm_release["keda-http-add-on"].depends_on).toEqual([gateOf(addOnOnly).address]);
  });

  test("the cluster stack itself needs no gate: it only creates the assignment", () => {
    expect(dev.stack("dev-cluster").resource?.[GATE]).toBeUndefined();
  });
});

/** A throwaway TLS server on 127.0.0.1 that answers SelfSubjectAccessReviews from a script of verdicts. */
class FakeApiServer {
  readonly dir = mkdtempSync(join(tmpdir(), "access-gate-"));
  readonly requests: Array<{ authorization?: string; body: any }> = [];
  private server!: Server;
  constructor(private readonly verdicts: Array<boolean | number>) {}

  async start(): Promise<{ host: string; caB64: string; credential: { command: string; args: string[] } }> {
    const openssl = (args: string[]) => execFileSync("openssl", args, { cwd: this.dir, stdio: "pipe" });
    openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
      "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]);
    const cert = readFileSync(join(this.dir, "cert.pem"));
    this.server = createServer({ key: readFileSync(join(this.dir, "key.pem")), cert }, (req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        this.requests.push({ authorization: req.headers.authorization, body: JSON.parse(body) });
        const verdict = this.verdicts[Math.min(this.requests.length - 1, this.verdicts.length - 1)];
        if (typeof verdict === "number") {
          res.writeHead(verdict).end();
          return;
        }
        res.writeHead(201, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ kind: "SelfSubjectAccessReview", status: { allowed: verdict, ...(verdict ? {} : { reason: "Azure RBAC: no role assignment yet" }) } }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const fakeKubelogin = join(this.dir, "kubelogin.js");
    writeFileSync(fakeKubelogin, 'process.stdout.write(JSON.stringify({ kind: "ExecCredential", status: { token: "token-" + process.argv[2] } }));\n');
    return {
      host: `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`,
      caB64: cert.toString("base64"),
      credential: { command: process.execPath, args: [fakeKubelogin, "deployer"] },
    };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs the gate's script as Terraform's local-exec does (`node -e <command>` with the environment). */
function runGate(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", WAIT_FOR_CLUSTER_ACCESS_SCRIPT], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("close", (code) => resolve({ code, out }));
  });
}

// Fractions of a second keep the file fast; the script takes any number (the construct writes whole seconds).
const gateEnv = (endpoint: Awaited<ReturnType<FakeApiServer["start"]>>, timeout = 20) => ({
  KFA_HOST: endpoint.host,
  KFA_CA_B64: endpoint.caB64,
  KFA_CREDENTIAL_COMMAND: endpoint.credential.command,
  KFA_CREDENTIAL_ARGS: JSON.stringify(endpoint.credential.args),
  KFA_TIMEOUT_SECONDS: String(timeout),
  KFA_POLL_SECONDS: "0.2",
});

describe("the access check against an API server (issue 11 item 4)", () => {
  test("waits while Azure RBAC denies (and while the server errs), passes once allowed", async () => {
    const server = new FakeApiServer([false, 500, false, true]);
    const endpoint = await server.start();
    try {
      const { code, out } = await runGate(gateEnv(endpoint));
      expect(code).toBe(0);
      expect(out).toMatch(/not yet \(denied: Azure RBAC: no role assignment yet\), attempt 1, next in 0.2 s/);
      expect(out).toMatch(/not yet \(HTTP 500\), attempt 2/);
      expect(out).toMatch(/allowed to create namespaces \(attempt 4\)/);
      expect(server.requests).toHaveLength(4);
      expect(server.requests[0]).toEqual({
        authorization: "Bearer token-deployer",
        body: { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb: "create", resource: "namespaces" } } },
      });
    } finally {
      await server.stop();
    }
  }, 30_000);

  test("fails with the way out when access never comes", async () => {
    const server = new FakeApiServer([false]);
    const endpoint = await server.start();
    try {
      const { code, out } = await runGate(gateEnv(endpoint, 0.5));
      expect(code).toBe(1);
      expect(out).toMatch(/still not allowed to create namespaces after 0.5 s \(denied: .*\)\. The deploying identity needs "Azure Kubernetes Service RBAC Cluster Admin"/);
    } finally {
      await server.stop();
    }
  }, 30_000);

  test("trusts only the cluster's CA: another CA never counts as allowed", async () => {
    const server = new FakeApiServer([true]);
    const endpoint = await server.start();
    const other = new FakeApiServer([true]);
    const otherEndpoint = await other.start();
    try {
      const { code, out } = await runGate({ ...gateEnv(endpoint, 0.5), KFA_CA_B64: otherEndpoint.caB64 });
      expect(code).toBe(1);
      // The TLS error is the reason, in a "not yet" line or (on a slow machine) the final one.
      expect(out).toMatch(/\((self.signed certificate|unable to verify|certificate)[^)]*\)/i);
      expect(out).not.toMatch(/allowed to create namespaces \(attempt/);
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.stop();
      await other.stop();
    }
  }, 30_000);

  test("Terraform runs the synthesized gate: `terraform apply` of the workload stack's terraform_data", async () => {
    const server = new FakeApiServer([false, true]);
    const endpoint = await server.start();
    const dir = mkdtempSync(join(tmpdir(), "tf-gate-"));
    try {
      const { gate } = gateOf(synthConfig(environments.dev).stack("dev-workload"));
      const localExec = gate.provisioner[0]["local-exec"];
      // The cluster's values come from remote state and kubelogin; here from the fake API server.
      const resource = {
        ...gate,
        triggers_replace: { host: endpoint.host, deployer: "deployer" },
        provisioner: [{ "local-exec": { ...localExec, environment: { ...localExec.environment, ...gateEnv(endpoint) } } }],
      };
      writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ resource: { terraform_data: { gate: resource } } }));
      const env = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
      const run = (args: string[]) =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const child = spawn("terraform", args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
          let out = "";
          child.stdout.on("data", (c) => (out += c));
          child.stderr.on("data", (c) => (out += c));
          child.on("close", (code) => resolve({ code, out }));
        });
      expect((await run(["init", "-input=false", "-no-color"])).code).toBe(0);
      const apply = await run(["apply", "-auto-approve", "-input=false", "-no-color"]);
      expect(apply.out).toMatch(/cluster access: allowed to create namespaces \(attempt 2\)/);
      expect(apply.code).toBe(0);
      // A second apply with the same deployer does not check again.
      const again = await run(["apply", "-auto-approve", "-input=false", "-no-color"]);
      expect(again.code).toBe(0);
      expect(server.requests).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await server.stop();
    }
  }, 120_000);
});
