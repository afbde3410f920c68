import type { IPodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import { FunctionAppSpec, objectNames } from "./spec";
import { appLabels, selectorLabels } from "./labels";

/**
 * The pod both Deployments run, restricted to `functions` through the host's
 * `AzureFunctionsJobHost__functions__N` allow-list.
 */
export function renderPodTemplate(
  spec: FunctionAppSpec,
  component: "http" | "worker",
  functions: readonly string[],
): IPodTemplateSpec {
  const names = objectNames(spec.name);
  const env: IEnvVar[] = [
    ...functions.map((fn, i) => ({ name: `AzureFunctionsJobHost__functions__${i}`, value: fn })),
    { name: "AzureFunctionsWebHost__hostid", value: spec.hostId },
    { name: "ASPNETCORE_URLS", value: `http://+:${spec.containerPort}` },
  ];
  return {
    metadata: {
      labels: {
        ...appLabels(spec.name, component),
        ...selectorLabels(spec.name, component),
        // Makes the workload identity webhook project a token for the ServiceAccount's identity.
        "azure.workload.identity/use": "true",
      },
    },
    spec: {
      serviceAccountName: names.serviceAccount,
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
      nodeSelector: { "kubernetes.io/os": "linux" },
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 1000,
        runAsGroup: 1000,
        fsGroup: 1000,
        seccompProfile: { type: "RuntimeDefault" },
      },
      containers: [
        {
          name: "functions",
          image: spec.image,
          imagePullPolicy: "IfNotPresent",
          ports: [{ name: "http", containerPort: spec.containerPort, protocol: "TCP" }],
          env,
          envFrom: [{ configMapRef: { name: names.settings } }],
          resources: {
            requests: { cpu: spec.resources.cpuRequest, memory: spec.resources.memoryRequest },
            limits: { memory: spec.resources.memoryLimit },
          },
          securityContext: {
            allowPrivilegeEscalation: false,
            privileged: false,
            capabilities: { drop: ["ALL"] },
          },
          // `/` answers 200 only once the script host is running.
          readinessProbe: { httpGet: { path: "/", port: "http" }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
          // `/admin/host/ping` is anonymous and cheap: the right liveness check.
          livenessProbe: {
            httpGet: { path: "/admin/host/ping", port: "http" },
            periodSeconds: 20,
            timeoutSeconds: 5,
            failureThreshold: 3,
          },
          // The host can take a while to load extensions on a cold node; allow 5 minutes.
          startupProbe: {
            httpGet: { path: "/admin/host/ping", port: "http" },
            periodSeconds: 5,
            timeoutSeconds: 5,
            failureThreshold: 60,
          },
        },
      ],
    },
  };
}
