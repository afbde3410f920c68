// The public API of the KedaFunctionApp construct. Internal helpers (renderers, rule tables,
// the trigger catalogue's consumers, host ids, function discovery: the CLI's job) are imported by
// path inside the package, never from here.
export { KedaFunctionApp } from "./keda-function-app";
export * from "./props";
export * from "./choices";
export { DEFAULT_DENIED_EGRESS_CIDRS } from "./resolve";
export * from "./image-source";
export { HttpScaling } from "./http-scaling";
export type { KedaHttpAddOnOptions, CpuScalingOptions } from "./http-scaling";
export { KedaTrigger } from "./keda-trigger";
export type {
  AzureScalerConnection,
  StorageQueueTriggerOptions,
  ServiceBusTriggerOptions,
  PrometheusTriggerOptions,
  CpuTriggerOptions,
  MemoryTriggerOptions,
  BlobTriggerOptions,
  EventHubTriggerOptions,
  KafkaTriggerOptions,
  KafkaSaslOptions,
  RabbitMqTriggerOptions,
  CustomTriggerOptions,
} from "./keda-trigger-options";
export { FunctionAppSource } from "./function-app-source";
export { readFunctionsManifest } from "./functions-manifest";
export type { FunctionMetadata, FunctionsManifest, TriggerBinding } from "./functions-manifest";
export type { HostJson } from "./keda-triggers";
export { legacyHostId } from "./host-id";
export { exportObjects, exportObjectsWithNamespace, toYamlStream } from "./yaml-export";
export type { KubernetesObject, IInterceptorRoute } from "./render/objects";
export { sampleFunctionAppDirectory } from "./sample-app";
