// The constructs of the package, each folder's public API. Shared helpers of constructs/core
// stay internal, except the error every construct throws on bad props and the shapes of
// existing resources that several constructs accept.
export * from "./keda-function-app";
export * from "./aks-cluster";
export * from "./container-registry";
export * from "./policy";
export { ValidationError } from "./core/validation";
export type { Violation } from "./core/validation";
export type { ResourceGroupRef } from "./core/resource-group";
