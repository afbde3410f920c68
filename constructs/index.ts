// The constructs of the package, each folder's public API. Shared helpers of constructs/core
// stay internal, except the error every construct throws on bad props.
export * from "./keda-function-app";
export * from "./aks-cluster";
export * from "./container-registry";
export * from "./policy";
export { ValidationError } from "./core/validation";
export type { Violation } from "./core/validation";
