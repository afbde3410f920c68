import { Testing } from "cdktf";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnvironmentConfig, WorkloadConfig, environmentConfig } from "../../config";
import { environmentViolations } from "../../config/validate";
import { WorkloadStack } from "../../stacks/workload-stack";
import { synthConfig, withOverrides, DeepPartial } from "../support/platform";

const DIGEST = "sha256:" + "c".repeat(64);
const REFERENCE = `example.azurecr.io/keda-func:1.2.3@${DIGEST}`;
const REGISTRY_ID = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr";

const dev = () => environmentConfig("dev");
const devWith = (patch: DeepPartial<EnvironmentConfig>) => withOverrides(dev(), patch);
const all = (stack: any, type: string): any[] => Object.values(stack.resource?.[type] ?? {});
const deployments = (stack: any) => all(stack, "kubernetes_manifest").map((r) => r.manifest).filter((m) => m.kind === "Deployment");

/** A workload stack on its own, synthesized with validations. */
function synthWorkload(workload: WorkloadConfig): any {
  const stack = new WorkloadStack(Testing.app(), "dev-workload", {
    location: "westeurope",
    workload,
    loginServer: "example.azurecr.io",
    registryId: REGISTRY_ID,
    cluster: { host: "https://aks.example", clusterCaCertificate: "Y2E=", oidcIssuerUrl: "https://issuer.example/" },
  });
  return JSON.parse(Testing.synth(stack, true));
}

/** A function app folder with the given manifest (no Dockerfile: use with an image reference). */
function appFolder(functions: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), "workload-app-"));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "functions.manifest.json"), JSON.stringify({ functions }));
  writeFileSync(join(dir, "host.json"), JSON.stringify({ version: "2.0" }));
  return dir;
}

function workloadWith(functionApp: Partial<WorkloadConfig["functionApp"]>, rest: Partial<WorkloadConfig> = {}): WorkloadConfig {
  const base = dev().workload;
  return { ...base, ...rest, functionApp: { ...base.functionApp, ...functionApp } };
}

describe("functionApp.image", () => {
  test("default: docker-build (the local daemon builds and pushes; no ACR Task, no token variable)", () => {
    const stack = synthWorkload(dev().workload);
    expect(all(stack, "docker_image")).toHaveLength(1);
    expect(all(stack, "docker_registry_image")).toHaveLength(1);
    expect(stack.resource?.azurerm_container_registry_task).toBeUndefined();
    expect(stack.variable).toBeUndefined();
  });

  test("reference: the Deployments run exactly that image and nothing is built", () => {
    const stack = synthWorkload(workloadWith({ image: { source: "reference", reference: REFERENCE } }));
    expect(stack.resource?.docker_image).toBeUndefined();
    expect(stack.resource?.azurerm_container_registry_task).toBeUndefined();
    expect(deployments(stack).map((d) => d.spec.template.spec.containers[0].image)).toEqual([REFERENCE, REFERENCE]);
  });

  test("acr-task: the task builds contextPath in the registry with the token from a sensitive variable", () => {
    const stack = synthWorkload(workloadWith({ image: { source: "acr-task", contextPath: "https://github.com/org/repo.git#main:function-app" } }));
    expect(stack.variable.image_context_access_token).toMatchObject({ type: "string", sensitive: true, nullable: false });
    const [task] = all(stack, "azurerm_container_registry_task");
    expect(task.container_registry_id).toBe(REGISTRY_ID);
    expect(task.docker_step).toMatchObject({
      context_path: "https://github.com/org/repo.git#main:function-app",
      context_access_token: "${var.image_context_access_token}",
      dockerfile_path: "Dockerfile",
    });
    expect(all(stack, "azurerm_container_registry_task_schedule_run_now")).toHaveLength(1);
    expect(stack.resource?.docker_image).toBeUndefined();
    expect(deployments(stack)[0].spec.template.spec.containers[0].image).toMatch(/^example\.azurecr\.io\/keda-func:[0-9a-f]{16}@\$\{data\.docker_registry_image\.[^}]+\.sha256_digest\}$/);
  });

  test("acr-task through addEnvironment: the registry id crosses stacks, the token never reaches the config or the JSON", () => {
    const synth = synthConfig(devWith({ workload: { functionApp: { image: { source: "acr-task", contextPath: "https://github.com/org/repo.git#main:function-app" } } } }));
    const [task] = all(synth.stack("dev-workload"), "azurerm_container_registry_task");
    expect(task.container_registry_id).toMatch(/^\$\{data\.terraform_remote_state\..+\}$/);
    expect(synth.raw("dev-workload")).not.toMatch(/ghp_|github_pat_/);
  });

  const path = 'WorkloadStack at "dev-workload" has 1 invalid property:\n  - ';
  test.each([
    [
      "reference must pin a version",
      { image: { source: "reference", reference: "example.azurecr.io/keda-func:latest" } },
      'functionApp.image.reference = "example.azurecr.io/keda-func:latest": must name an immutable version: a tag other than latest, or a digest. Fix: pin a content-hash tag or a digest (repository@sha256:...)',
    ],
    [
      "reference grammar",
      { image: { source: "reference", reference: "Example/Keda Func" } },
      'functionApp.image.reference = "Example/Keda Func": must be an image reference: [registry/]repository[:tag][@sha256:digest] with a lowercase repository. Fix: use e.g. "myregistry.azurecr.io/app:1.2.3@sha256:<64 hex>"',
    ],
    [
      "acr-task context must be an https URL",
      { image: { source: "acr-task", contextPath: "./function-app" } },
      'functionApp.image.contextPath = "./function-app": must be an https URL ACR can fetch the build context from (Git repository or tarball). Fix: use e.g. "https://github.com/org/repo.git#main:function-app"',
    ],
  ] as const)("%s", (_rule, functionApp, message) => {
    expect(() => synthWorkload(workloadWith(functionApp as never))).toThrow(path + message);
  });
});

