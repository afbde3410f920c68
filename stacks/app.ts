import { App } from "cdktf";
import { EnvironmentConfig } from "../config/environment";
import { validateEnvironment } from "../config/validation";
import { resolveKedaSettings } from "../constructs/aks-cluster/defaults";
import { ValidationError } from "../constructs/core/validation";
import { policyExceptionViolations } from "../constructs/policy/policy-exceptions";
import { applyProjectPolicy } from "../constructs/policy/project-policy";
import { AddonsStack } from "./addons-stack";
import { ClusterStack } from "./cluster-stack";
import { RegistryStack } from "./registry-stack";
import { WorkloadStack } from "./workload-stack";

/** The stacks `addEnvironment` adds for one environment. */
export interface ProjectStacks {
  readonly registry: RegistryStack;
  readonly cluster: ClusterStack;
  /** Only when the config installs KEDA or its HTTP add-on with Helm. */
  readonly addons?: AddonsStack;
  readonly workload: WorkloadStack;
}

/**
 * Adds the stacks of one environment to `app`, named `<env>-registry`, `<env>-cluster`,
 * `<env>-addons` (only for Helm-installed KEDA / HTTP add-on) and `<env>-workload`, in deploy
 * order. Cross-stack references make cdktf record the dependencies in `manifest.json`.
 * The config is checked first (its own rules, then its policy exceptions against the policy the
 * stacks get); a broken one throws before any stack exists.
 */
export function addEnvironment(app: App, config: EnvironmentConfig): ProjectStacks {
  validateEnvironment(config);
  checkPolicyExceptions(config);
  const shared = { location: config.location, tags: config.tags, backend: config.backend };
  const registry = new RegistryStack(app, `${config.name}-registry`, { ...shared, registry: config.registry });
  const cluster = new ClusterStack(app, `${config.name}-cluster`, {
    ...shared,
    cluster: config.cluster,
    registryId: registry.registryId,
  });
  const keda = resolveKedaSettings(config.cluster.keda);
  const addons =
    keda.helm.enabled || keda.httpAddOn.enabled
      ? new AddonsStack(app, `${config.name}-addons`, {
          ...shared,
          keda: config.cluster.keda,
          kubeloginMode: config.workload.kubeloginMode,
          endpoint: cluster.aks.endpoint,
          resourceGroupName: cluster.aks.resourceGroupName,
        })
      : undefined;
  const workload = new WorkloadStack(app, `${config.name}-workload`, {
    ...shared,
    workload: config.workload,
    loginServer: registry.loginServer,
    registryId: registry.registryId,
    cluster: cluster.aks.endpoint,
  });
  // No value flows from the add-ons to the workload, but its ScaledObjects need KEDA's CRDs at plan time.
  if (addons) workload.addDependency(addons);
  applyProjectPolicy([registry, cluster, ...(addons ? [addons] : []), workload]);
  return { registry, cluster, addons, workload };
}

/**
 * The environment's accepted risks must name checks the project policy knows, with a reason: an
 * exception with a misspelt ID would suppress nothing. Checked here, where the policy is applied,
 * so the config layer needs no knowledge of the policy rules.
 */
function checkPolicyExceptions(config: EnvironmentConfig): void {
  const violations = [
    ...policyExceptionViolations("registry.policyExceptions", config.registry.policyExceptions ?? []),
    ...policyExceptionViolations("cluster.policyExceptions", config.cluster.policyExceptions ?? []),
  ];
  if (violations.length > 0) throw new ValidationError(`config/${config.name}.ts`, "EnvironmentConfig", violations);
}
