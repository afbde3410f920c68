export * from "./settings";
export * from "./rules";
export * from "./render";
