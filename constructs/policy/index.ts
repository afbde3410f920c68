export * from "./policy-rule";
export * from "./kubernetes";
export * from "./evaluate";
export * from "./policy-pack";
export * from "./all-rules";
export * from "./project-policy";
export * from "./policy-exceptions";
