import { App, Aspects, LocalBackend, TerraformStack } from "cdktf";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import {
  PolicyPack,
  ProjectPolicy,
  applyPolicy,
  resourceRule,
  suppressPolicy,
} from "../../constructs/policy";
import { acrAdminDisabled } from "../../constructs/policy/rules/azure/ckv-azure-137-acr-admin-disabled";
import { acrPublicNetworkDisabled } from "../../constructs/policy/rules/azure/ckv-azure-139-acr-public-network";

/** A stack holding one Standard registry (public network access on: a CKV_AZURE_139 finding). */
function registryStack(app: App, id: string, config: { adminEnabled: boolean }) {
  const stack = new TerraformStack(app, id);
  new LocalBackend(stack, { path: `${id}.tfstate` });
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  const registry = new ContainerRegistry(stack, "registry", {
    name: "acrexample",
    resourceGroupName: "rg",
    location: "westeurope",
    sku: "Standard",
    adminEnabled: config.adminEnabled,
  });
  return { stack, registry };
}

function registryApp(config: { adminEnabled: boolean }) {
  const outdir = mkdtempSync(join(tmpdir(), "policy-pack-"));
  const app = new App({ outdir });
  return { app, outdir, ...registryStack(app, "library-user", config) };
}

/** Every file and folder under `outdir`. `new App` itself creates the empty `stacks` folder. */
function written(outdir: string): string[] {
  return (readdirSync(outdir, { recursive: true }) as string[]).sort();
}

const ADMIN_FINDING =
  "[CKV_AZURE_137] Container registry has the admin user disabled: admin_enabled is true. Fix: set admin_enabled = false; pull with the kubelet identity (AcrPull)";

function annotations(outdir: string, stack: string): Array<{ level: string; message: string; constructPath: string }> {
  return JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")).stacks[stack].annotations;
}

