/**
 * Containerized Azure Functions on AKS, scaled by KEDA, as CDK for Terraform constructs.
 *
 * The package root is the public API and re-exports nothing else. docs/api.md lists every
 * export by area: the project's stacks (`cdktf deploy`, Terraform Cloud), the typed environment
 * configuration, the constructs with their props (`KedaFunctionApp`, the AKS cluster, the
 * container registry), the policy Aspects, and the validation error. Internal helpers are
 * imported by path inside the package and are not part of it.
 *
 * @packageDocumentation
 */
export * from "./constructs";
export * from "./config";
export { addEnvironment } from "./stacks/app";
export type { ProjectStacks } from "./stacks/app";
export { AzureStack } from "./stacks/azure-stack";
export type { AzureProviderOptions, AzureStackProps } from "./stacks/azure-stack";
export { addStateBackend } from "./stacks/state-backend";
export { RegistryStack } from "./stacks/registry-stack";
export type { RegistryStackProps } from "./stacks/registry-stack";
export { ClusterStack } from "./stacks/cluster-stack";
export type { ClusterStackProps } from "./stacks/cluster-stack";
export { AddonsStack } from "./stacks/addons-stack";
export type { AddonsStackProps } from "./stacks/addons-stack";
export { WorkloadStack } from "./stacks/workload-stack";
export type { WorkloadStackProps } from "./stacks/workload-stack";
