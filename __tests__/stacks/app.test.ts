import { environments } from "../../config";
import { KEDACORE_CHARTS } from "../../constructs/aks-cluster/keda-installation";
import { AKS_AAD_SERVER_ID } from "../../constructs/aks-cluster/kubelogin";
import { synthConfig, withOverrides } from "../support/platform";
import { resourcesOf } from "../support/synth-app";

const dev = environments.dev;

describe("default wiring (KEDA add-on)", () => {
  const app = synthConfig(dev);
  test("three stacks; manifest.json records registry → cluster → workload", () => {
    const { stacks } = app.manifest;
    expect(Object.keys(stacks).sort()).toEqual(["dev-cluster", "dev-registry", "dev-workload"]);
    expect(stacks["dev-cluster"].dependencies).toEqual(["dev-registry"]);
    expect([...stacks["dev-workload"].dependencies].sort()).toEqual(["dev-cluster", "dev-registry"]);
  });

  test("the workload trusts the add-on's KEDA operator in kube-system", () => {
    const subjects = resourcesOf(app.stack("dev-workload"), "azurerm_federated_identity_credential").map((f) => f.subject);
    expect(subjects).toContain("system:serviceaccount:kube-system:keda-operator");
  });
});

describe("Helm KEDA and the HTTP add-on", () => {
  const config = withOverrides(dev, {
    cluster: { keda: { addOn: false, helm: { enabled: true }, httpAddOn: { enabled: true } } },
  });
  const app = synthConfig(config);
  const addons = app.stack("dev-addons");
  const releases = addons.resource!.helm_release;

  test("live in a dev-addons stack that the workload stack depends on", () => {
    const { stacks } = app.manifest;
    expect(Object.keys(stacks).sort()).toEqual(["dev-addons", "dev-cluster", "dev-registry", "dev-workload"]);
    expect(stacks["dev-addons"].dependencies).toEqual(["dev-cluster"]);
    expect([...stacks["dev-workload"].dependencies].sort()).toEqual(["dev-addons", "dev-cluster", "dev-registry"]);
  });

  test("install pinned charts from the kedacore repository", () => {
    expect(releases.keda).toMatchObject({
      repository: KEDACORE_CHARTS,
      chart: "keda",
      version: "2.20.2",
      namespace: "keda",
      create_namespace: true,
      atomic: true,
    });
    expect(releases["keda-http-add-on"]).toMatchObject({
      repository: KEDACORE_CHARTS,
      chart: "keda-add-ons-http",
      version: "0.15.0",
      depends_on: ["helm_release.keda"],
    });
  });

  test("give KEDA's operator a workload identity federated with its service account", () => {
    expect(releases.keda.values[0]).toBe(
      "${yamlencode({\"podIdentity\" = {\"azureWorkload\" = {\"enabled\" = true, \"clientId\" = azurerm_user_assigned_identity.keda-operator-identity.client_id, \"tenantId\" = azurerm_user_assigned_identity.keda-operator-identity.tenant_id}}})}",
    );
    const [federation] = resourcesOf(addons, "azurerm_federated_identity_credential");
    expect(federation).toMatchObject({
      subject: "system:serviceaccount:keda:keda-operator",
      audience: ["api://AzureADTokenExchange"],
      parent_id: "${azurerm_user_assigned_identity.keda-operator-identity.id}",
    });
    expect(federation.issuer).toMatch(/cross-stack-reference-input-dev-cluster/);
  });

  test("sign the helm provider in with kubelogin, from the cluster stack's outputs", () => {
    const [helm] = addons.provider!.helm;
    expect(helm.kubernetes.host).toMatch(/cross-stack-reference-input-dev-cluster/);
    expect(helm.kubernetes.exec).toEqual({
      api_version: "client.authentication.k8s.io/v1beta1",
      command: "kubelogin",
      args: ["get-token", "--login", "azurecli", "--server-id", AKS_AAD_SERVER_ID],
    });
  });

  test("point the workload's KEDA federation at the chart's namespace", () => {
    const subjects = resourcesOf(app.stack("dev-workload"), "azurerm_federated_identity_credential").map((f) => f.subject);
    expect(subjects).toContain("system:serviceaccount:keda:keda-operator");
    expect(subjects).not.toContain("system:serviceaccount:kube-system:keda-operator");
  });
});

test("the HTTP add-on next to the AKS add-on needs no KEDA chart", () => {
  const app = synthConfig(withOverrides(dev, { cluster: { keda: { httpAddOn: { enabled: true } } } }));
  const releases = Object.values(app.stack("dev-addons").resource!.helm_release).map((r: any) => r.chart);
  expect(releases).toEqual(["keda-add-ons-http"]);
  expect(app.stack("dev-addons").resource!.azurerm_user_assigned_identity).toBeUndefined();
});

// dev and prod as shipped: reliability/determinism.test.ts (the README runner, two working
// folders and time zones). Here the one path they do not take: the Helm KEDA add-on stack.
test("dev with Helm KEDA: two synths are byte-identical", () => {
  const config = withOverrides(dev, { cluster: { keda: { addOn: false, helm: { enabled: true } } } });
  const first = synthConfig(config);
  const second = synthConfig(config);
  for (const name of Object.keys(first.manifest.stacks)) {
    expect(second.raw(name)).toBe(first.raw(name));
  }
});

// The accepted risks are checked where the policy is applied (addEnvironment), not by config/:
// the config layer knows nothing of the policy rules.
describe("policy exceptions", () => {
  const single = (line: string) => `EnvironmentConfig at "config/dev.ts" has 1 invalid property:\n  - ${line}`;
  const REASON = "a reason that is long enough for a reviewer to judge it";
  test.each<[string, Record<string, unknown>, string]>([
    [
      "an unknown check ID",
      { cluster: { policyExceptions: [{ ids: ["CKV_AZURE_9999"], reason: REASON }] } },
      `cluster.policyExceptions[0].ids = ["CKV_AZURE_9999"]: must list known check IDs ("CKV_AZURE_9999" is not one). Fix: use the IDs the synth warnings print, e.g. "CKV_AZURE_170"`,
    ],
    [
      "no check ID",
      { registry: { policyExceptions: [{ ids: [], reason: REASON }] } },
      `registry.policyExceptions[0].ids = []: must list known check IDs ("none listed" is not one). Fix: use the IDs the synth warnings print, e.g. "CKV_AZURE_170"`,
    ],
    [
      "a short reason",
      { cluster: { policyExceptions: [{ ids: ["CKV_AZURE_170"], reason: "cost" }] } },
      `cluster.policyExceptions[0].reason = "cost": must give a reason of at least 40 characters a reviewer can judge. Fix: say why the risk is acceptable in this environment`,
    ],
  ])("%s is an error before any stack is built", (_, patch, line) => {
    const config = withOverrides(dev as never, patch as never) as typeof dev;
    expect(() => synthConfig(config)).toThrow(single(line));
  });
});