describe("workload.storageAccountName", () => {
  test.each([
    ["uppercase and '-'", "St-KedaFn", 'storageAccountName = "St-KedaFn": must be 3-24 lowercase letters and digits (Microsoft.Storage/storageAccounts), globally unique. Fix: use a name such as "stkedafn"'],
    ["too short", "st", 'storageAccountName = "st": must be 3-24 lowercase letters and digits (Microsoft.Storage/storageAccounts), globally unique. Fix: use a name such as "st0"'],
    ["too long", "stkedafunctionsdevwesteurope", 'storageAccountName = "stkedafunctionsdevwesteurope": must be 3-24 lowercase letters and digits (Microsoft.Storage/storageAccounts), globally unique. Fix: use a name such as "stkedafunctionsdevwesteu"'],
  ])("%s fails synth", (_rule, name, line) => {
    expect(() => synthConfig(devWith({ workload: { storageAccountName: name } }))).toThrow(`WorkloadStack at "dev-workload" has 1 invalid property:\n  - ${line}`);
  });

  test("a settings-based app passes the project policy (settings in a ConfigMap, no literal Secret values)", () => {
    const folder = appFolder([{ name: "worker", trigger: { type: "queueTrigger", queueName: "%JobsQueue%", connection: "AzureWebJobsStorage" } }]);
    const synth = synthConfig(devWith({ workload: { functionApp: { sourceDirectory: folder, image: { source: "reference", reference: REFERENCE }, settings: { JobsQueue: "jobs-v2" } } } }));
    expect(all(synth.stack("dev-workload"), "azurerm_storage_queue").map((q) => q.name).sort()).toEqual(["jobs-v2", "jobs-v2-poison"]);
  });

  test("every workload violation is reported together", () => {
    expect(() => synthWorkload(workloadWith({ image: { source: "reference", reference: "x:latest" } }, { storageAccountName: "BAD" }))).toThrow(
      'WorkloadStack at "dev-workload" has 2 invalid properties:\n  - storageAccountName = "BAD"',
    );
  });
});

