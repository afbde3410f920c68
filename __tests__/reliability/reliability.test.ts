import { readFileSync } from "node:fs";
import { functionTimeoutSeconds } from "../../constructs/keda-function-app/resolve";
import { SynthesizedApp, StackJson, manifestsOf, resourcesOf, synthEnvironment } from "../support/synth-app";

const apps: Record<string, SynthesizedApp> = {};
beforeAll(() => {
  apps.dev = synthEnvironment("dev");
  apps.prod = synthEnvironment("prod");
});

const ENVS = ["dev", "prod"] as const;
const stackNames = (env: string) => Object.keys(apps[env].manifest.stacks).sort();
const stacks = (env: string): Array<[string, StackJson]> => stackNames(env).map((n) => [n, apps[env].stack(n)]);
const objects = (env: string) => stacks(env).flatMap(([, s]) => manifestsOf(s));
const SECRET_KEYS = ["access_key", "sas_token", "client_secret", "client_certificate_password", "password"];


describe("R1 state: every stack has its own backend, with locking and no secrets", () => {
  test.each(ENVS)("%s: local backends use relative, distinct paths", (env) => {
    const paths = stacks(env).map(([, s]) => s.terraform.backend?.local?.path as string);
    expect(paths.every((p) => typeof p === "string" && !p.startsWith("/"))).toBe(true);
    expect(new Set(paths).size).toBe(paths.length);
  });
  // azurerm and cloud backends (one key or workspace per stack, Entra ID auth, no secrets):
  // stacks/state-backend.test.ts.
});

describe("R2 the registry cannot be destroyed by a plan", () => {
  test.each(ENVS)("%s: prevent_destroy on azurerm_container_registry", (env) => {
    const registries = stacks(env).flatMap(([, s]) => resourcesOf(s, "azurerm_container_registry"));
    expect(registries.length).toBeGreaterThan(0);
    for (const r of registries) expect(r.lifecycle).toEqual(expect.objectContaining({ prevent_destroy: true }));
  });
});

describe("R3 attributes that force replacement are pinned (change them only on purpose)", () => {
  function forceNew(env: string) {
    const all = stacks(env).map(([, s]) => s);
    const one = (type: string) => all.flatMap((s) => resourcesOf(s, type));
    const aks = one("azurerm_kubernetes_cluster")[0];
    return {
      registry: one("azurerm_container_registry").map((r) => ({ name: r.name, zone_redundancy_enabled: r.zone_redundancy_enabled ?? false })),
      cluster: {
        name: aks.name,
        dns_prefix: aks.dns_prefix,
        private_cluster_enabled: aks.private_cluster_enabled ?? false,
        disk_encryption_set_id: aks.disk_encryption_set_id ?? null,
        default_node_pool: aks.default_node_pool.name,
        temporary_name_for_rotation: aks.default_node_pool.temporary_name_for_rotation,
      },
      node_pools: one("azurerm_kubernetes_cluster_node_pool").map((p) => p.name).sort(),
      storage_accounts: one("azurerm_storage_account").map((s) => s.name).sort(),
      resource_groups: one("azurerm_resource_group").map((g) => g.name).sort(),
    };
  }

  test.each([
    [
      "dev",
      {
        registry: [{ name: "acrkedafndev", zone_redundancy_enabled: false }],
        cluster: { name: "aks-kedafn-dev", dns_prefix: "aks-kedafn-dev", private_cluster_enabled: false, disk_encryption_set_id: null, default_node_pool: "system", temporary_name_for_rotation: "systemtmp" },
        node_pools: ["user"],
        storage_accounts: ["stkedafndev"],
        resource_groups: ["rg-kedafn-dev-cluster", "rg-kedafn-dev-registry", "rg-kedafn-dev-workload"],
      },
    ],
    [
      "prod",
      {
        registry: [{ name: "acrkedafnprod", zone_redundancy_enabled: true }],
        cluster: {
          name: "aks-kedafn-prod",
          dns_prefix: "aks-kedafn-prod",
          private_cluster_enabled: true,
          // The stack's own set (diskEncryption mode "customer-managed"), by its Terraform address.
          disk_encryption_set_id: "${azurerm_disk_encryption_set.disk-key_disk-encryption-set_6900CAF8.id}",
          default_node_pool: "system",
          temporary_name_for_rotation: "systemtmp",
        },
        node_pools: ["user"],
        storage_accounts: ["stkedafnprod"],
        resource_groups: ["rg-kedafn-prod-cluster", "rg-kedafn-prod-registry", "rg-kedafn-prod-workload"],
      },
    ],
  ])("%s", (env, expected) => {
    expect(forceNew(env)).toEqual(expected);
  });
});

