import { App, DataTerraformRemoteStateLocal, Testing, TerraformStack } from "cdktf";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { AksCluster, ClusterEndpoint, KUBELOGIN_MODES } from "../../constructs/aks-cluster";
import { AKS_AAD_SERVER_ID } from "../../constructs/aks-cluster/kubelogin";

const attributes = { host: "https://aks.example:443", clusterCaCertificate: "Y2E=", oidcIssuerUrl: "https://issuer.example/" };
const exec = (mode: string) => ({
  apiVersion: "client.authentication.k8s.io/v1beta1",
  command: "kubelogin",
  args: ["get-token", "--login", mode, "--server-id", AKS_AAD_SERVER_ID],
});

describe("ClusterEndpoint.fromAttributes", () => {
  const endpoint = ClusterEndpoint.fromAttributes(attributes);

  test("keeps the attributes; KEDA's operator defaults to the AKS add-on's service account", () => {
    expect(endpoint).toMatchObject({ ...attributes, kedaOperatorServiceAccount: { namespace: "kube-system", name: "keda-operator" } });
  });

  test("a Helm-installed KEDA's service account is passed through", () => {
    const helm = ClusterEndpoint.fromAttributes({ ...attributes, kedaOperatorServiceAccount: { namespace: "keda", name: "keda-operator" } });
    expect(helm.kedaOperatorServiceAccount).toEqual({ namespace: "keda", name: "keda-operator" });
  });

  test.each(KUBELOGIN_MODES)("kubelogin %s: one exec block for every client", (mode) => {
    expect(endpoint.kubeloginExec(mode)).toEqual(exec(mode));
    expect(endpoint.helmConnection(mode).exec).toEqual(exec(mode));
    expect(endpoint.kubernetesProviderConfig(mode).exec).toEqual([exec(mode)]);
  });

  test("the providers get the CA decoded by Terraform, not by us (it may be a token)", () => {
    const stack = new TerraformStack(Testing.app(), "consumer");
    new KubernetesProvider(stack, "kubernetes", endpoint.kubernetesProviderConfig("spn"));
    new HelmProvider(stack, "helm", { kubernetes: endpoint.helmConnection("spn") });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.provider.kubernetes[0]).toMatchObject({ host: attributes.host, cluster_ca_certificate: '${base64decode("Y2E=")}' });
    expect(json.provider.kubernetes[0].exec).toEqual([{ api_version: "client.authentication.k8s.io/v1beta1", command: "kubelogin", args: exec("spn").args }]);
    expect(json.provider.helm[0].kubernetes).toMatchObject({ host: attributes.host, cluster_ca_certificate: '${base64decode("Y2E=")}' });
  });
});

test("from another configuration's state: the outputs stay Terraform expressions", () => {
  const stack = new TerraformStack(Testing.app(), "consumer");
  const state = new DataTerraformRemoteStateLocal(stack, "cluster", { path: "../cluster/terraform.tfstate" });
  const endpoint = ClusterEndpoint.fromAttributes({
    host: state.getString("host"),
    clusterCaCertificate: state.getString("cluster_ca_certificate"),
    oidcIssuerUrl: state.getString("oidc_issuer_url"),
  });
  new KubernetesProvider(stack, "kubernetes", endpoint.kubernetesProviderConfig("workloadidentity"));
  const [kubernetes] = JSON.parse(Testing.synth(stack)).provider.kubernetes;
  expect(kubernetes.host).toBe("${data.terraform_remote_state.cluster.outputs.host}");
  expect(kubernetes.cluster_ca_certificate).toBe("${base64decode(data.terraform_remote_state.cluster.outputs.cluster_ca_certificate)}");
});

describe("AksCluster.endpoint across stacks", () => {
  // A cluster in one stack, a provider in another: cdktf turns the endpoint's tokens into outputs
  // of the cluster stack and remote-state reads in the consumer, and records the dependency.
  const outdir = mkdtempSync(join(tmpdir(), "endpoint-"));
  const app = new App({ outdir });
  const clusterStack = new TerraformStack(app, "cluster");
  new AzurermProvider(clusterStack, "azurerm", { features: [{}] });
  const aks = new AksCluster(clusterStack, "aks", { keda: { addOn: false, helm: { enabled: true, namespace: "autoscaling" } } });
  const consumer = new TerraformStack(app, "consumer");
  new KubernetesProvider(consumer, "kubernetes", aks.endpoint.kubernetesProviderConfig("azurecli"));
  app.synth();
  const read = (stack: string) => JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));

  test("the consumer reads host and CA from the cluster stack's state", () => {
    const [kubernetes] = read("consumer").provider.kubernetes;
    expect(kubernetes.host).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-cluster\.outputs\.cross-stack-output-azurerm_kubernetes_cluster/);
    expect(kubernetes.cluster_ca_certificate).toMatch(/^\$\{base64decode\(data\.terraform_remote_state\.cross-stack-reference-input-cluster\./);
    expect(manifest.stacks.consumer.dependencies).toEqual(["cluster"]);
  });

  test("KEDA's operator account follows where KEDA comes from", () => {
    expect(aks.endpoint.kedaOperatorServiceAccount).toEqual({ namespace: "autoscaling", name: "keda-operator" });
    expect(aks.endpoint.oidcIssuerUrl).toBe(aks.oidcIssuerUrl);
  });
});
