export * from "./settings";
export * from "./rules";