describe("R4 images that running pods use are never purged", () => {
  // Retention deletes only untagged manifests. Each build gets its own tag (the build context's
  // hash) that is never moved, so the digest a pod pins always stays tagged.
  test.each(ENVS)("%s: every pod pins an immutable content-hash tag and the pushed digest", (env) => {
    const deployments = objects(env).filter((o) => o.kind === "Deployment");
    expect(deployments.length).toBeGreaterThan(0);
    for (const deployment of deployments) {
      for (const container of deployment.spec.template.spec.containers) {
        expect(container.image).toMatch(/\/keda-func:[0-9a-f]{16}@\$\{docker_registry_image\.[^.]+\.sha256_digest\}$/);
      }
    }
  });

  test.each(ENVS)("%s: the tag is derived from the image's inputs, and the push is triggered by the same hash", (env) => {
    const workload = apps[env].stack(`${env}-workload`);
    const [image] = resourcesOf(workload, "docker_image");
    const [push] = resourcesOf(workload, "docker_registry_image");
    const tag = (image.name as string).split(":").pop();
    expect(image.triggers.context_sha256.startsWith(tag!)).toBe(true);
    expect(push.triggers.context_sha256).toBe(image.triggers.context_sha256);
    expect(push.keep_remotely).toBe(true);
  });

  test.each(ENVS)("%s: a retention policy exists only on Premium and stays within 1-365 days", (env) => {
    const [registry] = resourcesOf(apps[env].stack(`${env}-registry`), "azurerm_container_registry");
    const days = registry.retention_policy_in_days;
    if (registry.sku !== "Premium") expect(days).toBeUndefined();
    else if (days !== undefined) expect(days >= 1 && days <= 365).toBe(true);
  });
});