describe("PolicyPack aspect", () => {
  test("a non-compliant error rule fails synth with the construct path, rule ID, finding and fix, before anything is written", () => {
    const { app, outdir } = registryApp({ adminEnabled: true });
    applyPolicy(app, new PolicyPack({ rules: [acrAdminDisabled] }));
    expect(() => app.synth()).toThrow(
      new Error(`Policy check failed: 1 finding in 1 stack (nothing was written)\n  - library-user/registry: ${ADMIN_FINDING}`),
    );
    expect(written(outdir)).toEqual(["stacks"]);
  });

  test("error findings of every stack fail synth in one Error, sorted by path, and no stack is written", () => {
    const outdir = mkdtempSync(join(tmpdir(), "policy-pack-"));
    const app = new App({ outdir });
    // Synthesized first, sorted last: the message does not follow synth order.
    registryStack(app, "b-stack", { adminEnabled: true });
    registryStack(app, "a-stack", { adminEnabled: true });
    registryStack(app, "compliant", { adminEnabled: false });
    const pack = new PolicyPack({ rules: [acrAdminDisabled] });
    applyPolicy(app, pack);
    expect(() => app.synth()).toThrow(
      new Error(
        [
          "Policy check failed: 2 findings in 2 stacks (nothing was written)",
          `  - a-stack/registry: ${ADMIN_FINDING}`,
          `  - b-stack/registry: ${ADMIN_FINDING}`,
        ].join("\n"),
      ),
    );
    expect(written(outdir)).toEqual(["stacks"]);
    expect(existsSync(join(outdir, "manifest.json"))).toBe(false);
    // The results of every stack stay readable after the failure.
    expect(pack.results.map((r) => `${r.path}:${r.outcome.status}`)).toEqual([
      "b-stack/registry:non-compliant",
      "a-stack/registry:non-compliant",
      "compliant/registry:compliant",
    ]);
  });

  test("a suppressed error in one stack does not hide the error of another", () => {
    const outdir = mkdtempSync(join(tmpdir(), "policy-pack-"));
    const app = new App({ outdir });
    const accepted = registryStack(app, "accepted", { adminEnabled: true });
    suppressPolicy(accepted.registry, "CKV_AZURE_137", "Legacy CI pushes with the admin user until it moves to OIDC.");
    registryStack(app, "rejected", { adminEnabled: true });
    applyPolicy(app, new PolicyPack({ rules: [acrAdminDisabled] }));
    expect(() => app.synth()).toThrow(
      new Error(`Policy check failed: 1 finding in 1 stack (nothing was written)\n  - rejected/registry: ${ADMIN_FINDING}`),
    );
  });

  test("warnings in every stack annotate their construct and do not fail synth", () => {
    const outdir = mkdtempSync(join(tmpdir(), "policy-pack-"));
    const app = new App({ outdir });
    registryStack(app, "first", { adminEnabled: false });
    registryStack(app, "second", { adminEnabled: true });
    applyPolicy(app, new PolicyPack({ rules: [acrAdminDisabled, acrPublicNetworkDisabled], levels: { CKV_AZURE_137: "warning" } }));
    expect(() => app.synth()).not.toThrow();
    const warnings = (stack: string) => annotations(outdir, stack).map((a) => `${a.level} ${a.constructPath} ${a.message.slice(0, 15)}`);
    expect(warnings("first")).toEqual(["@cdktf/warn first/registry [CKV_AZURE_139]"]);
    expect(warnings("second")).toEqual(["@cdktf/warn second/registry [CKV_AZURE_137]", "@cdktf/warn second/registry [CKV_AZURE_139]"]);
    expect(existsSync(join(outdir, "stacks", "second", "cdk.tf.json"))).toBe(true);
  });

  describe("each stack's Terraform JSON is resolved once per synth", () => {
    let calls: string[];
    beforeEach(() => {
      calls = [];
      const original = TerraformStack.prototype.toTerraform;
      jest.spyOn(TerraformStack.prototype, "toTerraform").mockImplementation(function (this: TerraformStack) {
        calls.push(this.node.path);
        return original.call(this);
      });
    });
    afterEach(() => jest.restoreAllMocks());
    const perStack = () => Object.fromEntries(["a", "b"].map((id) => [id, calls.filter((c) => c === id).length]));

    test("a failing synth resolves each stack once, for the policy", () => {
      const app = new App({ outdir: mkdtempSync(join(tmpdir(), "policy-pack-")) });
      registryStack(app, "a", { adminEnabled: true });
      registryStack(app, "b", { adminEnabled: true });
      applyPolicy(app, new PolicyPack({ rules: [acrAdminDisabled] }));
      expect(() => app.synth()).toThrow("2 findings in 2 stacks");
      expect(perStack()).toEqual({ a: 1, b: 1 });
    });

    test("a passing synth resolves each stack twice: once for the policy, once for the file cdktf writes", () => {
      const app = new App({ outdir: mkdtempSync(join(tmpdir(), "policy-pack-")) });
      registryStack(app, "a", { adminEnabled: false });
      const b = registryStack(app, "b", { adminEnabled: false });
      const pack = new PolicyPack({ rules: [acrAdminDisabled] });
      applyPolicy(app, pack);
      app.synth();
      expect(perStack()).toEqual({ a: 2, b: 2 });
      // A second synth of the same app evaluates again and sees what changed in between.
      new ContainerRegistry(b.stack, "added", { name: "acradded", resourceGroupName: "rg", location: "westeurope", sku: "Standard", adminEnabled: true });
      expect(() => app.synth()).toThrow(`  - b/added: ${ADMIN_FINDING}`);
      expect(perStack()).toEqual({ a: 3, b: 3 });
    });
  });

  test("a warning rule annotates but synth succeeds", () => {
    const { app, outdir } = registryApp({ adminEnabled: false });
    const pack = new PolicyPack({ rules: [acrAdminDisabled, acrPublicNetworkDisabled] });
    applyPolicy(app, pack);
    app.synth();
    expect(annotations(outdir, "library-user")).toEqual([
      expect.objectContaining({ level: "@cdktf/warn", constructPath: "library-user/registry", message: expect.stringContaining("[CKV_AZURE_139]") }),
    ]);
    expect(existsSync(join(outdir, "stacks", "library-user", "cdk.tf.json"))).toBe(true);
  });

  test("reports compliant, non-compliant and not-applicable outcomes", () => {
    const { app } = registryApp({ adminEnabled: false });
    const pack = new PolicyPack({ rules: [acrAdminDisabled, acrPublicNetworkDisabled] });
    applyPolicy(app, pack);
    app.synth();
    const byRule = (id: string) => pack.results.filter((r) => r.ruleId === id).map((r) => `${r.resourceType}:${r.outcome.status}`);
    expect(byRule("CKV_AZURE_137")).toEqual(["azurerm_container_registry:compliant"]);
    expect(byRule("CKV_AZURE_139")).toEqual(["azurerm_container_registry:non-compliant"]);
    const other = resourceRule(
      { id: "X", source: "project", level: "error", description: "d", fix: "f", resourceTypes: ["azurerm_storage_account"] },
      () => "never",
    );
    const pack2 = new PolicyPack({ rules: [other] });
    const second = registryApp({ adminEnabled: false });
    applyPolicy(second.app, pack2);
    second.app.synth();
    expect(pack2.results.map((r) => r.outcome.status)).toEqual(["not-applicable"]);
  });

  test("a suppression with a reason on the construct turns the error into an accepted finding", () => {
    const { app, registry } = registryApp({ adminEnabled: true });
    suppressPolicy(registry, "CKV_AZURE_137", "Legacy CI pushes with the admin user until it moves to OIDC.");
    const pack = new PolicyPack({ rules: [acrAdminDisabled] });
    applyPolicy(app, pack);
    expect(() => app.synth()).not.toThrow();
    expect(pack.results[0].suppressedBecause).toBe("Legacy CI pushes with the admin user until it moves to OIDC.");
  });

  test("a suppression holds for its own rule only, and only on its construct and what is under it", () => {
    const { app, stack, registry } = registryApp({ adminEnabled: true });
    suppressPolicy(registry, "CKV_AZURE_139", "The registry is reached over the internet until the private endpoint lands.");
    // Other metadata on the construct is not a suppression.
    registry.node.addMetadata("note", { id: "CKV_AZURE_137", reason: "not a suppression, only metadata" });
    const other = new ContainerRegistry(stack, "other", { name: "acrother", resourceGroupName: "rg", location: "westeurope", sku: "Standard", adminEnabled: false });
    const pack = new PolicyPack({ rules: [acrAdminDisabled, acrPublicNetworkDisabled], levels: { CKV_AZURE_139: "warning" } });
    applyPolicy(app, pack);
    expect(() => app.synth()).toThrow(ADMIN_FINDING);
    const byPathAndRule = (path: string, id: string) => pack.results.find((r) => r.path === path && r.ruleId === id)!;
    expect(byPathAndRule("library-user/registry", "CKV_AZURE_139").suppressedBecause).toBe("The registry is reached over the internet until the private endpoint lands.");
    expect(byPathAndRule("library-user/registry", "CKV_AZURE_137").suppressedBecause).toBeUndefined();
    expect(byPathAndRule(other.node.path, "CKV_AZURE_139").suppressedBecause).toBeUndefined();
  });

  test("applyPolicy adds the pack to the stacks only, not to every construct", () => {
    const { app, stack, registry } = registryApp({ adminEnabled: false });
    const pack = new PolicyPack({ rules: [acrAdminDisabled] });
    applyPolicy(app, pack);
    expect(Aspects.of(stack).all).toContain(pack);
    expect(Aspects.of(registry).all).not.toContain(pack);
    expect(Aspects.of(app).all).not.toContain(pack);
  });

  test.each([
    ["", '""'],
    ["because", '"because"'],
  ])("a suppression without a real reason (%j) is rejected", (reason, shown) => {
    const { registry } = registryApp({ adminEnabled: true });
    expect(() => suppressPolicy(registry, "CKV_AZURE_137", reason)).toThrow(
      `Policy suppression of CKV_AZURE_137 needs a reason of at least 10 characters (got ${shown}): say why the rule does not apply.`,
    );
    expect(() => new PolicyPack({ rules: [], suppressions: [{ id: "CKV_AZURE_137", reason }] })).toThrow("needs a reason");
  });

  test("cdktf never visits an Aspect added to the App alone: that is why applyPolicy adds it to each stack", () => {
    const { app } = registryApp({ adminEnabled: true });
    const pack = new PolicyPack({ rules: [acrAdminDisabled] });
    Aspects.of(app).add(pack);
    expect(() => app.synth()).not.toThrow();
    expect(pack.results).toEqual([]);
  });

  test("ProjectPolicy can be applied to a library user's own stack", () => {
    const { app } = registryApp({ adminEnabled: false });
    applyPolicy(app, new ProjectPolicy());
    expect(() => app.synth()).toThrow(
      "\n  - library-user/registry: [PRJ_ACR_PREVENT_DESTROY] Container registry cannot be destroyed by a plan: lifecycle.prevent_destroy is not true. Fix: set lifecycle.prevent_destroy = true",
    );
  });
});
