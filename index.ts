/**
 * Containerized Azure Functions on AKS, scaled by KEDA, as CDK for Terraform constructs.
 *
 * The package root re-exports the public API and nothing else: the stacks and
 * `addEnvironment`, the constructs with their props and helpers, the settings and rule
 * tables of the registry and cluster, the policy Aspects, and the typed environment
 * configuration with the built-in environments.
 *
 * @packageDocumentation
 */
export * from "./constructs";
export * from "./constructs/aks-cluster";
export * from "./constructs/container-registry";
export * from "./constructs/policy";
export * from "./config";
export * from "./stacks/app";
export * from "./stacks/azure-stack";
export * from "./stacks/state-backend";
export * from "./stacks/registry-stack";
export * from "./stacks/cluster-stack";
export * from "./stacks/addons-stack";
export * from "./stacks/workload-stack";
export * from "./stacks/kubelogin";
export * from "./stacks/docker-registry-auth";
