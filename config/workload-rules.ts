import { checkStorageAccountName } from "../constructs/core/azure-names";
import { checkImageReference } from "../constructs/core/image-reference";
import { Rule } from "../constructs/core/validation";
import { WorkloadConfig } from "./environment";

/** Every rule the workload stack's own settings must meet; the stack reports all failures together. */
export const workloadRules: ReadonlyArray<Rule<WorkloadConfig>> = [
  (w) => checkStorageAccountName("storageAccountName", w.storageAccountName),
  (w) => (w.functionApp.image?.source === "reference" ? checkImageReference("functionApp.image.reference", w.functionApp.image.reference) : undefined),
  (w) =>
    w.functionApp.image?.source === "acr-task" && !/^https:\/\/\S+$/.test(w.functionApp.image.contextPath)
      ? {
          property: "functionApp.image.contextPath",
          value: w.functionApp.image.contextPath,
          rule: "must be an https URL ACR can fetch the build context from (Git repository or tarball)",
          fix: 'use e.g. "https://github.com/org/repo.git#main:function-app"',
        }
      : undefined,
  (w) =>
    w.functionApp.connectionMode === "connection-string" && Object.keys(w.functionApp.settings ?? {}).length > 0
      ? {
          property: "functionApp.settings",
          value: Object.keys(w.functionApp.settings ?? {}).sort(),
          rule: 'must be empty with connectionMode "connection-string": the settings then travel in the Secret that holds the storage connection string, and the project policy (PRJ_NO_SECRET_LITERALS) allows no literal values in a Secret',
          fix: 'drop the settings (e.g. use literal queue names), or use connectionMode "workload-identity", where they go in a ConfigMap',
        }
      : undefined,
];
