import { Testing } from "cdktf";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnvironmentConfig, WorkloadConfig, environmentConfig } from "../../config";
import { environmentViolations } from "../../config/validation";
import { ClusterEndpoint } from "../../constructs/aks-cluster/cluster-endpoint";
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
    cluster: ClusterEndpoint.fromAttributes({ host: "https://aks.example", clusterCaCertificate: "Y2E=", oidcIssuerUrl: "https://issuer.example/" }),
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

describe("functionApp.burstToVirtualNodes and connectionMode", () => {
  const NEEDS_VIRTUAL_NODES =
    "workload.functionApp.burstToVirtualNodes = true: needs virtual nodes in the cluster (cluster.virtualNodes.enabled is false): no node would take the burst. Fix: set cluster.virtualNodes.enabled to true, or leave burstToVirtualNodes off";
  const NEEDS_CONNECTION_STRING = (mode: string) =>
    `workload.functionApp.burstToVirtualNodes = true: needs workload.functionApp.connectionMode "connection-string" (it is "${mode}"): virtual-node (ACI) pods get no workload identity token, so identity-based storage connections fail there. Fix: set workload.functionApp.connectionMode to "connection-string" (unsafe: the storage key lands in Terraform state and a Kubernetes Secret, see docs/deploy.md), or leave burstToVirtualNodes off`;
  const VIRTUAL_NODES = { virtualNodes: { enabled: true }, network: { mode: "vnet" } } as const;
  const BURST = { burstToVirtualNodes: true, connectionMode: "connection-string" } as const;

  test.each([
    ["no virtual nodes, default mode", {}, { burstToVirtualNodes: true }, [NEEDS_VIRTUAL_NODES, NEEDS_CONNECTION_STRING("workload-identity")]],
    ["no virtual nodes, connection-string", {}, BURST, [NEEDS_VIRTUAL_NODES]],
    ["virtual nodes, explicit workload-identity", VIRTUAL_NODES, { burstToVirtualNodes: true, connectionMode: "workload-identity" }, [NEEDS_CONNECTION_STRING("workload-identity")]],
    ["virtual nodes, default mode", VIRTUAL_NODES, { burstToVirtualNodes: true }, [NEEDS_CONNECTION_STRING("workload-identity")]],
    ["virtual nodes, connection-string", VIRTUAL_NODES, BURST, []],
    ["off (the default)", {}, {}, []],
    ["connection-string without burst", {}, { connectionMode: "connection-string" }, []],
  ] as const)("%s", (_case, cluster, functionApp, messages) => {
    const config = devWith({ cluster: cluster as DeepPartial<EnvironmentConfig["cluster"]>, workload: { functionApp } });
    const lines = environmentViolations(config)
      .filter((v) => v.property.startsWith("workload."))
      .map((v) => `${v.property} = ${JSON.stringify(v.value)}: ${v.rule}. Fix: ${v.fix}`);
    expect(lines).toEqual(messages);
  });

  test("all problems in one error, before any stack exists", () => {
    expect(() => synthConfig(devWith({ workload: { functionApp: { burstToVirtualNodes: true } } }))).toThrow(
      `EnvironmentConfig at "config/dev.ts" has 2 invalid properties:\n  - ${NEEDS_VIRTUAL_NODES}\n  - ${NEEDS_CONNECTION_STRING("workload-identity")}`,
    );
  });

  test("connectionMode is a closed choice", () => {
    expect(() => synthConfig(devWith({ workload: { functionApp: { connectionMode: "account-key" as never } } }))).toThrow(
      'workload.functionApp.connectionMode = "account-key": must be one of "workload-identity", "connection-string". Fix: use one of the listed values (they are case-sensitive)',
    );
  });

  test("connection-string with settings: refused, they would be literal values in the Secret", () => {
    expect(() => synthWorkload(workloadWith({ connectionMode: "connection-string", settings: { JobsQueue: "jobs-v2" } }))).toThrow(
      'WorkloadStack at "dev-workload" has 1 invalid property:\n  - functionApp.settings = ["JobsQueue"]: must be empty with connectionMode "connection-string": the settings then travel in the Secret that holds the storage connection string, and the project policy (PRJ_NO_SECRET_LITERALS) allows no literal values in a Secret. Fix: drop the settings (e.g. use literal queue names), or use connectionMode "workload-identity", where they go in a ConfigMap',
    );
  });

  test("the stack still hands burst to the construct, which refuses it with workload identity", () => {
    expect(() => synthWorkload(workloadWith({ burstToVirtualNodes: true }))).toThrow(
      'KedaFunctionApp at "dev-workload/function-app" has 1 invalid property:\n  - burstToVirtualNodes = true: virtual-node (ACI) pods get no workload identity token',
    );
  });

  describe("dev with virtual nodes, burst and connection-string", () => {
    let synth: ReturnType<typeof synthConfig>;
    let stack: any;
    const objects = () => all(stack, "kubernetes_manifest").map((r) => r.manifest);
    const storageName = () => Object.keys(stack.resource.azurerm_storage_account)[0];
    beforeAll(() => {
      synth = synthConfig(devWith({ cluster: VIRTUAL_NODES, workload: { functionApp: BURST } }));
      stack = synth.stack("dev-workload");
    });

    test("the worker tolerates virtual-kubelet and prefers regular nodes", () => {
      const worker = objects().find((o) => o.kind === "Deployment" && o.metadata.name === "keda-func").spec.template.spec;
      expect(worker.tolerations).toEqual(expect.arrayContaining([{ key: "virtual-kubelet.io/provider", operator: "Exists", effect: "NoSchedule" }]));
      expect(worker.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution).toEqual([
        { weight: 100, preference: { matchExpressions: [{ key: "type", operator: "NotIn", values: ["virtual-kubelet"] }] } },
      ]);
    });

    test("the default dev worker neither tolerates virtual nodes nor carries node affinity", () => {
      const worker = all(synthWorkload(dev().workload), "kubernetes_manifest")
        .map((r) => r.manifest)
        .find((o) => o.kind === "Deployment" && o.metadata.name === "keda-func").spec.template.spec;
      expect(worker.tolerations ?? []).toEqual([]);
      expect(worker.affinity?.nodeAffinity).toBeUndefined();
    });

    test("the settings Secret holds a reference to the account's connection string, never a literal; both Deployments read it", () => {
      const settings = objects().find((o) => o.metadata.name === "keda-func-settings");
      expect(settings).toEqual(
        expect.objectContaining({ kind: "Secret", type: "Opaque", stringData: { AzureWebJobsStorage: `\${azurerm_storage_account.${storageName()}.primary_connection_string}` } }),
      );
      for (const d of objects().filter((o) => o.kind === "Deployment")) {
        expect(d.spec.template.spec.containers[0].envFrom).toEqual([{ secretRef: { name: "keda-func-settings" } }]);
        expect(d.spec.template.spec.containers[0].env.map((e: any) => e.name)).not.toContain("AzureWebJobsStorage__accountName");
      }
      expect(synth.raw("dev-workload")).not.toMatch(/AccountKey=/);
    });

    test("storage accepts shared keys (portal still defaults to Entra ID)", () => {
      expect(stack.resource.azurerm_storage_account[storageName()]).toMatchObject({ shared_access_key_enabled: true, default_to_oauth_authentication: true });
    });

    test("no identity, federation, role assignment or TriggerAuthentication", () => {
      for (const type of ["azurerm_user_assigned_identity", "azurerm_federated_identity_credential", "azurerm_role_assignment"]) {
        expect(stack.resource?.[type]).toBeUndefined();
      }
      expect(objects().filter((o) => o.kind === "TriggerAuthentication" || o.kind === "ServiceAccount" && o.metadata.annotations?.["azure.workload.identity/client-id"])).toEqual([]);
    });

    test("KEDA reads the queue with connectionFromEnv", () => {
      const scaled = objects().find((o) => o.kind === "ScaledObject" && o.metadata.name === "keda-func");
      expect(scaled.spec.triggers).toEqual([
        expect.objectContaining({ type: "azure-queue", metadata: expect.objectContaining({ queueName: "jobs", connectionFromEnv: "AzureWebJobsStorage" }) }),
      ]);
      expect(scaled.spec.triggers[0].authenticationRef).toBeUndefined();
    });
  });

  test("synth warns about the unsafe switch; the default does not", () => {
    const warnings = (config: EnvironmentConfig) => {
      const stack = new WorkloadStack(Testing.app(), "dev-workload", {
        location: "westeurope",
        workload: config.workload,
        loginServer: "example.azurecr.io",
        registryId: REGISTRY_ID,
        cluster: ClusterEndpoint.fromAttributes({ host: "https://aks.example", clusterCaCertificate: "Y2E=", oidcIssuerUrl: "https://issuer.example/" }),
      });
      return stack.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    };
    expect(warnings(devWith({ workload: { functionApp: { connectionMode: "connection-string" } } }))).toEqual([
      expect.stringMatching(/^workload\.functionApp\.connectionMode is "connection-string" \(unsafe\): the storage account accepts shared keys, and its primary connection string is stored in Terraform state and in the Kubernetes Secret/),
    ]);
    expect(warnings(dev())).toEqual([]);
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
        // The billing connection must resolve to a setting (or the construct refuses it).
        settings: { BillingStorage__queueServiceUri: "https://stbilling.queue.core.windows.net" },
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
