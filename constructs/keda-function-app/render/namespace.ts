import type { INamespace } from "kubernetes-models/v1/Namespace";
import { appLabels } from "./labels";
import { FunctionAppSpec } from "./spec";

/**
 * The app's own namespace, when the construct owns it (`namespace` not given, or
 * `createNamespace: true`). Pod Security admission enforces the `restricted` profile, which
 * the app's pods meet, so nothing less hardened can be started next to them.
 */
export function renderNamespace(spec: FunctionAppSpec): INamespace | undefined {
  if (spec.createNamespace !== true) return undefined;
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: spec.namespace,
      labels: {
        ...appLabels(spec.name),
        "pod-security.kubernetes.io/enforce": "restricted",
        "pod-security.kubernetes.io/warn": "restricted",
      },
    },
  };
}
