import { StackDocument } from "../../constructs/policy";

const meta = (path: string) => ({ "//": { metadata: { path, uniqueId: path } } });
const manifest = (path: string, object: Record<string, unknown>) => ({ ...meta(path), manifest: object });

const badContainer = {
  name: "bad",
  image: "example.azurecr.io/app:latest",
  imagePullPolicy: "IfNotPresent",
  ports: [{ name: "http", containerPort: 8080, hostPort: 8080 }],
  env: [
    { name: "DB_PASSWORD", value: "hunter2" },
    { name: "X", value: "1" },
    { name: "X", value: "2" },
    { name: "KEY", valueFrom: { secretKeyRef: { name: "s", key: "k" } } },
  ],
  securityContext: { privileged: true, runAsUser: 0, capabilities: { add: ["SYS_ADMIN"] } },
};
const probe = { httpGet: { path: "/", port: "metrics" } };
const probedContainer = { name: "probed", image: "repo", livenessProbe: probe, readinessProbe: probe };

/**
 * One synthesized stack that breaks every rule at least once: the proof that each policy
 * test can fail.
 */
export const NON_COMPLIANT_STACK: StackDocument = {
  resource: {
    azurerm_kubernetes_cluster: {
      aks: {
        ...meta("bad/aks"),
        role_based_access_control_enabled: false,
        addon_profile: { kube_dashboard: { enabled: true } },
        local_account_disabled: false,
        sku_tier: "Free",
        default_node_pool: { name: "p", type: "AvailabilitySet", node_public_ip_enabled: true, os_disk_type: "Managed" },
      },
    },
    azurerm_container_registry: {
      basic: { ...meta("bad/basic"), sku: "Basic", admin_enabled: true },
      standard: { ...meta("bad/standard"), sku: "Standard", anonymous_pull_enabled: true },
    },
    azurerm_role_assignment: {
      owner: { ...meta("bad/owner"), scope: "${azurerm_container_registry.standard.id}", role_definition_name: "Owner" },
      broad: { ...meta("bad/broad"), scope: "/subscriptions/00000000-0000-0000-0000-000000000000", role_definition_name: "Reader" },
    },
    azurerm_storage_account: {
      st: { ...meta("bad/st"), shared_access_key_enabled: true, min_tls_version: "TLS1_0" },
    },
    kubernetes_manifest: {
      deploy: manifest("bad/deploy", {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "bad", labels: { team: "-invalid-" } },
        spec: {
          replicas: 3,
          strategy: { type: "Recreate" },
          selector: { matchLabels: { app: "other" } },
          template: {
            metadata: { labels: { app: "bad" } },
            spec: {
              serviceAccountName: "default",
              hostNetwork: true,
              volumes: [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }],
              containers: [badContainer, probedContainer],
            },
          },
        },
      }),
      scaler: manifest("bad/scaler", {
        apiVersion: "keda.sh/v1alpha1",
        kind: "ScaledObject",
        metadata: { name: "bad" },
        spec: {
          scaleTargetRef: { name: "bad" },
          triggers: [{ type: "azure-queue", metadata: { queueName: "q", connectionFromEnv: "AzureWebJobsStorage" } }],
        },
      }),
      pdb: manifest("bad/pdb", {
        apiVersion: "policy/v1",
        kind: "PodDisruptionBudget",
        metadata: { name: "bad" },
        spec: { minAvailable: 1, selector: { matchLabels: { app: "nobody" } } },
      }),
      service: manifest("bad/service", {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: "bad" },
        spec: { type: "NodePort", selector: { app: "nobody" }, ports: [{ port: 80 }] },
      }),
      secret: manifest("bad/secret", {
        apiVersion: "v1",
        kind: "Secret",
        metadata: { name: "bad" },
        data: { AzureWebJobsStorage: "RGVmYXVsdEVuZHBvaW50c1Byb3RvY29sPWh0dHBz" },
      }),
    },
  },
};
