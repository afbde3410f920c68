import { App, Aspects, LocalBackend, TerraformStack } from "cdktf";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
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

function registryApp(config: { adminEnabled: boolean }) {
  const outdir = mkdtempSync(join(tmpdir(), "policy-pack-"));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "library-user");
  new LocalBackend(stack, { path: "state.tfstate" });
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  const registry = new ContainerRegistry(stack, "registry", {
    name: "acrexample",
    resourceGroupName: "rg",
    location: "westeurope",
    sku: "Standard",
    adminEnabled: config.adminEnabled,
  });
  return { app, stack, registry, outdir };
}

function annotations(outdir: string, stack: string): Array<{ level: string; message: string; constructPath: string }> {
  return JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")).stacks[stack].annotations;
}

describe("PolicyPack aspect", () => {
  test("a non-compliant error rule fails synth with the rule ID, finding and fix on the construct path", () => {
    const { app, stack } = registryApp({ adminEnabled: true });
    applyPolicy(app, new PolicyPack({ rules: [acrAdminDisabled] }));
    expect(stack).toBeDefined();
    expect(() => app.synth()).toThrow(
      "[library-user/registry] [CKV_AZURE_137] Container registry has the admin user disabled: admin_enabled is true. Fix: set admin_enabled = false; pull with the kubelet identity (AcrPull)",
    );
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
      "[library-user/registry] [PRJ_ACR_PREVENT_DESTROY] Container registry cannot be destroyed by a plan: lifecycle.prevent_destroy is not true. Fix: set lifecycle.prevent_destroy = true",
    );
  });
});
