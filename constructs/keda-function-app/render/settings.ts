import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { ISecret } from "kubernetes-models/v1/Secret";
import { objectMeta, sortedRecord } from "./metadata";
import { FunctionAppSpec, objectNames } from "./spec";

/**
 * The app settings object `func kubernetes deploy` writes from `local.settings.json`:
 * a ConfigMap by default, because these values are literals in the Terraform JSON and state
 * and so must not be secrets; a Secret (`stringData`) only with `settingsObjectKind: "Secret"`,
 * meant for values that are Terraform references. None when there are no settings.
 */
export function renderSettings(spec: FunctionAppSpec): ISecret | IConfigMap | undefined {
  if (Object.keys(spec.settings.values).length === 0) return undefined;
  const metadata = objectMeta(spec, objectNames(spec.name).settings);
  const values = sortedRecord(spec.settings.values);
  return spec.settings.kind === "Secret"
    ? { apiVersion: "v1", kind: "Secret", metadata, type: "Opaque", stringData: values }
    : { apiVersion: "v1", kind: "ConfigMap", metadata, data: values };
}
