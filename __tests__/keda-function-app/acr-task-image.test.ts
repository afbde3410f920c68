import { Testing } from "cdktf";
import { ImageSource } from "../../constructs/keda-function-app/image-source";

// The ACR Task image source, bound on its own: the task ACR runs is what builds the image, so
// each field of its docker step is behaviour (what gets built, from where, how it is pushed).
function taskOf(options: Partial<Parameters<typeof ImageSource.fromAcrTask>[0]> = {}) {
  const json = JSON.parse(
    Testing.synthScope((scope) => {
      ImageSource.fromAcrTask({
        directory: "__tests__/fixtures/all-triggers-app",
        registryId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr",
        loginServer: "acr.example.io",
        repository: "demo",
        contextPath: "https://github.com/org/repo.git#main:function-app",
        contextAccessToken: "${var.git_token}",
        ...options,
      }).bind(scope);
    }),
  );
  return Object.values(json.resource.azurerm_container_registry_task)[0] as any;
}

test("defaults: Dockerfile at the context root, linux/amd64, pushed, no layer cache", () => {
  const task = taskOf();
  expect(task.name).toBe("build-demo");
  expect(task.container_registry_id).toBe("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr");
  expect(task.platform).toEqual({ os: "linux", architecture: "amd64" });
  expect(task.docker_step).toMatchObject({
    context_path: "https://github.com/org/repo.git#main:function-app",
    context_access_token: "${var.git_token}",
    dockerfile_path: "Dockerfile",
    push_enabled: true,
    cache_enabled: false,
  });
  expect(task.docker_step.image_names).toEqual([expect.stringMatching(/^demo:[0-9a-f]{16}$/)]);
});

test("an explicit Dockerfile path and platform reach the task", () => {
  const task = taskOf({ dockerfilePath: "docker/Dockerfile.prod", platform: "linux/arm64" });
  expect(task.docker_step.dockerfile_path).toBe("docker/Dockerfile.prod");
  expect(task.platform).toEqual({ os: "linux", architecture: "arm64" });
});
