import { App } from "cdktf";
import { EnvironmentConfig } from "../config/environment";
import { ClusterStack } from "./cluster-stack";
import { RegistryStack } from "./registry-stack";
import { WorkloadStack } from "./workload-stack";

export interface ProjectStacks {
  readonly registry: RegistryStack;
  readonly cluster: ClusterStack;
  readonly workload: WorkloadStack;
}

/**
 * Adds the three stacks of one environment to `app`, named `<env>-registry`,
 * `<env>-cluster` and `<env>-workload` (the deploy order). Cross-stack references make
 * cdktf record the dependencies in `manifest.json`.
 */
export function addEnvironment(app: App, config: EnvironmentConfig): ProjectStacks {
  const shared = { location: config.location, tags: config.tags };
  const registry = new RegistryStack(app, `${config.name}-registry`, { ...shared, registry: config.registry });
  const cluster = new ClusterStack(app, `${config.name}-cluster`, {
    ...shared,
    cluster: config.cluster,
    registryId: registry.registryId,
  });
  const workload = new WorkloadStack(app, `${config.name}-workload`, {
    ...shared,
    workload: config.workload,
    loginServer: registry.loginServer,
    cluster: {
      host: cluster.host,
      clusterCaCertificate: cluster.clusterCaCertificate,
      oidcIssuerUrl: cluster.oidcIssuerUrl,
    },
  });
  return { registry, cluster, workload };
}
