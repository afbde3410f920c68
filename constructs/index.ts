export * from "./keda-function-app";
export * from "./core/validation";