describe("R5-R9 workloads keep running through rollouts, drains, scale-in and scaler outages", () => {
  test.each(ENVS)("%s R6: no replicas on a Deployment a ScaledObject targets", (env) => {
    const all = objects(env);
    const targets = all.filter((o) => o.kind === "ScaledObject").map((s) => s.spec.scaleTargetRef.name);
    expect(targets.length).toBeGreaterThan(0);
    for (const name of targets) {
      const deployment = all.find((o) => o.kind === "Deployment" && o.metadata.name === name)!;
      expect(deployment.spec).not.toHaveProperty("replicas");
    }
  });

  test.each(ENVS)("%s R5: every Deployment rolls out with maxUnavailable 0", (env) => {
    const deployments = objects(env).filter((o) => o.kind === "Deployment");
    expect(deployments.length).toBeGreaterThan(0);
    for (const d of deployments) expect(d.spec.strategy).toEqual(expect.objectContaining({ type: "RollingUpdate", rollingUpdate: expect.objectContaining({ maxUnavailable: 0 }) }));
  });

  test.each(ENVS)("%s R7: each Deployment has a PDB that allows at least one eviction", (env) => {
    const all = objects(env);
    for (const d of all.filter((o) => o.kind === "Deployment")) {
      const labels = d.spec.template.metadata.labels;
      const pdb = all.find(
        (p) => p.kind === "PodDisruptionBudget" && Object.entries(p.spec.selector.matchLabels).every(([k, v]) => labels[k] === v),
      );
      expect(pdb).toBeDefined();
      expect(pdb!.spec.minAvailable).toBeUndefined();
      expect(pdb!.spec.maxUnavailable).toBeGreaterThanOrEqual(1);
    }
  });

  test.each(ENVS)("%s R8: terminationGracePeriodSeconds >= host.json functionTimeout", (env) => {
    const hostJson = JSON.parse(readFileSync("function-app/host.json", "utf8"));
    const timeout = functionTimeoutSeconds(hostJson.functionTimeout);
    expect(timeout).toBe(300);
    for (const d of objects(env).filter((o) => o.kind === "Deployment")) {
      expect(d.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(timeout);
    }
  });

  test.each(ENVS)("%s R9: ScaledObjects fall back to min..max replicas and scale with workload identity", (env) => {
    const all = objects(env);
    for (const s of all.filter((o) => o.kind === "ScaledObject")) {
      expect(s.spec.fallback.failureThreshold).toBeGreaterThanOrEqual(1);
      expect(s.spec.fallback.replicas).toBeGreaterThanOrEqual(Math.max(1, s.spec.minReplicaCount ?? 0));
      expect(s.spec.fallback.replicas).toBeLessThanOrEqual(s.spec.maxReplicaCount);
      for (const t of s.spec.triggers) {
        expect(t.metadata).not.toHaveProperty("connection");
        expect(t.metadata).not.toHaveProperty("connectionFromEnv");
        const auth = all.find((o) => o.kind === "TriggerAuthentication" && o.metadata.name === t.authenticationRef.name);
        expect(auth?.spec.podIdentity.provider).toBe("azure-workload");
      }
    }
  });
});

describe("R10 deploy order cannot half-apply", () => {
  test.each(ENVS)("%s: no stack mixes the cluster with Kubernetes objects, and the workload depends on the cluster", (env) => {
    for (const [, s] of stacks(env)) {
      const types = Object.keys(s.resource ?? {});
      const hasCluster = types.includes("azurerm_kubernetes_cluster");
      const hasKubernetes = types.some((t) => t.startsWith("kubernetes_") || t.startsWith("helm_"));
      expect(hasCluster && hasKubernetes).toBe(false);
    }
    expect(apps[env].manifest.stacks[`${env}-workload`].dependencies).toEqual(expect.arrayContaining([`${env}-cluster`, `${env}-registry`]));
  });
});

describe("no secret values anywhere in the synthesized output (default configuration)", () => {
  const PATTERNS = [
    /AccountKey=[A-Za-z0-9+/]{20,}/i,
    /SharedAccessKey=[A-Za-z0-9+/]{20,}/i,
    /[?&]sig=[A-Za-z0-9%+/=]{20,}/,
    /(?<![A-Za-z0-9+/-])[A-Za-z0-9+/]{86}==/,
    /primary_access_key|secondary_access_key|primary_connection_string|kube_admin_config|client_key/,
  ];
  test.each(ENVS)("%s", (env) => {
    for (const name of stackNames(env)) {
      const raw = apps[env].raw(name);
      for (const pattern of PATTERNS) expect({ name, match: pattern.exec(raw)?.[0] }).toEqual({ name, match: undefined });
      const json = JSON.parse(raw) as StackJson;
      for (const provider of Object.values(json.provider ?? {}).flat()) for (const key of SECRET_KEYS) expect(provider).not.toHaveProperty(key);
      expect(Object.keys(json.resource ?? {}).filter((t) => t === "kubernetes_secret" || t === "kubernetes_secret_v1")).toEqual([]);
      for (const secret of manifestsOf(json).filter((o) => o.kind === "Secret")) {
        expect(Object.values({ ...(secret.data ?? {}), ...(secret.stringData ?? {}) })).toEqual([]);
      }
    }
  });
});
