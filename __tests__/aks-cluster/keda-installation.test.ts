import { Testing, TerraformStack } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { ClusterEndpoint, KedaInstallation, KedaInstallationProps } from "../../constructs/aks-cluster";
import { KEDACORE_CHARTS } from "../../constructs/aks-cluster/keda-installation";

const endpoint = ClusterEndpoint.fromAttributes({ host: "https://aks.example:443", clusterCaCertificate: "Y2E=", oidcIssuerUrl: "https://issuer.example/" });
const base = { endpoint, resourceGroupName: "rg-aks", location: "westeurope" };

/** A user's stack with the providers a KedaInstallation needs. */
function synth(props: Partial<KedaInstallationProps>): any {
  const stack = new TerraformStack(Testing.app(), "addons");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  new HelmProvider(stack, "helm", { kubernetes: endpoint.helmConnection("azurecli") });
  new KedaInstallation(stack, "keda", { ...base, ...props });
  return JSON.parse(Testing.synth(stack, true));
}

describe("KEDA from its chart", () => {
  const json = synth({ keda: { addOn: false, helm: { enabled: true } } });
  const releases = Object.values(json.resource.helm_release) as any[];

  test("the pinned default chart, in its own namespace, after the access gate", () => {
    expect(releases).toEqual([
      expect.objectContaining({
        repository: KEDACORE_CHARTS,
        chart: "keda",
        version: "2.20.2",
        namespace: "keda",
        atomic: true,
        depends_on: [expect.stringMatching(/^terraform_data\.keda_cluster-access_ready_[0-9A-F]{8}$/)],
      }),
    ]);
  });

  test("the operator's identity is federated with its service account on the cluster's issuer", () => {
    const [federation] = Object.values(json.resource.azurerm_federated_identity_credential) as any[];
    expect(federation).toMatchObject({
      issuer: "https://issuer.example/",
      subject: "system:serviceaccount:keda:keda-operator",
      audience: ["api://AzureADTokenExchange"],
      resource_group_name: "rg-aks",
    });
  });

  test("the access gate signs in with the chosen kubelogin mode", () => {
    const gate = synth({ keda: { addOn: false, helm: { enabled: true } }, kubeloginMode: "workloadidentity" });
    const [ready] = Object.values(gate.resource.terraform_data) as any[];
    expect(JSON.parse(ready.provisioner[0]["local-exec"].environment.KFA_CREDENTIAL_ARGS)).toContain("workloadidentity");
  });
});

test("the HTTP add-on next to the AKS add-on: no chart, no identity", () => {
  const json = synth({ keda: { httpAddOn: { enabled: true } } });
  expect((Object.values(json.resource.helm_release) as any[]).map((r) => r.chart)).toEqual(["keda-add-ons-http"]);
  expect(json.resource.azurerm_user_assigned_identity).toBeUndefined();
});

describe("bad input names the construct path, property, value and fix", () => {
  test("nothing to install", () => {
    expect(() => synth({})).toThrow(
      'KedaInstallation at "addons/keda" has 1 invalid property:\n  - keda = {"helm":{"enabled":false},"httpAddOn":{"enabled":false}}: there is nothing to install: neither the KEDA chart nor the HTTP add-on is enabled. Fix: set keda.helm.enabled (with keda.addOn false) or keda.httpAddOn.enabled to true, or leave the KedaInstallation out',
    );
  });

  test("the chart next to the AKS add-on", () => {
    expect(() => synth({ keda: { helm: { enabled: true } } })).toThrow(
      'KedaInstallation at "addons/keda" has 1 invalid property:\n  - keda.helm.enabled = true: the AKS KEDA add-on is on too',
    );
  });

  test("a chart version range", () => {
    expect(() => synth({ keda: { addOn: false, helm: { enabled: true, chartVersion: "^2" } } })).toThrow(
      `  - keda.helm.chartVersion = "^2": must pin an exact chart version MAJOR.MINOR.PATCH (no ranges, no 'latest'). Fix: use e.g. "2.20.2"`,
    );
  });
});
