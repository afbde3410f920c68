import { Testing } from "cdktf";
import { environmentConfig } from "../../config";
import { WorkloadConfig } from "../../config/environment";
import { ACR_TOKEN_USERNAME } from "../../stacks/docker-registry-auth";
import { ClusterEndpoint } from "../../constructs/aks-cluster/cluster-endpoint";
import { WorkloadStack } from "../../stacks/workload-stack";
import { synthEnvironment } from "../support/synth-app";

// Issue 11 item 2: `az acr login` leaves an identity token with an empty password in
// ~/.docker/config.json, and the docker provider (3.6.2) copies only user name and password from
// that file: every push would get a 401. The workload stack signs in with an Entra ID token the
// provider reads from DOCKER_REGISTRY_PASS, under ACR's fixed token user name.

function dockerProvider(workload: WorkloadConfig): any {
  const stack = new WorkloadStack(Testing.app(), "dev-workload", {
    location: "westeurope",
    workload,
    loginServer: "example.azurecr.io",
    registryId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr",
    cluster: ClusterEndpoint.fromAttributes({ host: "https://aks.example", clusterCaCertificate: "Y2E=", oidcIssuerUrl: "https://issuer.example/" }),
  });
  return JSON.parse(Testing.synth(stack, true)).provider.docker;
}

const dev = () => environmentConfig("dev").workload;

describe("docker provider credentials (Entra ID, no admin user)", () => {
  test.each(["dev", "prod"])("%s: one registry_auth block for the registry stack's login server, ACR's token user name, no password", (env) => {
    const [docker] = synthEnvironment(env).stack(`${env}-workload`).provider!.docker;
    expect(docker.registry_auth).toHaveLength(1);
    const [auth] = docker.registry_auth;
    expect(auth.address).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-[a-z]+-registry\.outputs\..*login_server\}$/);
    expect(auth.username).toBe("00000000-0000-0000-0000-000000000000");
    // Exactly these keys: a password would be a secret in code; config_file(_content) would bring back the
    // identity-token file; with a user name set, the provider never reads ~/.docker/config.json.
    expect(Object.keys(auth).sort()).toEqual(["address", "username"]);
  });

  test("the user name is ACR's documented token user, not an account", () => {
    expect(ACR_TOKEN_USERNAME).toBe("00000000-0000-0000-0000-000000000000");
  });

  test("no secret reaches the JSON: no password, token or config file content anywhere in the provider blocks", () => {
    const raw = JSON.stringify(synthEnvironment("dev").stack("dev-workload").provider);
    expect(raw).not.toMatch(/"(password|config_file|config_file_content|identitytoken|auth)"\s*:/i);
  });

  test("docker-build: the provider checks for the Docker daemon that builds the image", () => {
    const [docker] = dockerProvider(dev());
    expect(docker.disable_docker_daemon_check).toBeUndefined();
  });

  test.each<[string, WorkloadConfig["functionApp"]["image"]]>([
    ["acr-task", { source: "acr-task", contextPath: "https://github.com/org/repo.git#main:function-app" }],
    ["reference", { source: "reference", reference: `example.azurecr.io/keda-func:1.2.3@sha256:${"c".repeat(64)}` }],
  ])("%s: no Docker daemon is needed where Terraform runs (Terraform Cloud), so the provider does not ping one", (_name, image) => {
    const [docker] = dockerProvider({ ...dev(), functionApp: { ...dev().functionApp, image } });
    expect(docker.disable_docker_daemon_check).toBe(true);
    expect(docker.registry_auth[0]).toEqual({ address: "example.azurecr.io", username: ACR_TOKEN_USERNAME });
  });
});
