export * from "./keda-function-app";
export * from "./props";
export * from "./image-source";
export * from "./functions-manifest";
export * from "./keda-triggers";
export { renderFunctionApp } from "./render/objects";
export type { KubernetesObject } from "./render/objects";
export { objectNames } from "./render/spec";
export type { FunctionAppSpec } from "./render/spec";
