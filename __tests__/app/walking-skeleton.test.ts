import { environmentConfig, environments } from "../../config";
import { manifestsOf, resourcesOf, synthEnvironment } from "../support/synth-app";

const dev = synthEnvironment("dev");

describe("the three stacks of the default environment", () => {
  test("are named in deploy order and depend on each other in manifest.json", () => {
    const { stacks } = dev.manifest;
    expect(Object.keys(stacks).sort()).toEqual(["dev-cluster", "dev-registry", "dev-workload"]);
    expect(stacks["dev-registry"].dependencies).toEqual([]);
    expect(stacks["dev-cluster"].dependencies).toEqual(["dev-registry"]);
    expect([...stacks["dev-workload"].dependencies].sort()).toEqual(["dev-cluster", "dev-registry"]);
  });

  test("keep the synth machine's absolute paths out of the JSON", () => {
    for (const name of Object.keys(dev.manifest.stacks)) {
      expect(dev.raw(name)).not.toContain(process.cwd());
      expect(dev.raw(name)).not.toContain(dev.outdir);
    }
  });
});

describe("registry stack", () => {
  const registry = dev.stack("dev-registry");
  const [acr] = resourcesOf(registry, "azurerm_container_registry");

  test("creates the registry with the admin user disabled and protected from destroy", () => {
    expect(acr).toMatchObject({
      name: environments.dev.registry.name,
      sku: environments.dev.registry.sku,
      admin_enabled: false,
      lifecycle: { prevent_destroy: true },
    });
  });

  test("outputs the registry id and login server", () => {
    expect(registry.output?.registry_id.value).toMatch(/^\$\{azurerm_container_registry\.[^.]+\.id\}$/);
    expect(registry.output?.login_server.value).toMatch(/^\$\{azurerm_container_registry\.[^.]+\.login_server\}$/);
  });
});

describe("cluster stack", () => {
  const cluster = dev.stack("dev-cluster");
  const [aks] = resourcesOf(cluster, "azurerm_kubernetes_cluster");

  test("runs KEDA as the AKS add-on with workload identity and a system-assigned identity", () => {
    expect(aks.workload_autoscaler_profile).toMatchObject({ keda_enabled: true });
    expect(aks.oidc_issuer_enabled).toBe(true);
    expect(aks.workload_identity_enabled).toBe(true);
    expect(aks.identity).toMatchObject({ type: "SystemAssigned" });
  });

  test("sizes the default node pool from config (1 node in dev)", () => {
    const pool = aks.default_node_pool;
    const count = pool.node_count ?? pool.min_count;
    expect(count).toBe(environmentConfig("dev").cluster.systemNodePool?.nodeCount);
    expect(count).toBe(1);
  });

  test("lets the kubelet identity pull from the registry of the registry stack", () => {
    const acrPull = resourcesOf(cluster, "azurerm_role_assignment").find((r) => r.role_definition_name === "AcrPull");
    expect(acrPull).toBeDefined();
    expect(acrPull!.principal_id).toMatch(/kubelet_identity\[0\]\.object_id|kubelet_identity\.0\.object_id/);
    // The scope is the registry id, read from the registry stack's state.
    expect(acrPull!.scope).toMatch(/terraform_remote_state\.cross-stack-reference-input-dev-registry/);
  });
});

describe("workload stack", () => {
  const workload = dev.stack("dev-workload");
  const objects = manifestsOf(workload);
  const kinds = objects.map((o) => `${o.kind}/${o.metadata.name}`);

  test("configures kubernetes and helm from the cluster stack and docker from the registry stack", () => {
    const [kubernetes] = workload.provider!.kubernetes;
    expect(kubernetes.host).toMatch(/cross-stack-reference-input-dev-cluster/);
    expect(kubernetes.cluster_ca_certificate).toMatch(/base64decode/);
    expect(kubernetes.exec[0].command).toBe("kubelogin");
    const [helm] = workload.provider!.helm;
    expect(helm.kubernetes.host).toBe(kubernetes.host);
    const [docker] = workload.provider!.docker;
    expect(docker.registry_auth[0].address).toMatch(/cross-stack-reference-input-dev-registry/);
    expect(JSON.stringify(workload.provider)).not.toMatch(/"(password|client_key|client_secret|token)"/i);
  });

  test("builds the function app image with a content-hash tag, never latest, and pushes it", () => {
    const [image] = resourcesOf(workload, "docker_image");
    const [push] = resourcesOf(workload, "docker_registry_image");
    expect(image.name).toMatch(/\/keda-func:[0-9a-f]{16}$/);
    expect(image.name).not.toMatch(/:latest$/);
    expect(image.build.context).toMatch(/^assets\/[^/]+\/[0-9a-f]{64}$/);
    expect(push.name).toMatch(/docker_image\./);
  });

  test("deploys the HTTP functions behind a Service and the queue worker behind a KEDA ScaledObject", () => {
    expect(kinds).toEqual(
      expect.arrayContaining([
        "Deployment/keda-func-http",
        "Service/keda-func-http",
        "Deployment/keda-func",
        "ScaledObject/keda-func",
      ]),
    );
    const scaledObject = objects.find((o) => o.kind === "ScaledObject")!;
    expect(scaledObject.apiVersion).toBe("keda.sh/v1alpha1");
    expect(scaledObject.spec.scaleTargetRef.name).toBe("keda-func");
    const queue = scaledObject.spec.triggers.find((t: any) => t.type === "azure-queue");
    expect(queue.metadata.queueName).toBe("jobs");
  });

  test("pins the pods to the pushed image digest", () => {
    const deployments = objects.filter((o) => o.kind === "Deployment");
    for (const deployment of deployments) {
      expect(deployment.spec.template.spec.containers[0].image).toMatch(
        /keda-func:[0-9a-f]{16}@\$\{docker_registry_image\.[^.]+\.sha256_digest\}$/,
      );
    }
  });
});

// Determinism (two synths byte-identical, from any folder and time zone): reliability/determinism.test.ts.

describe("snapshots (change detectors)", () => {
  test.each(["dev-registry", "dev-cluster", "dev-workload"])("%s", (name) => {
    expect(dev.stack(name)).toMatchSnapshot();
  });
});