describe("functionApp.burstToVirtualNodes", () => {
  const NEEDS_VIRTUAL_NODES =
    "workload.functionApp.burstToVirtualNodes = true: needs virtual nodes in the cluster (cluster.virtualNodes.enabled is false): no node would take the burst. Fix: set cluster.virtualNodes.enabled to true, or leave burstToVirtualNodes off";
  const NO_IDENTITY =
    'workload.functionApp.burstToVirtualNodes = true: virtual-node (ACI) pods get no workload identity token, and the workload stack connects the app to its storage account only with workload identity (shared keys are disabled). Fix: leave burstToVirtualNodes off, or deploy the app with KedaFunctionApp in connectionMode "connection-string" outside this stack';

  test("without virtual nodes: both problems in one error, before any stack exists", () => {
    expect(() => synthConfig(devWith({ workload: { functionApp: { burstToVirtualNodes: true } } }))).toThrow(
      `EnvironmentConfig at "config/dev.ts" has 2 invalid properties:\n  - ${NEEDS_VIRTUAL_NODES}\n  - ${NO_IDENTITY}`,
    );
  });

  test("with virtual nodes: the workload identity conflict alone", () => {
    const config = devWith({ cluster: { virtualNodes: { enabled: true } }, workload: { functionApp: { burstToVirtualNodes: true } } });
    expect(environmentViolations(config).map((v) => v.rule)).toEqual([expect.stringMatching(/^virtual-node \(ACI\) pods get no workload identity token/)]);
  });

  test("off (the default) passes", () => {
    expect(environmentViolations(dev()).filter((v) => v.property.startsWith("workload."))).toEqual([]);
  });

  test("the stack hands it to the construct, which refuses it with workload identity", () => {
    expect(() => synthWorkload(workloadWith({ burstToVirtualNodes: true }))).toThrow(
      'KedaFunctionApp at "dev-workload/function-app" has 1 invalid property:\n  - burstToVirtualNodes = true: virtual-node (ACI) pods get no workload identity token',
    );
  });
});

describe("storage queues from the functions manifest", () => {
  const worker = (queueName: string, connection = "AzureWebJobsStorage") => ({ name: "worker", trigger: { type: "queueTrigger", queueName, connection } });
  const queueNames = (stack: any) => all(stack, "azurerm_storage_queue").map((q) => q.name).sort();

  test("%Setting% names resolve from functionApp.settings, which the pods get too", () => {
    const stack = synthWorkload(
      workloadWith({ sourceDirectory: appFolder([worker("%JobsQueue%")]), image: { source: "reference", reference: REFERENCE }, settings: { JobsQueue: "jobs-v2" } }),
    );
    expect(queueNames(stack)).toEqual(["jobs-v2", "jobs-v2-poison"]);
    const scaled = all(stack, "kubernetes_manifest").map((r) => r.manifest).find((m) => m.kind === "ScaledObject");
    expect(scaled.spec.triggers[0].metadata.queueName).toBe("jobs-v2");
    const settings = all(stack, "kubernetes_manifest").map((r) => r.manifest).find((m) => m.metadata.name === "keda-func-settings");
    expect({ kind: settings.kind, data: settings.data }).toEqual({ kind: "ConfigMap", data: { JobsQueue: "jobs-v2" } });
  });

  test("literal names as before; another connection's queues are not created here", () => {
    const stack = synthWorkload(
      workloadWith({
        sourceDirectory: appFolder([worker("jobs"), { name: "billing", trigger: { type: "queueTrigger", queueName: "bills", connection: "BillingStorage" } }]),
        image: { source: "reference", reference: REFERENCE },
      }),
    );
    expect(queueNames(stack)).toEqual(["jobs", "jobs-poison"]);
  });

  test("an unresolvable %Setting% fails synth naming the setting; no queue called %X% is ever planned", () => {
    expect(() => synthWorkload(workloadWith({ sourceDirectory: appFolder([worker("%JobsQueue%")]), image: { source: "reference", reference: REFERENCE } }))).toThrow(
      'KedaFunctionApp at "dev-workload/function-app": function "worker": "%JobsQueue%" refers to app setting "JobsQueue", which is not set: add it to the app\'s settings.',
    );
  });
});
