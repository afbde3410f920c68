import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Component, appLabels } from "./labels";
import { FunctionAppSpec } from "./spec";
import { byCodePoint } from "../../core/ordering";

/** `metadata` of an object of the app: name, namespace and the app's labels. */
export function objectMeta(spec: FunctionAppSpec, name: string, component?: Component): IObjectMeta {
  return { name, namespace: spec.namespace, labels: appLabels(spec.name, component) };
}

/** A copy with keys in code-point order: objects and YAML stay byte-stable. */
export function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byCodePoint(a, b)));
}
