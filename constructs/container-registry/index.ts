export { ContainerRegistry } from "./container-registry";
export type { ContainerRegistryAttributes, ContainerRegistryProps, IContainerRegistry } from "./container-registry";
export { PRINCIPAL_TYPES } from "./grant";
export type { PrincipalType, RegistryGrantee } from "./grant";
export type { ResolvedRegistrySettings } from "./resolve";
export { REGISTRY_SKUS } from "./settings";
export type { RegistrySettings, RegistrySku } from "./settings";
